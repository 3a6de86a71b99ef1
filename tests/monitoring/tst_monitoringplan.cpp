#include "fakeclock.h"
#include "monitoring/core/alertevaluator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace nara;
using namespace nara::monitoring;

namespace {

const QDateTime kStart = QDateTime::fromString(u"2026-11-20T08:00:00Z"_s, Qt::ISODate);
constexpr qint64 kHour = 60LL * 60 * 1000;

QJsonObject parse(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

MonitoringPlan samplePlan()
{
    MonitoringPlan plan;
    plan.startAt = kStart;
    plan.measurements = {{MeasurementType::BloodPressure, {1, MeasurementInterval::Unit::Days}},
                         {MeasurementType::Glucose, {8, MeasurementInterval::Unit::Hours}},
                         {MeasurementType::Weight, {7, MeasurementInterval::Unit::Days}}};
    plan.overrides.insert(Quantity::Systolic,
                          QuantityThresholds{{Limit{85, true}, Limit{170, true}}, {std::nullopt, Limit{150, false}}});
    plan.overrides.insert(Quantity::Weight, QuantityThresholds{{std::nullopt, Limit{95.5, false}}, {}});
    return plan;
}

} // namespace

class TestMonitoringPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void jsonShape();
    void defaultsWithoutOverride();
    void invalid_data();
    void invalid();
    void overdue_data();
    void overdue();
    void overdueBeforeFirstMeasurement();
    void overdueAlertText();
};

void TestMonitoringPlan::roundTrip()
{
    const MonitoringPlan plan = samplePlan();
    QVERIFY(plan.validate());
    const QJsonObject json = plan.toJson();
    const auto back = MonitoringPlan::fromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object());
    QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().message));
    QCOMPARE(back->toJson(), json);
    QVERIFY(*back == plan);
}

void TestMonitoringPlan::jsonShape()
{
    const QJsonObject json = samplePlan().toJson();
    QCOMPARE(json.value(u"startAt"_s).toString(), u"2026-11-20T08:00:00Z"_s);
    const QJsonObject first = json.value(u"measurements"_s).toArray().at(0).toObject();
    QCOMPARE(first.value(u"type"_s).toString(), u"bloodPressure"_s);
    QCOMPARE(first.value(u"period"_s).toInt(), 1);
    QCOMPARE(first.value(u"periodUnit"_s).toString(), u"d"_s);
    const QJsonObject systolic = json.value(u"thresholds"_s).toObject().value(u"systolic"_s).toObject();
    QCOMPARE(systolic.value(u"red"_s).toObject().value(u"high"_s).toObject(),
             parse(u"{\"op\": \">=\", \"value\": 170}"_s));
    QCOMPARE(systolic.value(u"orange"_s).toObject().value(u"high"_s).toObject(),
             parse(u"{\"op\": \">\", \"value\": 150}"_s));
    QVERIFY(!systolic.value(u"orange"_s).toObject().contains(u"low"_s));
}

void TestMonitoringPlan::defaultsWithoutOverride()
{
    const MonitoringPlan plan = samplePlan();
    QCOMPARE(plan.thresholdsFor(Quantity::Diastolic), defaultThresholds(Quantity::Diastolic));
    QCOMPARE(plan.thresholdsFor(Quantity::Glucose), defaultThresholds(Quantity::Glucose));
    QCOMPARE(plan.thresholdsFor(Quantity::Systolic).red.high->value, 170.0);
}

