#include "../workstation/inboxfixtures.h"
#include "fakeclock.h"
#include "monitoring/ui/planeditordialog.h"
#include "monitoring/ui/quantitythresholdseditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace nara;
using namespace nara::monitoring;
using nara::test::RecordingSink;

namespace {

constexpr qint64 kNow = 1'764'000'123'456; // 24 Nov 2025 16:02:03.456 UTC

// A plan with a bit of everything: types out of the canonical order, hours and days, an override
// with an exclusive limit and one with decimals, a start with seconds.
MonitoringPlan samplePlan()
{
    MonitoringPlan plan;
    plan.startAt = QDateTime(QDate(2025, 11, 20), QTime(8, 0, 30), Qt::UTC);
    plan.measurements = {{MeasurementType::Pulse, {12, MeasurementInterval::Unit::Hours}},
                         {MeasurementType::BloodPressure, {1, MeasurementInterval::Unit::Days}},
                         {MeasurementType::Weight, {2, MeasurementInterval::Unit::Days}}};
    QuantityThresholds systolic;
    systolic.red.high = Limit{170, true};
    systolic.orange.high = Limit{150, false};
    systolic.red.low = Limit{85, true};
    plan.overrides.insert(Quantity::Systolic, systolic);
    QuantityThresholds weight;
    weight.red.high = Limit{95.5, true};
    weight.orange.high = Limit{92.25, true};
    plan.overrides.insert(Quantity::Weight, weight);
    return plan;
}

QJsonObject planRecord(const QJsonValue &plan, qint64 version = 3)
{
    return {{QStringLiteral("id"), QStringLiteral("p1")},
            {QStringLiteral("version"), version},
            {QStringLiteral("patientId"), QStringLiteral("p1")},
            {QStringLiteral("unitId"), QStringLiteral("unit-1")},
            {QStringLiteral("plan"), plan},
            {QStringLiteral("updatedAt"), kNow - 86'400'000},
            {QStringLiteral("updatedBy"), QStringLiteral("s-anna")}};
}

} // namespace

class TestPlanEditor : public QObject
{
    Q_OBJECT

private:
    test::FakeClock m_clock{kNow};
    std::unique_ptr<RecordingSink> m_sink;
    std::unique_ptr<PlanEditorDialog> m_dialog;

    void open(const QJsonObject &record)
    {
        m_dialog = std::make_unique<PlanEditorDialog>(QStringLiteral("p1"), QStringLiteral("Tolvan Tolvansson"), record,
                                                      *m_sink, m_clock);
        // Nothing may block: an unexpected confirmation is declined.
        m_dialog->setConfirmer([](const QString &, const QString &) { return false; });
    }
    template<typename T> T *find(const QString &name) const
    {
        auto *widget = m_dialog->findChild<T *>(name);
        if (!widget)
            qWarning("no widget %s", qPrintable(name));
        return widget;
    }
    QuantityThresholdsEditor *editor(const char *quantity) const
    {
        return find<QuantityThresholdsEditor>(u"thresholds_" % QLatin1String(quantity));
    }
    QLineEdit *field(const char *quantity, const char *name) const
    {
        return editor(quantity)->findChild<QLineEdit *>(QLatin1String(name));
    }
    void save() { QTest::mouseClick(find<QPushButton>(QStringLiteral("savePlanButton")), Qt::LeftButton); }
    QJsonObject savedBody() const { return RecordingSink::body(m_sink->writes.constLast()); }
    // Saving was refused: nothing sent, the dialog still open.
    void verifyRefused()
    {
        QCOMPARE(m_sink->writes.size(), 0);
        QCOMPARE(m_dialog->outcome(), PlanEditorDialog::Outcome::None);
        QVERIFY(m_dialog->result() != QDialog::Accepted);
        QVERIFY(!find<QLabel>(QStringLiteral("planError"))->isHidden());
    }

private Q_SLOTS:
    void init()
    {
        m_clock.setMs(kNow);
        m_sink = std::make_unique<RecordingSink>();
    }

