// Referral images against a real nara-server (docs/api/contract.md, "Dermatology image referrals"):
// PUT /api/v1/images/<sha256> runs the image pipeline again on the server (a JPEG with GPS EXIF
// comes back without it, upright), the same image sent twice is stored once (200 the second time),
// a text file, a truncated JPEG, a 30 000 × 30 000 PNG, a wrong Content-Type and a body that does
// not match its id are refused with clear errors and store nothing, and a body over 20 MiB is
// refused before it is read (other routes keep their 1 MiB). GET …/images/<id>[/thumbnail] only for
// the units of a referral naming the image (or the uploader until one does), every view audited.

#include "referralsapifixture.h"

#include <QDirIterator>
#include <QRandomGenerator>

using namespace nara::test;

namespace {

QStringList filesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

// A photograph-like JPEG over 1 MiB (noise does not compress): more than a JSON route accepts.
QByteArray largeJpeg()
{
    QImage image(1600, 1600, QImage::Format_RGB32);
    QRandomGenerator random(7);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x)
            line[x] = random.generate() | 0xff000000u;
    }
    return encode(image, "jpeg", 100);
}

} // namespace

class TestApiReferralImages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_api.start(), qPrintable(m_api.failure)); }
    void cleanupTestCase() { m_api.stop(); }
    void gpsExifDoesNotSurvive();
    void sameImageTwiceIsStoredOnce();
    void refusedClearly_data();
    void refusedClearly();
    void overTwentyMiBIsRefusedBeforeReading();
    void imagesMayBeLargerThanJson();
    void viewsAreLimitedAndAudited();

private:
    QString imagesDir() const { return m_api.server().dataDir() + u"/images"_qs; }
    qint64 readsOf(const QString &object, const QString &user)
    {
        return m_api.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND object = ? AND user_id = ? "
                           "AND patient_id = ?"_qs,
                           {object, user, m_api.patientId});
    }

    ReferralsApi m_api;
};

void TestApiReferralImages::gpsExifDoesNotSurvive()
{
    // Orientation 6: the camera was turned; the stored image is upright (300 wide, 400 high).
    const QByteArray photo = withExif(encode(quadrants(400, 300), "jpeg"), 6);
    QVERIFY(photo.contains(kGpsMarker));
    const HttpReply uploaded = m_api.upload(u"erik"_qs, photo);
    QCOMPARE(uploaded.status, 201);
    const QString id = uploaded.json().value(u"id"_qs).toString();
    QCOMPARE(id.toLatin1(), sha256Hex(photo));
    QCOMPARE(uploaded.json().value(u"width"_qs).toInt(), 300);
    QCOMPARE(uploaded.json().value(u"height"_qs).toInt(), 400);

    const HttpReply image = m_api.as(u"erik"_qs).get(u"/api/v1/images/"_qs + id);
    QCOMPARE(image.status, 200);
    QCOMPARE(image.header("Content-Type"), QByteArray("image/jpeg"));
    QVERIFY(!image.body.contains(kGpsMarker));
    QVERIFY(!jpegMarkers(image.body).contains(0xe1)); // no EXIF segment at all
    QCOMPARE(QImage::fromData(image.body).size(), QSize(300, 400));
    const HttpReply thumbnail = m_api.as(u"erik"_qs).get(u"/api/v1/images/"_qs + id + u"/thumbnail"_qs);
    QCOMPARE(thumbnail.status, 200);
    QCOMPARE(QImage::fromData(thumbnail.body).size(), QSize(240, 320));
    // Nothing under the data directory holds the position.
    for (const QString &path : filesUnder(imagesDir())) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(kGpsMarker), qPrintable(path));
    }
}

