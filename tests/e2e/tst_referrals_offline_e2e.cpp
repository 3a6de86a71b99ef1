// End to end, a dermatology referral sent while the server is down (issue 5: the upload "survives
// going offline (outbox), without sending an image twice"): erik's real workstation composes and
// sends while the real nara-server is stopped; the images and the referral wait in the outbox of
// his local cache in order; the server comes back on the same port and data directory and gets
// the referral exactly once, with its images. A second referral that reuses an image already on
// the server queues no upload for it.

#include "apifixture.h"
#include "foundation/core/clock.h"
#include "foundation/core/json.h"
#include "referrals/core/samplephotos.h"
#include "referralsteps.h"
#include "serverdatabase.h"
#include "sync/core/localcache.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/mainwindow.h"
#include "workstation/ui/referralshost.h"
#include "workstation/ui/workstation.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace nara;
using namespace nara::test;
using namespace nara::workstation;
using namespace Qt::StringLiterals;

namespace {

// The referral's writes waiting in the outbox, in order (opening an item also queues its read for
// the audit log: not counted here).
QList<sync::PendingWrite> referralWrites(sync::LocalCache &outbox)
{
    QList<sync::PendingWrite> writes = outbox.pending().value_or(QList<sync::PendingWrite>{});
    writes.removeIf([](const sync::PendingWrite &write) {
        return !write.path.startsWith(u"/api/v1/images/") && !write.path.startsWith(u"/api/v1/referrals");
    });
    return writes;
}

QStringList imageIdsIn(const QByteArray &referralBody)
{
    QStringList ids;
    for (const QJsonValue &image : json::parseObject(referralBody).value_or(QJsonObject{}).value(u"images").toArray())
        ids.append(image.toObject().value(u"id").toString());
    return ids;
}

// What the host told the status bar, in order.
QStringList messagesOf(const QSignalSpy &spy)
{
    QStringList texts;
    for (const QList<QVariant> &arguments : spy)
        texts.append(arguments.at(0).toString());
    return texts;
}

} // namespace

class TestReferralsOfflineE2e : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void offlineSendIsDeliveredOnceWhenTheServerIsBack();
    void cleanupTestCase() { m_server.terminate(); }

private:
    // Stops the server (SIGTERM) and checks it is gone: nothing answers on its port.
    void stopServer();
    void startServerAgain();
    void verifyPut(const sync::PendingWrite &write, const referrals::ProcessedImage &image);

    QTemporaryDir m_dir;
    ServerProcess m_server{{QStringLiteral("--demo")}};
    SystemClock m_clock;
};

void TestReferralsOfflineE2e::initTestCase()
{
    Dialogs::setNonInteractive(true);
    QVERIFY2(m_server.start(), m_server.output().constData());
}

void TestReferralsOfflineE2e::stopServer()
{
    m_server.terminate();
    TestHttp http(m_server.url());
    QCOMPARE(http.get(QStringLiteral("/api/v1/units")).status, 0);
}

void TestReferralsOfflineE2e::startServerAgain()
{
    const QUrl before = m_server.url();
    QVERIFY2(m_server.start(), m_server.output().constData());
    QCOMPARE(m_server.url(), before); // the same port: the workstation knows no other
}

void TestReferralsOfflineE2e::verifyPut(const sync::PendingWrite &write, const referrals::ProcessedImage &image)
{
    QCOMPARE(write.method, QStringLiteral("PUT"));
    QCOMPARE(write.path, QString(u"/api/v1/images/" % image.sha256));
    QCOMPARE(write.contentType, QByteArray("image/jpeg"));
    QVERIFY(write.body == image.image);
}

