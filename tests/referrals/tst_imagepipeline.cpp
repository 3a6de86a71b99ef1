// The image path of dermatology referrals (issue 5): what goes in is judged by content, limited in
// bytes and pixels, turned upright, stripped of every piece of metadata and scaled. Every input is
// built in the test (testimages.h): JPEGs with hand-made EXIF segments (orientation, a GPS
// position), a PNG whose header announces 30 000 × 30 000 pixels, truncated files and text posing
// as an image.

#include "referrals/core/imagepipeline.h"
#include "testimages.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace nara;
using namespace nara::referrals;
using namespace nara::test;

namespace {

bool near(QRgb actual, QRgb expected)
{
    return qAbs(qRed(actual) - qRed(expected)) < 40 && qAbs(qGreen(actual) - qGreen(expected)) < 40
        && qAbs(qBlue(actual) - qBlue(expected)) < 40;
}

QImage decode(const QByteArray &bytes)
{
    return QImage::fromData(bytes);
}

} // namespace

class TestImagePipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted_data();
    void accepted();
    void gpsExifRemoved();
    void exifOrientationApplied();
    void refused_data();
    void refused();
    void tooManyPixelsRefusedBeforeDecoding();
    void tooLarge();
    void sixteenBitPngAccepted();
    void progressiveJpegAccepted();
    void tooManyScansRefused();
};

void TestImagePipeline::accepted_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QSize>("thumbnailSize");

    QTest::newRow("small jpeg") << encode(quadrants(400, 300), "jpeg") << QSize(400, 300) << QSize(320, 240);
    QTest::newRow("small png") << encode(quadrants(300, 400), "png") << QSize(300, 400) << QSize(240, 320);
    QTest::newRow("tiny png, no upscaling") << encode(quadrants(64, 32), "png") << QSize(64, 32) << QSize(64, 32);
    QTest::newRow("6000 x 3000 jpeg") << encode(quadrants(6000, 3000), "jpeg", 70) << QSize(4096, 2048)
                                      << QSize(320, 160);
    QTest::newRow("3000 x 6000 png") << encode(quadrants(3000, 6000), "png") << QSize(2048, 4096) << QSize(160, 320);
    QImage commented = quadrants(200, 100);
    commented.setText(u"Description"_qs, u"Patient Persson, Storgatan 1"_qs); // a JPEG COM, a PNG tEXt
    QTest::newRow("jpeg with comment") << encode(commented, "jpeg") << QSize(200, 100) << QSize(200, 100);
    QTest::newRow("png with text chunk") << encode(commented, "png") << QSize(200, 100) << QSize(200, 100);
    QImage transparent(100, 100, QImage::Format_ARGB32);
    transparent.fill(Qt::transparent);
    QTest::newRow("transparent png") << encode(transparent, "png") << QSize(100, 100) << QSize(100, 100);
}

void TestImagePipeline::accepted()
{
    QFETCH(QByteArray, input);
    QFETCH(QSize, size);
    QFETCH(QSize, thumbnailSize);

    const auto result = ImagePipeline().process(input);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(result->mime, u"image/jpeg"_qs);
    QCOMPARE(QSize(result->width, result->height), size);
    QCOMPARE(decode(result->image).size(), size);
    QCOMPARE(decode(result->thumbnail).size(), thumbnailSize);
    QCOMPARE(result->sha256,
             QString::fromLatin1(QCryptographicHash::hash(result->image, QCryptographicHash::Sha256).toHex()));
    for (const QByteArray &output : {result->image, result->thumbnail}) {
        QVERIFY(output.startsWith("\xff\xd8"));
        const QList<uchar> markers = jpegMarkers(output);
        QVERIFY(!markers.contains(0xe1)); // no EXIF/XMP
        QVERIFY(!markers.contains(0xfe)); // no comment
        QVERIFY(!output.contains("Persson"));
    }
    if (QTest::currentDataTag() == QByteArray("transparent png"))
        QCOMPARE(decode(result->image).pixel(50, 50), qRgb(255, 255, 255)); // white, not black
}

