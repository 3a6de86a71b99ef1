#include "referrals/core/imagepipeline.h"

#include "referrals/core/imagestore.h"

#include <QBuffer>
#include <QColorSpace>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QtEndian>

#include <limits>
#include <mutex>

namespace nara::referrals {

namespace {

enum class Format { Jpeg, Png, Other };

const QByteArray kPngSignature = QByteArrayLiteral("\x89PNG\r\n\x1a\n");

Format sniff(const QByteArray &bytes)
{
    if (bytes.startsWith(QByteArrayLiteral("\xff\xd8\xff")))
        return Format::Jpeg;
    if (bytes.startsWith(kPngSignature))
        return Format::Png;
    return Format::Other;
}

quint32 bigEndian32(const QByteArray &bytes, qsizetype at)
{
    return qFromBigEndian<quint32>(reinterpret_cast<const uchar *>(bytes.constData()) + at);
}

// More scans than any encoder writes (libjpeg's progressive script has 10): each one makes the
// decoder pass over the whole image again, so a small file of thousands is a CPU bomb.
constexpr int kMaxJpegScans = 100;

// The position of the marker ending the entropy-coded data that starts at `at`, or -1. 0xFF in that
// data is stuffed (FF 00); restart markers (FF D0-D7) and fill bytes belong to it.
qsizetype endOfScanData(const QByteArray &bytes, qsizetype at)
{
    while ((at = bytes.indexOf('\xff', at)) >= 0 && at + 1 < bytes.size()) {
        const auto next = static_cast<uchar>(bytes[at + 1]);
        if (next == 0x00 || (next >= 0xd0 && next <= 0xd7))
            at += 2;
        else if (next == 0xff)
            ++at;
        else
            return at;
    }
    return -1;
}

// Whether a JPEG is whole: its segments lead to scans (at most kMaxJpegScans), and the end-of-image
// marker follows the last. libjpeg decodes a truncated file "successfully" (grey where data is
// missing), so the structure is checked here. Markers inside APPn segments (an EXIF thumbnail) are
// skipped by length, the entropy-coded data of each scan up to the next real marker.
bool isCompleteJpeg(const QByteArray &bytes)
{
    int scans = 0;
    qsizetype at = 2;
    while (at + 4 <= bytes.size()) {
        if (static_cast<uchar>(bytes[at]) != 0xff)
            return false;
        const auto marker = static_cast<uchar>(bytes[at + 1]);
        if (marker == 0xff) { // fill byte
            ++at;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { // markers without a length
            at += 2;
            continue;
        }
        const int length = (static_cast<uchar>(bytes[at + 2]) << 8) | static_cast<uchar>(bytes[at + 3]);
        if (length < 2)
            return false;
        if (marker == 0xda) { // start of scan: its data, then another segment or the end of the image
            if (++scans > kMaxJpegScans)
                return false;
            at = endOfScanData(bytes, at + 2 + length);
            if (at < 0)
                return false;
            if (static_cast<uchar>(bytes[at + 1]) == 0xd9)
                return true;
            continue;
        }
        at += 2 + length;
    }
    return false;
}

// Whether a PNG is whole: its chunks follow each other up to IEND within the bytes.
bool isCompletePng(const QByteArray &bytes)
{
    qsizetype at = kPngSignature.size();
    while (at + 12 <= bytes.size()) {
        const quint32 length = bigEndian32(bytes, at);
        if (length > 0x7fffffffu)
            return false;
        if (bytes.mid(at + 4, 4) == "IEND")
            return true;
        at += 12 + qsizetype(length);
    }
    return false;
}

// A copy holding only pixels: white under any transparency (JPEG has none), sRGB, and no text keys,
// colour space or other metadata that QImageWriter would carry into the file.
QImage pixelsOnly(const QImage &image)
{
    QImage source = image;
    if (source.colorSpace().isValid() && source.colorSpace() != QColorSpace::SRgb)
        source.convertToColorSpace(QColorSpace::SRgb);
    QImage clean(source.size(), QImage::Format_RGB32);
    clean.fill(Qt::white);
    QPainter painter(&clean);
    painter.drawImage(0, 0, source);
    painter.end();
    return clean;
}

Result<QByteArray> encodeJpeg(const QImage &image, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    if (!writer.write(image))
        return fail(ErrorCode::Internal, u"cannot encode the image: "_qs + writer.errorString());
    return bytes;
}

// The decoder's own allocation limit, a second guard behind the header's pixel check. It is
// process-wide in Qt, so it is set once (never per image, from several threads) and sized for the
// default pixel limit at 8 bytes a pixel (16-bit PNGs decode to RGBA64), plus a margin.
void setDecoderAllocationLimitOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        constexpr qint64 kMiB = 1 << 20;
        constexpr qint64 limitMiB = (ImagePipeline::kDefaultMaxPixels * 8 + kMiB - 1) / kMiB + 64;
        static_assert(limitMiB < std::numeric_limits<int>::max());
        QImageReader::setAllocationLimit(int(limitMiB));
    });
}

} // namespace

