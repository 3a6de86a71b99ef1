#pragma once

#include <QByteArray>
#include <QString>

namespace nara::referrals {

// An image as it leaves the pipeline: re-encoded JPEG without metadata, upright, at most 4096 px on
// its longest side, with a thumbnail. sha256 is the hex digest of `image` (its content address).
struct ProcessedImage
{
    QByteArray image;
    QByteArray thumbnail;
    int width = 0;
    int height = 0;
    QString sha256;
    QString mime = QStringLiteral("image/jpeg");
};

} // namespace nara::referrals
