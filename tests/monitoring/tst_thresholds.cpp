#include "fakeclock.h"
#include "monitoring/core/alertevaluator.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace nara;
using namespace nara::monitoring;

Q_DECLARE_METATYPE(nara::monitoring::QuantityThresholds)

namespace {

const QDateTime kAt = QDateTime::fromString(u"2026-11-26T08:00:00Z"_s, Qt::ISODate);

MonitoringPlan planOf(QList<MeasurementType> types)
{
    MonitoringPlan plan;
    plan.startAt = kAt.addDays(-10);
    for (MeasurementType t : types)
        plan.measurements.append({t, {1, MeasurementInterval::Unit::Days}});
    return plan;
}

// A measurement whose `quantity` has `value`; the other blood pressure value is a normal one.
Measurement measurementOf(Quantity quantity, double value)
{
    for (MeasurementType type : allMeasurementTypes()) {
        const QList<Quantity> qs = info(type).quantities;
        if (!qs.contains(quantity))
            continue;
        QList<double> values{value};
        if (quantity == Quantity::Systolic)
            values << 70;
        if (quantity == Quantity::Diastolic)
            values.prepend(130);
        auto m = Measurement::create(type, values, kAt, MeasurementSource::Portal);
        if (!m)
            qFatal("%s", qPrintable(m.error().message));
        return *m;
    }
    qFatal("no type");
}

} // namespace

class TestThresholds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plausibility_data();
    void plausibility();
    void defaults_data();
    void defaults();
    void reasonText();
    void severestFirst();
    void overrides();
    void validation_data();
    void validation();
    void remark();

private:
    test::FakeClock m_clock{kAt.toMSecsSinceEpoch()};
};

void TestThresholds::plausibility_data()
{
    QTest::addColumn<QString>("quantity");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("ok");

    const QList<std::tuple<const char *, double, double>> ranges{
        {"systolic", 50, 300}, {"diastolic", 20, 200}, {"pulse", 20, 250}, {"glucose", 0.5, 50},
        {"weight", 1, 400},    {"spo2", 50, 100},      {"pef", 30, 1000},  {"temperature", 30, 45}};
    for (const auto &[key, min, max] : ranges) {
        const QString k = QString::fromLatin1(key);
        QTest::addRow("%s min", key) << k << min << true;
        QTest::addRow("%s max", key) << k << max << true;
        QTest::addRow("%s below", key) << k << min - 0.1 << false;
        QTest::addRow("%s above", key) << k << max + 0.1 << false;
    }
    QTest::newRow("pulse 900") << u"pulse"_s << 900.0 << false;
    QTest::newRow("nan") << u"pulse"_s << qQNaN() << false;
    QTest::newRow("infinity") << u"weight"_s << qInf() << false;
}

void TestThresholds::plausibility()
{
    QFETCH(QString, quantity);
    QFETCH(double, value);
    QFETCH(bool, ok);

    const auto q = quantityFromKey(quantity);
    QVERIFY(q);
    const auto result = Measurement::checkPlausible(*q, value);
    QCOMPARE(result.has_value(), ok);
    if (!ok) {
        QCOMPARE(result.error().code, ErrorCode::InvalidInput);
        QVERIFY2(result.error().message.startsWith(info(*q).nameSv), qPrintable(result.error().message));
        const QString range = formatSv(info(*q).plausibleMin, info(*q).decimals) + u'–'
            + formatSv(info(*q).plausibleMax, info(*q).decimals);
        QVERIFY2(result.error().message.contains(range), qPrintable(result.error().message));
    }
}

void TestThresholds::defaults_data()
{
    QTest::addColumn<QString>("quantity");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("interpretation"); // N, H, L, HH, LL

    const QList<std::tuple<const char *, double, const char *>> rows{
        {"systolic", 180, "HH"},
        {"systolic", 179, "H"},
        {"systolic", 160, "H"},
        {"systolic", 159, "N"},
        {"systolic", 101, "N"},
        {"systolic", 100, "L"},
        {"systolic", 91, "L"},
        {"systolic", 90, "LL"},
        {"diastolic", 110, "HH"},
        {"diastolic", 109, "H"},
        {"diastolic", 100, "H"},
        {"diastolic", 99, "N"},
        {"diastolic", 21, "N"},
        {"pulse", 131, "HH"},
        {"pulse", 130, "H"},
        {"pulse", 111, "H"},
        {"pulse", 110, "N"},
        {"pulse", 50, "N"},
        {"pulse", 49, "L"},
        {"pulse", 40, "L"},
        {"pulse", 39, "LL"},
        {"glucose", 20.1, "HH"},
        {"glucose", 20, "H"},
        {"glucose", 15.1, "H"},
        {"glucose", 15, "N"},
        {"glucose", 4, "N"},
        {"glucose", 3.9, "L"},
        {"glucose", 3.5, "L"},
        {"glucose", 3.4, "LL"},
        {"spo2", 100, "N"},
        {"spo2", 93, "N"},
        {"spo2", 92, "L"},
        {"spo2", 90, "L"},
        {"spo2", 89, "LL"},
        {"temperature", 39.5, "HH"},
        {"temperature", 39.4, "H"},
        {"temperature", 38.5, "H"},
        {"temperature", 38.4, "N"},
        {"temperature", 35, "N"},
        {"temperature", 34.9, "LL"},
        {"weight", 400, "N"},
        {"weight", 1, "N"},
        {"pef", 30, "N"},
        {"pef", 1000, "N"},
    };
    for (const auto &[key, value, code] : rows)
        QTest::addRow("%s %g", key, value) << QString::fromLatin1(key) << value << QString::fromLatin1(code);
}