    void cleanup()
    {
        m_dialog.reset();
        m_sink.reset();
    }

    void unchangedPlanSavesIdentically()
    {
        const QJsonObject plan = samplePlan().toJson();
        open(planRecord(plan));
        QVERIFY(find<QCheckBox>(QStringLiteral("measure_pulse"))->isChecked());
        QVERIFY(!find<QCheckBox>(QStringLiteral("measure_glucose"))->isChecked());
        QCOMPARE(find<QSpinBox>(QStringLiteral("interval_pulse"))->value(), 12);
        QCOMPARE(find<QComboBox>(QStringLiteral("intervalUnit_pulse"))->currentData().toString(), QStringLiteral("h"));
        QVERIFY(!editor("systolic")->findChild<QCheckBox *>(QStringLiteral("useDefault"))->isChecked());
        QVERIFY(editor("diastolic")->findChild<QCheckBox *>(QStringLiteral("useDefault"))->isChecked());
        QVERIFY(!editor("systolic")->isHidden());
        QVERIFY(editor("glucose")->isHidden()); // not measured
        QCOMPARE(field("weight", "orangeHigh")->text(), QuantityThresholdsEditor::numberText(92.25));
        // The default is shown beside the patient's own limits.
        QVERIFY(editor("systolic")
                    ->findChild<QLabel *>(QStringLiteral("defaultThresholds"))
                    ->text()
                    .contains(QStringLiteral("180")));
        QVERIFY(find<QPushButton>(QStringLiteral("endMonitoringButton"))->isEnabled());

        save();
        QCOMPARE(m_sink->writes.size(), 1);
        const sync::PendingWrite write = m_sink->writes.first();
        QCOMPARE(write.method, QStringLiteral("POST"));
        QCOMPARE(write.path, QStringLiteral("/api/v1/patients/p1/monitoring-plan"));
        QVERIFY(!write.id.isEmpty());
        QCOMPARE(write.id, m_dialog->writeId());
        QCOMPARE(savedBody(), (QJsonObject{{QStringLiteral("plan"), plan}, {QStringLiteral("version"), 3}}));
        QCOMPARE(m_dialog->outcome(), PlanEditorDialog::Outcome::Saved);
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    }

