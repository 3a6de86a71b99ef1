#include "referrals/core/uploadedimagerepository.h"

#include <QSqlQuery>

namespace nara::referrals {

Result<bool> UploadedImageRepository::insert(const UploadedImage &image)
{
    // Two workers may store the same upload at once: the second insert changes nothing.
    auto inserted = m_database.execute(
        QStringLiteral("INSERT INTO uploaded_images (id, stored_hash, thumbnail_hash, width, height, uploaded_by, "
                       "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"),
        {image.id, image.storedHash, image.thumbnailHash, image.width, image.height, image.uploadedBy,
         image.uploadedAt});
    if (!inserted)
        return fail(inserted.error());
    if (auto added = addUploader(image.id, image.uploadedBy, image.uploadedAt); !added)
        return fail(added.error());
    return *inserted == 1;
}

Result<void> UploadedImageRepository::addUploader(const QString &imageId, const QString &staffId, qint64 at)
{
    auto exists = m_database.scalar(QStringLiteral("SELECT 1 FROM uploaded_images WHERE id = ?"), {imageId});
    if (!exists)
        return fail(exists.error());
    if (exists->isNull())
        return fail(Error::notFound(QStringLiteral("No such image.")));
    auto done = m_database.execute(
        QStringLiteral("INSERT INTO image_uploaders (image_id, staff_id, uploaded_at) VALUES (?, ?, ?) "
                       "ON CONFLICT (image_id, staff_id) DO UPDATE SET uploaded_at = excluded.uploaded_at"),
        {imageId, staffId, at});
    if (!done)
        return fail(done.error());
    return {};
}

Result<std::optional<UploadedImage>> UploadedImageRepository::byId(const QString &imageId)
{
    auto rows = m_database.query(QStringLiteral("SELECT id, stored_hash, thumbnail_hash, width, height, uploaded_by, "
                                                "uploaded_at FROM uploaded_images WHERE id = ?"),
                                 {imageId});
    if (!rows)
        return fail(rows.error());
    if (!rows->next())
        return std::optional<UploadedImage>{};
    return std::optional<UploadedImage>(UploadedImage{
        rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString(), rows->value(3).toInt(),
        rows->value(4).toInt(), rows->value(5).toString(), rows->value(6).toLongLong()});
}

Result<bool> UploadedImageRepository::isUploader(const QString &imageId, const QString &staffId)
{
    auto found = m_database.scalar(QStringLiteral("SELECT 1 FROM image_uploaders WHERE image_id = ? AND staff_id = ?"),
                                   {imageId, staffId});
    if (!found)
        return fail(found.error());
    return !found->isNull();
}

Result<QList<ImageUse>> UploadedImageRepository::usesOf(const QString &imageId)
{
    auto rows = m_database.query(
        QStringLiteral("SELECT r.id, r.patient_id, r.from_unit_id, r.to_unit_id FROM referral_images i "
                       "JOIN referrals r ON r.id = i.referral_id WHERE i.image_id = ? ORDER BY r.sent_at, r.id"),
        {imageId});
    if (!rows)
        return fail(rows.error());
    QList<ImageUse> uses;
    while (rows->next())
        uses.append({rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString(),
                     rows->value(3).toString()});
    return uses;
}

Result<bool> UploadedImageRepository::hashInUse(const QString &hash)
{
    auto found = m_database.scalar(
        QStringLiteral("SELECT 1 FROM uploaded_images WHERE stored_hash = ? OR thumbnail_hash = ? LIMIT 1"),
        {hash, hash});
    if (!found)
        return fail(found.error());
    return !found->isNull();
}

} // namespace nara::referrals