void TestApiReferralImages::sameImageTwiceIsStoredOnce()
{
    const QByteArray photo = sampleJpeg(m_api.nextImageSeed());
    const HttpReply first = m_api.upload(u"erik"_qs, photo);
    QCOMPARE(first.status, 201);
    const int files = int(filesUnder(imagesDir()).size());
    const HttpReply again = m_api.upload(u"erik"_qs, photo);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json(), first.json());
    const HttpReply colleague = m_api.upload(u"anna"_qs, photo); // the same content from someone else
    QCOMPARE(colleague.status, 200);
    QCOMPARE(colleague.json(), first.json());
    const QString id = first.json().value(u"id"_qs).toString();
    QCOMPARE(m_api.count(u"SELECT COUNT(*) FROM uploaded_images WHERE id = ?"_qs, {id}), 1);
    QCOMPARE(m_api.count(u"SELECT COUNT(*) FROM image_uploaders WHERE image_id = ?"_qs, {id}), 2);
    QCOMPARE(filesUnder(imagesDir()).size(), files);
    // Both uploaders may name it in a referral.
    QCOMPARE(m_api.as(u"anna"_qs).postJson(u"/api/v1/referrals"_qs, m_api.referralBody({id})).status, 201);
}

void TestApiReferralImages::refusedClearly_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("id"); // empty: the body's SHA-256
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    const QByteArray jpeg = sampleJpeg(4242);
    QTest::newRow("a text file sent as JPEG")
        << QByteArray("Hej! Det här är en textfil som heter bild.jpg.\n") << QByteArray("image/jpeg") << QByteArray()
        << 400 << u"not a JPEG or PNG image"_qs;
    QTest::newRow("a truncated JPEG") << jpeg.left(jpeg.size() / 2) << QByteArray("image/jpeg") << QByteArray() << 400
                                      << u"truncated or damaged"_qs;
    QTest::newRow("a 30000 x 30000 PNG") << pngBomb(30000, 30000) << QByteArray("image/png") << QByteArray() << 400
                                         << u"30000 × 30000 pixels"_qs;
    QTest::newRow("not an image type") << jpeg << QByteArray("text/plain") << QByteArray() << 400
                                       << u"Content-Type must be image/jpeg or image/png"_qs;
    QTest::newRow("the id is no hash") << jpeg << QByteArray("image/jpeg") << QByteArray("bild.jpg") << 400
                                       << u"id: must be the image's SHA-256"_qs;
    QTest::newRow("the body is not what the id says")
        << jpeg << QByteArray("image/jpeg") << sha256Hex(jpeg.left(jpeg.size() - 1)) << 400
        << u"id: the body's SHA-256 is not the id"_qs;
    QTest::newRow("no body") << QByteArray() << QByteArray("image/jpeg") << QByteArray() << 400 << u"holds no image"_qs;
}

void TestApiReferralImages::refusedClearly()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, id);
    QFETCH(int, status);
    QFETCH(QString, detail);
    const qint64 rows = m_api.count(u"SELECT COUNT(*) FROM uploaded_images"_qs);
    const qsizetype files = filesUnder(imagesDir()).size();
    const HttpReply refused = m_api.upload(u"erik"_qs, body, type, id);
    QCOMPARE(refused.status, status);
    QCOMPARE(refused.header("Content-Type"), QByteArray("application/problem+json"));
    QVERIFY2(refused.json().value(u"detail"_qs).toString().contains(detail), refused.body.constData());
    QVERIFY(!refused.header("X-Request-Id").isEmpty());
    if (QByteArray(QTest::currentDataTag()).startsWith("the body is not"))
        QCOMPARE(refused.json().value(u"reason"_qs).toString(), u"hash_mismatch"_qs);
    QCOMPARE(m_api.count(u"SELECT COUNT(*) FROM uploaded_images"_qs), rows);
    QCOMPARE(filesUnder(imagesDir()).size(), files);
}

void TestApiReferralImages::overTwentyMiBIsRefusedBeforeReading()
{
    const qint64 before = m_api.server().peakResidentKiB();
    QVERIFY(before > 0);
    const qint64 size = 21 * 1024 * 1024;
    const QByteArray head = "PUT /api/v1/images/" + QByteArray(64, 'a')
        + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + m_api.tokens.value(u"erik"_qs)
        + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + QByteArray::number(size) + "\r\n\r\n";
    const QByteArray answer = rawExchange(m_api.server().port(), head, 20000, size);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
    QVERIFY(answer.contains("payload-too-large"));
    QVERIFY(answer.contains("at most 20971520"));
    // The 21 MiB never reached the server's memory.
    const qint64 after = m_api.server().peakResidentKiB();
    QVERIFY2(after - before < 4096, qPrintable(QStringLiteral("peak RSS grew %1 KiB").arg(after - before)));
    QCOMPARE(m_api.as(u"erik"_qs).get(u"/api/v1/health"_qs).status, 200);
}

