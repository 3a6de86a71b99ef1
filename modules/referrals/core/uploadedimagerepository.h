#pragma once

#include "foundation/core/error.h"
#include "storage/core/database.h"

#include <QList>
#include <QString>

#include <optional>

namespace nara::referrals {

// An image as uploaded (PUT /api/v1/images/<id>): `id` is the SHA-256 of the uploaded bytes, the
// hashes address the server's own re-encoded image and thumbnail in the ImageStore.
struct UploadedImage
{
    QString id;
    QString storedHash;
    QString thumbnailHash;
    int width = 0;
    int height = 0;
    QString uploadedBy; // the first uploader
    qint64 uploadedAt = 0;
};

// A referral naming an image, as far as access to the image is concerned.
struct ImageUse
{
    QString referralId;
    QString patientId;
    QString fromUnitId;
    QString toUnitId;
};

// The uploaded_images and image_uploaders rows. Runs inside the caller's transaction; writes no
// change log (images are not synced: referrals name them).
class UploadedImageRepository
{
public:
    explicit UploadedImageRepository(storage::Database &database)
        : m_database(database)
    {
    }

    // Stores the image unless its id is there already, and records `image.uploadedBy` as an
    // uploader either way. Returns true when the image was new.
    Result<bool> insert(const UploadedImage &image);
    // Records another upload of a stored image (its uploader may name it). NotFound if it is gone.
    Result<void> addUploader(const QString &imageId, const QString &staffId, qint64 at);
    Result<std::optional<UploadedImage>> byId(const QString &imageId);
    Result<bool> isUploader(const QString &imageId, const QString &staffId);
    // The referrals naming the image, oldest first.
    Result<QList<ImageUse>> usesOf(const QString &imageId);
    // Whether any stored image (another row) still uses this hash as its image or thumbnail.
    Result<bool> hashInUse(const QString &hash);

private:
    storage::Database &m_database;
};

} // namespace nara::referrals
