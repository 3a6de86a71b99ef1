#include "fakeclock.h"
#include "monitoring/core/alertevaluator.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace nara;
using namespace nara::monitoring;

namespace {

const QDateTime kAt = QDateTime::fromString(u"2026-11-26T08:15:00Z"_s, Qt::ISODate);

QJsonObject coding(const QJsonObject &codeableConcept)
{
    return codeableConcept.value(u"coding"_s).toArray().at(0).toObject();
}

MonitoringPlan bpPlan()
{
    MonitoringPlan plan;
    plan.startAt = kAt.addDays(-1);
    plan.measurements = {{MeasurementType::BloodPressure, {1, MeasurementInterval::Unit::Days}}};
    return plan;
}

} // namespace

class TestMonitoringFhir : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codesAndUnits_data();
    void codesAndUnits();
    void singleValueObservation();
    void bloodPressureObservation();
    void valueAlertAsDetectedIssue();
    void overdueAlertAsDetectedIssue();

private:
    test::FakeClock m_clock{kAt.toMSecsSinceEpoch()};
};

void TestMonitoringFhir::codesAndUnits_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("loinc");
    QTest::addColumn<QString>("ucum");
    QTest::addColumn<double>("value");

    QTest::newRow("pulse") << u"pulse"_s << u"8867-4"_s << u"/min"_s << 78.0;
    QTest::newRow("glucose") << u"glucose"_s << u"15074-8"_s << u"mmol/L"_s << 7.9;
    QTest::newRow("weight") << u"weight"_s << u"29463-7"_s << u"kg"_s << 82.5;
    QTest::newRow("spo2") << u"spo2"_s << u"59408-5"_s << u"%"_s << 94.0;
    QTest::newRow("pef") << u"pef"_s << u"19935-6"_s << u"L/min"_s << 420.0;
    QTest::newRow("temperature") << u"temperature"_s << u"8310-5"_s << u"Cel"_s << 38.2;
}

void TestMonitoringFhir::codesAndUnits()
{
    QFETCH(QString, type);
    QFETCH(QString, loinc);
    QFETCH(QString, ucum);
    QFETCH(double, value);

    const auto t = measurementTypeFromKey(type);
    QVERIFY(t);
    const auto m = Measurement::create(*t, {value}, kAt, MeasurementSource::Portal);
    QVERIFY(m);
    const QJsonObject o = m->toObservation();
    QCOMPARE(coding(o.value(u"code"_s).toObject()).value(u"code"_s).toString(), loinc);
    QCOMPARE(coding(o.value(u"code"_s).toObject()).value(u"system"_s).toString(), u"http://loinc.org"_s);
    const QJsonObject q = o.value(u"valueQuantity"_s).toObject();
    QCOMPARE(q.value(u"code"_s).toString(), ucum);
    QCOMPARE(q.value(u"system"_s).toString(), u"http://unitsofmeasure.org"_s);
    QCOMPARE(q.value(u"value"_s).toDouble(), value);
}

void TestMonitoringFhir::singleValueObservation()
{
    const auto m = Measurement::create(MeasurementType::Temperature, {39.6}, kAt, MeasurementSource::Sms);
    QVERIFY(m);
    const QJsonObject o = m->toObservation(u"obs-1"_s, u"Patient/p-7"_s, {Interpretation::CriticalHigh});
    QCOMPARE(o.value(u"resourceType"_s).toString(), u"Observation"_s);
    QCOMPARE(o.value(u"id"_s).toString(), u"obs-1"_s);
    QCOMPARE(o.value(u"status"_s).toString(), u"final"_s);
    const QJsonObject category = coding(o.value(u"category"_s).toArray().at(0).toObject());
    QCOMPARE(category.value(u"code"_s).toString(), u"vital-signs"_s);
    QCOMPARE(category.value(u"system"_s).toString(), u"http://terminology.hl7.org/CodeSystem/observation-category"_s);
    QCOMPARE(o.value(u"effectiveDateTime"_s).toString(), u"2026-11-26T08:15:00Z"_s);
    QCOMPARE(o.value(u"subject"_s).toObject().value(u"reference"_s).toString(), u"Patient/p-7"_s);
    const QJsonObject interpretation = coding(o.value(u"interpretation"_s).toArray().at(0).toObject());
    QCOMPARE(interpretation.value(u"code"_s).toString(), u"HH"_s);
    QCOMPARE(interpretation.value(u"system"_s).toString(),
             u"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"_s);
    QCOMPARE(o.value(u"extension"_s).toArray().at(0).toObject().value(u"valueCode"_s).toString(), u"sms"_s);
    QVERIFY(!o.contains(u"component"_s));

    // Not judged: no interpretation at all.
    QVERIFY(!m->toObservation().contains(u"interpretation"_s));
    QVERIFY(!m->toObservation({}, {}, {Interpretation::Normal}).contains(u"interpretation"_s));
}

