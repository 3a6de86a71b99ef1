#include "foundation/core/personnummer.h"

#include <QTest>

using nara::PersonalIdentity;

class TestPersonnummer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void masksAndFormats();
};

static const QDate kToday(2026, 11, 26);

void TestPersonnummer::parses_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("digits");
    QTest::addColumn<bool>("coordination");

    // Skatteverket's published test numbers and their variants.
    // Short forms resolve to the latest century not in the future: 121212 is 2012 in 2026.
    QTest::newRow("short with dash") << "121212-1212"
                                     << "201212121212" << false;
    QTest::newRow("short without dash") << "1212121212"
                                        << "201212121212" << false;
    QTest::newRow("long with dash") << "19121212-1212"
                                    << "191212121212" << false;
    QTest::newRow("long without dash") << "191212121212"
                                       << "191212121212" << false;
    QTest::newRow("plus: a hundred years or older") << "121212+1212"
                                                    << "191212121212" << false;
    QTest::newRow("born this century") << "20100101-0006"
                                       << "201001010006" << false;
    QTest::newRow("short, this century") << "100101-0006"
                                         << "201001010006" << false;
    QTest::newRow("spaces around") << "  19121212-1212 "
                                   << "191212121212" << false;
    QTest::newRow("samordningsnummer") << "701063-2391"
                                       << "197010632391" << true;
    QTest::newRow("samordningsnummer long") << "19701063-2391"
                                            << "197010632391" << true;
}

void TestPersonnummer::parses()
{
    QFETCH(QString, input);
    QFETCH(QString, digits);
    QFETCH(bool, coordination);
    const auto parsed = PersonalIdentity::parse(input, kToday);
    QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->digits(), digits);
    QCOMPARE(parsed->kind() == PersonalIdentity::Kind::Samordningsnummer, coordination);
    QCOMPARE(parsed->fhirSystem(),
             coordination ? QStringLiteral("urn:oid:1.2.752.129.2.1.3.3")
                          : QStringLiteral("urn:oid:1.2.752.129.2.1.3.1"));
}

void TestPersonnummer::refuses_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("wrong check digit") << "19121212-1213";
    QTest::newRow("wrong check digit short") << "121212-1211";
    QTest::newRow("too short") << "12121212";
    QTest::newRow("too long") << "1912121212120";
    QTest::newRow("letters") << "19121212-12A2";
    QTest::newRow("empty") << "";
    QTest::newRow("not a date") << "19121312-1211";
    QTest::newRow("samordning not a date") << "701093-2395";
    QTest::newRow("two dashes") << "1912-1212-1212";
    QTest::newRow("plus on long form") << "19121212+1212";
    QTest::newRow("future birth") << "20991212-1218";
}

void TestPersonnummer::refuses()
{
    QFETCH(QString, input);
    const auto parsed = PersonalIdentity::parse(input, kToday);
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().code, nara::ErrorCode::InvalidInput);
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestPersonnummer::masksAndFormats()
{
    const auto parsed = PersonalIdentity::parse(u"191212121212", kToday);
    QVERIFY(parsed);
    QCOMPARE(parsed->formatted(), QStringLiteral("19121212-1212"));
    QCOMPARE(parsed->masked(), QStringLiteral("19121212-****"));
    QCOMPARE(parsed->birthDate(), QDate(1912, 12, 12));
}

QTEST_GUILESS_MAIN(TestPersonnummer)
#include "tst_personnummer.moc"
