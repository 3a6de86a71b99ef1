#include "workstation/ui/monitoringhost.h"

#include "monitoring/ui/alertpane.h"
#include "monitoring/ui/planeditordialog.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/inboxstore.h"

namespace nara::workstation {

namespace {

const QString kAlert = QStringLiteral("alert");
const QString kMeasurement = QStringLiteral("measurement");
const QString kPlan = QStringLiteral("monitoring_plan");

QString patientText(const InboxStore &store, const QString &patientId)
{
    const PatientInfo patient = store.patient(patientId);
    return patient.name.isEmpty() ? QString() : patient.name % u", " % patient.personalNumber;
}

} // namespace

MonitoringHost::MonitoringHost(const WorkstationContext &context, QWidget *window)
    : QObject(window)
    , m_context(context)
    , m_window(window)
{
    Q_ASSERT(m_context.store && m_context.sink && m_context.clock);
    m_pane = new monitoring::AlertPane(*m_context.sink, *m_context.clock, window);
    m_pane->setDialogRunner(&Dialogs::run);
    connect(m_pane, &monitoring::AlertPane::contactPatient, this, &MonitoringHost::contactPatient);
    connect(m_pane, &monitoring::AlertPane::planRequested, this, &MonitoringHost::editPlan);
    connect(m_pane, &monitoring::AlertPane::handled, this,
            [this] { Q_EMIT message(tr("The alert is marked as handled."), 5000); });
    connect(m_pane, &monitoring::AlertPane::escalated, this, [this](const QString &, const QString &staffId) {
        Q_EMIT message(tr("The alert is escalated to %1.").arg(m_context.store->staffName(staffId)), 5000);
    });

    // The pane follows its item (closed meanwhile), its records and the staff directory.
    m_context.store->followShownItem(
        this, [this] { return m_shownItemId; },
        [this](const QString &entity, const QStringList &ids) { return concernsShown(entity, ids); },
        [this] { refreshPane(); });
}

MonitoringHost::~MonitoringHost() = default;

QWidget *MonitoringHost::pane() const
{
    return m_pane;
}

bool MonitoringHost::concernsShown(const QString &entity, const QStringList &ids) const
{
    if (m_pane->itemId().isEmpty() || (entity != kAlert && entity != kMeasurement && entity != kPlan))
        return false;
    const QString patientId = m_pane->shownCase().patientId;
    for (const QString &id : ids) {
        const QJsonObject record = m_context.store->record(entity, id);
        if (entity == kAlert && record.value(QStringLiteral("itemId")).toString() == m_shownItemId)
            return true;
        if (!patientId.isEmpty() && record.value(QStringLiteral("patientId")).toString() == patientId)
            return true;
    }
    return false;
}

monitoring::AlertCase MonitoringHost::alertCase(const QString &itemId) const
{
    monitoring::AlertCase alertCase;
    const InboxStore &store = *m_context.store;
    const inbox::InboxItem *item = store.item(itemId);
    if (!item || item->kind != inbox::Kind::Alert)
        return alertCase;
    alertCase.itemId = item->id;
    alertCase.itemTitle = item->title;
    alertCase.unitId = item->unitId;
    alertCase.patientId = item->patientId;
    alertCase.patientText = patientText(store, item->patientId);
    alertCase.done = item->state == inbox::State::Done;
    // An alert item always has a patient; without one there is nothing of theirs to look up (an
    // empty patient id would select every record).
    if (item->patientId.isEmpty())
        return alertCase;
    for (const QJsonObject &json : store.records(kAlert, item->patientId)) {
        if (json.value(QStringLiteral("itemId")).toString() != item->id)
            continue;
        if (auto alert = monitoring::AlertRecord::fromJson(json))
            alertCase.alerts.append(*alert);
    }
    for (const QJsonObject &json : store.records(kMeasurement, item->patientId)) {
        if (auto measurement = monitoring::MeasurementRecord::fromJson(json))
            alertCase.measurements.append(*measurement);
    }
    if (const auto plan = monitoring::PlanRecord::fromJson(store.record(kPlan, item->patientId)))
        alertCase.plan = plan->plan;
    for (const StaffInfo &member : store.staff())
        alertCase.staff.append({member.id, member.displayName, member.role, member.unitIds});
    return alertCase;
}

bool MonitoringHost::showItem(const QString &itemId)
{
    m_shownItemId = itemId;
    const inbox::InboxItem *item = m_context.store->item(itemId);
    const bool isAlert = item && item->kind == inbox::Kind::Alert;
    m_pane->showCase(isAlert ? alertCase(itemId) : monitoring::AlertCase{});
    return isAlert;
}

void MonitoringHost::refreshPane()
{
    const inbox::InboxItem *item = m_context.store->item(m_shownItemId);
    if (!item || item->kind != inbox::Kind::Alert) {
        if (!m_pane->itemId().isEmpty())
            m_pane->showCase({}); // gone with a re-sync
        return;
    }
    m_pane->showCase(alertCase(m_shownItemId));
}

void MonitoringHost::editPlan(const QString &patientId)
{
    if (patientId.isEmpty())
        return;
    monitoring::PlanEditorDialog dialog(patientId, patientText(*m_context.store, patientId),
                                        m_context.store->record(kPlan, patientId), *m_context.sink, *m_context.clock,
                                        m_window);
    dialog.setConfirmer(
        [this](const QString &title, const QString &text) { return Dialogs::confirm(m_window, title, text); });
    Dialogs::run(dialog);
    switch (dialog.outcome()) {
    case monitoring::PlanEditorDialog::Outcome::Saved: Q_EMIT message(tr("The monitoring plan is saved."), 5000); break;
    case monitoring::PlanEditorDialog::Outcome::Ended: Q_EMIT message(tr("The monitoring is ended."), 5000); break;
    case monitoring::PlanEditorDialog::Outcome::None: break;
    }
}

} // namespace nara::workstation