    void withoutAPlanItSuggestsDailyBloodPressure()
    {
        open({});
        QVERIFY(find<QCheckBox>(QStringLiteral("measure_bloodPressure"))->isChecked());
        QVERIFY(!find<QCheckBox>(QStringLiteral("measure_pulse"))->isChecked());
        QVERIFY(!find<QPushButton>(QStringLiteral("endMonitoringButton"))->isEnabled());
        QVERIFY(find<QLabel>(QStringLiteral("planIntro"))->text().contains(QStringLiteral("No monitoring plan")));
        save();
        QCOMPARE(m_sink->writes.size(), 1);
        const QJsonObject expected{{QStringLiteral("startAt"), QStringLiteral("2025-11-24T16:02:00Z")},
                                   {QStringLiteral("measurements"),
                                    QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("bloodPressure")},
                                                           {QStringLiteral("period"), 1},
                                                           {QStringLiteral("periodUnit"), QStringLiteral("d")}}}},
                                   {QStringLiteral("thresholds"), QJsonObject{}}};
        // A patient without a record: version 0, so a plan a colleague saved meanwhile is not overwritten.
        QCOMPARE(savedBody(), (QJsonObject{{QStringLiteral("plan"), expected}, {QStringLiteral("version"), 0}}));
    }

    void editsBecomeThePlan()
    {
        open(planRecord(samplePlan().toJson()));
        find<QCheckBox>(QStringLiteral("measure_glucose"))->setChecked(true);
        QVERIFY(!editor("glucose")->isHidden());
        find<QSpinBox>(QStringLiteral("interval_glucose"))->setValue(8);
        find<QComboBox>(QStringLiteral("intervalUnit_glucose"))->setCurrentIndex(0); // hours
        find<QCheckBox>(QStringLiteral("measure_weight"))->setChecked(false); // its override goes with it
        // Diastolic: the patient's own red limit; the rest starts from the default.
        editor("diastolic")->findChild<QCheckBox *>(QStringLiteral("useDefault"))->setChecked(false);
        QCOMPARE(field("diastolic", "redHigh")->text(), QStringLiteral("110"));
        field("diastolic", "redHigh")->setText(QStringLiteral("105"));
        // Systolic back to the default.
        editor("systolic")->findChild<QCheckBox *>(QStringLiteral("useDefault"))->setChecked(true);
        QCOMPARE(field("systolic", "redHigh")->text(), QStringLiteral("180"));
        QVERIFY(!field("systolic", "redHigh")->isEnabled());
        save();
        QCOMPARE(m_sink->writes.size(), 1);
        auto saved = MonitoringPlan::fromJson(savedBody().value(QStringLiteral("plan")).toObject());
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
        QCOMPARE(saved->startAt, samplePlan().startAt);
        QCOMPARE(saved->measurements.size(), 3);
        QCOMPARE(saved->measurements.at(0).type, MeasurementType::Pulse); // the plan's order is kept
        QCOMPARE(saved->measurements.at(2).type, MeasurementType::Glucose);
        QCOMPARE(saved->measurements.at(2).interval, (MeasurementInterval{8, MeasurementInterval::Unit::Hours}));
        QCOMPARE(saved->overrides.keys(), QList<Quantity>{Quantity::Diastolic});
        QuantityThresholds diastolic = defaultThresholds(Quantity::Diastolic);
        diastolic.red.high = Limit{105, true};
        QCOMPARE(saved->overrides.value(Quantity::Diastolic), diastolic);
        QCOMPARE(savedBody().value(QStringLiteral("version")).toInteger(), 3);
    }

    void aDecimalCommaIsANumber()
    {
        open(planRecord(samplePlan().toJson()));
        field("weight", "orangeHigh")->setText(QStringLiteral("91,5"));
        save();
        auto saved = MonitoringPlan::fromJson(savedBody().value(QStringLiteral("plan")).toObject());
        QVERIFY(saved);
        QCOMPARE(saved->overrides.value(Quantity::Weight).orange.high->value, 91.5);
    }

    void badIntervalIsRefusedAtItsField_data()
    {
        QTest::addColumn<int>("period");
        QTest::addColumn<int>("unitIndex");
        QTest::newRow("0 hours") << 0 << 0;
        QTest::newRow("0 days") << 0 << 1;
        QTest::newRow("91 days") << 91 << 1;
        QTest::newRow("2161 hours") << 2161 << 0;
    }

    void badIntervalIsRefusedAtItsField()
    {
        QFETCH(int, period);
        QFETCH(int, unitIndex);
        open(planRecord(samplePlan().toJson()));
        find<QSpinBox>(QStringLiteral("interval_bloodPressure"))->setValue(period);
        find<QComboBox>(QStringLiteral("intervalUnit_bloodPressure"))->setCurrentIndex(unitIndex);
        save();
        verifyRefused();
        auto *error = find<QLabel>(QStringLiteral("intervalError_bloodPressure"));
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains(QStringLiteral("90 days")), qPrintable(error->text()));
        QVERIFY(find<QLabel>(QStringLiteral("intervalError_pulse"))->isHidden());

        // Corrected: saved, and the error is gone.
        find<QSpinBox>(QStringLiteral("interval_bloodPressure"))->setValue(2);
        find<QComboBox>(QStringLiteral("intervalUnit_bloodPressure"))->setCurrentIndex(1);
        save();
        QCOMPARE(m_sink->writes.size(), 1);
        QVERIFY(error->isHidden());
    }

    void badThresholdIsRefusedAtItsField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("orange beyond red") << "orangeHigh"
                                           << "175"
                                           << "orange upper limit must be below the red";
        QTest::newRow("not a number") << "redHigh"
                                      << "hög"
                                      << "\"hög\" is not a number";
        QTest::newRow("not measurable") << "redHigh"
                                        << "400"
                                        << "outside what can be measured";
        QTest::newRow("low above high") << "redLow"
                                        << "172"
                                        << "low limit must be below every high limit";
        QTest::newRow("orange low beyond red") << "orangeLow"
                                               << "80"
                                               << "orange lower limit must be above the red";
    }

    void badThresholdIsRefusedAtItsField()
    {
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(QString, message);
        open(planRecord(samplePlan().toJson()));
        this->field("systolic", qPrintable(field))->setText(text);
        save();
        verifyRefused();
        auto *error = editor("systolic")->findChild<QLabel *>(QStringLiteral("thresholdError"));
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains(message), qPrintable(error->text()));
        QVERIFY(editor("weight")->findChild<QLabel *>(QStringLiteral("thresholdError"))->isHidden());
    }

    void aPlanWithoutMeasurementsIsRefused()
    {
        open({});
        find<QCheckBox>(QStringLiteral("measure_bloodPressure"))->setChecked(false);
        save();
        verifyRefused();
        QVERIFY(!find<QLabel>(QStringLiteral("measurementsError"))->isHidden());
    }

    void endingSendsNullAfterConfirmation()
    {
        open(planRecord(samplePlan().toJson()));
        QStringList asked;
        m_dialog->setConfirmer([&asked](const QString &title, const QString &) {
            asked.append(title);
            return false;
        });
        QTest::mouseClick(find<QPushButton>(QStringLiteral("endMonitoringButton")), Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(m_sink->writes.size(), 0);
        QCOMPARE(m_dialog->outcome(), PlanEditorDialog::Outcome::None);

        m_dialog->setConfirmer([](const QString &, const QString &) { return true; });
        QTest::mouseClick(find<QPushButton>(QStringLiteral("endMonitoringButton")), Qt::LeftButton);
        QCOMPARE(m_sink->writes.size(), 1);
        QCOMPARE(m_sink->writes.first().path, QStringLiteral("/api/v1/patients/p1/monitoring-plan"));
        QCOMPARE(savedBody(),
                 (QJsonObject{{QStringLiteral("plan"), QJsonValue::Null}, {QStringLiteral("version"), 3}}));
        QCOMPARE(m_dialog->outcome(), PlanEditorDialog::Outcome::Ended);
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    }

    void anEndedPlanStartsAgainFromTheSuggestion()
    {
        open(planRecord(QJsonValue::Null, 4));
        QVERIFY(find<QLabel>(QStringLiteral("planIntro"))->text().contains(QStringLiteral("ended")));
        QVERIFY(!find<QPushButton>(QStringLiteral("endMonitoringButton"))->isEnabled());
        QVERIFY(find<QCheckBox>(QStringLiteral("measure_bloodPressure"))->isChecked());
        save();
        QCOMPARE(m_sink->writes.size(), 1);
        QCOMPARE(savedBody().value(QStringLiteral("version")).toInteger(), 4);
        QVERIFY(savedBody().value(QStringLiteral("plan")).isObject());
    }

    void aChangedStartIsSaved()
    {
        open(planRecord(samplePlan().toJson()));
        const QDateTime start = QDateTime(QDate(2025, 12, 1), QTime(7, 30), Qt::UTC);
        find<QDateTimeEdit>(QStringLiteral("planStart"))->setDateTime(start.toLocalTime());
        save();
        QCOMPARE(savedBody().value(QStringLiteral("plan")).toObject().value(QStringLiteral("startAt")).toString(),
                 QStringLiteral("2025-12-01T07:30:00Z"));
    }
};

QTEST_MAIN(TestPlanEditor)
#include "tst_planeditor.moc"