void TestThresholds::defaults()
{
    QFETCH(QString, quantity);
    QFETCH(double, value);
    QFETCH(QString, interpretation);

    const Quantity q = *quantityFromKey(quantity);
    const Measurement m = measurementOf(q, value);
    const AlertEvaluator evaluator(planOf({m.type()}), m_clock);
    const auto alert = evaluator.evaluate(m);
    const qsizetype index = m.quantities().indexOf(q);
    QCOMPARE(interpretationCode(evaluator.interpretations(m).at(index)), interpretation);
    if (interpretation == u"N"_s) {
        QVERIFY(!alert);
        return;
    }
    QVERIFY(alert);
    QCOMPARE(alert->kind, AlertKind::Value);
    QCOMPARE(alert->severity, interpretation.size() == 2 ? Tier::Red : Tier::Orange);
    QCOMPARE(alert->severityCode(), interpretation.size() == 2 ? u"high"_s : u"moderate"_s);
    QCOMPARE(alert->findings.size(), 1);
    QCOMPARE(alert->findings.first().quantity, q);
    QVERIFY2(alert->reasonSv.startsWith(info(q).nameSv), qPrintable(alert->reasonSv));
    QCOMPARE(alert->identifiedAt, kAt);
    QCOMPARE(alert->measurement, m);
}

void TestThresholds::reasonText()
{
    const AlertEvaluator evaluator(planOf({MeasurementType::BloodPressure}), m_clock);
    const auto alert = evaluator.evaluate(measurementOf(Quantity::Systolic, 182));
    QVERIFY(alert);
    QCOMPARE(alert->reasonSv, u"Systoliskt blodtryck 182 mmHg ≥ 180 (röd gräns)"_s);
    QCOMPARE(alert->reasonEn, u"Systolic blood pressure 182 mmHg ≥ 180 (red limit)"_s);

    const AlertEvaluator glucose(planOf({MeasurementType::Glucose}), m_clock);
    const auto low = glucose.evaluate(measurementOf(Quantity::Glucose, 3.8));
    QVERIFY(low);
    QCOMPARE(low->reasonSv, u"Blodsocker 3,8 mmol/l < 4 (orange gräns)"_s);
    QCOMPARE(low->reasonEn, u"Blood glucose 3.8 mmol/l < 4 (orange limit)"_s);
}

void TestThresholds::severestFirst()
{
    const AlertEvaluator evaluator(planOf({MeasurementType::BloodPressure}), m_clock);
    // Diastolic 112 is red, systolic 165 orange: red, with the red reason first.
    const auto m = Measurement::create(MeasurementType::BloodPressure, {165, 112}, kAt, MeasurementSource::Sms);
    QVERIFY(m);
    const auto alert = evaluator.evaluate(*m);
    QVERIFY(alert);
    QCOMPARE(alert->severity, Tier::Red);
    QCOMPARE(alert->findings.size(), 2);
    QCOMPARE(alert->findings.at(0).quantity, Quantity::Diastolic);
    QCOMPARE(alert->reasonSv,
             u"Diastoliskt blodtryck 112 mmHg ≥ 110 (röd gräns); Systoliskt blodtryck 165 mmHg ≥ 160 (orange gräns)"_s);
}

