// The content-addressed image store of referrals (issue 5): the same image sent twice is stored
// once, files sit in a two-level fan-out named by their SHA-256, readable by the owner only, and
// nothing but a well-formed hash comes near a path; removing deletes one file only.

#include "fakeclock.h"
#include "referrals/core/fileimagestore.h"

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

QTEST_GUILESS_MAIN(TestImageStore)
#include "tst_imagestore.moc"
