#include "../video/fakemediadevices.h"
#include "../workstation/inboxfixtures.h"
#include "fakeclock.h"
#include "monitoring/ui/alertpane.h"
#include "monitoring/ui/escalatedialog.h"
#include "monitoring/ui/measurementhistorychart.h"
#include "monitoring/ui/processalertdialog.h"
#include "video/ui/videopane.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/monitoringhost.h"

#include <QAction>
#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QValueAxis>

using namespace nara;
using namespace nara::monitoring;
using nara::test::RecordingSink;

namespace {

constexpr qint64 kNow = 1'764'000'000'000; // 24 Nov 2025 16:00 UTC
constexpr qint64 kDay = 24LL * 3600 * 1000;

QJsonObject measurementJson(const QString &id, const QString &type, const QJsonArray &values, qint64 at,
                            const QString &source = QStringLiteral("sms"))
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("version"), 1},
            {QStringLiteral("patientId"), QStringLiteral("p1")},
            {QStringLiteral("type"), type},
            {QStringLiteral("values"), values},
            {QStringLiteral("at"), at},
            {QStringLiteral("source"), source}};
}

QJsonObject alertJson(const QString &id, const QString &severity, const QString &reason, const QString &measurementId,
                      const QString &measurementType)
{
    QJsonObject alert{
        {QStringLiteral("id"), id},
        {QStringLiteral("version"), 1},
        {QStringLiteral("itemId"), QStringLiteral("item-a1")},
        {QStringLiteral("patientId"), QStringLiteral("p1")},
        {QStringLiteral("severity"), severity},
        {QStringLiteral("kind"), measurementId.isEmpty() ? QStringLiteral("remark") : QStringLiteral("value")},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("reasonEn"), QStringLiteral("(English)")},
        {QStringLiteral("measurementId"), measurementId},
        {QStringLiteral("createdAt"), kNow - kDay}};
    if (!measurementType.isNull())
        alert.insert(QStringLiteral("measurementType"), measurementType);
    return alert;
}

// Blood pressure over 40 days: three readings in the last 30 days (the alert's is m1), one before.
QList<QJsonObject> historyJson()
{
    return {measurementJson(QStringLiteral("m1"), QStringLiteral("bloodPressure"), {182, 95}, kNow - kDay),
            measurementJson(QStringLiteral("m2"), QStringLiteral("bloodPressure"), {150, 88}, kNow - 5 * kDay,
                            QStringLiteral("portal")),
            measurementJson(QStringLiteral("m3"), QStringLiteral("bloodPressure"), {138, 84}, kNow - 29 * kDay),
            measurementJson(QStringLiteral("m0"), QStringLiteral("bloodPressure"), {120, 80}, kNow - 35 * kDay),
            measurementJson(QStringLiteral("p1m"), QStringLiteral("pulse"), {72}, kNow - 2 * kDay)};
}

AlertCase redCase()
{
    AlertCase c;
    c.itemId = QStringLiteral("item-a1");
    c.itemTitle = QStringLiteral("Blodtryck 182/95 mmHg – röd gräns");
    c.unitId = QStringLiteral("unit-1");
    c.patientId = QStringLiteral("p1");
    c.patientText = QStringLiteral("Tolvan Tolvansson, 19121212-1212");
    c.alerts.append(*AlertRecord::fromJson(
        alertJson(QStringLiteral("a2"), QStringLiteral("orange"), QStringLiteral("Patientens kommentar: yr"), {}, {})));
    c.alerts.append(*AlertRecord::fromJson(alertJson(QStringLiteral("a1"), QStringLiteral("red"),
                                                     QStringLiteral("Systoliskt blodtryck 182 mmHg ≥ 180 (röd gräns)"),
                                                     QStringLiteral("m1"), QStringLiteral("bloodPressure"))));
    for (const QJsonObject &json : historyJson())
        c.measurements.append(*MeasurementRecord::fromJson(json));
    c.staff
        = {{QStringLiteral("s-bo"), QStringLiteral("Bo Berg"), QStringLiteral("gp"), {QStringLiteral("unit-1")}},
           {QStringLiteral("s-other"), QStringLiteral("Olle Annan"), QStringLiteral("gp"), {QStringLiteral("unit-2")}},
           {QStringLiteral("s-nurse"),
            QStringLiteral("Anna Sköterska"),
            QStringLiteral("nurse"),
            {QStringLiteral("unit-1")}},
           {QStringLiteral("s-cecilia"),
            QStringLiteral("Cecilia Ek"),
            QStringLiteral("gp"),
            {QStringLiteral("unit-3"), QStringLiteral("unit-1")}}};
    return c;
}