void TestMonitoringFhir::bloodPressureObservation()
{
    const auto m = Measurement::create(MeasurementType::BloodPressure, {182, 95}, kAt, MeasurementSource::Sms);
    QVERIFY(m);
    QCOMPARE(m->displayTextSv(), u"182/95 mmHg"_s);
    const AlertEvaluator evaluator(bpPlan(), m_clock);
    const QJsonObject o = m->toObservation({}, {}, evaluator.interpretations(*m));
    QCOMPARE(coding(o.value(u"code"_s).toObject()).value(u"code"_s).toString(), u"85354-9"_s);
    QVERIFY(!o.contains(u"valueQuantity"_s));
    const QJsonArray components = o.value(u"component"_s).toArray();
    QCOMPARE(components.size(), 2);
    const QJsonObject systolic = components.at(0).toObject();
    const QJsonObject diastolic = components.at(1).toObject();
    QCOMPARE(coding(systolic.value(u"code"_s).toObject()).value(u"code"_s).toString(), u"8480-6"_s);
    QCOMPARE(coding(diastolic.value(u"code"_s).toObject()).value(u"code"_s).toString(), u"8462-4"_s);
    QCOMPARE(systolic.value(u"valueQuantity"_s).toObject().value(u"value"_s).toDouble(), 182.0);
    QCOMPARE(systolic.value(u"valueQuantity"_s).toObject().value(u"code"_s).toString(), u"mm[Hg]"_s);
    QCOMPARE(diastolic.value(u"valueQuantity"_s).toObject().value(u"value"_s).toDouble(), 95.0);
    QCOMPARE(coding(systolic.value(u"interpretation"_s).toArray().at(0).toObject()).value(u"code"_s).toString(),
             u"HH"_s);
    QVERIFY(!diastolic.contains(u"interpretation"_s)); // 95 is below the orange 100
}

void TestMonitoringFhir::valueAlertAsDetectedIssue()
{
    // The issue's end-to-end case: an SMS with "BT 182/95" → a red alert.
    const auto m = Measurement::create(MeasurementType::BloodPressure, {182, 95}, kAt, MeasurementSource::Sms);
    QVERIFY(m);
    const auto alert = AlertEvaluator(bpPlan(), m_clock).evaluate(*m);
    QVERIFY(alert);
    QCOMPARE(alert->severity, Tier::Red);

    const QJsonObject issue = alert->toDetectedIssue(u"a-1"_s, u"Patient/p-7"_s);
    QCOMPARE(issue.value(u"resourceType"_s).toString(), u"DetectedIssue"_s);
    QCOMPARE(issue.value(u"id"_s).toString(), u"a-1"_s);
    QCOMPARE(issue.value(u"status"_s).toString(), u"final"_s);
    QCOMPARE(issue.value(u"severity"_s).toString(), u"high"_s);
    QCOMPARE(coding(issue.value(u"code"_s).toObject()).value(u"code"_s).toString(), u"value"_s);
    QCOMPARE(issue.value(u"detail"_s).toString(), u"Systoliskt blodtryck 182 mmHg ≥ 180 (röd gräns)"_s);
    QCOMPARE(issue.value(u"identifiedDateTime"_s).toString(), u"2026-11-26T08:15:00Z"_s);
    QCOMPARE(issue.value(u"patient"_s).toObject().value(u"reference"_s).toString(), u"Patient/p-7"_s);
    const QJsonArray extensions = issue.value(u"extension"_s).toArray();
    QCOMPARE(extensions.at(0).toObject().value(u"valueString"_s).toString(),
             u"Systolic blood pressure 182 mmHg ≥ 180 (red limit)"_s);
    QCOMPARE(extensions.at(1).toObject().value(u"valueCode"_s).toString(), u"red"_s);
    // The measurement travels contained, and is what the issue implicates.
    QCOMPARE(issue.value(u"implicated"_s).toArray().at(0).toObject().value(u"reference"_s).toString(),
             u"#measurement"_s);
    const QJsonObject contained = issue.value(u"contained"_s).toArray().at(0).toObject();
    QCOMPARE(contained.value(u"resourceType"_s).toString(), u"Observation"_s);
    QCOMPARE(contained.value(u"id"_s).toString(), u"measurement"_s);
    const QJsonObject systolic = contained.value(u"component"_s).toArray().at(0).toObject();
    QCOMPARE(coding(systolic.value(u"interpretation"_s).toArray().at(0).toObject()).value(u"code"_s).toString(),
             u"HH"_s);

    // A stored Observation is referenced instead of contained.
    const QJsonObject referenced = alert->toDetectedIssue({}, {}, u"Observation/o-9"_s);
    QVERIFY(!referenced.contains(u"contained"_s));
    QCOMPARE(referenced.value(u"implicated"_s).toArray().at(0).toObject().value(u"reference"_s).toString(),
             u"Observation/o-9"_s);
}

void TestMonitoringFhir::overdueAlertAsDetectedIssue()
{
    test::FakeClock clock(kAt.addDays(2).toMSecsSinceEpoch());
    const AlertEvaluator evaluator(bpPlan(), clock);
    const auto overdue = evaluator.overdue({});
    QCOMPARE(overdue.size(), 1);
    const QJsonObject issue = evaluator.overdueAlert(overdue.first()).toDetectedIssue();
    QCOMPARE(issue.value(u"severity"_s).toString(), u"moderate"_s);
    QCOMPARE(coding(issue.value(u"code"_s).toObject()).value(u"code"_s).toString(), u"overdue"_s);
    QVERIFY(issue.value(u"detail"_s).toString().startsWith(u"Blodtryck har inte rapporterats"_s));
    QVERIFY(!issue.contains(u"implicated"_s));

    const auto remark = evaluator.remarkAlert(u"mår lite yr"_s);
    QVERIFY(remark);
    QCOMPARE(coding(remark->toDetectedIssue().value(u"code"_s).toObject()).value(u"code"_s).toString(), u"remark"_s);
}

QTEST_GUILESS_MAIN(TestMonitoringFhir)
#include "tst_monitoringfhir.moc"
