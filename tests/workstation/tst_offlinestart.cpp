// The issue this answers: "the workstation starts and shows the inbox from its cache without the
// server; writes made offline are sent when the server is back, exactly once."
// A real nara-server (--demo), the real login dialog and service, the real Workstation (cache,
// sync engine on its thread, main window; offscreen).

#include "foundation/core/clock.h"
#include "serverprocess.h"
#include "sync/core/syncengine.h"
#include "testhttp.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/logindialog.h"
#include "workstation/ui/loginservice.h"
#include "workstation/ui/mainwindow.h"
#include "workstation/ui/workstation.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace nara;
using namespace nara::test;
using namespace nara::workstation;

class TestOfflineStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void startsFromTheCacheAndSendsOfflineRepliesOnce();
    void cleanupTestCase() { m_server.terminate(); }

private:
    // Through the real dialog and service, as a person would. Never blocks: the dialog is closed
    // when it shows an error, and after 30 s in any case.
    LoginSession logIn(const QString &password, QString *error, QString *notice);
    QString cachePath() const { return m_dir.filePath(QStringLiteral("anna.sqlite")); }
    Workstation::Options options() const { return {cachePath(), 30'000, true}; }
    int copiesOnServer(const QString &itemId, const QString &text);

    ServerProcess m_server;
    QTemporaryDir m_dir;
    SystemClock m_clock;
};

void TestOfflineStart::initTestCase()
{
    Dialogs::setNonInteractive(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(), m_server.output().constData());
}

LoginSession TestOfflineStart::logIn(const QString &password, QString *error, QString *notice)
{
    ApiLoginService service(m_clock, [this](const QUrl &, const QString &) { return cachePath(); });
    LoginDialog dialog(&service);
    dialog.setServer(m_server.url().toString());
    dialog.setUsername(QStringLiteral("anna"));
    dialog.setPassword(password);
    QTimer::singleShot(0, &dialog, &LoginDialog::submit);
    QTimer watcher;
    connect(&watcher, &QTimer::timeout, &dialog, [&dialog] {
        if (!dialog.errorText().isEmpty())
            dialog.reject();
    });
    watcher.start(20);
    QTimer::singleShot(30'000, &dialog, &QDialog::reject);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    *error = accepted ? QString() : dialog.errorText();
    *notice = dialog.noticeText();
    return accepted ? dialog.session() : LoginSession{};
}

int TestOfflineStart::copiesOnServer(const QString &itemId, const QString &text)
{
    TestHttp anna(m_server.url());
    if (anna.login(QStringLiteral("anna")).isEmpty())
        return -1;
    const HttpReply reply = anna.get(QStringLiteral("/api/v1/items/%1/messages").arg(itemId));
    if (reply.status != 200)
        return -1;
    int copies = 0;
    for (const QJsonValue &message : reply.json().value(QStringLiteral("messages")).toArray())
        copies += message.toObject().value(QStringLiteral("body")).toString() == text;
    return copies;
}

void TestOfflineStart::startsFromTheCacheAndSendsOfflineRepliesOnce()
{
    QString error;
    QString notice;

    // 1. Online: sign in, fill the cache, stop.
    const LoginSession online = logIn(QStringLiteral("demo"), &error, &notice);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!online.offline);
    QVERIFY(notice.isEmpty());
    int itemCount = 0;
    {
        auto station = Workstation::open(online, m_clock, options());
        QVERIFY2(station, qPrintable(station ? QString() : station.error().message));
        Workstation &ws = **station;
        ws.start();
        ws.window().show();
        QTRY_VERIFY_WITH_TIMEOUT(ws.store().count() > 100, 30'000);
        auto *status = ws.window().findChild<QLabel *>(QStringLiteral("syncStatus"));
        QVERIFY(status);
        QTRY_COMPARE_WITH_TIMEOUT(status->property("syncState").toString(), QStringLiteral("online"), 30'000);
        ws.stop();
        QCoreApplication::processEvents(); // the last queued changes reach the store
        itemCount = ws.store().count();
    }

    // 2. The server is gone. Wrong password offline: the usual message, no workstation.
    m_server.kill();
    logIn(QStringLiteral("fel-lösenord"), &error, &notice);
    QCOMPARE(error, LoginDialog::messageFor(Error{ErrorCode::Unauthenticated, {}, {}}));

    // 3. The right password signs in offline, the inbox opens from the cache.
    QElapsedTimer offlineStart;
    offlineStart.start();
    const LoginSession offline = logIn(QStringLiteral("demo"), &error, &notice);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(offline.offline);
    QCOMPARE(offline.token, online.token);
    QCOMPARE(offline.staff.id, online.staff.id);
    QCOMPARE(notice, LoginDialog::offlineNotice());

    auto station = Workstation::open(offline, m_clock, options());
    QVERIFY2(station, qPrintable(station ? QString() : station.error().message));
    Workstation &ws = **station;
    MainWindow &window = ws.window();
    auto *status = window.findChild<QLabel *>(QStringLiteral("syncStatus"));
    QVERIFY(status);
    // Offline at once, before the engine has tried anything.
    QCOMPARE(status->property("syncState").toString(), QStringLiteral("offline"));
    QCOMPARE(status->property("queuedWrites").toInt(), 0);
    QCOMPARE(ws.store().count(), itemCount);
    ws.start();
    window.show();
    qInfo("offline sign-in and inbox from the cache in %lld ms", offlineStart.elapsed());
    // And it stays offline (never "syncing") while the engine keeps trying.
    QTest::qWait(300);
    QCOMPARE(status->property("syncState").toString(), QStringLiteral("offline"));

    // 4. A reply written offline is queued. Opening an item queues writes of its own (the read
    //    mark, and the audit event for a read of patient data served from the cache): count from
    //    what the outbox holds once that has settled.
    QString itemId;
    for (int row = 0; row < ws.store().count() && itemId.isEmpty(); ++row) {
        const auto &item = ws.store().row(row).item;
        if (item.kind == inbox::Kind::Chat && item.state == inbox::State::New && item.ownerId.isEmpty()
            && !item.patientId.isEmpty())
            itemId = item.id;
    }
    QVERIFY(!itemId.isEmpty());
    QVERIFY(window.openItem(itemId));
    QTRY_VERIFY_WITH_TIMEOUT(status->property("queuedWrites").toInt() > 0, 10'000);
    QTest::qWait(500);
    const int queuedBefore = status->property("queuedWrites").toInt();
    auto *reply = window.findChild<QPlainTextEdit *>(QStringLiteral("replyEdit"));
    QVERIFY(reply);
    const QString text = QStringLiteral("Skrivet utan nätverk – vi ringer dig i morgon. %1").arg(m_clock.nowMs());
    reply->setPlainText(text);
    window.action(MainWindow::Action::Send)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(status->property("queuedWrites").toInt(), queuedBefore + 1, 10'000);
    QCOMPARE(status->property("syncState").toString(), QStringLiteral("offline"));
    QVERIFY(status->text().contains(QString::number(queuedBefore + 1)));
    qInfo("status while offline: %s", qPrintable(status->text()));
    // Let it fail a few times against the closed port, as it would during a real outage.
    QTest::qWait(2'000);
    QCOMPARE(status->property("queuedWrites").toInt(), queuedBefore + 1);
    QCOMPARE(status->property("syncState").toString(), QStringLiteral("offline"));

    // 5. The server is back (same port and data): the reply goes out, exactly once.
    QVERIFY2(m_server.start(), m_server.output().constData());
    QTRY_COMPARE_WITH_TIMEOUT(status->property("queuedWrites").toInt(), 0, 60'000);
    QTRY_COMPARE_WITH_TIMEOUT(status->property("syncState").toString(), QStringLiteral("online"), 60'000);
    QCOMPARE(copiesOnServer(itemId, text), 1);
    // A later round of syncing sends nothing again.
    QMetaObject::invokeMethod(&ws.engine(), &sync::SyncEngine::syncNow, Qt::QueuedConnection);
    QTest::qWait(1'000);
    QCOMPARE(copiesOnServer(itemId, text), 1);
    ws.stop();
}

QTEST_MAIN(TestOfflineStart)
#include "tst_offlinestart.moc"
