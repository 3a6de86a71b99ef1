#pragma once

#include "foundation/core/error.h"
#include "workstation/ui/workstationcontext.h"

#include <QHash>
#include <QObject>
#include <QString>

class QWidget;

namespace nara::monitoring {
class AlertPane;
struct AlertCase;
} // namespace nara::monitoring

namespace nara::workstation {

// The main window's self-monitoring (issue 4): the alert pane for items of kind alert, kept
// current from the store's records (the item's alerts, the patient's measurements and plan, the
// staff to escalate to), and the monitoring plan editor. The window shows the pane, says the
// messages in its status bar and opens the patient's chat on contactPatient. A write made here
// (handled, escalated, plan saved or ended) is said as being sent, then as done when the server
// took it, or as not done and why when the server refused it.
class MonitoringHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitoringHost)
public:
    // `window` parents the pane and the dialogs; the context's store, sink and clock outlive this.
    MonitoringHost(const WorkstationContext &context, QWidget *window);
    ~MonitoringHost() override;

    QWidget *pane() const; // the alert pane for the detail stack
    // The item the window now shows: true for alert items (the pane shows it and follows it),
    // false otherwise (the pane is cleared).
    bool showItem(const QString &itemId);
    // The monitoring plan editor for that patient (their monitoring_plan record, or a suggestion).
    void editPlan(const QString &patientId);

    monitoring::AlertPane *alertPane() const { return m_pane; }
    // What the pane shows for `itemId`, from the store (public for tests).
    monitoring::AlertCase alertCase(const QString &itemId) const;

    // The sync engine's final word on a write: said when it was one of this host's.
    void writeDelivered(const QString &writeId);
    void writeRejected(const QString &writeId, const nara::Error &error);

Q_SIGNALS:
    void message(const QString &text, int timeoutMs);
    void contactPatient(const QString &patientId);

private:
    enum class Write { Handled, Escalation, PlanSave, PlanEnd };
    struct SentWrite
    {
        Write kind = Write::Handled;
        QString itemId; // Handled, Escalation
        QString patientId; // PlanSave, PlanEnd
        QString staffName; // Escalation: the GP
    };
    void refreshPane();
    bool concernsShown(const QString &entity, const QStringList &ids) const;
    void sent(const QString &writeId, const SentWrite &write);
    // In the status bar, and in the pane while it shows the write's alert or patient.
    void say(const SentWrite &write, const QString &text, int timeoutMs);
    static QString refusalText(const SentWrite &write, const nara::Error &error);

    WorkstationContext m_context;
    QWidget *m_window = nullptr;
    monitoring::AlertPane *m_pane = nullptr;
    QString m_shownItemId;
    QHash<QString, SentWrite> m_writes; // by write id: submitted here, not yet answered
};

} // namespace nara::workstation
