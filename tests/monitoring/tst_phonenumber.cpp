// Phone numbers as SMS gateways send them and as patients' numbers are registered: both reduce to
// the national form, so a sender is matched to a patient.

#include "monitoring/core/phonenumber.h"

#include <QTest>

using namespace nara::monitoring;

class TestPhoneNumber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nationalForm_data();
    void nationalForm();
};

void TestPhoneNumber::nationalForm_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // empty: refused

    QTest::newRow("national") << u"0701234567"_qs << u"0701234567"_qs;
    QTest::newRow("registered style") << u"070-123 45 67"_qs << u"0701234567"_qs;
    QTest::newRow("plus 46") << u"+46701234567"_qs << u"0701234567"_qs;
    QTest::newRow("plus 46 spaced") << u"+46 70 123 45 67"_qs << u"0701234567"_qs;
    QTest::newRow("plus 46 with (0)") << u"+46 (0)70-123 45 67"_qs << u"0701234567"_qs;
    QTest::newRow("0046") << u"0046701234567"_qs << u"0701234567"_qs;
    QTest::newRow("46 without plus") << u"46701234567"_qs << u"0701234567"_qs;
    QTest::newRow("landline") << u"08-123 456 78"_qs << u"0812345678"_qs;
    QTest::newRow("surrounding blanks") << u"  0701234567 "_qs << u"0701234567"_qs;
    QTest::newRow("another country") << u"+4791234567"_qs << QString();
    QTest::newRow("another country 00") << u"004791234567"_qs << QString();
    QTest::newRow("letters") << u"070ABC4567"_qs << QString();
    QTest::newRow("alphanumeric sender") << u"Apoteket"_qs << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("too short") << u"07012"_qs << QString();
    QTest::newRow("too long") << u"0701234567890123"_qs << QString();
    QTest::newRow("plus twice") << u"++46701234567"_qs << QString();
    QTest::newRow("arabic-indic digits") << u"٠٧٠١٢٣٤٥٦٧"_qs << QString();
}

void TestPhoneNumber::nationalForm()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(nationalPhoneNumber(text).value_or(QString()), expected);
}

QTEST_GUILESS_MAIN(TestPhoneNumber)
#include "tst_phonenumber.moc"
