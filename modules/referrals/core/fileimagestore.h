#pragma once

#include "referrals/core/imagestore.h"

#include <QString>

namespace nara::referrals {

// Images as files under one directory (the server's data directory), named by their hash in a
// two-level fan-out ("ab/cd/abcd…") so no directory grows huge. Files are written atomically
// (QSaveFile: a reader never sees half an image, a crash leaves none) and readable by the owner
// only (0600, directories 0700). get() checks the bytes against their hash, so a damaged file is
// reported instead of served.
class FileImageStore final : public ImageStore
{
public:
    explicit FileImageStore(QString rootDirectory);

    Result<QString> put(const QByteArray &bytes) override;
    Result<QByteArray> get(const QString &hash) const override;
    bool contains(const QString &hash) const override;
    Result<void> remove(const QString &hash) override;

    // Where the file for this hash lives (whether or not it exists).
    QString pathFor(const QString &hash) const;

private:
    QString m_root;
};

} // namespace nara::referrals
