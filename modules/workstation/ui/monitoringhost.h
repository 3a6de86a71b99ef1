#pragma once

#include "workstation/ui/workstationcontext.h"

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
// messages in its status bar and opens the patient's chat on contactPatient.
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

Q_SIGNALS:
    void message(const QString &text, int timeoutMs);
    void contactPatient(const QString &patientId);

private:
    void refreshPane();
    bool concernsShown(const QString &entity, const QStringList &ids) const;

    WorkstationContext m_context;
    QWidget *m_window = nullptr;
    monitoring::AlertPane *m_pane = nullptr;
    QString m_shownItemId;
};

} // namespace nara::workstation