void TestMonitoringPlan::invalid_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("error");

    const QString start = u"\"startAt\": \"2026-11-20T08:00:00Z\", "_s;
    const QString bp = u"\"measurements\": [{\"type\": \"bloodPressure\", \"period\": 1, \"periodUnit\": \"d\"}]"_s;
    QTest::newRow("no start") << u"{"_s + bp + u"}"_s << u"startAt"_s;
    QTest::newRow("no measurements") << u"{"_s + start + u"\"measurements\": []}"_s << u"names no measurement"_s;
    QTest::newRow("measurements not array") << u"{"_s + start + u"\"measurements\": 3}"_s << u"must be an array"_s;
    QTest::newRow("unknown type") << u"{"_s + start
            + u"\"measurements\": [{\"type\": \"mood\", \"period\": 1, \"periodUnit\": \"d\"}]}"_s
                                  << u"Unknown measurement type 'mood'"_s;
    QTest::newRow("twice") << u"{"_s + start
            + u"\"measurements\": [{\"type\": \"pulse\", \"period\": 1, \"periodUnit\": \"d\"},"
              "{\"type\": \"pulse\", \"period\": 2, \"periodUnit\": \"d\"}]}"_s
                           << u"names pulse twice"_s;
    QTest::newRow("zero period") << u"{"_s + start
            + u"\"measurements\": [{\"type\": \"pulse\", \"period\": 0, \"periodUnit\": \"h\"}]}"_s
                                 << u"1 hour – 90 days"_s;
    QTest::newRow("91 days") << u"{"_s + start
            + u"\"measurements\": [{\"type\": \"pulse\", \"period\": 91, \"periodUnit\": \"d\"}]}"_s
                             << u"1 hour – 90 days"_s;
    QTest::newRow("fractional period") << u"{"_s + start
            + u"\"measurements\": [{\"type\": \"pulse\", \"period\": 1.5, \"periodUnit\": \"d\"}]}"_s
                                       << u"integer period"_s;
    QTest::newRow("weeks") << u"{"_s + start
            + u"\"measurements\": [{\"type\": \"pulse\", \"period\": 1, \"periodUnit\": \"wk\"}]}"_s
                           << u"periodUnit"_s;
    QTest::newRow("unknown quantity") << u"{"_s + start + bp + u", \"thresholds\": {\"mood\": {}}}"_s
                                      << u"unknown quantity 'mood'"_s;
    QTest::newRow("not measured") << u"{"_s + start + bp + u", \"thresholds\": {\"pulse\": {\"red\": {}}}}"_s
                                  << u"does not measure"_s;
    QTest::newRow("orange beyond red") << u"{"_s + start + bp
            + u", \"thresholds\": {\"systolic\": {\"red\": {\"high\": {\"op\": \">=\", \"value\": 170}},"
              "\"orange\": {\"high\": {\"op\": \">=\", \"value\": 175}}}}}"_s
                                       << u"beyond the red one"_s;
    QTest::newRow("wrong op") << u"{"_s + start + bp
            + u", \"thresholds\": {\"systolic\": {\"red\": {\"high\": {\"op\": \"<\", \"value\": 170}}}}}"_s
                              << u"op must be"_s;
    QTest::newRow("value not a number") << u"{"_s + start + bp
            + u", \"thresholds\": {\"systolic\": {\"red\": {\"high\": {\"op\": \">\", \"value\": \"x\"}}}}}"_s
                                        << u"value must be a number"_s;
    QTest::newRow("unknown tier") << u"{"_s + start + bp + u", \"thresholds\": {\"systolic\": {\"yellow\": {}}}}"_s
                                  << u"unknown tier 'yellow'"_s;
    QTest::newRow("implausible limit") << u"{"_s + start + bp
            + u", \"thresholds\": {\"diastolic\": {\"red\": {\"high\": {\"op\": \">\", \"value\": 500}}}}}"_s
                                       << u"plausible range"_s;
}

void TestMonitoringPlan::invalid()
{
    QFETCH(QString, json);
    QFETCH(QString, error);

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    const auto plan = MonitoringPlan::fromJson(doc.object());
    QVERIFY(!plan.has_value());
    QCOMPARE(plan.error().code, ErrorCode::InvalidInput);
    QVERIFY2(plan.error().message.contains(error), qPrintable(plan.error().message));
}

void TestMonitoringPlan::overdue_data()
{
    QTest::addColumn<int>("period");
    QTest::addColumn<bool>("hours");
    QTest::addColumn<qint64>("sinceLastMs"); // now - last measurement
    QTest::addColumn<bool>("overdue");

    // Daily: due after 24 h, overdue from 30 h (24 h + 25 %).
    QTest::newRow("daily 24h") << 1 << false << 24 * kHour << false;
    QTest::newRow("daily 30h - 1ms") << 1 << false << 30 * kHour - 1 << false;
    QTest::newRow("daily 30h") << 1 << false << 30 * kHour << true;
    QTest::newRow("daily 3 days") << 1 << false << 72 * kHour << true;
    // Every 8 hours: overdue from 10 h.
    QTest::newRow("8h 9h59") << 8 << true << 10 * kHour - 60'000 << false;
    QTest::newRow("8h 10h") << 8 << true << 10 * kHour << true;
    // Weekly: overdue from 8 days 18 hours.
    QTest::newRow("weekly 8d17h") << 7 << false << (8 * 24 + 17) * kHour << false;
    QTest::newRow("weekly 8d18h") << 7 << false << (8 * 24 + 18) * kHour << true;
    QTest::newRow("just measured") << 1 << true << qint64(0) << false;
}

