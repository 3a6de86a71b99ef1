// The offline credential: what a workstation keeps so its user can sign in without the server,
// and the login service and dialog using it when the server cannot be reached.

#include "fakeclock.h"
#include "sync/core/localcache.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/logindialog.h"
#include "workstation/ui/loginservice.h"
#include "workstation/ui/offlinecredential.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace nara;
using namespace nara::workstation;

#define QVERIFY_OK(result)                                                                                             \
    QVERIFY2((result).has_value(), (result).has_value() ? "" : qPrintable((result).error().message))

namespace {

const QString kPassword = QStringLiteral("Kaffe-och-Kanelbulle-7391");
constexpr qint64 kNow = 1'764'000'000'000;
constexpr qint64 kHour = 60 * 60 * 1000;

LoginSession annasSession(const QUrl &server)
{
    LoginSession session;
    session.server = server;
    session.token = QStringLiteral("tok-3f9a1c5e7b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c3");
    session.expiresAt = kNow + 12 * kHour;
    session.staff = {QStringLiteral("staff-anna"), QStringLiteral("anna"), QStringLiteral("Anna Andersson"),
                     QStringLiteral("nurse")};
    return session;
}

QByteArray fileBytes(const QString &path)
{
    QByteArray bytes;
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        QFile file(path + suffix);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

// A loopback port nobody listens on: connections are refused at once.
QUrl unreachableServer()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return {};
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

} // namespace

class TestOfflineCredential : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void rightPasswordGivesTheStoredSessionOffline();
    void wrongPasswordIsRefused();
    void expiredSessionIsRefused();
    void otherServerOrUserFindsNothing_data();
    void otherServerOrUserFindsNothing();
    void nothingStoredFindsNothing();
    void aNewSignInReplacesTheOldOne();
    void forgetEndsOfflineSignIn();
    void survivesAResync();
    void cacheMetaKeysOfTheCacheItselfAreRefused();
    void thePasswordIsNeverInTheCacheFile();
    void sameServer_data();
    void sameServer();

    void serviceSignsInOfflineWhenTheServerIsUnreachable();
    void dialogSaysItWorksOffline();
    void dialogWrongPasswordOfflineSaysWrongPassword();
    void dialogWithoutCacheSaysServerUnreachable();
    void dialogWithExpiredCredentialSaysServerUnreachable();

private:
    Result<LoginSession> serviceLogin(ApiLoginService &service, const QUrl &server, const QString &username,
                                      const QString &password);
    // Runs the real dialog against the service; returns the error text ("" on success).
    QString dialogLogin(ApiLoginService &service, const QUrl &server, const QString &password,
                        LoginSession *session = nullptr, QString *notice = nullptr);

    QTemporaryDir m_dir;
    QString m_path;
    std::optional<sync::LocalCache> m_cache;
    QUrl m_server;
};

void TestOfflineCredential::initTestCase()
{
    Dialogs::setNonInteractive(true);
    QVERIFY(m_dir.isValid());
}

void TestOfflineCredential::init()
{
    m_server = unreachableServer();
    QVERIFY(m_server.isValid());
    m_path = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
    auto cache = sync::LocalCache::open(m_path, QStringLiteral("offline-test"));
    QVERIFY_OK(cache);
    m_cache.emplace(std::move(*cache));
}

void TestOfflineCredential::cleanup()
{
    m_cache.reset();
}

void TestOfflineCredential::rightPasswordGivesTheStoredSessionOffline()
{
    const LoginSession stored = annasSession(m_server);
    QVERIFY_OK(OfflineCredential::remember(*m_cache, stored, kPassword));
    auto session = OfflineCredential::verify(*m_cache, m_server, QStringLiteral("anna"), kPassword, kNow + kHour);
    QVERIFY_OK(session);
    QVERIFY(session->offline);
    QCOMPARE(session->server, stored.server);
    QCOMPARE(session->token, stored.token);
    QCOMPARE(session->expiresAt, stored.expiresAt);
    QCOMPARE(session->staff.id, stored.staff.id);
    QCOMPARE(session->staff.username, stored.staff.username);
    QCOMPARE(session->staff.displayName, stored.staff.displayName);
    QCOMPARE(session->staff.role, stored.staff.role);
}

