#include "referrals/core/fileimagestore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace nara::referrals {

namespace {

constexpr QFile::Permissions kFilePermissions = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions kDirectoryPermissions = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;

// Creates each missing level of `path` below `root` with owner-only permissions.
bool makePrivateDirectories(const QString &root, const QStringList &levels)
{
    QString path = root;
    for (const QString &level : levels) {
        path += u'/' + level;
        if (QFileInfo(path).isDir())
            continue;
        if (!QDir().mkdir(path) && !QFileInfo(path).isDir()) // another worker may have made it
            return false;
        QFile::setPermissions(path, kDirectoryPermissions);
    }
    return true;
}

// Marks the file as written now, so a sweep that began before does not remove it; false (and no
// file made) when there is none.
bool touch(const QString &path, qint64 nowMs)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite | QIODevice::ExistingOnly)
        && file.setFileTime(QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC), QFileDevice::FileModificationTime);
}

} // namespace

FileImageStore::FileImageStore(QString rootDirectory, const Clock *clock)
    : m_root(std::move(rootDirectory))
    , m_clock(clock ? clock : &m_systemClock)
{
}

QString FileImageStore::pathFor(const QString &hash) const
{
    return m_root + u'/' + hash.left(2) + u'/' + hash.mid(2, 2) + u'/' + hash;
}

Result<QString> FileImageStore::put(const QByteArray &bytes)
{
    const QString hash = hashOf(bytes);
    const QString path = pathFor(hash);
    if (touch(path, m_clock->nowMs()))
        return hash; // the same content is stored once
    if (!QDir().mkpath(m_root))
        return fail(ErrorCode::Storage, u"cannot create the image directory"_qs);
    if (!makePrivateDirectories(m_root, {hash.left(2), hash.mid(2, 2)}))
        return fail(ErrorCode::Storage, u"cannot create the image directory"_qs);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Storage, u"cannot write the image: "_qs + file.errorString());
    // On the temporary file, before any byte is written: the image is never readable by others.
    file.setPermissions(kFilePermissions);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return fail(ErrorCode::Storage, u"cannot write the image: "_qs + file.errorString());
    QFile::setPermissions(path, kFilePermissions);
    (void)touch(path, m_clock->nowMs()); // already about now unless the clock is a test's
    return hash;
}

Result<QByteArray> FileImageStore::get(const QString &hash) const
{
    if (!isValidHash(hash))
        return fail(ErrorCode::InvalidInput, u"not an image hash"_qs);
    QFile file(pathFor(hash));
    if (!file.exists())
        return fail(ErrorCode::NotFound, u"no such image"_qs);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Storage, u"cannot read the image: "_qs + file.errorString());
    QByteArray bytes = file.readAll();
    if (hashOf(bytes) != hash)
        return fail(ErrorCode::Storage, u"the stored image is damaged"_qs);
    return bytes;
}

bool FileImageStore::contains(const QString &hash) const
{
    return isValidHash(hash) && QFileInfo::exists(pathFor(hash));
}

Result<void> FileImageStore::remove(const QString &hash)
{
    if (!isValidHash(hash))
        return fail(ErrorCode::InvalidInput, u"not an image hash"_qs);
    QFile file(pathFor(hash));
    if (!file.exists())
        return {};
    if (!file.remove())
        return fail(ErrorCode::Storage, u"cannot delete the image: "_qs + file.errorString());
    return {};
}

Result<bool> FileImageStore::removeIfOlderThan(const QString &hash, qint64 cutoffMs)
{
    if (!isValidHash(hash))
        return fail(ErrorCode::InvalidInput, u"not an image hash"_qs);
    // Moved aside first, then judged: a put() from now on finds no file and writes a new one, and
    // one that touched it before shows in the modification time.
    const QString path = pathFor(hash);
    const QString aside = path + u".sweep"_qs;
    if (!QFileInfo::exists(path))
        return false;
    QFile::remove(aside); // left by an interrupted earlier sweep
    if (!QFile::rename(path, aside)) {
        if (QFileInfo::exists(path))
            return fail(ErrorCode::Storage, u"cannot delete the image"_qs);
        return false; // another sweep took it
    }
    if (QFileInfo(aside).lastModified().toMSecsSinceEpoch() > cutoffMs) { // stored again: an upload uses it
        if (!QFile::rename(aside, path)) // fails only when a put() wrote the same bytes again meanwhile
            QFile::remove(aside);
        return false;
    }
    if (!QFile::remove(aside))
        return fail(ErrorCode::Storage, u"cannot delete the image"_qs);
    return true;
}

} // namespace nara::referrals
