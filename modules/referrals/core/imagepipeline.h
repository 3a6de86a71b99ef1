#pragma once

#include "foundation/core/error.h"
#include "referrals/core/processedimage.h"

#include <QByteArray>

namespace nara::referrals {

// The path every referral image takes, on the workstation before upload and on the server before it
// is stored (issue 5). Judges the content, never a file name: only real JPEG and PNG are accepted.
// Refuses over-large files (PayloadTooLarge), images whose header announces more pixels than allowed
// (before anything is decoded, so a decompression bomb costs nothing), and damaged or truncated
// files (InvalidInput). Decodes with an allocation limit as a second guard, applies the EXIF
// orientation, scales to the longest side limit and re-encodes as JPEG, so that no metadata (EXIF,
// GPS, comments, text chunks) survives.
class ImagePipeline
{
public:
    static constexpr qint64 kDefaultMaxBytes = 20 * 1024 * 1024;
    static constexpr qint64 kDefaultMaxPixels = 50'000'000;
    static constexpr int kMaxSide = 4096;
    static constexpr int kThumbnailSide = 320;
    static constexpr int kJpegQuality = 90;
    static constexpr int kThumbnailQuality = 85;

    explicit ImagePipeline(qint64 maxBytes = kDefaultMaxBytes, qint64 maxPixels = kDefaultMaxPixels);

    Result<ProcessedImage> process(const QByteArray &bytes) const;

    qint64 maxBytes() const { return m_maxBytes; }
    qint64 maxPixels() const { return m_maxPixels; }

private:
    qint64 m_maxBytes;
    qint64 m_maxPixels;
};

} // namespace nara::referrals
