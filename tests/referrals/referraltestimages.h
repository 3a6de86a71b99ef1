#pragma once

// Images for the referral dialog tests, drawn and written by the test itself: a sharp photo-like
// pattern, the same pattern blurred, a JPEG whose EXIF says "rotate 90°", text posing as a JPEG,
// a truncated JPEG, and distinct small pictures.

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QString>

namespace nara::test {

// Lines, rings and text on a skin-coloured background: sharp in every direction.
inline QImage skinPattern(int width, int height, int seed = 0)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(214, 170, 140));
    QPainter painter(&image);
    const int step = qMax(6, width / 40);
    painter.setPen(QPen(QColor(90, 60, 40), 2));
    for (int x = (seed * 3) % step; x < width; x += step)
        painter.drawLine(x, 0, x + height / 3, height);
    painter.setPen(QPen(QColor(40, 25, 20), 3));
    for (int r = step; r < qMin(width, height) / 2; r += step)
        painter.drawEllipse(QPoint(width / 2, height / 2), r, r);
    QFont font;
    font.setPixelSize(qMax(10, height / 10));
    painter.setFont(font);
    painter.setPen(Qt::black);
    painter.drawText(QRect(0, 0, width, height), Qt::AlignCenter, QStringLiteral("Nära %1").arg(seed));
    return image;
}

// The same picture out of focus: through a 1/10 size and back, smoothly.
inline QImage outOfFocus(const QImage &image)
{
    return image.scaled(image.width() / 10, image.height() / 10, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
        .scaled(image.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

inline QByteArray jpegBytes(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(92);
    writer.write(image);
    return bytes;
}

// A JPEG with an EXIF segment holding only an Orientation tag (6: the camera was turned 90°
// clockwise, so the picture must be rotated to be upright).
inline QByteArray withOrientation(const QByteArray &jpeg, quint16 orientation)
{
    QByteArray tiff("MM\x00\x2a\x00\x00\x00\x08", 8); // big-endian, IFD0 at 8
    tiff.append(QByteArray("\x00\x01", 2)); // one entry
    tiff.append(QByteArray("\x01\x12\x00\x03\x00\x00\x00\x01", 8)); // Orientation, SHORT, 1
    tiff.append(char(orientation >> 8)).append(char(orientation & 0xff)).append(QByteArray(2, '\0'));
    tiff.append(QByteArray(4, '\0')); // no next IFD
    QByteArray segment("\xff\xe1", 2);
    const int length = 2 + 6 + int(tiff.size());
    segment.append(char(length >> 8)).append(char(length & 0xff));
    segment.append(QByteArray("Exif\0\0", 6)).append(tiff);
    return QByteArray(jpeg).insert(2, segment);
}

inline QString writeFile(const QString &directory, const QString &name, const QByteArray &bytes)
{
    const QString path = QDir(directory).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write the test file");
    return path;
}

// The files most tests import, written once into `directory`.
struct ReferralTestFiles
{
    QString sharp; // 1200 × 900, in focus
    QString blurred; // the same, out of focus
    QString rotated; // 800 × 600 stored, EXIF orientation 6: upright it is 600 × 800
    QString text; // text named .jpg
    QString truncated; // the first half of a JPEG

    explicit ReferralTestFiles(const QString &directory)
    {
        const QImage pattern = skinPattern(1200, 900);
        sharp = writeFile(directory, QStringLiteral("naevus-overview.jpg"), jpegBytes(pattern));
        blurred = writeFile(directory, QStringLiteral("naevus-blurred.jpg"), jpegBytes(outOfFocus(pattern)));
        rotated = writeFile(directory, QStringLiteral("naevus-rotated.jpg"),
                            withOrientation(jpegBytes(skinPattern(800, 600, 7)), 6));
        text = writeFile(directory, QStringLiteral("notes.jpg"), QByteArrayLiteral("Patient notes, not a picture\n"));
        const QByteArray whole = jpegBytes(skinPattern(400, 300, 3));
        truncated = writeFile(directory, QStringLiteral("cut-off.jpg"), whole.left(whole.size() / 2));
    }
};

} // namespace nara::test