void TestMonitoringPlan::overdue()
{
    QFETCH(int, period);
    QFETCH(bool, hours);
    QFETCH(qint64, sinceLastMs);
    QFETCH(bool, overdue);

    MonitoringPlan plan;
    plan.startAt = kStart;
    const MeasurementInterval interval{period,
                                       hours ? MeasurementInterval::Unit::Hours : MeasurementInterval::Unit::Days};
    plan.measurements = {{MeasurementType::Pulse, interval}};
    const QDateTime last = kStart.addDays(2);
    test::FakeClock clock(last.toMSecsSinceEpoch() + sinceLastMs);
    const AlertEvaluator evaluator(plan, clock);

    const QList<OverdueMeasurement> found = evaluator.overdue({{MeasurementType::Pulse, last}});
    QCOMPARE(found.size(), overdue ? 1 : 0);
    if (overdue) {
        QCOMPARE(found.first().type, MeasurementType::Pulse);
        QCOMPARE(found.first().lastAt, last);
        QCOMPARE(found.first().dueAt, last.addMSecs(interval.ms()));
        QCOMPARE(found.first().overdueSince, last.addMSecs(interval.ms() + interval.ms() / 4));
    }
}

void TestMonitoringPlan::overdueBeforeFirstMeasurement()
{
    const MonitoringPlan plan = samplePlan(); // bp daily, glucose every 8 h, weight weekly
    test::FakeClock clock(kStart.toMSecsSinceEpoch());
    const AlertEvaluator evaluator(plan, clock);
    QVERIFY(evaluator.overdue({}).isEmpty());

    clock.advanceMs(10 * kHour); // glucose: 8 h + 2 h from the plan's start
    QList<OverdueMeasurement> found = evaluator.overdue({});
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().type, MeasurementType::Glucose);
    QVERIFY(!found.first().lastAt.isValid());
    QCOMPARE(found.first().dueAt, kStart.addMSecs(8 * kHour));

    // A glucose value an hour ago; blood pressure from before the plan does not count.
    clock.advanceMs(20 * kHour); // 30 h after start
    found = evaluator.overdue({{MeasurementType::Glucose, clock.now().addMSecs(-kHour)},
                               {MeasurementType::BloodPressure, kStart.addDays(-1)}});
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().type, MeasurementType::BloodPressure);
    QCOMPARE(found.first().overdueSince, clock.now());
}

void TestMonitoringPlan::overdueAlertText()
{
    const MonitoringPlan plan = samplePlan();
    test::FakeClock clock(kStart.addDays(3).toMSecsSinceEpoch());
    const AlertEvaluator evaluator(plan, clock);
    const QList<OverdueMeasurement> found = evaluator.overdue(
        {{MeasurementType::BloodPressure, kStart.addDays(1)}, {MeasurementType::Glucose, kStart.addDays(3)}});
    QCOMPARE(found.size(), 1);
    const MonitoringAlert alert = evaluator.overdueAlert(found.first());
    QCOMPARE(alert.kind, AlertKind::Overdue);
    QCOMPARE(alert.severity, Tier::Orange);
    QCOMPARE(alert.overdueType, MeasurementType::BloodPressure);
    QCOMPARE(alert.reasonSv, u"Blodtryck har inte rapporterats sedan 2026-11-21 08:00 UTC (intervall 1 dygn)."_s);
    QCOMPARE(alert.reasonEn, u"Blood pressure not reported since 2026-11-21 08:00 UTC (interval 1 day)."_s);
    QCOMPARE(alert.identifiedAt, clock.now());
}

QTEST_GUILESS_MAIN(TestMonitoringPlan)
#include "tst_monitoringplan.moc"
