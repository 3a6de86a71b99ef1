// The sharpness measure behind the blur warning of the referral dialog (issue 5): a detailed pattern
// scores far above the threshold, the same pattern blurred far below; flat and tiny images score 0;
// the figure does not depend on the camera's resolution above 1024 px. Every image is drawn here.

#include "referrals/core/imagesharpness.h"

#include <QFont>
#include <QImage>
#include <QPainter>
#include <QTest>

#include <cmath>
#include <vector>

using namespace nara::referrals;

namespace {

// Something a camera could see in focus: lines, circles and text in several greys, on a skin-like
// background.
QImage pattern(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(214, 170, 140));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const int step = qMax(4, width / 40);
    for (int x = 0; x < width; x += step) {
        painter.setPen(QPen(QColor(90, 60, 40), 1));
        painter.drawLine(x, 0, x + height / 3, height);
    }
    painter.setPen(QPen(QColor(40, 25, 20), 2));
    for (int r = step; r < qMin(width, height) / 2; r += step)
        painter.drawEllipse(QPoint(width / 2, height / 2), r, r);
    QFont font;
    font.setPixelSize(qMax(8, height / 12));
    painter.setFont(font);
    painter.setPen(Qt::black);
    painter.drawText(QRect(0, 0, width, height), Qt::AlignCenter, QStringLiteral("Nära 1234"));
    painter.end();
    return image;
}

// A Gaussian blur of the given σ in pixels, separable, edges clamped.
QImage blurred(const QImage &source, double sigma)
{
    const QImage in = source.convertToFormat(QImage::Format_RGB32);
    const int radius = int(std::ceil(3 * sigma));
    std::vector<double> kernel(2 * radius + 1);
    double total = 0;
    for (int i = -radius; i <= radius; ++i)
        total += kernel[i + radius] = std::exp(-(i * i) / (2 * sigma * sigma));
    for (double &weight : kernel)
        weight /= total;
    const int width = in.width();
    const int height = in.height();
    auto pass = [&](const QImage &from, bool horizontal) {
        QImage to(from.size(), QImage::Format_RGB32);
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) {
                double red = 0, green = 0, blue = 0;
                for (int i = -radius; i <= radius; ++i) {
                    const QRgb pixel = horizontal ? from.pixel(std::clamp(x + i, 0, width - 1), y)
                                                  : from.pixel(x, std::clamp(y + i, 0, height - 1));
                    red += kernel[i + radius] * qRed(pixel);
                    green += kernel[i + radius] * qGreen(pixel);
                    blue += kernel[i + radius] * qBlue(pixel);
                }
                to.setPixel(x, y, qRgb(int(red + 0.5), int(green + 0.5), int(blue + 0.5)));
            }
        }
        return to;
    };
    return pass(pass(in, true), false);
}

} // namespace

class TestSharpness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void patternIsSharpAndItsBlurIsNot();
    void moreBlurScoresLower();
    void flatImagesScoreZero_data();
    void flatImagesScoreZero();
    void tinyImages();
    void resolutionAboveTheLimitDoesNotMatter();
    void colourCountsAsItsGrey();
    void threshold_data();
    void threshold();
};

void TestSharpness::patternIsSharpAndItsBlurIsNot()
{
    const QImage sharp = pattern(800, 600);
    const double sharpScore = imageSharpness(sharp);
    const double blurScore = imageSharpness(blurred(sharp, 2.5));
    QVERIFY2(!looksBlurred(sharpScore), qPrintable(QString::number(sharpScore)));
    QVERIFY2(looksBlurred(blurScore), qPrintable(QString::number(blurScore)));
    QVERIFY(blurScore * 10 < sharpScore);
}

void TestSharpness::moreBlurScoresLower()
{
    const QImage sharp = pattern(400, 300);
    double previous = imageSharpness(sharp);
    for (const double sigma : {0.8, 1.5, 3.0, 6.0}) {
        const double score = imageSharpness(blurred(sharp, sigma));
        QVERIFY2(score < previous, qPrintable(QStringLiteral("σ %1: %2 after %3").arg(sigma).arg(score).arg(previous)));
        previous = score;
    }
}

void TestSharpness::flatImagesScoreZero_data()
{
    QTest::addColumn<QImage>("image");
    for (const QColor &colour : {QColor(Qt::white), QColor(Qt::black), QColor(214, 170, 140)}) {
        QImage image(640, 480, QImage::Format_RGB32);
        image.fill(colour);
        QTest::newRow(qPrintable(colour.name())) << image;
    }
    QImage transparent(64, 64, QImage::Format_ARGB32);
    transparent.fill(Qt::transparent);
    QTest::newRow("transparent") << transparent;
}

void TestSharpness::flatImagesScoreZero()
{
    QFETCH(QImage, image);
    QCOMPARE(imageSharpness(image), 0.0);
    QVERIFY(looksBlurred(imageSharpness(image)));
}

void TestSharpness::tinyImages()
{
    QCOMPARE(imageSharpness(QImage()), 0.0);
    for (const QSize size : {QSize(1, 1), QSize(2, 2), QSize(2, 50), QSize(50, 2)}) {
        QImage image(size, QImage::Format_RGB32);
        image.fill(Qt::white);
        image.setPixel(0, 0, qRgb(0, 0, 0));
        QCOMPARE(imageSharpness(image), 0.0); // no interior pixel: nothing to judge
    }
    // 3 × 3 has one interior pixel: one Laplacian, so no variance yet.
    QImage three(3, 3, QImage::Format_RGB32);
    three.fill(Qt::white);
    three.setPixel(1, 1, qRgb(0, 0, 0));
    QCOMPARE(imageSharpness(three), 0.0);
    // 4 × 3: two interior pixels, a dark one and a light one.
    QImage four(4, 3, QImage::Format_Grayscale8);
    four.fill(255);
    four.setPixel(1, 1, 0);
    QVERIFY(imageSharpness(four) > 0);
}

void TestSharpness::resolutionAboveTheLimitDoesNotMatter()
{
    const QImage large = pattern(3000, 2000);
    const QImage reduced = large.scaled(kSharpnessSide, kSharpnessSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QCOMPARE(reduced.width(), kSharpnessSide);
    QCOMPARE(imageSharpness(large), imageSharpness(reduced));
    // Portrait as well: the longest side is the one limited.
    const QImage portrait = pattern(1500, 2500);
    QCOMPARE(
        imageSharpness(portrait),
        imageSharpness(portrait.scaled(kSharpnessSide, kSharpnessSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

void TestSharpness::colourCountsAsItsGrey()
{
    const QImage colour = pattern(320, 240);
    QCOMPARE(imageSharpness(colour), imageSharpness(colour.convertToFormat(QImage::Format_Grayscale8)));
}

void TestSharpness::threshold_data()
{
    QTest::addColumn<double>("sharpness");
    QTest::addColumn<bool>("blurred");
    QTest::newRow("zero") << 0.0 << true;
    QTest::newRow("just below") << kBlurredBelow - 0.01 << true;
    QTest::newRow("at the line") << kBlurredBelow << false;
    QTest::newRow("sharp photo") << 1188.0 << false;
}

void TestSharpness::threshold()
{
    QFETCH(double, sharpness);
    QFETCH(bool, blurred);
    QCOMPARE(looksBlurred(sharpness), blurred);
}

QTEST_MAIN(TestSharpness)
#include "tst_sharpness.moc"
