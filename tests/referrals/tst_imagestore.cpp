// The content-addressed image store of referrals (issue 5): the same image sent twice is stored
// once, files sit in a two-level fan-out named by their SHA-256, readable by the owner only, and
// nothing but a well-formed hash comes near a path; removing deletes one file only (and what a stopped
// write or sweep left of it); the sweep's listing finds old files across the fan-out and nothing else.

#include "fakeclock.h"
#include "referrals/core/fileimagestore.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace nara;
using namespace nara::referrals;

namespace {

QStringList filesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

constexpr qint64 kHour = 60LL * 60 * 1000;

// A file the store did not write (junk, or what a crash left), last modified at `modifiedMs`.
bool writeFile(const QString &path, qint64 modifiedMs)
{
    if (!QDir().mkpath(QFileInfo(path).path()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write("junk") == 4 && file.flush()
        && file.setFileTime(QDateTime::fromMSecsSinceEpoch(modifiedMs, Qt::UTC), QFileDevice::FileModificationTime);
}

int modeOf(const QString &path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

} // namespace

class TestImageStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storedOnce();
    void layoutAndPermissions();
    void badHashes_data();
    void badHashes();
    void damagedFileNotServed();
    void unwritableRoot();
    void removed();
    void storedAgainIsNotRemovedAsOld();
    void oldHashesListed();
    void junkIgnoredInListing();
    void leftoversOfAnInterruptedSweep();
    void leftoversOfAnInterruptedWrite();
    void listingWithoutADirectory();
};

void TestImageStore::storedOnce()
{
    QTemporaryDir root;
    FileImageStore store(root.path());
    const QByteArray first("\xff\xd8 first image bytes \xff\xd9");
    const QByteArray second("\xff\xd8 second image bytes \xff\xd9");

    const auto hash = store.put(first);
    QVERIFY(hash);
    QCOMPARE(*hash, ImageStore::hashOf(first));
    QVERIFY(store.contains(*hash));
    const auto again = store.put(first);
    QVERIFY(again);
    QCOMPARE(*again, *hash);
    QCOMPARE(filesUnder(root.path()).size(), 1);
    QCOMPARE(store.get(*hash).value(), first);

    const auto other = store.put(second);
    QVERIFY(other);
    QVERIFY(*other != *hash);
    QCOMPARE(filesUnder(root.path()).size(), 2);
    QCOMPARE(store.get(*other).value(), second);
    QCOMPARE(store.get(*hash).value(), first);

    // A second store over the same directory (another server worker) sees the same images.
    FileImageStore sibling(root.path());
    QVERIFY(sibling.contains(*hash));
    QCOMPARE(sibling.put(second).value(), *other);
    QCOMPARE(filesUnder(root.path()).size(), 2);
}

void TestImageStore::layoutAndPermissions()
{
    QTemporaryDir root;
    const QString images = root.filePath(u"images"_qs); // created on first put
    FileImageStore store(images);
    const auto hash = store.put(QByteArray("some image"));
    QVERIFY(hash);
    QVERIFY(ImageStore::isValidHash(*hash));

    const QString expected = images + u'/' + hash->left(2) + u'/' + hash->mid(2, 2) + u'/' + *hash;
    QCOMPARE(store.pathFor(*hash), expected);
    QCOMPARE(filesUnder(images), QStringList{expected});
    QCOMPARE(modeOf(expected), 0600);
    QCOMPARE(modeOf(images + u'/' + hash->left(2)), 0700);
    QCOMPARE(modeOf(images + u'/' + hash->left(2) + u'/' + hash->mid(2, 2)), 0700);
}

void TestImageStore::badHashes_data()
{
    QTest::addColumn<QString>("hash");
    QTest::addColumn<ErrorCode>("code");

    const QString unknown(64, u'a');
    QTest::newRow("unknown") << unknown << ErrorCode::NotFound;
    QTest::newRow("path traversal") << u"../../../../etc/passwd"_qs << ErrorCode::InvalidInput;
    QTest::newRow("traversal padded to 64") << (u"../"_qs.repeated(21) + u'x') << ErrorCode::InvalidInput;
    QTest::newRow("upper case") << unknown.toUpper() << ErrorCode::InvalidInput;
    QTest::newRow("too short") << unknown.left(63) << ErrorCode::InvalidInput;
    QTest::newRow("too long") << (unknown + u'a') << ErrorCode::InvalidInput;
    QTest::newRow("empty") << QString() << ErrorCode::InvalidInput;
}

void TestImageStore::badHashes()
{
    QFETCH(QString, hash);
    QFETCH(ErrorCode, code);

    QTemporaryDir root;
    FileImageStore store(root.path());
    QVERIFY(store.put(QByteArray("an image")));
    QVERIFY(!store.contains(hash));
    const auto result = store.get(hash);
    QVERIFY(!result);
    QCOMPARE(result.error().code, code);
}

void TestImageStore::damagedFileNotServed()
{
    QTemporaryDir root;
    FileImageStore store(root.path());
    const auto hash = store.put(QByteArray("the original bytes"));
    QVERIFY(hash);
    QFile file(store.pathFor(*hash));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("the original byte");
    file.close();

    const auto result = store.get(*hash);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Storage);
    QCOMPARE(result.error().message, u"the stored image is damaged"_qs);
}

void TestImageStore::unwritableRoot()
{
    // The root is a file: nothing can be stored, the error says so, and nothing is left behind.
    QTemporaryDir root;
    const QString blocker = root.filePath(u"images"_qs);
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();

    FileImageStore store(blocker);
    const auto result = store.put(QByteArray("an image"));
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Storage);
    QCOMPARE(filesUnder(root.path()), QStringList{blocker});
    QVERIFY(!store.contains(ImageStore::hashOf(QByteArray("an image"))));
}

