#include "monitoring/core/smsparser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace nara;
using namespace nara::monitoring;

Q_DECLARE_METATYPE(nara::monitoring::SmsParser::Problem)

namespace {

const QDateTime kReceived = QDateTime::fromString(u"2026-11-26T08:15:00Z"_s, Qt::ISODate);

// "bp:145/92 pulse:78" – a compact rendering of what was parsed, in message order.
QString describe(const SmsReport &report)
{
    QStringList parts;
    for (const Measurement &m : report.measurements) {
        QStringList values;
        for (double v : m.values())
            values << QString::number(v);
        parts << info(m.type()).key + u':' + values.join(u'/');
    }
    return parts.join(u' ');
}

} // namespace

class TestSmsParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void understood_data();
    void understood();
    void refused_data();
    void refused();
    void measurementsAreFromSms();
    void everyPrefixIsAnswered();
    void helpTextFitsOneSms();
};

void TestSmsParser::understood_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("remark");

    const QString none;
    QTest::newRow("bt and puls") << u"BT 145/92 puls 78"_s << u"bloodPressure:145/92 pulse:78"_s << none;
    QTest::newRow("bt, p") << u"bt 145/92, p 78"_s << u"bloodPressure:145/92 pulse:78"_s << none;
    QTest::newRow("spaced slash") << u"Blodtryck 145 / 92"_s << u"bloodPressure:145/92"_s << none;
    QTest::newRow("vikt comma") << u"vikt 82,5"_s << u"weight:82.5"_s << none;
    QTest::newRow("vikt kg") << u"vikt 82.5 kg"_s << u"weight:82.5"_s << none;
    QTest::newRow("vikt kg glued") << u"Vikt 82,5kg"_s << u"weight:82.5"_s << none;
    QTest::newRow("blodsocker comma") << u"blodsocker 7,9"_s << u"glucose:7.9"_s << none;
    QTest::newRow("bs point") << u"bs 7.9"_s << u"glucose:7.9"_s << none;
    QTest::newRow("glukos mmol") << u"glukos 7,9 mmol"_s << u"glucose:7.9"_s << none;
    QTest::newRow("glukos mmol/l") << u"Glukos 7,9 mmol/l"_s << u"glucose:7.9"_s << none;
    QTest::newRow("p-glukos") << u"P-glukos 6,1"_s << u"glucose:6.1"_s << none;
    QTest::newRow("saturation") << u"saturation 94"_s << u"spo2:94"_s << none;
    QTest::newRow("sat percent") << u"sat 94%"_s << u"spo2:94"_s << none;
    QTest::newRow("sat spaced percent") << u"SAT 94 %"_s << u"spo2:94"_s << none;
    QTest::newRow("syre") << u"syre 94"_s << u"spo2:94"_s << none;
    QTest::newRow("syremättnad") << u"Syremättnad 96"_s << u"spo2:96"_s << none;
    QTest::newRow("spo2") << u"SpO2 97"_s << u"spo2:97"_s << none;
    QTest::newRow("pef") << u"PEF 420"_s << u"pef:420"_s << none;
    QTest::newRow("pef l/min") << u"pef 420 l/min"_s << u"pef:420"_s << none;
    QTest::newRow("peak flow") << u"peak flow 380"_s << u"pef:380"_s << none;
    QTest::newRow("temp comma") << u"temp 38,2"_s << u"temperature:38.2"_s << none;
    QTest::newRow("feber point") << u"feber 38.2"_s << u"temperature:38.2"_s << none;
    QTest::newRow("temp degrees") << u"Temp 37,9°C"_s << u"temperature:37.9"_s << none;
    QTest::newRow("temp grader") << u"tempen 38 grader"_s << u"temperature:38"_s << none;
    QTest::newRow("puls") << u"puls 78"_s << u"pulse:78"_s << none;
    QTest::newRow("puls glued") << u"puls78"_s << u"pulse:78"_s << none;
    QTest::newRow("puls bpm") << u"Puls 78 bpm"_s << u"pulse:78"_s << none;
    QTest::newRow("upper case") << u"BLODTRYCK 132/84 PULS 66"_s << u"bloodPressure:132/84 pulse:66"_s << none;
    QTest::newRow("colon") << u"BT: 145/92"_s << u"bloodPressure:145/92"_s << none;
    QTest::newRow("equals") << u"puls=72"_s << u"pulse:72"_s << none;
    QTest::newRow("är") << u"Vikten är 81,2"_s << u"weight:81.2"_s << none;
    QTest::newRow("mmhg unit") << u"BT 128/79 mmHg"_s << u"bloodPressure:128/79"_s << none;
    QTest::newRow("any order") << u"puls 80 vikt 90 bt 150/90"_s << u"pulse:80 weight:90 bloodPressure:150/90"_s
                               << none;
    QTest::newRow("four values") << u"BT 135/85, puls 72, vikt 78,4, sat 97%"_s
                                 << u"bloodPressure:135/85 pulse:72 weight:78.4 spo2:97"_s << none;
    QTest::newRow("semicolons") << u"bs 5,6; temp 36,8"_s << u"glucose:5.6 temperature:36.8"_s << none;
    QTest::newRow("och") << u"BT 140/90 och puls 70"_s << u"bloodPressure:140/90 pulse:70"_s << none;
    QTest::newRow("extra spaces") << u"   bt    145 /92     puls   78   "_s << u"bloodPressure:145/92 pulse:78"_s
                                  << none;
    QTest::newRow("newlines") << u"BT 145/92\npuls 78\r\nvikt 80"_s << u"bloodPressure:145/92 pulse:78 weight:80"_s
                              << none;
    QTest::newRow("tab and NUL") << u"bt\t145/92"_s + QChar(QChar::Null) + u"p 60"_s
                                 << u"bloodPressure:145/92 pulse:60"_s << none;
    QTest::newRow("trailing dot") << u"Vikt 82,5."_s << u"weight:82.5"_s << none;
    QTest::newRow("remark after") << u"BT 150/95 mår lite yr"_s << u"bloodPressure:150/95"_s << u"mår lite yr"_s;
    QTest::newRow("remark with comma") << u"BT 150/95, mår lite yr idag."_s << u"bloodPressure:150/95"_s
                                       << u"mår lite yr idag"_s;
    QTest::newRow("remark before") << u"Hej! BT 160/100 puls 88"_s << u"bloodPressure:160/100 pulse:88"_s << u"Hej"_s;
    QTest::newRow("remark between") << u"temp 38,5 hosta sedan igår, sat 93"_s << u"temperature:38.5 spo2:93"_s
                                    << u"hosta sedan igår"_s;
    QTest::newRow("keyword in remark") << u"vikt 82 feber i natt"_s << u"weight:82"_s << u"feber i natt"_s;
    QTest::newRow("p inside word") << u"puls 90 plötsligt yr"_s << u"pulse:90"_s << u"plötsligt yr"_s;
    QTest::newRow("emoji remark") << u"sat 95 😊"_s << u"spo2:95"_s << none;
    QTest::newRow("emoji and words") << u"bs 6,2 mår bra 👍"_s << u"glucose:6.2"_s << u"mår bra 👍"_s;
    QTest::newRow("stray number") << u"BT 140/85 80"_s << u"bloodPressure:140/85"_s << u"80"_s;
    QTest::newRow("unicode upper å") << u"SYREMÄTTNAD 92"_s << u"spo2:92"_s << none;
    QTest::newRow("feber with unit c") << u"feber 39,1 C"_s << u"temperature:39.1"_s << none;
    QTest::newRow("twice the same") << u"puls 70 puls 72"_s << u"pulse:70 pulse:72"_s << none;
    QTest::newRow("hf") << u"HF 64"_s << u"pulse:64"_s << none;
    QTest::newRow("socker") << u"socker 12"_s << u"glucose:12"_s << none;
}

