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
constexpr int kSayMs = 5000;
constexpr int kRefusalMs = 0; // a refusal stays until the next message: it must not go unseen

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
    connect(m_pane, &monitoring::AlertPane::handled, this, [this](const QString &itemId, const QString &writeId) {
        sent(writeId, {Write::Handled, itemId, {}, {}});
    });
    connect(m_pane, &monitoring::AlertPane::escalated, this,
            [this](const QString &itemId, const QString &staffId, const QString &writeId) {
                sent(writeId, {Write::Escalation, itemId, {}, m_context.store->staffName(staffId)});
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
    case monitoring::PlanEditorDialog::Outcome::Saved:
        sent(dialog.writeId(), {Write::PlanSave, {}, patientId, {}});
        break;
    case monitoring::PlanEditorDialog::Outcome::Ended:
        sent(dialog.writeId(), {Write::PlanEnd, {}, patientId, {}});
        break;
    case monitoring::PlanEditorDialog::Outcome::None: break;
    }
}

void MonitoringHost::sent(const QString &writeId, const SentWrite &write)
{
    if (writeId.isEmpty())
        return;
    m_writes.insert(writeId, write);
    switch (write.kind) {
    case Write::Handled: say(write, tr("Sending: the alert is marked as handled…"), kSayMs); break;
    case Write::Escalation:
        say(write, tr("Sending: the alert is escalated to %1…").arg(write.staffName), kSayMs);
        break;
    case Write::PlanSave: say(write, tr("Sending: the monitoring plan is saved…"), kSayMs); break;
    case Write::PlanEnd: say(write, tr("Sending: the monitoring is ended…"), kSayMs); break;
    }
}

void MonitoringHost::writeDelivered(const QString &writeId)
{
    const auto it = m_writes.constFind(writeId);
    if (it == m_writes.cend())
        return;
    const SentWrite write = *it;
    m_writes.erase(it);
    switch (write.kind) {
    case Write::Handled: say(write, tr("The alert is marked as handled."), kSayMs); break;
    case Write::Escalation: say(write, tr("The alert is escalated to %1.").arg(write.staffName), kSayMs); break;
    case Write::PlanSave: say(write, tr("The monitoring plan is saved."), kSayMs); break;
    case Write::PlanEnd: say(write, tr("The monitoring is ended."), kSayMs); break;
    }
}

void MonitoringHost::writeRejected(const QString &writeId, const Error &error)
{
    const auto it = m_writes.constFind(writeId);
    if (it == m_writes.cend())
        return;
    const SentWrite write = *it;
    m_writes.erase(it);
    say(write, refusalText(write, error), kRefusalMs);
}

QString MonitoringHost::refusalText(const SentWrite &write, const Error &error)
{
    QString what;
    switch (write.kind) {
    case Write::Handled: what = tr("The alert was not marked as handled"); break;
    case Write::Escalation: what = tr("The alert was not escalated to %1").arg(write.staffName); break;
    case Write::PlanSave: what = tr("The monitoring plan was not saved"); break;
    case Write::PlanEnd: what = tr("The monitoring was not ended"); break;
    }
    const bool plan = write.kind == Write::PlanSave || write.kind == Write::PlanEnd;
    QString why;
    switch (error.code) {
    case ErrorCode::Conflict:
        if (plan) {
            why = tr("a colleague has changed the plan meanwhile – open it again");
        } else if (const QJsonValue heldBy = error.details.value(u"heldBy"); heldBy.isObject()) {
            const QString name = heldBy.toObject().value(u"displayName").toString();
            why = name.isEmpty() ? tr("a colleague is handling the item") : tr("%1 is handling the item").arg(name);
        } else {
            why = tr("the item was changed or closed meanwhile");
        }
        break;
    case ErrorCode::InvalidInput:
        if (write.kind == Write::Escalation)
            why = tr("%1 is no longer a GP of the alert's care unit").arg(write.staffName);
        break;
    case ErrorCode::NotFound:
        why = plan ? tr("the patient is no longer in your care units")
                   : tr("the alert is no longer in your care units");
        break;
    case ErrorCode::Forbidden: why = tr("you may not do this"); break;
    default: break;
    }
    if (why.isEmpty()) {
        why = error.message.trimmed(); // the server's own words
        while (why.endsWith(u'.'))
            why.chop(1);
    }
    return why.isEmpty() ? QString(what % u'.') : QString(what % u": " % why % u'.');
}

void MonitoringHost::say(const SentWrite &write, const QString &text, int timeoutMs)
{
    Q_EMIT message(text, timeoutMs);
    const bool shown = !m_pane->itemId().isEmpty()
        && (write.itemId == m_pane->itemId()
            || (!write.patientId.isEmpty() && write.patientId == m_pane->shownCase().patientId));
    if (shown)
        m_pane->showStatus(m_pane->itemId(), text);
}

} // namespace nara::workstation