void TestImageStore::removed()
{
    QTemporaryDir root;
    FileImageStore store(root.path());
    const auto kept = store.put(QByteArray("kept"));
    const auto gone = store.put(QByteArray("gone"));
    QVERIFY(kept && gone);
    QVERIFY(store.remove(*gone));
    QVERIFY(!store.contains(*gone));
    QCOMPARE(store.get(*gone).error().code, ErrorCode::NotFound);
    QCOMPARE(store.get(*kept).value(), QByteArray("kept"));
    QVERIFY(store.remove(*gone)); // nothing left to delete is not an error
    const auto traversal = store.remove(u"../"_qs.repeated(21) + u'x');
    QVERIFY(!traversal);
    QCOMPARE(traversal.error().code, ErrorCode::InvalidInput);
    QCOMPARE(filesUnder(root.path()), QStringList{store.pathFor(*kept)});
}

// The sweep's removal: a file put() again after the cutoff (the same bytes uploaded again while the
// sweep runs) stays; one not stored since goes.
void TestImageStore::storedAgainIsNotRemovedAsOld()
{
    QTemporaryDir root;
    test::FakeClock clock;
    FileImageStore store(root.path(), &clock);
    const qint64 firstPut = clock.nowMs();
    const auto hash = store.put(QByteArray("swept image"));
    QVERIFY(hash);
    clock.advanceMs(25LL * 60 * 60 * 1000);
    const qint64 cutoff = clock.nowMs() - 60 * 60 * 1000;
    QCOMPARE(store.put(QByteArray("swept image")).value(), *hash); // the racing upload: nothing written
    QCOMPARE(store.removeIfOlderThan(*hash, cutoff).value(), false);
    QCOMPARE(store.get(*hash).value(), QByteArray("swept image"));
    QCOMPARE(store.removeIfOlderThan(*hash, firstPut).value(), false);
    QVERIFY(store.contains(*hash));
    QCOMPARE(filesUnder(root.path()), QStringList{store.pathFor(*hash)}); // nothing left aside

    QCOMPARE(store.removeIfOlderThan(*hash, clock.nowMs()).value(), true);
    QVERIFY(!store.contains(*hash));
    QCOMPARE(store.removeIfOlderThan(*hash, clock.nowMs()).value(), false); // nothing to delete
    QCOMPARE(filesUnder(root.path()), QStringList{});
    QCOMPARE(store.removeIfOlderThan(u"../x"_qs, clock.nowMs()).error().code, ErrorCode::InvalidInput);
}

