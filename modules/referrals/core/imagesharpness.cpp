#include "referrals/core/imagesharpness.h"

#include <QImage>

namespace nara::referrals {

double imageSharpness(const QImage &image)
{
    if (image.isNull() || image.width() < 3 || image.height() < 3)
        return 0.0;
    QImage grey = image;
    if (grey.width() > kSharpnessSide || grey.height() > kSharpnessSide)
        grey = grey.scaled(kSharpnessSide, kSharpnessSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    grey = grey.convertToFormat(QImage::Format_Grayscale8);
    const int width = grey.width();
    const int height = grey.height();
    if (width < 3 || height < 3)
        return 0.0;

    // One pass: sum and sum of squares of the Laplacian over the interior pixels.
    double sum = 0;
    double sumOfSquares = 0;
    for (int y = 1; y < height - 1; ++y) {
        const uchar *above = grey.constScanLine(y - 1);
        const uchar *line = grey.constScanLine(y);
        const uchar *below = grey.constScanLine(y + 1);
        for (int x = 1; x < width - 1; ++x) {
            const int laplacian
                = int(above[x]) + int(below[x]) + int(line[x - 1]) + int(line[x + 1]) - 4 * int(line[x]);
            sum += laplacian;
            sumOfSquares += double(laplacian) * laplacian;
        }
    }
    const double count = double(width - 2) * double(height - 2);
    const double mean = sum / count;
    return qMax(0.0, sumOfSquares / count - mean * mean);
}

bool looksBlurred(double sharpness)
{
    return sharpness < kBlurredBelow;
}

} // namespace nara::referrals
