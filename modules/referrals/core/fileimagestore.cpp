#include "referrals/core/fileimagestore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>

#include <optional>

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

// The modification time, or nothing when the file is gone (another sweep moved it meanwhile).
std::optional<qint64> modifiedMs(const QFileInfo &info)
{
    const QDateTime modified = info.lastModified();
    if (!info.exists() || !modified.isValid())
        return std::nullopt;
    return modified.toMSecsSinceEpoch();
}

bool notModifiedAfter(const QFileInfo &info, qint64 cutoffMs)
{
    const auto modified = modifiedMs(info);
    return modified && *modified <= cutoffMs;
}

// What an interrupted write left next to the file of `hash` ("<hash>.<suffix>": QSaveFile's temporary
// files where the file system has no unnamed ones), deleted once not modified after the cutoff.
// The ".sweep" file is not one: removeIfOlderThan() judges it with the file.
bool removeStaleLeftovers(const QString &directory, const QString &hash, qint64 cutoffMs)
{
    bool removed = false;
    const QString aside = hash + u".sweep"_qs;
    const QFileInfoList entries = QDir(directory).entryInfoList(
        {hash + u".*"_qs}, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks);
    for (const QFileInfo &entry : entries) {
        if (entry.fileName() != aside && notModifiedAfter(entry, cutoffMs))
            removed = QFile::remove(entry.filePath()) || removed;
    }
    return removed;
}

// "<hash>" or "<hash>.<suffix>" in the fan-out directory of that hash; the hash, or empty.
QString hashOfEntry(const QString &fileName, const QString &fanOut)
{
    const QString hash = fileName.left(64);
    if (!ImageStore::isValidHash(hash) || !hash.startsWith(fanOut))
        return {};
    if (fileName.size() > 64 && (fileName.at(64) != u'.' || fileName.size() == 65))
        return {};
    return hash;
}

bool isFanOutLevel(const QString &name)
{
    return name.size() == 2 && ImageStore::isValidHash(name.repeated(32));
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
    const bool leftoversRemoved = removeStaleLeftovers(QFileInfo(path).path(), hash, cutoffMs);
    // Nothing stored, or only the file an interrupted earlier sweep moved aside: put back, judged below.
    if (!QFileInfo::exists(path) && !QFile::rename(aside, path) && !QFileInfo::exists(path))
        return leftoversRemoved;
    QFile::remove(aside); // left by an interrupted earlier sweep while the file was stored again
    if (!QFile::rename(path, aside)) {
        if (QFileInfo::exists(path))
            return fail(ErrorCode::Storage, u"cannot delete the image"_qs);
        return leftoversRemoved; // another sweep took it
    }
    const auto modified = modifiedMs(QFileInfo(aside));
    if (!modified)
        return leftoversRemoved; // another sweep put it back meanwhile
    if (*modified > cutoffMs) { // stored again: an upload uses it
        if (!QFile::rename(aside, path)) // fails only when a put() wrote the same bytes again meanwhile
            QFile::remove(aside);
        return leftoversRemoved;
    }
    if (!QFile::remove(aside))
        return fail(ErrorCode::Storage, u"cannot delete the image"_qs);
    return true;
}

Result<QStringList> FileImageStore::hashesOlderThan(qint64 cutoffMs) const
{
    const QFileInfo root(m_root);
    if (!root.exists())
        return QStringList(); // nothing stored yet
    if (!root.isDir())
        return fail(ErrorCode::Storage, u"the image directory is not a directory"_qs);
    constexpr QDir::Filters kLevels = QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks;
    constexpr QDir::Filters kFiles = QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks;
    QSet<QString> found;
    for (const QString &first : QDir(m_root).entryList(kLevels)) {
        if (!isFanOutLevel(first))
            continue;
        const QString firstPath = m_root + u'/' + first;
        for (const QString &second : QDir(firstPath).entryList(kLevels)) {
            if (!isFanOutLevel(second))
                continue;
            for (const QFileInfo &entry : QDir(firstPath + u'/' + second).entryInfoList(kFiles)) {
                const QString hash = hashOfEntry(entry.fileName(), first + second);
                if (!hash.isEmpty() && notModifiedAfter(entry, cutoffMs))
                    found.insert(hash);
            }
        }
    }
    QStringList hashes(found.begin(), found.end());
    hashes.sort();
    return hashes;
}

} // namespace nara::referrals