void TestImagePipeline::gpsExifRemoved()
{
    const QByteArray input = withExif(encode(quadrants(400, 300), "jpeg"), 1);
    QVERIFY(jpegMarkers(input).contains(0xe1));
    QVERIFY(input.contains(kGpsMarker));

    const auto result = ImagePipeline().process(input);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(QSize(result->width, result->height), QSize(400, 300));
    for (const QByteArray &output : {result->image, result->thumbnail}) {
        QVERIFY(!jpegMarkers(output).contains(0xe1));
        QVERIFY(!output.contains("Exif"));
        QVERIFY(!output.contains("GPS"));
    }
}

void TestImagePipeline::exifOrientationApplied()
{
    // Orientation 6: the camera was turned; the stored landscape image is shown rotated 90° clockwise.
    const QByteArray input = withExif(encode(quadrants(400, 200), "jpeg"), 6);
    const auto result = ImagePipeline().process(input);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(QSize(result->width, result->height), QSize(200, 400));

    const QImage upright = decode(result->image);
    QCOMPARE(upright.size(), QSize(200, 400));
    // Rotated clockwise: the old bottom left (blue) is now top left, the old top left (red) top right.
    QVERIFY(near(upright.pixel(5, 5), qRgb(0, 0, 255)));
    QVERIFY(near(upright.pixel(194, 5), qRgb(255, 0, 0)));
    QVERIFY(near(upright.pixel(5, 394), qRgb(255, 255, 255)));
    QVERIFY(near(upright.pixel(194, 394), qRgb(0, 255, 0)));
    QVERIFY(!jpegMarkers(result->image).contains(0xe1)); // and not rotated twice by a viewer
    QCOMPARE(decode(result->thumbnail).size(), QSize(160, 320));
}

void TestImagePipeline::refused_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");

    QTemporaryDir directory;
    QFile named(directory.filePath(u"x.jpg"_qs));
    QVERIFY(named.open(QIODevice::WriteOnly));
    named.write("This is not a picture of a mole, only text in a file called x.jpg.\n");
    named.close();
    QVERIFY(named.open(QIODevice::ReadOnly));
    const QByteArray text = named.readAll();

    const QByteArray jpeg = encode(quadrants(400, 300), "jpeg");
    const QByteArray png = encode(quadrants(400, 300), "png");
    const QString notAnImage = u"not a JPEG or PNG image"_qs;
    const QString damaged = u"the image is truncated or damaged"_qs;

    QTest::newRow("text file named x.jpg") << text << notAnImage;
    QTest::newRow("empty") << QByteArray() << notAnImage;
    QTest::newRow("gif") << QByteArray::fromHex(
        "47494638396101000100800000ffffff0000002c00000000010001000002024401003b")
                         << notAnImage;
    QTest::newRow("bmp") << encode(quadrants(40, 30), "bmp") << notAnImage;
    QTest::newRow("jpeg magic, then text") << QByteArray("\xff\xd8\xff"
                                                         "hello world, this is text")
                                           << damaged;
    QTest::newRow("truncated jpeg (first half)") << jpeg.left(jpeg.size() / 2) << damaged;
    QTest::newRow("truncated jpeg (no end marker)") << jpeg.chopped(2) << damaged;
    QTest::newRow("truncated jpeg (headers only)") << jpeg.left(200) << damaged;
    QTest::newRow("truncated png (first half)") << png.left(png.size() / 2) << damaged;
    QTest::newRow("png signature only") << png.left(8) << damaged;
}

void TestImagePipeline::refused()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, message);

    const auto result = ImagePipeline().process(input);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    QCOMPARE(result.error().message, message);
}