void TestSmsParser::understood()
{
    QFETCH(QString, message);
    QFETCH(QString, expected);
    QFETCH(QString, remark);

    const auto report = SmsParser::parse(message, kReceived);
    QVERIFY2(report.has_value(), qPrintable(report ? QString() : report.error().message));
    QCOMPARE(describe(*report), expected);
    QCOMPARE(report->remark, remark);
}

void TestSmsParser::refused_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<SmsParser::Problem>("problem");
    QTest::addColumn<QString>("named"); // the error message must contain this

    using P = SmsParser::Problem;
    QTest::newRow("empty") << QString() << P::NotUnderstood << u"BT 145/92"_s;
    QTest::newRow("spaces") << u"    "_s << P::NotUnderstood << u"BT 145/92"_s;
    QTest::newRow("punctuation") << u"?!.,;:-"_s << P::NotUnderstood << u"Förstod inte"_s;
    QTest::newRow("numbers only") << u"145/92 78"_s << P::NotUnderstood << u"Förstod inte"_s;
    QTest::newRow("words only") << u"Hej, jag mår dåligt"_s << P::NotUnderstood << u"Förstod inte"_s;
    QTest::newRow("keyword without value") << u"puls hög idag"_s << P::NotUnderstood << u"Förstod inte"_s;
    QTest::newRow("emoji only") << u"😊😊"_s << P::NotUnderstood << u"Förstod inte"_s;
    QTest::newRow("control chars only") << (QString(QChar(1)) + QChar(2) + QChar(7)) << P::NotUnderstood
                                        << u"Förstod inte"_s;
    QTest::newRow("bt without diastolic") << u"BT 145"_s << P::Incomplete << u"BT 145"_s;
    QTest::newRow("puls with slash") << u"puls 78/60"_s << P::Incomplete << u"puls 78/60"_s;
    QTest::newRow("bt reversed") << u"BT 92/145"_s << P::Implausible << u"92/145"_s;
    QTest::newRow("bt equal") << u"BT 120/120"_s << P::Implausible << u"120/120"_s;
    QTest::newRow("pulse 900") << u"puls 900"_s << P::Implausible << u"Puls 900"_s;
    QTest::newRow("pulse 900 among good") << u"BT 130/80 puls 900"_s << P::Implausible << u"20–250"_s;
    QTest::newRow("systolic 400") << u"bt 400/90"_s << P::Implausible << u"Systoliskt blodtryck 400"_s;
    QTest::newRow("glucose mg/dl") << u"bs 140"_s << P::Implausible << u"Blodsocker 140"_s;
    QTest::newRow("weight 0") << u"vikt 0"_s << P::Implausible << u"Vikt 0"_s;
    QTest::newRow("spo2 101") << u"sat 101%"_s << P::Implausible << u"Syremättnad 101"_s;
    QTest::newRow("pef 5") << u"PEF 5"_s << P::Implausible << u"PEF 5"_s;
    QTest::newRow("temp 382") << u"temp 382"_s << P::Implausible << u"Kroppstemperatur 382"_s;
    QTest::newRow("negative") << u"puls -78"_s << P::Implausible << u"-78"_s;
    QTest::newRow("negative temp") << u"temp -5"_s << P::Implausible << u"-5"_s;
    QTest::newRow("very long number") << u"puls 99999999999999999999999999"_s << P::Implausible << u"puls 9999"_s;
    QTest::newRow("10000 chars") << QString(10'000, u'7') << P::TooLong << u"10000"_s;
    QTest::newRow("1001 chars") << (u"BT 145/92 "_s + QString(991, u'x')) << P::TooLong << u"1001"_s;
}

