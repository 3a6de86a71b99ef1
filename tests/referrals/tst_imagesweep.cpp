// The sweep of uploaded images no referral names, on SQLite and on the PostgreSQL of ./nara.sh test
// (NARA_TEST_PG_URL), with a fake clock and a real file store: only images older than 24 h and named
// by no referral go (rows, uploaders and files, with an audit row each); a named image, a younger
// one, one uploaded again meanwhile, and a file another image still uses stay; nothing to do takes
// no write lock. Files no row uses (an upload that failed or stopped after storing them) go once
// not stored for 24 h.

#include "referralsfixture.h"

#include "referrals/core/fileimagestore.h"
#include "referrals/core/imagesweep.h"

#include <QTest>

using namespace nara;
using namespace nara::referrals;

class TestImageSweep : public QObject, public test::ReferralsFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::addStorageBackends(); }
    void init();
    void cleanup() { closeDatabase(); }
    void onlyOldUnnamedImagesGo();
    void uploadedAgainStays();
    void aSharedFileStays();
    void filesOfARacingUploadStay();
    void nothingToDoTakesNoWriteLock();
    void filesWithoutARowGo();

private:
    // An image with real files in the store; `thumbnailOf` shares another image's thumbnail file.
    UploadedImage storeImage(const QString &staffId, const QString &name, const QString &thumbnailOf = {});
    int sweep();
    bool hasRow(const QString &id) { return rows(u"SELECT COUNT(*) FROM uploaded_images WHERE id = ?"_qs, {id}) == 1; }
    storage::DatabaseConfig sameDatabase() const;

    std::optional<QTemporaryDir> m_files;
    std::optional<FileImageStore> m_store;
};

void TestImageSweep::init()
{
    openReferrals(QStringLiteral("imagesweep"));
    m_files.emplace();
    m_store.emplace(m_files->filePath(u"images"_qs), &m_clock);
}

UploadedImage TestImageSweep::storeImage(const QString &staffId, const QString &name, const QString &thumbnailOf)
{
    UploadedImage image;
    image.id = ImageStore::hashOf(name.toUtf8() + "-upload");
    image.storedHash = m_store->put(name.toUtf8() + "-image").value_or(QString());
    image.thumbnailHash = thumbnailOf.isEmpty() ? m_store->put(name.toUtf8() + "-thumbnail").value_or(QString())
                                                : ImageStore::hashOf(thumbnailOf.toUtf8() + "-thumbnail");
    image.width = 640;
    image.height = 480;
    image.uploadedBy = staffId;
    image.uploadedAt = m_clock.nowMs();
    auto transaction = storage::TransactionGuard::begin(*m_db);
    if (transaction && UploadedImageRepository(*m_db).insert(image))
        (void)transaction->commit();
    return image;
}

int TestImageSweep::sweep()
{
    // Both passes, as the server runs them (the file walk hourly).
    auto deleted = sweepUnreferencedImages(*m_db, m_clock, *m_store);
    auto orphans = sweepOrphanImageFiles(*m_db, m_clock, *m_store);
    if (!deleted || !orphans) {
        qWarning() << "sweep failed:" << test::describe(deleted ? orphans.error() : deleted.error());
        return -1;
    }
    return *deleted;
}

storage::DatabaseConfig TestImageSweep::sameDatabase() const
{
    QFETCH_GLOBAL(QString, backend);
    return backend == u"sqlite"
        ? storage::DatabaseConfig::sqliteFile(m_db->handle().databaseName())
        : storage::DatabaseConfig::fromUrl(qEnvironmentVariable("NARA_TEST_PG_URL") + u"?schema="_qs + m_schema, {})
              .value();
}