// The sweep's listing: every stored hash whose file no put() touched after the cutoff, in order,
// found across the fan-out.
void TestImageStore::oldHashesListed()
{
    QTemporaryDir root;
    test::FakeClock clock;
    FileImageStore store(root.filePath(u"images"_qs), &clock);
    const qint64 start = clock.nowMs();
    QStringList all;
    for (int i = 0; i < 20; ++i) // spread over many fan-out directories
        all.append(store.put(QByteArray("image ") + QByteArray::number(i)).value());
    clock.advanceMs(10 * kHour);
    all.append(store.put(QByteArray("younger image")).value());
    QVERIFY(store.put(QByteArray("image 0"))); // stored again: touched now
    all.sort();
    QStringList old = all;
    old.removeAll(ImageStore::hashOf(QByteArray("younger image")));
    old.removeAll(ImageStore::hashOf(QByteArray("image 0")));
    QCOMPARE(old.size(), 19);

    QCOMPARE(store.hashesOlderThan(start - 1).value(), QStringList());
    QCOMPARE(store.hashesOlderThan(start).value(), old); // not modified after the cutoff
    QCOMPARE(store.hashesOlderThan(start + 5 * kHour).value(), old);
    QCOMPARE(store.hashesOlderThan(clock.nowMs()).value(), all);
    QVERIFY(store.removeIfOlderThan(old.first(), start).value());
    QVERIFY(!store.hashesOlderThan(clock.nowMs()).value().contains(old.first()));
}

// Anything not named by a hash where that hash puts it is no image and stays out of the listing,
// however old: it never breaks the walk either.
void TestImageStore::junkIgnoredInListing()
{
    QTemporaryDir root;
    test::FakeClock clock;
    FileImageStore store(root.path(), &clock);
    const QString hash = store.put(QByteArray("the one image")).value();
    const qint64 old = clock.nowMs() - 48 * kHour;
    const QString other = ImageStore::hashOf(QByteArray("another image"));
    const QString otherDir = root.path() + u'/' + other.left(2) + u'/' + other.mid(2, 2);
    const QString wrongDir = other.left(2) == u"00" ? u"01/00"_qs : u"00/00"_qs;
    QVERIFY(writeFile(root.filePath(u"notes.txt"_qs), old));
    QVERIFY(writeFile(root.filePath(other), old)); // a hash, but outside the fan-out
    QVERIFY(writeFile(root.filePath(other.left(2) + u'/' + other), old)); // one level only
    QVERIFY(writeFile(root.filePath(wrongDir + u'/' + other), old)); // in another hash's directory
    QVERIFY(writeFile(root.filePath(u"zz/"_qs + other.mid(2, 2) + u'/' + other), old)); // not hex
    QVERIFY(writeFile(root.filePath(u"abc/de/x"_qs), old));
    QVERIFY(writeFile(otherDir + u'/' + other.toUpper(), old));
    QVERIFY(writeFile(otherDir + u'/' + other.left(63), old));
    QVERIFY(writeFile(otherDir + u'/' + other + u'0', old));
    QVERIFY(writeFile(otherDir + u'/' + other + u'.', old));
    QVERIFY(writeFile(otherDir + u"/.hidden"_qs, old));
    QVERIFY(QDir().mkpath(otherDir + u'/' + ImageStore::hashOf(QByteArray("a directory")))); // no file
    QVERIFY(QFile::link(store.pathFor(hash), otherDir + u'/' + other)); // a link is no stored image

    QCOMPARE(store.hashesOlderThan(clock.nowMs()).value(), QStringList{hash});
    QCOMPARE(store.hashesOlderThan(clock.nowMs() + 48 * kHour).value(), QStringList{hash});
}