ImagePipeline::ImagePipeline(qint64 maxBytes, qint64 maxPixels)
    : m_maxBytes(maxBytes)
    , m_maxPixels(maxPixels)
{
}

Result<ProcessedImage> ImagePipeline::process(const QByteArray &bytes) const
{
    if (bytes.size() > m_maxBytes) {
        return fail(ErrorCode::PayloadTooLarge,
                    u"the image is %1 MiB; at most %2 MiB are accepted"_qs.arg(
                        QString::number(double(bytes.size()) / (1024 * 1024), 'f', 1),
                        QString::number(double(m_maxBytes) / (1024 * 1024), 'g', 4)));
    }
    const Format format = sniff(bytes);
    if (format == Format::Other)
        return fail(ErrorCode::InvalidInput, u"not a JPEG or PNG image"_qs);

    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer); // no file name and no format: Qt decides from the content alone
    const QByteArray detected = reader.format();
    if (detected != (format == Format::Jpeg ? "jpeg" : "png"))
        return fail(ErrorCode::InvalidInput, u"not a JPEG or PNG image"_qs);

    // The header's size, before any pixel is decoded: a decompression bomb stops here.
    const QSize announced = reader.size();
    if (!announced.isValid() || announced.isEmpty())
        return fail(ErrorCode::InvalidInput, u"the image is truncated or damaged"_qs);
    if (qint64(announced.width()) * announced.height() > m_maxPixels) {
        return fail(ErrorCode::InvalidInput,
                    u"the image is %1 × %2 pixels; at most %3 megapixels are accepted"_qs.arg(
                        QString::number(announced.width()), QString::number(announced.height()),
                        QString::number(double(m_maxPixels) / 1'000'000, 'g', 4)));
    }
    const bool complete = format == Format::Jpeg ? isCompleteJpeg(bytes) : isCompletePng(bytes);
    if (!complete)
        return fail(ErrorCode::InvalidInput, u"the image is truncated or damaged"_qs);

    setDecoderAllocationLimitOnce();
    reader.setAutoTransform(true); // the EXIF orientation: the image comes out upright
    QImage image;
    if (!reader.read(&image) || image.isNull())
        return fail(ErrorCode::InvalidInput, u"the image is truncated or damaged"_qs);

    if (image.width() > kMaxSide || image.height() > kMaxSide)
        image = image.scaled(kMaxSide, kMaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    const QImage clean = pixelsOnly(image);
    const QImage thumbnail = clean.width() > kThumbnailSide || clean.height() > kThumbnailSide
        ? pixelsOnly(clean.scaled(kThumbnailSide, kThumbnailSide, Qt::KeepAspectRatio, Qt::SmoothTransformation))
        : clean;

    auto encoded = encodeJpeg(clean, kJpegQuality);
    if (!encoded)
        return fail(encoded.error());
    auto encodedThumbnail = encodeJpeg(thumbnail, kThumbnailQuality);
    if (!encodedThumbnail)
        return fail(encodedThumbnail.error());

    ProcessedImage result;
    result.image = std::move(*encoded);
    result.thumbnail = std::move(*encodedThumbnail);
    result.width = clean.width();
    result.height = clean.height();
    result.sha256 = ImageStore::hashOf(result.image);
    return result;
}

} // namespace nara::referrals
