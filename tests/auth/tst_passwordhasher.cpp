#include "auth/core/passwordhasher.h"

#include <QTest>

using nara::auth::PasswordHasher;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashUsesArgon2idWithOwaspParameters();
    void verifies_data();
    void verifies();
    void saltsEveryHash();
    void refusesMalformedHashes_data();
    void refusesMalformedHashes();
};

void TestPasswordHasher::hashUsesArgon2idWithOwaspParameters()
{
    auto hash = PasswordHasher::hash(QStringLiteral("correct horse"));
    QVERIFY(hash);
    QVERIFY2(hash->startsWith(QStringLiteral("$argon2id$")), qPrintable(*hash));
    QVERIFY2(hash->contains(QStringLiteral("m=19456,t=2,p=1")), qPrintable(*hash));
}

void TestPasswordHasher::verifies_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("attempt");
    QTest::addColumn<bool>("matches");

    QTest::newRow("right") << "correct horse"
                           << "correct horse" << true;
    QTest::newRow("wrong") << "correct horse"
                           << "correct horsf" << false;
    QTest::newRow("case matters") << "Sommar2026"
                                  << "sommar2026" << false;
    QTest::newRow("empty attempt") << "secret"
                                   << "" << false;
    QTest::newRow("non-ASCII") << "smörgåsbord-ÅÄÖ"
                               << "smörgåsbord-ÅÄÖ" << true;
    QTest::newRow("non-ASCII wrong") << "smörgåsbord-ÅÄÖ"
                                     << "smorgasbord-AAO" << false;
}

void TestPasswordHasher::verifies()
{
    QFETCH(QString, password);
    QFETCH(QString, attempt);
    QFETCH(bool, matches);
    auto hash = PasswordHasher::hash(password);
    QVERIFY(hash);
    QCOMPARE(PasswordHasher::verify(*hash, attempt), matches);
}

void TestPasswordHasher::saltsEveryHash()
{
    auto first = PasswordHasher::hash(QStringLiteral("same"));
    auto second = PasswordHasher::hash(QStringLiteral("same"));
    QVERIFY(first && second);
    QVERIFY(*first != *second);
    QVERIFY(PasswordHasher::verify(*first, QStringLiteral("same")));
    QVERIFY(PasswordHasher::verify(*second, QStringLiteral("same")));
}

void TestPasswordHasher::refusesMalformedHashes_data()
{
    QTest::addColumn<QString>("hash");
    QTest::newRow("empty") << QString();
    QTest::newRow("plain text") << QStringLiteral("secret");
    QTest::newRow("truncated") << QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$");
    QTest::newRow("too long") << QString(1000, QLatin1Char('a'));
}

void TestPasswordHasher::refusesMalformedHashes()
{
    QFETCH(QString, hash);
    QVERIFY(!PasswordHasher::verify(hash, QStringLiteral("secret")));
}

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