void TestOfflineCredential::wrongPasswordIsRefused()
{
    QVERIFY_OK(OfflineCredential::remember(*m_cache, annasSession(m_server), kPassword));
    for (const QString &wrong : {QStringLiteral("kaffe-och-kanelbulle-7391"), QString(), QString(kPassword + u' ')}) {
        auto session = OfflineCredential::verify(*m_cache, m_server, QStringLiteral("anna"), wrong, kNow);
        QVERIFY(!session);
        QCOMPARE(session.error().code, ErrorCode::Unauthenticated);
    }
}

void TestOfflineCredential::expiredSessionIsRefused()
{
    const LoginSession stored = annasSession(m_server);
    QVERIFY_OK(OfflineCredential::remember(*m_cache, stored, kPassword));
    test::FakeClock clock(stored.expiresAt - 1);
    QVERIFY_OK(OfflineCredential::verify(*m_cache, m_server, QStringLiteral("anna"), kPassword, clock.nowMs()));
    clock.advanceMs(1); // the absolute expiry itself is too late
    auto atExpiry = OfflineCredential::verify(*m_cache, m_server, QStringLiteral("anna"), kPassword, clock.nowMs());
    QVERIFY(!atExpiry);
    QCOMPARE(atExpiry.error().code, ErrorCode::NotFound);
    clock.advanceSeconds(24 * 3600);
    auto later = OfflineCredential::verify(*m_cache, m_server, QStringLiteral("anna"), kPassword, clock.nowMs());
    QVERIFY(!later);
    QCOMPARE(later.error().code, ErrorCode::NotFound);
}

void TestOfflineCredential::otherServerOrUserFindsNothing_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("username");
    QTest::newRow("other user") << QString() << QStringLiteral("erik");
    QTest::newRow("username in other case") << QString() << QStringLiteral("Anna");
    QTest::newRow("other port") << QStringLiteral("http://127.0.0.1:1") << QStringLiteral("anna");
    QTest::newRow("other host") << QStringLiteral("http://nara.example.se") << QStringLiteral("anna");
}

void TestOfflineCredential::otherServerOrUserFindsNothing()
{
    QFETCH(QString, server);
    QFETCH(QString, username);
    QVERIFY_OK(OfflineCredential::remember(*m_cache, annasSession(m_server), kPassword));
    auto session
        = OfflineCredential::verify(*m_cache, server.isEmpty() ? m_server : QUrl(server), username, kPassword, kNow);
    QVERIFY(!session);
    QCOMPARE(session.error().code, ErrorCode::NotFound);
}

void TestOfflineCredential::nothingStoredFindsNothing()
{
    auto session = OfflineCredential::verify(*m_cache, m_server, QStringLiteral("anna"), kPassword, kNow);
    QVERIFY(!session);
    QCOMPARE(session.error().code, ErrorCode::NotFound);
}

void TestOfflineCredential::aNewSignInReplacesTheOldOne()
{
    QVERIFY_OK(OfflineCredential::remember(*m_cache, annasSession(m_server), kPassword));
    LoginSession renewed = annasSession(m_server);
    renewed.token = QStringLiteral("tok-new");
    renewed.expiresAt += kHour;
    QVERIFY_OK(OfflineCredential::remember(*m_cache, renewed, QStringLiteral("nytt-lösenord")));
    QCOMPARE(OfflineCredential::verify(*m_cache, m_server, QStringLiteral("anna"), kPassword, kNow).error().code,
             ErrorCode::Unauthenticated);
    auto session
        = OfflineCredential::verify(*m_cache, m_server, QStringLiteral("anna"), QStringLiteral("nytt-lösenord"), kNow);
    QVERIFY_OK(session);
    QCOMPARE(session->token, renewed.token);
    QCOMPARE(session->expiresAt, renewed.expiresAt);
}

void TestOfflineCredential::forgetEndsOfflineSignIn()
{
    QVERIFY_OK(OfflineCredential::remember(*m_cache, annasSession(m_server), kPassword));
    QVERIFY_OK(OfflineCredential::forget(*m_cache));
    QCOMPARE(OfflineCredential::verify(*m_cache, m_server, QStringLiteral("anna"), kPassword, kNow).error().code,
             ErrorCode::NotFound);
}