QList<QPointF> pointsOf(const QChartView *view, const QString &seriesName)
{
    for (QAbstractSeries *series : view->chart()->series()) {
        if (series->objectName() == seriesName)
            return static_cast<QXYSeries *>(series)->points();
    }
    return {};
}

// A band as [lower, upper] of its first point; nothing when the chart has no such band.
std::optional<std::pair<double, double>> bandOf(const QChartView *view, const QString &name)
{
    for (QAbstractSeries *series : view->chart()->series()) {
        if (series->objectName() != name)
            continue;
        auto *area = static_cast<QAreaSeries *>(series);
        return std::pair{area->lowerSeries()->at(0).y(), area->upperSeries()->at(0).y()};
    }
    return std::nullopt;
}

} // namespace

class TestAlertPane : public QObject
{
    Q_OBJECT

private:
    test::FakeClock m_clock{kNow};
    std::unique_ptr<RecordingSink> m_sink;
    std::unique_ptr<AlertPane> m_pane;

    template<typename T> T *find(const QString &name) const
    {
        auto *widget = m_pane->findChild<T *>(name);
        if (!widget)
            qWarning("no widget %s", qPrintable(name));
        return widget;
    }
    QChartView *chart(const char *quantity) const { return find<QChartView>(u"chart_" % QLatin1String(quantity)); }

private Q_SLOTS:
    void init()
    {
        workstation::Dialogs::clearAnswers();
        workstation::Dialogs::setNonInteractive(true);
        m_clock.setMs(kNow);
        m_sink = std::make_unique<RecordingSink>();
        m_pane = std::make_unique<AlertPane>(*m_sink, m_clock);
        // Nothing may block: a dialog the test did not expect is cancelled.
        m_pane->setDialogRunner([](QDialog &) { return int(QDialog::Rejected); });
    }

    void cleanup()
    {
        m_pane.reset();
        m_sink.reset();
        QCOMPARE(workstation::Dialogs::queuedAnswers(), 0);
    }

    void chartHoldsTheLast30DaysPerQuantity()
    {
        m_pane->showCase(redCase());
        QCOMPARE(find<QLabel>(QStringLiteral("alertHeader"))->text(),
                 QStringLiteral("Blodtryck 182/95 mmHg – röd gräns"));
        QVERIFY(find<QLabel>(QStringLiteral("alertPatient"))->text().contains(QStringLiteral("19121212-1212")));
        // Blood pressure: systolic and diastolic, each its own series, oldest first; m0 (35 days
        // ago) and the pulse are not in it.
        const QList<QPointF> systolic = pointsOf(chart("systolic"), QStringLiteral("series_systolic"));
        const QList<QPointF> diastolic = pointsOf(chart("diastolic"), QStringLiteral("series_diastolic"));
        const QList<QPointF> expectedSystolic{
            {double(kNow - 29 * kDay), 138}, {double(kNow - 5 * kDay), 150}, {double(kNow - kDay), 182}};
        const QList<QPointF> expectedDiastolic{
            {double(kNow - 29 * kDay), 84}, {double(kNow - 5 * kDay), 88}, {double(kNow - kDay), 95}};
        QCOMPARE(systolic, expectedSystolic);
        QCOMPARE(diastolic, expectedDiastolic);
        QCOMPARE(m_pane->findChildren<QChartView *>().size(), 2);
        // The alert's measurement is marked in both.
        QCOMPARE(pointsOf(chart("systolic"), QStringLiteral("alertMarker")),
                 (QList<QPointF>{{double(kNow - kDay), 182}}));
        QCOMPARE(pointsOf(chart("diastolic"), QStringLiteral("alertMarker")),
                 (QList<QPointF>{{double(kNow - kDay), 95}}));
        // A time axis over exactly the last 30 days.
        auto *axis = qobject_cast<QDateTimeAxis *>(chart("systolic")->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(axis);
        QCOMPARE(axis->min().toMSecsSinceEpoch(), kNow - 30 * kDay);
        QCOMPARE(axis->max().toMSecsSinceEpoch(), kNow);

        // The latest measurements of this type, newest first, with unit and source.
        auto *table = find<QTableWidget>(QStringLiteral("latestMeasurements"));
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("182/95"));
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("mmHg"));
        QCOMPARE(table->item(0, 4)->text(), QStringLiteral("SMS"));
        QCOMPARE(table->item(1, 4)->text(), QStringLiteral("Portal"));
        QCOMPARE(table->item(0, 0)->text(), AlertPane::timeText(kNow - kDay));
        QVERIFY(table->item(0, 2)->font().bold()); // the alert's own
        QCOMPARE(table->item(3, 2)->text(), QStringLiteral("120/80"));