void TestImageSweep::onlyOldUnnamedImagesGo()
{
    const UploadedImage old = storeImage(u"s-asa"_qs, u"old"_qs);
    const UploadedImage named = storeImage(u"s-asa"_qs, u"named"_qs);
    auto sent = as(u"åsa.öberg"_qs, [&](const auth::Caller &caller) {
        return workflow().send(caller, newReferral(u"p-asa"_qs, {named.id}));
    });
    VERIFY_OK(sent);
    m_clock.advanceMs(2 * kHour);
    const UploadedImage younger = storeImage(u"s-asa"_qs, u"younger"_qs);
    QVERIFY(m_store->contains(old.storedHash) && m_store->contains(old.thumbnailHash));

    m_clock.advanceMs(22 * kHour - 1); // the first two are 24 h less 1 ms old
    QCOMPARE(sweep(), 0);
    QVERIFY(hasRow(old.id));

    m_clock.advanceMs(1);
    QCOMPARE(sweep(), 1);
    QVERIFY(!hasRow(old.id));
    QCOMPARE(rows(u"SELECT COUNT(*) FROM image_uploaders WHERE image_id = ?"_qs, {old.id}), 0);
    QVERIFY(!m_store->contains(old.storedHash));
    QVERIFY(!m_store->contains(old.thumbnailHash));
    QCOMPARE(rows(u"SELECT COUNT(*) FROM audit_log WHERE action = 'delete' AND object = ? AND role = 'system'"_qs,
                  {QString(u"referral_image:"_qs + old.id)}),
             1);
    QVERIFY(hasRow(named.id) && m_store->contains(named.storedHash));
    QVERIFY(hasRow(younger.id) && m_store->contains(younger.storedHash));

    m_clock.advanceMs(2 * kHour);
    QCOMPARE(sweep(), 1);
    QVERIFY(!hasRow(younger.id));
    QVERIFY(!m_store->contains(younger.storedHash));
    m_clock.advanceMs(30 * kDay); // a named image stays however old
    QCOMPARE(sweep(), 0);
    QVERIFY(hasRow(named.id) && m_store->contains(named.storedHash) && m_store->contains(named.thumbnailHash));
}

void TestImageSweep::uploadedAgainStays()
{
    const UploadedImage image = storeImage(u"s-asa"_qs, u"again"_qs);
    m_clock.advanceMs(20 * kHour);
    auto transaction = storage::TransactionGuard::begin(*m_db);
    VERIFY_OK(transaction);
    VERIFY_OK(UploadedImageRepository(*m_db).addUploader(image.id, u"s-bo"_qs, m_clock.nowMs()));
    VERIFY_OK(transaction->commit());
    m_clock.advanceMs(5 * kHour); // 25 h after the first upload, 5 h after the second
    QCOMPARE(sweep(), 0);
    QVERIFY(hasRow(image.id));
    // Its files were not stored again, but its row uses them.
    QVERIFY(m_store->contains(image.storedHash) && m_store->contains(image.thumbnailHash));
    m_clock.advanceMs(20 * kHour);
    QCOMPARE(sweep(), 1);
    QVERIFY(!hasRow(image.id));
}

void TestImageSweep::aSharedFileStays()
{
    const UploadedImage named = storeImage(u"s-asa"_qs, u"first"_qs);
    const UploadedImage unnamed = storeImage(u"s-asa"_qs, u"second"_qs, u"first"_qs); // the same thumbnail
    QCOMPARE(unnamed.thumbnailHash, named.thumbnailHash);
    auto sent = as(u"åsa.öberg"_qs, [&](const auth::Caller &caller) {
        return workflow().send(caller, newReferral(u"p-asa"_qs, {named.id}));
    });
    VERIFY_OK(sent);
    m_clock.advanceMs(25 * kHour);
    QCOMPARE(sweep(), 1);
    QVERIFY(!hasRow(unnamed.id));
    QVERIFY(!m_store->contains(unnamed.storedHash));
    QVERIFY(m_store->contains(named.thumbnailHash)); // still the named image's thumbnail
    QVERIFY(m_store->contains(named.storedHash));
}

// An upload of the same bytes while the sweep runs: its put() found the files there and wrote
// nothing, its row comes after the sweep deleted the old one. The files must still be there.
void TestImageSweep::filesOfARacingUploadStay()
{
    const UploadedImage image = storeImage(u"s-asa"_qs, u"racing"_qs);
    m_clock.advanceMs(25 * kHour);
    QCOMPARE(m_store->put("racing-image").value(), image.storedHash);
    QCOMPARE(m_store->put("racing-thumbnail").value(), image.thumbnailHash);
    QCOMPARE(sweep(), 1); // the old row goes: the new upload has not recorded its row yet
    QVERIFY(!hasRow(image.id));
    QVERIFY(m_store->contains(image.storedHash));
    QVERIFY(m_store->contains(image.thumbnailHash));
    QVERIFY(m_store->get(image.storedHash));
}

