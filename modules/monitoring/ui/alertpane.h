#pragma once

#include "monitoring/core/monitoringplan.h"
#include "monitoring/ui/escalatedialog.h"
#include "monitoring/ui/monitoringcommands.h"
#include "monitoring/ui/monitoringrecords.h"

#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QDialog;
class QGridLayout;
class QLabel;
class QPushButton;
class QTableWidget;

namespace nara {
class Clock;
}
namespace nara::sync {
class WriteSink;
}

namespace nara::monitoring {

class MeasurementHistoryChart;

// Everything the alert pane shows about one inbox item of kind alert; the host fills it from its
// cache, again whenever any of it changes.
struct AlertCase
{
    QString itemId;
    QString itemTitle;
    QString unitId; // the item's care unit: escalation goes to a GP of it
    QString patientId;
    QString patientText; // "Name, YYYYMMDD-NNNN"
    bool done = false; // the item is closed: nothing to handle or escalate
    QList<AlertRecord> alerts; // the alerts of the item
    QList<MeasurementRecord> measurements; // the patient's, of every type
    std::optional<MonitoringPlan> plan; // the patient's plan; none: the default thresholds
    QList<StaffChoice> staff; // colleagues (escalation picks the GPs of the unit among them)

    // The measurement type the alert is about: the alert's measurementType, else that of its
    // measurement; nothing for a remark without values (or an overdue alert from an older server).
    std::optional<MeasurementType> measurementType() const;
    // The measurement the alert was raised for, if any (the first alert that names one).
    QString measurementId() const;
};

// The detail pane of an `alert` inbox item (issue 4): the patient, the alert(s) with severity in
// words and colour and the reason, the history of the measurement over the last 30 days with the
// thresholds (MeasurementHistoryChart), the latest measurements as a table, and what the
// clinician does: mark it handled (with a note), escalate to a GP of the unit, contact the patient,
// open the monitoring plan. Writes go to the outbox: the host hears of them (handled, escalated)
// and says whether the server took them. Dialogs run through the host's runner (the workstation's
// Dialogs::run, so tests answer them). Sync may hand a new case in while a dialog is open: what
// the dialog asked for is then dropped, never applied to another item.
class AlertPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertPane)
public:
    using DialogRunner = std::function<int(QDialog &)>;

    static constexpr int kHistoryDays = 30;
    static constexpr int kLatestRows = 10;

    AlertPane(sync::WriteSink &sink, const Clock &clock, QWidget *parent = nullptr);
    ~AlertPane() override;

    void setDialogRunner(DialogRunner runner) { m_runner = std::move(runner); }
    // Shows the case (an empty itemId clears the pane).
    void showCase(const AlertCase &alertCase);
    const AlertCase &shownCase() const { return m_case; }
    QString itemId() const { return m_case.itemId; }

    // Says `text` under the buttons while the pane shows `itemId` (the host's word on a write).
    void showStatus(const QString &itemId, const QString &text);

    // The pane's keyboard actions (for the shortcut help).
    QList<QAction *> shortcutActions() const { return m_actions; }

    // The flows behind the buttons.
    void markHandled();
    void escalate();
    void contact();
    void openPlan();

    // "12 Nov 08:15" (local time).
    static QString timeText(qint64 ms);
    static QString sourceText(const QString &source);
    static QString severityText(Tier severity);
    static QString kindText(AlertKind kind);

Q_SIGNALS:
    // A write went to the outbox (`writeId`): the server has not answered yet.
    void handled(const QString &itemId, const QString &writeId);
    void escalated(const QString &itemId, const QString &staffId, const QString &writeId);
    void contactPatient(const QString &patientId);
    void planRequested(const QString &patientId);

private:
    QPushButton *addButton(const QString &name, const QString &text, const QKeySequence &key,
                           void (AlertPane::*slot)());
    void update();
    void fillAlerts();
    void fillLatest(const std::optional<MeasurementType> &type);
    int runDialog(QDialog &dialog);
    bool stillShows(const QString &itemId);

    MonitoringCommands m_commands;
    const Clock &m_clock;
    DialogRunner m_runner;
    AlertCase m_case;
    QLabel *m_header = nullptr;
    QLabel *m_patient = nullptr;
    QWidget *m_alertBox = nullptr;
    QGridLayout *m_alertLayout = nullptr;
    MeasurementHistoryChart *m_chart = nullptr;
    QTableWidget *m_latest = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_handled = nullptr;
    QPushButton *m_escalate = nullptr;
    QPushButton *m_contact = nullptr;
    QPushButton *m_plan = nullptr;
    QList<QAction *> m_actions;
};

} // namespace nara::monitoring