void TestOfflineCredential::survivesAResync()
{
    QVERIFY_OK(OfflineCredential::remember(*m_cache, annasSession(m_server), kPassword));
    QVERIFY_OK(m_cache->resetSyncedData()); // 410: the synced data goes, the credential stays
    QVERIFY_OK(OfflineCredential::verify(*m_cache, m_server, QStringLiteral("anna"), kPassword, kNow));
}

void TestOfflineCredential::cacheMetaKeysOfTheCacheItselfAreRefused()
{
    QVERIFY(!m_cache->setMetaValues({{QStringLiteral("cursor"), QStringLiteral("0")}}));
    QVERIFY(!m_cache->removeMetaValues({QStringLiteral("schema")}));
    QVERIFY(!m_cache->metaValue(QStringLiteral("cursor")));
    QVERIFY_OK(m_cache->setMetaValues({{QStringLiteral("x"), QStringLiteral("1")}}));
    QCOMPARE(m_cache->metaValue(QStringLiteral("x")).value(), std::optional<QString>(QStringLiteral("1")));
}

void TestOfflineCredential::thePasswordIsNeverInTheCacheFile()
{
    LoginSession stored = annasSession(m_server);
    QVERIFY_OK(OfflineCredential::remember(*m_cache, stored, kPassword));
    // Read while open (the values may still be in the WAL) and after closing (checkpointed).
    for (int pass = 0; pass < 2; ++pass) {
        if (pass == 1)
            m_cache.reset();
        const QByteArray bytes = fileBytes(m_path);
        QVERIFY(!bytes.isEmpty());
        // The scan sees the meta values: the hash and the token are there.
        QVERIFY(bytes.contains(QByteArrayLiteral("$argon2id$")));
        QVERIFY(bytes.contains(stored.token.toUtf8()));
        QVERIFY(!bytes.contains(kPassword.toUtf8()));
        QVERIFY(!bytes.contains(QByteArray(reinterpret_cast<const char *>(kPassword.utf16()), kPassword.size() * 2)));
        QVERIFY(!bytes.contains(kPassword.toUtf8().toBase64()));
        QVERIFY(!bytes.contains(kPassword.toUtf8().toHex()));
    }
}

void TestOfflineCredential::sameServer_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("identical") << "http://127.0.0.1:8080"
                               << "http://127.0.0.1:8080" << true;
    QTest::newRow("trailing slash") << "https://nara.example.se/"
                                    << "https://nara.example.se" << true;
    QTest::newRow("default port") << "https://nara.example.se:443"
                                  << "https://nara.example.se" << true;
    QTest::newRow("host case") << "https://NARA.example.se"
                               << "https://nara.example.se" << true;
    QTest::newRow("other port") << "http://127.0.0.1:8080"
                                << "http://127.0.0.1:8081" << false;
    QTest::newRow("other scheme") << "http://nara.example.se"
                                  << "https://nara.example.se" << false;
    QTest::newRow("other path") << "https://example.se/nara"
                                << "https://example.se" << false;
}

void TestOfflineCredential::sameServer()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(OfflineCredential::sameServer(QUrl(a), QUrl(b)), same);
}

// Service and dialog ---------------------------------------------------------------------------

Result<LoginSession> TestOfflineCredential::serviceLogin(ApiLoginService &service, const QUrl &server,
                                                         const QString &username, const QString &password)
{
    std::optional<Result<LoginSession>> outcome;
    service.login(server, username, password, [&outcome](Result<LoginSession> result) { outcome = std::move(result); });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 20000))
        return fail(ErrorCode::Internal, QStringLiteral("The login service never answered"));
    return *outcome;
}