void TestReferralsOfflineE2e::offlineSendIsDeliveredOnceWhenTheServerIsBack()
{
    const QString overviewFile
        = writeFile(m_dir, QStringLiteral("oversikt.jpg"), referrals::drawSampleLesionPhoto(201, false));
    const QString closeUpFile
        = writeFile(m_dir, QStringLiteral("narbild.jpg"), referrals::drawSampleLesionPhoto(202, true));
    const QString secondCloseUpFile
        = writeFile(m_dir, QStringLiteral("narbild-2.jpg"), referrals::drawSampleLesionPhoto(203, true));
    QVERIFY(!overviewFile.isEmpty() && !closeUpFile.isEmpty() && !secondCloseUpFile.isEmpty());

    ServerDatabase db(m_server.dataDir());
    QVERIFY2(db.isOpen(), qPrintable(db.errorText()));
    const QString referralsOf = QStringLiteral("SELECT count(*) FROM referrals WHERE patient_id = ?");
    const QString referralIdOf = QStringLiteral("SELECT id FROM referrals WHERE patient_id = ?");
    const QString uploaded = QStringLiteral("SELECT count(*) FROM uploaded_images WHERE id = ?");
    const qint64 referralsBefore = db.count(QStringLiteral("SELECT count(*) FROM referrals"));
    const qint64 imagesBefore = db.count(QStringLiteral("SELECT count(*) FROM uploaded_images"));

    // erik signs in while the server is up (the dermatology clinics come with it) and picks two
    // patients who have no referral yet.
    auto erik = openWorkstation(m_server.url(), QStringLiteral("erik"), m_clock, m_dir.filePath(u"erik.sqlite"_s));
    QVERIFY(erik);
    QTRY_VERIFY_WITH_TIMEOUT(erik->store().count() > 100, 20000);
    const QStringList itemIds = chatItemsOfFreshPatients(erik->store(), db, 2);
    QCOMPARE(itemIds.size(), 2);
    const QString firstPatient = erik->store().item(itemIds.at(0))->patientId;
    const QString secondPatient = erik->store().item(itemIds.at(1))->patientId;
    QVERIFY(db.count(referralsOf, {firstPatient}) == 0 && db.count(referralsOf, {secondPatient}) == 0);
    MainWindow &window = erik->window();
    QVERIFY(window.openItem(itemIds.at(0)));
    ReferralsHost &host = *window.detailPanes()->referrals();
    QTRY_VERIFY_WITH_TIMEOUT(!host.units().isEmpty(), 10000);
    QSignalSpy hostMessages(&host, &ReferralsHost::message);

    auto outbox = sync::LocalCache::open(erik->cachePath(), QStringLiteral("test-outbox"));
    QVERIFY2(outbox, qPrintable(outbox ? QString() : outbox.error().message));
    // Opening the item queued its read for the audit log (POST /api/v1/audit/events): delivered.
    QTRY_COMPARE_WITH_TIMEOUT(outbox->pendingCount().value_or(-1), 0, 10000);

    // The server goes down; erik composes and sends all the same.
    stopServer();
    if (QTest::currentTestFailed())
        return;
    QList<referrals::ProcessedImage> first;
    sendReferralThroughDialog(window, itemIds.at(0), {overviewFile, closeUpFile}, first);
    if (QTest::currentTestFailed())
        return;

    // The outbox holds the two images (PUT by content hash, as JPEG) and then the referral naming
    // them; the engine has tried the oldest write and keeps it.
    QTRY_COMPARE_WITH_TIMEOUT(referralWrites(*outbox).size(), 3, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(outbox->pending().value_or(QList<sync::PendingWrite>{}).value(0).attempts >= 1, 10000);
    QList<sync::PendingWrite> writes = referralWrites(*outbox);
    QCOMPARE(writes.size(), 3);
    verifyPut(writes.at(0), first.at(0));
    verifyPut(writes.at(1), first.at(1));
    QCOMPARE(writes.at(2).method, QStringLiteral("POST"));
    QCOMPARE(writes.at(2).path, QStringLiteral("/api/v1/referrals"));
    QVERIFY(writes.at(2).contentType.isEmpty()); // JSON
    QCOMPARE(imageIdsIn(writes.at(2).body), (QStringList{first.at(0).sha256, first.at(1).sha256}));
    QCOMPARE(db.count(referralsOf, {firstPatient}), 0);
    QCOMPARE(db.count(uploaded, {first.at(0).sha256}), 0);

    // The server is back on the same port and data: the outbox empties by itself, the referral
    // arrives once, with both images stored once, and the status bar says how far it got.
    startServerAgain();
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(outbox->pendingCount().value_or(-1), 0, 60000);
    QCOMPARE(db.count(referralsOf, {firstPatient}), 1);
    QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM referrals")), referralsBefore + 1);
    const QString firstReferral = db.value(referralIdOf, {firstPatient}).toString();
    QCOMPARE(db.value(QStringLiteral("SELECT state FROM referrals WHERE id = ?"), {firstReferral}).toString(),
             QStringLiteral("sent"));
    QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM referral_images WHERE referral_id = ?"), {firstReferral}),
             2);
    for (const referrals::ProcessedImage &image : std::as_const(first)) {
        QCOMPARE(db.count(uploaded, {image.sha256}), 1);
        QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM referral_images WHERE referral_id = ? AND image_id = ?"),
                          {firstReferral, image.sha256}),
                 1);
    }
    QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM uploaded_images")), imagesBefore + 2);
    QTRY_COMPARE_WITH_TIMEOUT(messagesOf(hostMessages).filter(u"Sent: the referral."_s).size(), 1, 10000);
    QVERIFY2(messagesOf(hostMessages).filter(u"image 2 of 2 is sent"_s).size() == 1,
             qPrintable(messagesOf(hostMessages).join(u" | ")));
    // And comes back to erik's store by push.
    QTRY_VERIFY_WITH_TIMEOUT(!referralOf(erik->store(), firstPatient).isEmpty(), 20000);

    // Offline again, a referral for another patient with the same overview (the same bytes, so
    // the same content hash) and a new close-up: only the new image is queued for upload.
    stopServer();
    if (QTest::currentTestFailed())
        return;
    hostMessages.clear();
    QList<referrals::ProcessedImage> second;
    sendReferralThroughDialog(window, itemIds.at(1), {overviewFile, secondCloseUpFile}, second);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(second.at(0).sha256, first.at(0).sha256);
    QVERIFY(second.at(1).sha256 != first.at(0).sha256 && second.at(1).sha256 != first.at(1).sha256);
    QTRY_COMPARE_WITH_TIMEOUT(referralWrites(*outbox).size(), 2, 10000);
    writes = referralWrites(*outbox);
    QCOMPARE(writes.size(), 2);
    verifyPut(writes.at(0), second.at(1));
    QCOMPARE(writes.at(1).path, QStringLiteral("/api/v1/referrals"));
    QCOMPARE(imageIdsIn(writes.at(1).body), (QStringList{second.at(0).sha256, second.at(1).sha256}));

    startServerAgain();
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(outbox->pendingCount().value_or(-1), 0, 60000);
    QCOMPARE(db.count(referralsOf, {secondPatient}), 1);
    QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM referrals")), referralsBefore + 2);
    const QString secondReferral = db.value(referralIdOf, {secondPatient}).toString();
    for (const referrals::ProcessedImage &image : std::as_const(second))
        QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM referral_images WHERE referral_id = ? AND image_id = ?"),
                          {secondReferral, image.sha256}),
                 1);
    QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM uploaded_images")), imagesBefore + 3);
    QTRY_COMPARE_WITH_TIMEOUT(messagesOf(hostMessages).filter(u"Sent: the referral."_s).size(), 1, 10000);
    QVERIFY2(messagesOf(hostMessages).filter(u"image 1 of 1 is sent"_s).size() == 1,
             qPrintable(messagesOf(hostMessages).join(u" | ")));
    // The first referral is untouched.
    QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM referral_images WHERE referral_id = ?"), {firstReferral}),
             2);
    erik->stop();
}

QTEST_MAIN(TestReferralsOfflineE2e)
#include "tst_referrals_offline_e2e.moc"