// A sweep stopped between moving the file aside and deleting it leaves "<hash>.sweep": listed as
// that hash once old, and removed with it; one stored again since is put back, not deleted.
void TestImageStore::leftoversOfAnInterruptedSweep()
{
    QTemporaryDir root;
    test::FakeClock clock;
    FileImageStore store(root.path(), &clock);
    const QString gone = store.put(QByteArray("left aside")).value();
    const QString kept = store.put(QByteArray("left aside, then stored again")).value();
    QVERIFY(QFile::rename(store.pathFor(gone), store.pathFor(gone) + u".sweep"_qs));
    clock.advanceMs(25 * kHour);
    QVERIFY(store.put(QByteArray("left aside, then stored again"))); // the upload touched it
    QVERIFY(QFile::rename(store.pathFor(kept), store.pathFor(kept) + u".sweep"_qs)); // then the crash
    const qint64 cutoff = clock.nowMs() - 24 * kHour;

    QCOMPARE(store.hashesOlderThan(cutoff).value(), QStringList{gone});
    QCOMPARE(store.removeIfOlderThan(gone, cutoff).value(), true);
    QCOMPARE(store.removeIfOlderThan(kept, cutoff).value(), false);
    QCOMPARE(store.get(kept).value(), QByteArray("left aside, then stored again"));
    QCOMPARE(filesUnder(root.path()), QStringList{store.pathFor(kept)});
    QCOMPARE(store.hashesOlderThan(clock.nowMs()).value(), QStringList{kept});
}

// A write stopped before QSaveFile renamed its temporary file ("<hash>.XXXXXX" where the file
// system has no unnamed ones): listed as that hash once old, removed, with or without the file.
void TestImageStore::leftoversOfAnInterruptedWrite()
{
    QTemporaryDir root;
    test::FakeClock clock;
    FileImageStore store(root.path(), &clock);
    const QString stored = store.put(QByteArray("stored")).value();
    const QString unstored = ImageStore::hashOf(QByteArray("never stored"));
    const qint64 old = clock.nowMs() - 25 * kHour;
    QVERIFY(writeFile(store.pathFor(stored) + u".aB3dE9"_qs, old));
    QVERIFY(writeFile(store.pathFor(unstored) + u".Xy12Zq"_qs, old));
    const QString young = store.pathFor(unstored) + u".Qw34Er"_qs; // a write in progress
    QVERIFY(writeFile(young, clock.nowMs()));
    const qint64 cutoff = clock.nowMs() - 24 * kHour;

    QStringList both{stored, unstored};
    both.sort();
    QCOMPARE(store.hashesOlderThan(cutoff).value(), both);
    QCOMPARE(store.removeIfOlderThan(stored, cutoff).value(), true); // the leftover only
    QCOMPARE(store.get(stored).value(), QByteArray("stored"));
    QCOMPARE(store.removeIfOlderThan(unstored, cutoff).value(), true);
    QStringList left{store.pathFor(stored), young};
    left.sort();
    QStringList files = filesUnder(root.path());
    files.sort();
    QCOMPARE(files, left);
    QCOMPARE(store.hashesOlderThan(cutoff).value(), QStringList());
    QCOMPARE(store.removeIfOlderThan(unstored, cutoff).value(), false);
}

void TestImageStore::listingWithoutADirectory()
{
    QTemporaryDir root;
    FileImageStore none(root.filePath(u"images"_qs)); // nothing stored yet
    QCOMPARE(none.hashesOlderThan(QDateTime::currentMSecsSinceEpoch()).value(), QStringList());
    QVERIFY(writeFile(root.filePath(u"images"_qs), 0));
    const auto listed = none.hashesOlderThan(QDateTime::currentMSecsSinceEpoch());
    QVERIFY(!listed);
    QCOMPARE(listed.error().code, ErrorCode::Storage);
}

QTEST_GUILESS_MAIN(TestImageStore)
#include "tst_imagestore.moc"