void TestApiReferralImages::imagesMayBeLargerThanJson()
{
    const QByteArray photo = largeJpeg();
    QVERIFY2(photo.size() > 1024 * 1024, qPrintable(QString::number(photo.size())));
    QCOMPARE(m_api.upload(u"erik"_qs, photo).status, 201);
    // A JSON route still refuses that much.
    const QByteArray head = "POST /api/v1/referrals HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            "Content-Length: "
        + QByteArray::number(photo.size()) + "\r\n\r\n";
    const QByteArray answer = rawExchange(m_api.server().port(), head, 10000, photo.size());
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
}

void TestApiReferralImages::viewsAreLimitedAndAudited()
{
    const QString id = m_api.uploaded(u"erik"_qs, sampleJpeg(m_api.nextImageSeed()));
    const QString path = u"/api/v1/images/"_qs + id;
    // Until a referral names it, only the uploader sees it; a refusal without a patient is not logged.
    QCOMPARE(m_api.as(u"erik"_qs).get(path).status, 200);
    QCOMPARE(m_api.as(u"anna"_qs).get(path).status, 404);
    QCOMPARE(m_api.as(u"omar"_qs).get(path).status, 404);
    QCOMPARE(m_api.count(u"SELECT COUNT(*) FROM audit_log WHERE object = ? AND outcome = 'denied'"_qs,
                         {QString(u"referral_image:"_qs + id)}),
             0);

    const HttpReply sent = m_api.as(u"erik"_qs).postJson(u"/api/v1/referrals"_qs, m_api.referralBody({id}));
    QCOMPARE(sent.status, 201);
    // Both units of the referral see it; every view is in the audit log with the patient.
    const QString object = u"referral_image:"_qs + id;
    for (int view = 1; view <= 2; ++view) {
        QCOMPARE(m_api.as(u"omar"_qs).get(path).status, 200);
        QCOMPARE(readsOf(object, u"staff-omar"_qs), view);
    }
    QCOMPARE(m_api.as(u"omar"_qs).get(path + u"/thumbnail"_qs).status, 200);
    QCOMPARE(readsOf(object + u"/thumbnail"_qs, u"staff-omar"_qs), 1);
    QCOMPARE(m_api.as(u"anna"_qs).get(path).status, 200);
    QCOMPARE(readsOf(object, u"staff-anna"_qs), 1);

    // A GP of another care centre and a dermatologist of another clinic: 404, logged as denied.
    for (const QString &stranger : {u"gunnar"_qs, u"hedda"_qs}) {
        for (const QString &url : {path, QString(path + u"/thumbnail"_qs)}) {
            const HttpReply refused = m_api.as(stranger).get(url);
            QCOMPARE(refused.status, 404);
            QCOMPARE(problemType(refused), u"https://nara.example/problems/not-found"_qs);
            QVERIFY(!refused.body.startsWith("\xff\xd8"));
        }
        QCOMPARE(m_api.count(u"SELECT COUNT(*) FROM audit_log WHERE user_id = ? AND action = 'denied' "
                             "AND patient_id = ? AND object LIKE ?"_qs,
                             {QString(u"staff-"_qs + stranger), m_api.patientId, QString(object + u'%')}),
                 2);
    }
    QCOMPARE(m_api.as(u"omar"_qs).get(u"/api/v1/images/"_qs + QString(64, u'0')).status, 404);
    QCOMPARE(m_api.as(u"omar"_qs).get(u"/api/v1/images/..%2F..%2Fnara.db"_qs).status, 404);
    QCOMPARE(TestHttp(m_api.server().url()).get(path).status, 401);
}

QTEST_GUILESS_MAIN(TestApiReferralImages)
#include "tst_api_referrals_images.moc"
