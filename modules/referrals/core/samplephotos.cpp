#include "referrals/core/samplephotos.h"

#include <QBuffer>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <QRandomGenerator>
#include <QtMath>

namespace nara::referrals {

QByteArray drawSampleLesionPhoto(quint32 seed, bool closeUp, bool blurred)
{
    QRandomGenerator random(seed);
    QImage image(1600, 1200, QImage::Format_RGB32);
    // Skin: a warm tone with a soft fall of light and fine texture.
    QPainter painter(&image);
    QLinearGradient light(0, 0, 1600, 1200);
    light.setColorAt(0, QColor(233, 190, 160));
    light.setColorAt(1, QColor(205, 160, 130));
    painter.fillRect(image.rect(), light);
    painter.end();
    // Texture: every pixel a little lighter or darker (pores, fine lines), as a sharp photo shows skin.
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int shade = int(random.bounded(25u)) - 12;
            const QRgb p = line[x];
            line[x] = qRgb(qBound(0, qRed(p) + shade, 255), qBound(0, qGreen(p) + shade, 255),
                           qBound(0, qBlue(p) + shade, 255));
        }
    }
    painter.begin(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    // The lesion: an irregular outline, darker towards the middle.
    const QPointF centre(800 + random.bounded(-120, 120), 600 + random.bounded(-80, 80));
    const double radius = closeUp ? 380 : 70;
    QPainterPath outline;
    constexpr int kPoints = 36;
    for (int i = 0; i <= kPoints; ++i) {
        const double angle = 2 * M_PI * (i % kPoints) / kPoints;
        const double r = radius * (0.8 + 0.35 * std::sin(3 * angle + seed) * 0.5 + random.bounded(0.12));
        const QPointF point = centre + QPointF(r * std::cos(angle), r * std::sin(angle));
        if (i == 0)
            outline.moveTo(point);
        else
            outline.lineTo(point);
    }
    QRadialGradient pigment(centre, radius * 1.1);
    pigment.setColorAt(0, QColor(60, 35, 25));
    pigment.setColorAt(0.6, QColor(110, 70, 45));
    pigment.setColorAt(1, QColor(160, 110, 80));
    painter.setPen(Qt::NoPen);
    painter.setBrush(pigment);
    painter.drawPath(outline);
    for (int i = 0; i < (closeUp ? 40 : 6); ++i) { // dots of darker pigment
        painter.setBrush(QColor(45, 25, 20, 160));
        const double r = radius * 0.6 * random.generateDouble();
        const double angle = 2 * M_PI * random.generateDouble();
        painter.drawEllipse(centre + QPointF(r * std::cos(angle), r * std::sin(angle)), radius * 0.04, radius * 0.04);
    }
    painter.end();
    if (blurred) // a shaken hand: down and up again loses the fine detail
        image = image.scaled(160, 120, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                    .scaled(1600, 1200, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 92);
    return bytes;
}

} // namespace nara::referrals