void TestImagePipeline::tooManyPixelsRefusedBeforeDecoding()
{
    const QByteArray bomb = pngBomb(30'000, 30'000);
    QCOMPARE(bomb.size(), 8 + 25 + 20 + 12); // nothing here but headers
    // Qt itself sees a PNG of that size in the header alone.
    QBuffer buffer;
    buffer.setData(bomb);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    QCOMPARE(reader.format(), QByteArray("png"));
    QCOMPARE(reader.size(), QSize(30'000, 30'000));

    const auto result = ImagePipeline().process(bomb);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    QCOMPARE(result.error().message, u"the image is 30000 × 30000 pixels; at most 50 megapixels are accepted"_qs);

    // The limit is the pipeline's: just under and over a smaller one.
    const QByteArray image = encode(quadrants(100, 100), "png");
    QVERIFY(ImagePipeline(ImagePipeline::kDefaultMaxBytes, 10'000).process(image));
    const auto over = ImagePipeline(ImagePipeline::kDefaultMaxBytes, 9'999).process(image);
    QVERIFY(!over);
    QCOMPARE(over.error().message, u"the image is 100 × 100 pixels; at most 0.009999 megapixels are accepted"_qs);
}

void TestImagePipeline::tooLarge()
{
    // Over the default 20 MiB: refused before anything is looked at.
    const QByteArray huge(ImagePipeline::kDefaultMaxBytes + 1, 'x');
    const auto result = ImagePipeline().process(huge);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::PayloadTooLarge);
    QCOMPARE(result.error().message, u"the image is 20.0 MiB; at most 20 MiB are accepted"_qs);

    // A real image over a smaller limit, and the same image at exactly the limit.
    const QByteArray jpeg = encode(quadrants(400, 300), "jpeg");
    const auto over = ImagePipeline(jpeg.size() - 1).process(jpeg);
    QVERIFY(!over);
    QCOMPARE(over.error().code, ErrorCode::PayloadTooLarge);
    QVERIFY(ImagePipeline(jpeg.size()).process(jpeg));
}

// A 16-bit PNG decodes to 8 bytes a pixel: the decoder's allocation limit must leave room for that
// within the pixel limit (a limit of 4 bytes a pixel refused this one), and no pipeline changes the
// process-wide limit for the others.
void TestImagePipeline::sixteenBitPngAccepted()
{
    const QImage deep = quadrants(1000, 1000).convertToFormat(QImage::Format_RGBA64);
    const QByteArray png = encode(deep, "png");
    QCOMPARE(int(uchar(png.at(8 + 8 + 8))), 16); // IHDR bit depth: 16
    const auto result = ImagePipeline(ImagePipeline::kDefaultMaxBytes, 1'000'000).process(png);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(QSize(result->width, result->height), QSize(1000, 1000));
    QVERIFY(ImagePipeline(ImagePipeline::kDefaultMaxBytes, 10'000).process(encode(quadrants(100, 100), "png")));
    QVERIFY(ImagePipeline().process(png)); // the pipeline with the small limit did not lower it
}

namespace {

QByteArray progressiveJpeg()
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setProgressiveScanWrite(true);
    writer.write(quadrants(400, 300));
    return bytes;
}

} // namespace

void TestImagePipeline::progressiveJpegAccepted()
{
    const QByteArray jpeg = progressiveJpeg();
    QVERIFY(jpeg.count("\xff\xda") > 1); // several scans
    const auto result = ImagePipeline().process(jpeg);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(QSize(result->width, result->height), QSize(400, 300));
}

// Each progressive scan makes the decoder pass over the whole image again: a small file of a
// thousand scans costs a lot of CPU. More than 100 scans is refused as damaged.
void TestImagePipeline::tooManyScansRefused()
{
    const QByteArray jpeg = progressiveJpeg();
    const qsizetype lastScan = jpeg.lastIndexOf("\xff\xda");
    QVERIFY(lastScan > 0);
    const QByteArray scan = jpeg.mid(lastScan, jpeg.size() - 2 - lastScan);
    const QByteArray many = jpeg.chopped(2) + scan.repeated(150) + QByteArray("\xff\xd9");
    const auto result = ImagePipeline().process(many);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    QCOMPARE(result.error().message, u"the image is truncated or damaged"_qs);
}

QTEST_GUILESS_MAIN(TestImagePipeline)
#include "tst_imagepipeline.moc"
