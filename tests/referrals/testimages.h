#pragma once

// Images for the referral tests, built in the test and never downloaded: coloured quadrants (to
// check orientation after lossy JPEG), JPEGs with hand-made EXIF segments (orientation and a GPS
// position), and a PNG whose header announces more pixels than any server should decode.

#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QImageWriter>
#include <QList>

#include <array>

namespace nara::test {

inline const QByteArray kGpsMarker = QByteArrayLiteral("GPS-HOME-WGS84");

// Four coloured quadrants, so orientation can be checked after lossy JPEG: red top left, green top
// right, blue bottom left, white bottom right.
inline QImage quadrants(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const bool left = x < width / 2;
            const bool top = y < height / 2;
            line[x] = top ? (left ? qRgb(255, 0, 0) : qRgb(0, 255, 0)) : (left ? qRgb(0, 0, 255) : qRgb(255, 255, 255));
        }
    }
    return image;
}

inline QByteArray encode(const QImage &image, const char *format, int quality = 90)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (qstrcmp(format, "jpeg") == 0)
        writer.setQuality(quality); // for PNG it is the compression level: keep the default
    if (!writer.write(image))
        qFatal("cannot encode the test image");
    return bytes;
}

inline void append16(QByteArray &out, quint16 value)
{
    out.append(char(value >> 8)).append(char(value & 0xff));
}

inline void append32(QByteArray &out, quint32 value)
{
    append16(out, quint16(value >> 16));
    append16(out, quint16(value & 0xffff));
}

inline void appendEntry(QByteArray &out, quint16 tag, quint16 type, quint32 count, quint32 value)
{
    append16(out, tag);
    append16(out, type);
    append32(out, count);
    append32(out, value);
}

// An APP1 EXIF segment: a big-endian TIFF header, IFD0 with Orientation and a pointer to the GPS
// IFD, and a GPS IFD with latitude (N 56° 52' 30") and a datum string that marks the position.
inline QByteArray exifSegment(quint16 orientation)
{
    constexpr quint16 kShort = 3, kLong = 4, kAscii = 2, kRational = 5;
    QByteArray tiff("MM\x00\x2a", 4);
    append32(tiff, 8); // IFD0 right after the header
    append16(tiff, 2);
    appendEntry(tiff, 0x0112, kShort, 1, quint32(orientation) << 16); // a SHORT sits left-aligned
    appendEntry(tiff, 0x8825, kLong, 1, 38); // GPS IFD: 8 + 2 + 2 * 12 + 4
    append32(tiff, 0);
    Q_ASSERT(tiff.size() == 38);
    append16(tiff, 3);
    appendEntry(tiff, 0x0001, kAscii, 2, quint32('N') << 24); // GPSLatitudeRef "N"
    appendEntry(tiff, 0x0002, kRational, 3, 80); // GPSLatitude: 38 + 2 + 3 * 12 + 4
    appendEntry(tiff, 0x0012, kAscii, quint32(kGpsMarker.size() + 1), 104); // GPSMapDatum
    append32(tiff, 0);
    Q_ASSERT(tiff.size() == 80);
    for (const auto &[numerator, denominator] : {std::pair{56u, 1u}, {52u, 1u}, {3000u, 100u}}) {
        append32(tiff, numerator);
        append32(tiff, denominator);
    }
    tiff.append(kGpsMarker).append('\0');

    QByteArray segment("\xff\xe1", 2);
    append16(segment, quint16(2 + 6 + tiff.size()));
    segment.append(QByteArray("Exif\0\0", 6)).append(tiff);
    return segment;
}

inline QByteArray withExif(const QByteArray &jpeg, quint16 orientation)
{
    return QByteArray(jpeg).insert(2, exifSegment(orientation)); // right after SOI
}

// The markers of a JPEG up to its start of scan.
inline QList<uchar> jpegMarkers(const QByteArray &bytes)
{
    QList<uchar> markers;
    qsizetype at = 2;
    while (at + 4 <= bytes.size() && uchar(bytes[at]) == 0xff) {
        const uchar marker = uchar(bytes[at + 1]);
        markers.append(marker);
        if (marker == 0xda)
            break;
        at += 2 + ((uchar(bytes[at + 2]) << 8) | uchar(bytes[at + 3]));
    }
    return markers;
}

// PNG's CRC-32 (ISO 3309), table-driven as in the PNG specification's sample code.
inline quint32 pngCrc(const QByteArray &bytes)
{
    static const auto table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 crc = 0xffffffffu;
    for (const char byte : bytes)
        crc = table[(crc ^ uchar(byte)) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

inline QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    QByteArray chunk;
    append32(chunk, quint32(data.size()));
    chunk.append(type).append(data);
    append32(chunk, pngCrc(type + data));
    return chunk;
}

// A PNG whose IHDR announces width × height RGB pixels and whose one IDAT is a few bytes: decoding
// it would need gigabytes, reading its header needs nothing.
inline QByteArray pngBomb(quint32 width, quint32 height)
{
    QByteArray ihdr;
    append32(ihdr, width);
    append32(ihdr, height);
    ihdr.append(QByteArray("\x08\x02\x00\x00\x00", 5)); // 8 bit, RGB, deflate, no filter, no interlace
    return QByteArrayLiteral("\x89PNG\r\n\x1a\n") + pngChunk("IHDR", ihdr)
        + pngChunk("IDAT", QByteArray("\x78\x9c\x03\x00\x00\x00\x00\x01", 8)) + pngChunk("IEND", {});
}

} // namespace nara::test