void TestThresholds::overrides()
{
    MonitoringPlan plan = planOf({MeasurementType::BloodPressure, MeasurementType::Weight});
    plan.overrides.insert(Quantity::Systolic,
                          QuantityThresholds{{Limit{85, true}, Limit{170, true}}, {std::nullopt, Limit{150, true}}});
    plan.overrides.insert(Quantity::Weight,
                          QuantityThresholds{{std::nullopt, Limit{95, false}}, {Limit{70, false}, Limit{90, false}}});
    QVERIFY(plan.validate());
    const AlertEvaluator evaluator(plan, m_clock);
    auto tierOf = [&](Quantity q, double v) -> QString {
        const auto alert = evaluator.evaluate(measurementOf(q, v));
        return alert ? tierKey(alert->severity) : u"none"_s;
    };
    QCOMPARE(tierOf(Quantity::Systolic, 170), u"red"_s);
    QCOMPARE(tierOf(Quantity::Systolic, 169), u"orange"_s);
    QCOMPARE(tierOf(Quantity::Systolic, 150), u"orange"_s);
    QCOMPARE(tierOf(Quantity::Systolic, 149), u"none"_s);
    QCOMPARE(tierOf(Quantity::Systolic, 95), u"none"_s); // the override has no orange low limit
    QCOMPARE(tierOf(Quantity::Systolic, 85), u"red"_s);
    QCOMPARE(tierOf(Quantity::Diastolic, 110), u"red"_s); // still the default
    QCOMPARE(tierOf(Quantity::Weight, 95.1), u"red"_s);
    QCOMPARE(tierOf(Quantity::Weight, 95), u"orange"_s);
    QCOMPARE(tierOf(Quantity::Weight, 90), u"none"_s);
    QCOMPARE(tierOf(Quantity::Weight, 70), u"none"_s);
    QCOMPARE(tierOf(Quantity::Weight, 69.9), u"orange"_s);
    QCOMPARE(evaluator.evaluate(measurementOf(Quantity::Weight, 96))->reasonSv, u"Vikt 96 kg > 95 (röd gräns)"_s);
}

void TestThresholds::validation_data()
{
    QTest::addColumn<QString>("quantity");
    QTest::addColumn<QuantityThresholds>("thresholds");
    QTest::addColumn<QString>("error"); // empty: valid

    auto hi = [](double v) {
        return Limit{v, true};
    };
    QTest::newRow("defaults are valid") << u"systolic"_s << defaultThresholds(Quantity::Systolic) << QString();
    QTest::newRow("orange only") << u"temperature"_s << QuantityThresholds{{}, {std::nullopt, hi(38)}} << QString();
    QTest::newRow("empty") << u"weight"_s << QuantityThresholds{} << QString();
    QTest::newRow("orange high beyond red")
        << u"systolic"_s << QuantityThresholds{{std::nullopt, hi(170)}, {std::nullopt, hi(175)}}
        << u"orange high limit (175) is beyond the red one (170)"_s;
    QTest::newRow("orange high equal to red")
        << u"systolic"_s << QuantityThresholds{{std::nullopt, hi(170)}, {std::nullopt, hi(170)}}
        << u"beyond the red one"_s;
    QTest::newRow("orange low beyond red")
        << u"spo2"_s << QuantityThresholds{{hi(92), std::nullopt}, {hi(90), std::nullopt}}
        << u"orange low limit (90) is beyond the red one (92)"_s;
    QTest::newRow("low above high") << u"pulse"_s << QuantityThresholds{{hi(120), hi(100)}, {}}
                                    << u"must be below every high limit"_s;
    QTest::newRow("orange low above red high")
        << u"pulse"_s << QuantityThresholds{{std::nullopt, hi(100)}, {hi(110), std::nullopt}}
        << u"must be below every high limit"_s;
    QTest::newRow("implausible limit") << u"pulse"_s << QuantityThresholds{{std::nullopt, hi(900)}, {}}
                                       << u"outside the plausible range"_s;
}

void TestThresholds::validation()
{
    QFETCH(QString, quantity);
    QFETCH(QuantityThresholds, thresholds);
    QFETCH(QString, error);

    const auto result = thresholds.validate(*quantityFromKey(quantity));
    if (error.isEmpty()) {
        QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().message));
        return;
    }
    QVERIFY(!result.has_value());
    QVERIFY2(result.error().message.contains(error), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(quantity), qPrintable(result.error().message));
}

void TestThresholds::remark()
{
    const AlertEvaluator evaluator(planOf({MeasurementType::BloodPressure}), m_clock);
    QVERIFY(!evaluator.remarkAlert(u"   "_s));
    const auto alert = evaluator.remarkAlert(u"  mår   lite yr "_s, measurementOf(Quantity::Systolic, 150));
    QVERIFY(alert);
    QCOMPARE(alert->kind, AlertKind::Remark);
    QCOMPARE(alert->severity, Tier::Orange);
    QCOMPARE(alert->remark, u"mår lite yr"_s);
    QCOMPARE(alert->reasonSv, u"Patientens kommentar: ”mår lite yr”"_s);
    const auto longRemark = evaluator.remarkAlert(QString(800, u'a'));
    QVERIFY(longRemark);
    QCOMPARE(longRemark->remark.size(), 800);
    QVERIFY(longRemark->reasonSv.size() < 600);
}

QTEST_GUILESS_MAIN(TestThresholds)
#include "tst_thresholds.moc"