        // A new reading arrives (the host hands the case in again): one point more.
        AlertCase updated = redCase();
        updated.measurements.append(*MeasurementRecord::fromJson(
            measurementJson(QStringLiteral("m4"), QStringLiteral("bloodPressure"), {141, 86}, kNow - 3600 * 1000)));
        m_pane->showCase(updated);
        QCOMPARE(pointsOf(chart("systolic"), QStringLiteral("series_systolic")).size(), 4);
        QCOMPARE(pointsOf(chart("systolic"), QStringLiteral("series_systolic")).last().y(), 141.0);
    }

    void bandsAreTheDefaultsWithoutAPlan()
    {
        m_pane->showCase(redCase());
        QVERIFY(bandOf(chart("systolic"), QStringLiteral("band_red_high")));
        QCOMPARE(bandOf(chart("systolic"), QStringLiteral("band_red_high"))->first, 180.0);
        QCOMPARE(*bandOf(chart("systolic"), QStringLiteral("band_orange_high")), std::pair(160.0, 180.0));
        QCOMPARE(bandOf(chart("systolic"), QStringLiteral("band_orange_low"))->first,
                 bandOf(chart("systolic"), QStringLiteral("band_red_low"))->second); // orange from red up
        QCOMPARE(bandOf(chart("systolic"), QStringLiteral("band_orange_low"))->second, 100.0);
        QCOMPARE(bandOf(chart("systolic"), QStringLiteral("band_red_low"))->second, 90.0);
        QCOMPARE(*bandOf(chart("diastolic"), QStringLiteral("band_orange_high")), std::pair(100.0, 110.0));
        QCOMPARE(bandOf(chart("diastolic"), QStringLiteral("band_red_high"))->first, 110.0);
        QVERIFY(!bandOf(chart("diastolic"), QStringLiteral("band_red_low")));
        // Every value and every limit is on the value axis.
        auto *axis = qobject_cast<QValueAxis *>(chart("systolic")->chart()->axes(Qt::Vertical).value(0));
        QVERIFY(axis->min() <= 90 && axis->max() >= 182);
    }

    void bandsFollowThePatientsOverride()
    {
        AlertCase c = redCase();
        auto plan = MonitoringPlan::fromJson(QJsonDocument::fromJson(R"({
            "startAt": "2025-11-01T08:00:00Z",
            "measurements": [{"type": "bloodPressure", "period": 1, "periodUnit": "d"}],
            "thresholds": {"systolic": {"red": {"high": {"op": ">=", "value": 170}},
                                        "orange": {"high": {"op": ">", "value": 150}}}}})")
                                                 .object());
        QVERIFY2(plan, plan ? "" : qPrintable(plan.error().message));
        c.plan = *plan;
        m_pane->showCase(c);
        QCOMPARE(bandOf(chart("systolic"), QStringLiteral("band_red_high"))->first, 170.0);
        QCOMPARE(*bandOf(chart("systolic"), QStringLiteral("band_orange_high")), std::pair(150.0, 170.0));
        QVERIFY(!bandOf(chart("systolic"), QStringLiteral("band_red_low"))); // the override has no low limits
        QVERIFY(!bandOf(chart("systolic"), QStringLiteral("band_orange_low")));
        // Diastolic has no override: its defaults.
        QCOMPARE(bandOf(chart("diastolic"), QStringLiteral("band_red_high"))->first, 110.0);
    }

    void severityIsSaidInWordsAndColour()
    {
        m_pane->showCase(redCase());
        // Red first, whatever the order they came in.
        auto *severity = find<QLabel>(QStringLiteral("alertSeverity0"));
        QCOMPARE(severity->text(), QStringLiteral("Red"));
        QVERIFY(severity->styleSheet().contains(QStringLiteral("#c62828")));
        QCOMPARE(severity->accessibleName(), QStringLiteral("Severity: Red"));
        const QString reason = find<QLabel>(QStringLiteral("alertReason0"))->text();
        QVERIFY2(reason.contains(QStringLiteral("≥ 180 (röd gräns)")), qPrintable(reason));
        QVERIFY(reason.contains(QStringLiteral("Value beyond a limit")));
        QCOMPARE(find<QLabel>(QStringLiteral("alertSeverity1"))->text(), QStringLiteral("Orange"));
        QVERIFY(find<QLabel>(QStringLiteral("alertReason1"))->text().contains(QStringLiteral("The patient's remark")));
    }

    void aRemarkWithoutValuesHasNoChart()
    {
        AlertCase remark = redCase();
        remark.alerts.removeIf([](const AlertRecord &alert) { return alert.kind != AlertKind::Remark; });
        QCOMPARE(remark.alerts.size(), 1);
        m_pane->showCase(remark);
        QVERIFY(m_pane->findChildren<QChartView *>().isEmpty());
        QVERIFY(!find<QLabel>(QStringLiteral("historyMessage"))->isHidden());
        // The latest measurements of every type instead.
        auto *table = find<QTableWidget>(QStringLiteral("latestMeasurements"));
        QCOMPARE(table->rowCount(), 5);
        QCOMPARE(table->item(1, 2)->text(), QStringLiteral("72"));
        QCOMPARE(table->item(1, 3)->text(), QStringLiteral("/min"));
    }

    void oddRecordsAreLeftOut()
    {
        // A time that is no whole number of ms in range: the measurement is left out (1e300 has no
        // qint64 value at all); an alert is kept, its time unknown; an odd plan version becomes 0.
        for (const QJsonValue &at : {QJsonValue(1e300), QJsonValue(-1e300), QJsonValue(1.5), QJsonValue(-5),
                                     QJsonValue(QStringLiteral("today")), QJsonValue(9e15)}) {
            QJsonObject odd = measurementJson(QStringLiteral("mx"), QStringLiteral("pulse"), {70}, kNow);
            odd.insert(QStringLiteral("at"), at);
            QVERIFY2(!MeasurementRecord::fromJson(odd), QJsonDocument(QJsonArray{at}).toJson().constData());
        }
        QJsonObject oddAlert = alertJson(QStringLiteral("a9"), QStringLiteral("red"), QStringLiteral("Puls 190"),
                                         QStringLiteral("m1"), QStringLiteral("bloodPressure"));
        oddAlert.insert(QStringLiteral("createdAt"), 1e300);
        const auto alert = AlertRecord::fromJson(oddAlert);
        QVERIFY(alert);
        QCOMPARE(alert->createdAt, 0);
        const auto plan = PlanRecord::fromJson({{QStringLiteral("id"), QStringLiteral("p1")},
                                                {QStringLiteral("version"), 1e300},
                                                {QStringLiteral("updatedAt"), -1e300}});
        QVERIFY(plan);
        QCOMPARE(plan->version, 0);
        QCOMPARE(plan->updatedAt, 0);

        // The pane shows the rest: the alert without a time, the sane readings in the chart.
        AlertCase c = redCase();
        c.alerts = {*alert};
        m_pane->showCase(c);
        QCOMPARE(find<QLabel>(QStringLiteral("alertReason0"))->text(),
                 QStringLiteral("Puls 190\nValue beyond a limit"));
        QCOMPARE(pointsOf(chart("systolic"), QStringLiteral("series_systolic")).size(), 3);
        // The alert's own reading stamped years ahead of this clock: the window stays at now.
        c.measurements.first().at = kNow + 3000 * kDay;
        m_pane->showCase(c);
        auto *axis = qobject_cast<QDateTimeAxis *>(chart("systolic")->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(axis->max().toMSecsSinceEpoch() <= kNow + kDay);
        for (const QPointF &point : pointsOf(chart("systolic"), QStringLiteral("series_systolic")))
            QVERIFY(point.x() < double(kNow + kDay));
    }

    void handledNeedsANote()
    {
        m_pane->showCase(redCase());
        auto *handled = find<QPushButton>(QStringLiteral("alertHandledButton"));
        QSignalSpy spy(m_pane.get(), &AlertPane::handled);

        // Accepted without a note (as a queued test answer does): refused, nothing sent.
        bool okWasDisabled = false;
        m_pane->setDialogRunner([&](QDialog &dialog) {
            okWasDisabled = !dialog.findChild<QPushButton *>(QStringLiteral("processOk"))->isEnabled();
            return int(QDialog::Accepted);
        });
        QTest::mouseClick(handled, Qt::LeftButton);
        QVERIFY(okWasDisabled);
        QCOMPARE(m_sink->writes.size(), 0);
        QCOMPARE(spy.size(), 0);
        QVERIFY(find<QLabel>(QStringLiteral("alertStatus"))->text().contains(QStringLiteral("note")));

        // Cancelled: nothing.
        m_pane->setDialogRunner([](QDialog &) { return int(QDialog::Rejected); });
        m_pane->markHandled();
        QCOMPARE(m_sink->writes.size(), 0);

        // With a note: POST /items/{id}/close {"note"}.
        m_pane->setDialogRunner([](QDialog &dialog) {
            dialog.findChild<QPlainTextEdit *>(QStringLiteral("processNote"))
                ->setPlainText(QStringLiteral("  Ringt patienten, ny mätning i kväll.  "));
            return int(QDialog::Accepted);
        });
        QTest::mouseClick(handled, Qt::LeftButton);
        QCOMPARE(m_sink->writes.size(), 1);
        const sync::PendingWrite write = m_sink->writes.first();
        QCOMPARE(write.method, QStringLiteral("POST"));
        QCOMPARE(write.path, QStringLiteral("/api/v1/items/item-a1/close"));
        QCOMPARE(write.itemId, QStringLiteral("item-a1"));
        QCOMPARE(write.createdAt, kNow);
        QVERIFY(!write.id.isEmpty());
        QCOMPARE(RecordingSink::body(write),
                 (QJsonObject{{QStringLiteral("note"), QStringLiteral("Ringt patienten, ny mätning i kväll.")}}));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().at(1).toString(), write.id); // the host follows the write
        // Sent, not yet done: the server may still refuse it.
        QCOMPARE(find<QLabel>(QStringLiteral("alertStatus"))->text(),
                 QStringLiteral("Sending: the alert is marked as handled…"));

        // Sync hands in a closed item while the dialog is open: dropped, and the actions are off.
        m_pane->setDialogRunner([this](QDialog &dialog) {
            AlertCase closed = redCase();
            closed.done = true;
            m_pane->showCase(closed);
            dialog.findChild<QPlainTextEdit *>(QStringLiteral("processNote"))->setPlainText(QStringLiteral("x"));
            return int(QDialog::Accepted);
        });
        m_pane->markHandled();
        QCOMPARE(m_sink->writes.size(), 1);
        QVERIFY(!handled->isEnabled());
        QVERIFY(!find<QPushButton>(QStringLiteral("escalateButton"))->isEnabled());
        QVERIFY(find<QPushButton>(QStringLiteral("contactPatientButton"))->isEnabled());
    }

    void escalateOffersOnlyGpsOfTheUnit()
    {
        m_pane->showCase(redCase());
        QSignalSpy spy(m_pane.get(), &AlertPane::escalated);
        QStringList listed;
        m_pane->setDialogRunner([&listed](QDialog &dialog) {
            auto *list = dialog.findChild<QListWidget *>(QStringLiteral("gpList"));
            for (int i = 0; i < list->count(); ++i)
                listed.append(list->item(i)->text());
            static_cast<EscalateDialog &>(dialog).selectStaff(QStringLiteral("s-cecilia"));
            dialog.findChild<QPlainTextEdit *>(QStringLiteral("escalateNote"))
                ->setPlainText(QStringLiteral("Bedöm medicineringen."));
            return int(QDialog::Accepted);
        });
        QTest::mouseClick(find<QPushButton>(QStringLiteral("escalateButton")), Qt::LeftButton);
        QCOMPARE(listed, (QStringList{QStringLiteral("Bo Berg"), QStringLiteral("Cecilia Ek")}));
        QCOMPARE(m_sink->writes.size(), 1);
        QCOMPARE(m_sink->writes.first().path, QStringLiteral("/api/v1/items/item-a1/escalate"));
        QCOMPARE(m_sink->writes.first().itemId, QStringLiteral("item-a1"));
        QCOMPARE(RecordingSink::body(m_sink->writes.first()),
                 (QJsonObject{{QStringLiteral("staffId"), QStringLiteral("s-cecilia")},
                              {QStringLiteral("note"), QStringLiteral("Bedöm medicineringen.")}}));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().at(1).toString(), QStringLiteral("s-cecilia"));
        QCOMPARE(spy.first().at(2).toString(), m_sink->writes.first().id);
        QCOMPARE(find<QLabel>(QStringLiteral("alertStatus"))->text(),
                 QStringLiteral("Sending: the alert is escalated to Cecilia Ek…"));

        // Without a note: no "note" at all. Without a choice: nothing sent.
        m_pane->setDialogRunner([](QDialog &dialog) {
            static_cast<EscalateDialog &>(dialog).selectStaff(QStringLiteral("s-bo"));
            return int(QDialog::Accepted);
        });
        m_pane->escalate();
        QCOMPARE(RecordingSink::body(m_sink->writes.last()),
                 (QJsonObject{{QStringLiteral("staffId"), QStringLiteral("s-bo")}}));
        bool okWasDisabled = false;
        m_pane->setDialogRunner([&okWasDisabled](QDialog &dialog) {
            okWasDisabled = !dialog.findChild<QPushButton *>(QStringLiteral("escalateOk"))->isEnabled();
            return int(QDialog::Accepted);
        });
        m_pane->escalate();
        QVERIFY(okWasDisabled);
        QCOMPARE(m_sink->writes.size(), 2);

        // No GP in the unit: said so, no dialog.
        AlertCase noGp = redCase();
        noGp.unitId = QStringLiteral("unit-9");
        m_pane->showCase(noGp);
        bool asked = false;
        m_pane->setDialogRunner([&asked](QDialog &) {
            asked = true;
            return int(QDialog::Rejected);
        });
        m_pane->escalate();
        QVERIFY(!asked);
        QVERIFY(find<QLabel>(QStringLiteral("alertStatus"))->text().contains(QStringLiteral("no GP")));
        QCOMPARE(m_sink->writes.size(), 2);
    }

    void contactAndPlanAreSignals()
    {
        m_pane->showCase(redCase());
        QSignalSpy contact(m_pane.get(), &AlertPane::contactPatient);
        QSignalSpy plan(m_pane.get(), &AlertPane::planRequested);
        QTest::mouseClick(find<QPushButton>(QStringLiteral("contactPatientButton")), Qt::LeftButton);
        QCOMPARE(contact.size(), 1);
        QCOMPARE(contact.first().at(0).toString(), QStringLiteral("p1"));
        QTest::mouseClick(find<QPushButton>(QStringLiteral("monitoringPlanButton")), Qt::LeftButton);
        QCOMPARE(plan.size(), 1);
        QCOMPARE(plan.first().at(0).toString(), QStringLiteral("p1"));

        // From the keyboard.
        m_pane->show();
        m_pane->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_pane.get()));
        QTest::keyClick(m_pane.get(), Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(contact.size(), 2);
        QCOMPARE(m_sink->writes.size(), 0);
    }

    void shortcutsDifferFromTheVideoPane()
    {
        test::FakeMediaDevices devices;
        video::VideoPane video(devices, *m_sink, m_clock);
        QSet<QKeySequence> videoKeys;
        for (QAction *action : video.shortcutActions())
            videoKeys.insert(action->shortcut());
        QCOMPARE(m_pane->shortcutActions().size(), 4);
        QSet<QKeySequence> mine;
        for (QAction *action : m_pane->shortcutActions()) {
            QVERIFY(!action->shortcut().isEmpty());
            QVERIFY2(!videoKeys.contains(action->shortcut()), qPrintable(action->shortcut().toString()));
            mine.insert(action->shortcut());
        }
        QCOMPARE(mine.size(), 4);
    }

    void hostFollowsTheItemFromTheStore()
    {
        workstation::InboxStore store;
        store.setPatients(
            {{QStringLiteral("p1"), {QStringLiteral("Tolvan Tolvansson"), QStringLiteral("19121212-1212")}}});
        store.setStaff({{QStringLiteral("s-bo"),
                         QStringLiteral("bo"),
                         QStringLiteral("Bo Berg"),
                         QStringLiteral("gp"),
                         {QStringLiteral("unit-1")}}});
        inbox::InboxItem alert
            = test::makeItem(QStringLiteral("item-a1"), inbox::Priority::Asap, kNow - kDay, inbox::Kind::Alert);
        alert.patientId = QStringLiteral("p1");
        alert.title = QStringLiteral("Blodtryck 182/95 mmHg – röd gräns");
        inbox::InboxItem chat = test::makeItem(QStringLiteral("item-c1"), inbox::Priority::Routine, kNow - kDay);
        chat.patientId = QStringLiteral("p1");
        store.reset({alert, chat});
        QList<sync::CachedRecord> records;
        for (const QJsonObject &json : historyJson())
            records.append({QStringLiteral("measurement"), json.value(QStringLiteral("id")).toString(), 1, json});
        // An alert from before "measurementType": the type comes from its measurement.
        records.append({QStringLiteral("alert"), QStringLiteral("a1"), 1,
                        alertJson(QStringLiteral("a1"), QStringLiteral("red"),
                                  QStringLiteral("Systoliskt … (röd gräns)"), QStringLiteral("m1"), QString())});
        store.upsertRecords(records);

        QWidget window;
        workstation::WorkstationContext context;
        context.store = &store;
        context.sink = m_sink.get();
        context.clock = &m_clock;
        workstation::MonitoringHost host(context, &window);
        QCOMPARE(host.pane(), static_cast<QWidget *>(host.alertPane()));
        QVERIFY(host.showItem(QStringLiteral("item-a1")));
        const AlertPane *pane = host.alertPane();
        QCOMPARE(pane->shownCase().alerts.size(), 1);
        QCOMPARE(pane->shownCase().measurementType(), std::optional(MeasurementType::BloodPressure));
        QCOMPARE(pane->shownCase().patientText, QStringLiteral("Tolvan Tolvansson, 19121212-1212"));
        auto *systolic = pane->findChild<QChartView *>(QStringLiteral("chart_systolic"));
        QVERIFY(systolic);
        QCOMPARE(pointsOf(systolic, QStringLiteral("series_systolic")).size(), 3);

        // A new measurement of this patient is synced: the pane follows.
        const QJsonObject m4
            = measurementJson(QStringLiteral("m4"), QStringLiteral("bloodPressure"), {141, 86}, kNow - 3600 * 1000);
        store.upsertRecords({{QStringLiteral("measurement"), QStringLiteral("m4"), 1, m4}});
        systolic = pane->findChild<QChartView *>(QStringLiteral("chart_systolic"));
        QCOMPARE(pointsOf(systolic, QStringLiteral("series_systolic")).size(), 4);
        // The patient's plan arrives: its override is drawn.
        const QJsonObject planRecord{{QStringLiteral("id"), QStringLiteral("p1")},
                                     {QStringLiteral("version"), 1},
                                     {QStringLiteral("patientId"), QStringLiteral("p1")},
                                     {QStringLiteral("unitId"), QStringLiteral("unit-1")},
                                     {QStringLiteral("plan"),
                                      QJsonDocument::fromJson(R"({"startAt": "2025-11-01T08:00:00Z",
                 "measurements": [{"type": "bloodPressure", "period": 1, "periodUnit": "d"}],
                 "thresholds": {"systolic": {"red": {"high": {"op": ">=", "value": 175}}}}})")
                                          .object()}};
        store.upsertRecords({{QStringLiteral("monitoring_plan"), QStringLiteral("p1"), 1, planRecord}});
        systolic = pane->findChild<QChartView *>(QStringLiteral("chart_systolic"));
        QCOMPARE(bandOf(systolic, QStringLiteral("band_red_high"))->first, 175.0);

        // The item is closed by a colleague: the actions go off.
        alert.state = inbox::State::Done;
        alert.updatedAt += 1000;
        alert.version += 1;
        store.upsert({alert});
        QVERIFY(!pane->findChild<QPushButton *>(QStringLiteral("alertHandledButton"))->isEnabled());

        // Contact is forwarded; a chat item is not the pane's.
        QSignalSpy contact(&host, &workstation::MonitoringHost::contactPatient);
        QTest::mouseClick(pane->findChild<QPushButton *>(QStringLiteral("contactPatientButton")), Qt::LeftButton);
        QCOMPARE(contact.size(), 1);
        QCOMPARE(contact.first().at(0).toString(), QStringLiteral("p1"));
        QVERIFY(!host.showItem(QStringLiteral("item-c1")));
        QVERIFY(pane->itemId().isEmpty());
        QVERIFY(pane->findChildren<QChartView *>().isEmpty());

        // The plan editor runs through Dialogs (answered here: cancelled), nothing sent.
        workstation::Dialogs::setNextAnswer(false);
        host.editPlan(QStringLiteral("p1"));
        QCOMPARE(m_sink->writes.size(), 0);
    }
};

QTEST_MAIN(TestAlertPane)
#include "tst_alertpane.moc"