void TestSmsParser::refused()
{
    QFETCH(QString, message);
    QFETCH(SmsParser::Problem, problem);
    QFETCH(QString, named);

    const auto report = SmsParser::parse(message, kReceived);
    QVERIFY2(!report.has_value(), qPrintable(report ? describe(*report) : QString()));
    QCOMPARE(SmsParser::problemOf(report.error()), problem);
    QVERIFY2(report.error().message.contains(named), qPrintable(report.error().message));
    QCOMPARE(report.error().code,
             problem == SmsParser::Problem::TooLong ? ErrorCode::PayloadTooLarge : ErrorCode::InvalidInput);
}

void TestSmsParser::measurementsAreFromSms()
{
    const auto report = SmsParser::parse(u"BT 145/92 puls 78"_s, kReceived);
    QVERIFY(report.has_value());
    for (const Measurement &m : report->measurements) {
        QCOMPARE(m.source(), MeasurementSource::Sms);
        QCOMPARE(m.at(), kReceived);
    }
    // A message of exactly the limit is read.
    const QString atLimit = u"puls 78 "_s + QString(SmsParser::kMaxLength - 8, u'a');
    QCOMPARE(atLimit.size(), SmsParser::kMaxLength);
    QVERIFY(SmsParser::parse(atLimit, kReceived).has_value());
}

void TestSmsParser::everyPrefixIsAnswered()
{
    // Cut anywhere (a split SMS, a surrogate pair cut in half): a report or a known problem, never a crash.
    const QString message = u"BT 145/92, puls 78 mår yr 😊 vikt 82,5kg sat 94% temp 38,2°C"_s;
    for (qsizetype n = 0; n <= message.size(); ++n) {
        const auto report = SmsParser::parse(message.left(n), kReceived);
        if (!report)
            QVERIFY2(SmsParser::problemOf(report.error()).has_value(), qPrintable(message.left(n)));
    }
    const auto whole = SmsParser::parse(message, kReceived);
    QVERIFY(whole.has_value());
    QCOMPARE(describe(*whole), u"bloodPressure:145/92 pulse:78 weight:82.5 spo2:94 temperature:38.2"_s);
    QCOMPARE(whole->remark, u"mår yr 😊"_s);
}

void TestSmsParser::helpTextFitsOneSms()
{
    const QString help = SmsParser::helpText();
    QVERIFY2(help.size() <= 160, qPrintable(QString::number(help.size())));
    for (const QString &format : {u"BT 145/92"_s, u"puls"_s, u"vikt"_s, u"blodsocker"_s, u"sat"_s, u"PEF"_s, u"temp"_s})
        QVERIFY2(help.contains(format), qPrintable(format));
    // Each format in the help text is itself understood.
    QVERIFY(SmsParser::parse(u"BT 145/92 puls 78, vikt 82,5, blodsocker 7,9, sat 94, PEF 420, temp 38,2"_s, kReceived)
                .has_value());
}

QTEST_GUILESS_MAIN(TestSmsParser)
#include "tst_smsparser.moc"
