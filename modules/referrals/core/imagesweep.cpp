#include "referrals/core/imagesweep.h"

#include "auth/core/auditlog.h"
#include "referrals/core/uploadedimagerepository.h"
#include "storage/core/transactionguard.h"

#include <QLoggingCategory>
#include <QSet>
#include <QSqlQuery>

namespace nara::referrals {

namespace {

Q_LOGGING_CATEGORY(lcImageSweep, "nara.sweep")

constexpr int kBatch = 500;

// Unnamed and not uploaded again since the cutoff.
const QString kUnreferenced = QStringLiteral(
    "NOT EXISTS (SELECT 1 FROM referral_images r WHERE r.image_id = uploaded_images.id) "
    "AND NOT EXISTS (SELECT 1 FROM image_uploaders u WHERE u.image_id = uploaded_images.id AND u.uploaded_at > ?)");

struct Candidate
{
    QString id;
    QString storedHash;
    QString thumbnailHash;
};

Result<QList<Candidate>> candidates(storage::Database &database, qint64 cutoff)
{
    auto rows = database.query(QStringLiteral("SELECT id, stored_hash, thumbnail_hash FROM uploaded_images WHERE ")
                                   + kUnreferenced + QStringLiteral(" AND uploaded_at <= ? ORDER BY id LIMIT ?"),
                               {cutoff, cutoff, kBatch});
    if (!rows)
        return fail(rows.error());
    QList<Candidate> found;
    while (rows->next())
        found.append({rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString()});
    return found;
}

// Deletes the rows of those candidates that are still unreferenced (a referral may have named one
// since they were listed); returns the deleted ones.
Result<QList<Candidate>> deleteRows(storage::Database &database, const QList<Candidate> &listed, qint64 cutoff,
                                    qint64 now)
{
    QList<Candidate> deleted;
    auth::AuditLog audit(database);
    for (const Candidate &candidate : listed) {
        auto uploaders = database.execute(
            QStringLiteral("DELETE FROM image_uploaders WHERE image_id = ? AND EXISTS (SELECT 1 FROM uploaded_images "
                           "WHERE id = ? AND ")
                + kUnreferenced + u')',
            {candidate.id, candidate.id, cutoff});
        if (!uploaders)
            return fail(uploaders.error());
        auto removed = database.execute(QStringLiteral("DELETE FROM uploaded_images WHERE id = ? AND ") + kUnreferenced,
                                        {candidate.id, cutoff});
        if (!removed)
            return fail(removed.error());
        if (*removed == 0)
            continue;
        auth::AuditEntry entry;
        entry.at = now;
        entry.role = QStringLiteral("system");
        entry.action = QStringLiteral("delete");
        entry.object = QStringLiteral("referral_image:") + candidate.id;
        entry.client = QStringLiteral("image-sweep");
        if (auto logged = audit.append(entry); !logged)
            return fail(logged.error());
        deleted.append(candidate);
    }
    return deleted;
}

// Files no row names (an upload that stored them and then failed, or stopped): removed once not
// put() since the cutoff, so an upload in progress keeps its files. Returns how many went.
Result<int> removeOrphanFiles(storage::Database &database, ImageStore &store, qint64 cutoff)
{
    auto listed = store.hashesOlderThan(cutoff);
    if (!listed) {
        qCWarning(lcImageSweep, "image sweep: %s", qPrintable(listed.error().message));
        return 0;
    }
    int removedFiles = 0;
    UploadedImageRepository uploads(database);
    for (const QString &hash : std::as_const(*listed)) {
        auto used = uploads.hashInUse(hash);
        if (!used)
            return fail(used.error());
        if (*used)
            continue;
        auto removed = store.removeIfOlderThan(hash, cutoff);
        if (!removed)
            qCWarning(lcImageSweep, "image sweep: %s", qPrintable(removed.error().message));
        else if (*removed)
            ++removedFiles;
    }
    return removedFiles;
}

// The rows (and their files) of images no referral names; returns how many went.
Result<int> removeUnreferencedImages(storage::Database &database, ImageStore &store, qint64 cutoff, qint64 now)
{
    auto listed = candidates(database, cutoff);
    if (!listed)
        return fail(listed.error());
    if (listed->isEmpty())
        return 0;

    auto transaction = storage::TransactionGuard::begin(database);
    if (!transaction)
        return fail(transaction.error());
    auto deleted = deleteRows(database, *listed, cutoff, now);
    if (!deleted)
        return fail(deleted.error());
    if (auto committed = transaction->commit(); !committed)
        return fail(committed.error());

    // The files go once their rows are gone for good; one another row still uses stays, and so does
    // one stored again since the cutoff (an upload of the same bytes racing with this sweep).
    QSet<QString> hashes;
    for (const Candidate &candidate : std::as_const(*deleted)) {
        hashes.insert(candidate.storedHash);
        hashes.insert(candidate.thumbnailHash);
    }
    UploadedImageRepository uploads(database);
    for (const QString &hash : std::as_const(hashes)) {
        auto used = uploads.hashInUse(hash);
        if (!used)
            return fail(used.error());
        if (*used)
            continue;
        if (auto removed = store.removeIfOlderThan(hash, cutoff); !removed)
            qCWarning(lcImageSweep, "image sweep: %s", qPrintable(removed.error().message));
    }
    return int(deleted->size());
}

} // namespace

Result<int> sweepUnreferencedImages(storage::Database &database, const Clock &clock, ImageStore &store)
{
    const qint64 now = clock.nowMs();
    const qint64 cutoff = now - kUnreferencedImageRetentionMs;
    return removeUnreferencedImages(database, store, cutoff, now);
}

Result<int> sweepOrphanImageFiles(storage::Database &database, const Clock &clock, ImageStore &store)
{
    auto orphans = removeOrphanFiles(database, store, clock.nowMs() - kUnreferencedImageRetentionMs);
    if (!orphans)
        return fail(orphans.error());
    if (*orphans > 0) // a count only: never a hash, which would tie a file to a patient
        qCInfo(lcImageSweep, "image files no image row uses deleted: %d", *orphans);
    return *orphans;
}

} // namespace nara::referrals