void TestImageSweep::nothingToDoTakesNoWriteLock()
{
    const UploadedImage named = storeImage(u"s-asa"_qs, u"named"_qs);
    VERIFY_OK(as(u"åsa.öberg"_qs, [&](const auth::Caller &caller) {
        return workflow().send(caller, newReferral(u"p-asa"_qs, {named.id}));
    }));
    m_clock.advanceMs(48 * kHour);
    auto other = storage::Database::open(sameDatabase(), u"imagesweep-writer"_qs);
    VERIFY_OK(other);
    auto writing = storage::TransactionGuard::begin(*other);
    VERIFY_OK(writing);
    QFETCH_GLOBAL(QString, backend);
    if (backend == u"postgres") // a regression then fails instead of waiting for ever
        VERIFY_OK(m_db->executeDirect(u"SET lock_timeout = '5s'"_qs));
    QCOMPARE(sweep(), 0);
    writing->rollback();
    QVERIFY(hasRow(named.id));
}

// An upload that stored its files and then failed (thumbnail, row, a 409) or stopped leaves files
// no row uses: they go once not stored for 24 h, and so does what a stopped sweep moved aside; the
// files of rows stay however old.
void TestImageSweep::filesWithoutARowGo()
{
    const QString orphan = m_store->put("failed upload").value();
    const QString asideOrphan = m_store->put("stopped sweep").value();
    QVERIFY(QFile::rename(m_store->pathFor(asideOrphan), m_store->pathFor(asideOrphan) + u".sweep"_qs));
    const UploadedImage named = storeImage(u"s-asa"_qs, u"named"_qs);
    VERIFY_OK(as(u"åsa.öberg"_qs, [&](const auth::Caller &caller) {
        return workflow().send(caller, newReferral(u"p-asa"_qs, {named.id}));
    }));
    m_clock.advanceMs(2 * kHour);
    const QString younger = m_store->put("stopped upload").value();
    const UploadedImage unnamed = storeImage(u"s-asa"_qs, u"unnamed"_qs); // a row: the first pass's
    m_clock.advanceMs(22 * kHour - 1);
    QCOMPARE(sweep(), 0);
    QVERIFY(m_store->contains(orphan));

    m_clock.advanceMs(1);
    QTest::ignoreMessage(QtInfoMsg, "image files no image row uses deleted: 2");
    QCOMPARE(sweep(), 0);
    QVERIFY(!m_store->contains(orphan));
    QCOMPARE(m_store->hashesOlderThan(m_clock.nowMs()).value().contains(asideOrphan), false);
    QVERIFY(m_store->contains(younger));
    QVERIFY(m_store->contains(named.storedHash) && m_store->contains(named.thumbnailHash));
    QVERIFY(hasRow(unnamed.id) && m_store->contains(unnamed.storedHash));

    m_clock.advanceMs(2 * kHour); // the unnamed row goes with its files, the younger orphan too
    QTest::ignoreMessage(QtInfoMsg, "image files no image row uses deleted: 1");
    QCOMPARE(sweep(), 1);
    QVERIFY(!m_store->contains(younger));
    QVERIFY(!hasRow(unnamed.id) && !m_store->contains(unnamed.storedHash));
    QStringList left{named.storedHash, named.thumbnailHash};
    left.sort();
    QCOMPARE(m_store->hashesOlderThan(m_clock.nowMs()).value(), left);
    m_clock.advanceMs(30 * kDay);
    QCOMPARE(sweep(), 0);
    QVERIFY(m_store->contains(named.storedHash) && m_store->contains(named.thumbnailHash));
}

QTEST_GUILESS_MAIN(TestImageSweep)
#include "tst_imagesweep.moc"
