#pragma once

#include "foundation/core/clock.h"
#include "referrals/core/imagestore.h"

#include <QString>

namespace nara::referrals {

// Images as files under one directory (the server's data directory), named by their hash in a
// two-level fan-out ("ab/cd/abcd…") so no directory grows huge. Files are written atomically
// (QSaveFile: a reader never sees half an image, a crash leaves none) and readable by the owner
// only (0600, directories 0700). get() checks the bytes against their hash, so a damaged file is
// reported instead of served. Every put() sets the file's modification time to the clock's now
// (also when the content was there already), which removeIfOlderThan() compares with its cutoff.
class FileImageStore final : public ImageStore
{
public:
    // `clock` (SystemClock when null) must outlive the store.
    explicit FileImageStore(QString rootDirectory, const Clock *clock = nullptr);

    Result<QString> put(const QByteArray &bytes) override;
    Result<QByteArray> get(const QString &hash) const override;
    bool contains(const QString &hash) const override;
    Result<void> remove(const QString &hash) override;
    Result<bool> removeIfOlderThan(const QString &hash, qint64 cutoffMs) override;
    // Walks the fan-out: files named "<hash>" or "<hash>.<suffix>" (QSaveFile's temporary files, the
    // ".sweep" file removeIfOlderThan() moves aside) in the directories their hash puts them in.
    Result<QStringList> hashesOlderThan(qint64 cutoffMs) const override;

    // Where the file for this hash lives (whether or not it exists).
    QString pathFor(const QString &hash) const;

private:
    QString m_root;
    SystemClock m_systemClock;
    const Clock *m_clock;
};

} // namespace nara::referrals