QString TestOfflineCredential::dialogLogin(ApiLoginService &service, const QUrl &server, const QString &password,
                                           LoginSession *session, QString *notice)
{
    LoginDialog dialog(&service);
    dialog.setServer(server.toString());
    dialog.setUsername(QStringLiteral("anna"));
    dialog.setPassword(password);
    // The dialog either accepts or shows an error: close it in both cases so exec() returns.
    QTimer::singleShot(0, &dialog, &LoginDialog::submit);
    QTimer watcher;
    connect(&watcher, &QTimer::timeout, &dialog, [&dialog] {
        if (!dialog.errorText().isEmpty())
            dialog.reject();
    });
    watcher.start(20);
    QTimer::singleShot(20000, &dialog, &QDialog::reject);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    if (session)
        *session = dialog.session();
    if (notice)
        *notice = dialog.noticeText();
    return accepted ? QString() : dialog.errorText();
}

void TestOfflineCredential::serviceSignsInOfflineWhenTheServerIsUnreachable()
{
    test::FakeClock clock(kNow);
    ApiLoginService service(clock, [this](const QUrl &, const QString &) { return m_path; });
    // Nothing stored yet: the server's unavailability is the answer.
    auto none = serviceLogin(service, m_server, QStringLiteral("anna"), kPassword);
    QVERIFY(!none);
    QCOMPARE(none.error().code, ErrorCode::Unavailable);

    QVERIFY_OK(OfflineCredential::remember(*m_cache, annasSession(m_server), kPassword));
    auto offline = serviceLogin(service, m_server, QStringLiteral("anna"), kPassword);
    QVERIFY_OK(offline);
    QVERIFY(offline->offline);
    QCOMPARE(offline->staff.id, QStringLiteral("staff-anna"));

    auto wrong = serviceLogin(service, m_server, QStringLiteral("anna"), QStringLiteral("fel"));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, ErrorCode::Unauthenticated);

    // A cache that does not exist is not created by an offline attempt.
    ApiLoginService elsewhere(
        clock, [this](const QUrl &, const QString &) { return m_dir.filePath(QStringLiteral("nobody.sqlite")); });
    QCOMPARE(serviceLogin(elsewhere, m_server, QStringLiteral("anna"), kPassword).error().code, ErrorCode::Unavailable);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("nobody.sqlite"))));
}

void TestOfflineCredential::dialogSaysItWorksOffline()
{
    QVERIFY_OK(OfflineCredential::remember(*m_cache, annasSession(m_server), kPassword));
    test::FakeClock clock(kNow);
    ApiLoginService service(clock, [this](const QUrl &, const QString &) { return m_path; });
    LoginSession session;
    QString notice;
    QCOMPARE(dialogLogin(service, m_server, kPassword, &session, &notice), QString());
    QVERIFY(session.offline);
    QCOMPARE(session.token, annasSession(m_server).token);
    QCOMPARE(notice, LoginDialog::offlineNotice());
}

void TestOfflineCredential::dialogWrongPasswordOfflineSaysWrongPassword()
{
    QVERIFY_OK(OfflineCredential::remember(*m_cache, annasSession(m_server), kPassword));
    test::FakeClock clock(kNow);
    ApiLoginService service(clock, [this](const QUrl &, const QString &) { return m_path; });
    QCOMPARE(dialogLogin(service, m_server, QStringLiteral("fel")),
             LoginDialog::messageFor(Error{ErrorCode::Unauthenticated, {}, {}}));
}

void TestOfflineCredential::dialogWithoutCacheSaysServerUnreachable()
{
    test::FakeClock clock(kNow);
    ApiLoginService service(
        clock, [this](const QUrl &, const QString &) { return m_dir.filePath(QStringLiteral("nobody.sqlite")); });
    QCOMPARE(dialogLogin(service, m_server, kPassword), LoginDialog::messageFor(Error{ErrorCode::Unavailable, {}, {}}));
}

void TestOfflineCredential::dialogWithExpiredCredentialSaysServerUnreachable()
{
    QVERIFY_OK(OfflineCredential::remember(*m_cache, annasSession(m_server), kPassword));
    test::FakeClock clock(annasSession(m_server).expiresAt);
    ApiLoginService service(clock, [this](const QUrl &, const QString &) { return m_path; });
    QCOMPARE(dialogLogin(service, m_server, kPassword), LoginDialog::messageFor(Error{ErrorCode::Unavailable, {}, {}}));
}

QTEST_MAIN(TestOfflineCredential)
#include "tst_offlinecredential.moc"
