#pragma once

#include "foundation/core/error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace nara::referrals {

// Where referral images live, addressed by the SHA-256 of their bytes (lower-case hex): the same
// content is stored once however often it is sent. Small on purpose, so that a shared object store
// can replace the file store when several servers run (DESIGN.md, issue 5).
class ImageStore
{
public:
    virtual ~ImageStore() = default;

    // Stores the bytes (unless that content is already there) and returns their hash.
    virtual Result<QString> put(const QByteArray &bytes) = 0;
    // The bytes stored under the hash; NotFound if there are none, InvalidInput for a malformed hash.
    virtual Result<QByteArray> get(const QString &hash) const = 0;
    virtual bool contains(const QString &hash) const = 0;
    // Deletes the bytes stored under the hash; nothing to delete is not an error. InvalidInput for a
    // malformed hash. The caller makes sure nothing still names them (the image sweep).
    virtual Result<void> remove(const QString &hash) = 0;
    // Deletes the bytes stored under the hash only if no put() of them happened after `cutoffMs` (ms
    // since the epoch): put() of content already there counts as a change. The image sweep removes
    // files this way, so an upload of the same bytes racing with it keeps its file. Also deletes what
    // an interrupted write or sweep left of these bytes, if not modified after `cutoffMs` either.
    // Returns whether any file was deleted; nothing to delete is not an error.
    virtual Result<bool> removeIfOlderThan(const QString &hash, qint64 cutoffMs) = 0;
    // The hashes of stored bytes (or of such leftovers) not put() after `cutoffMs`, sorted, each once:
    // the image sweep removes those no image row uses. Anything not named by a hash is ignored.
    virtual Result<QStringList> hashesOlderThan(qint64 cutoffMs) const = 0;

    // The content address of these bytes, as put() returns it.
    static QString hashOf(const QByteArray &bytes);
    // 64 lower-case hex digits: anything else is refused before it comes near a path.
    static bool isValidHash(const QString &hash);
};

} // namespace nara::referrals
