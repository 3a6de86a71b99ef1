#include "workstation/ui/formshost.h"

#include "forms/ui/formrequests.h"
#include "forms/ui/formresponsepane.h"
#include "forms/ui/sendformdialog.h"
#include "foundation/core/clock.h"
#include "foundation/core/ids.h"
#include "foundation/core/json.h"
#include "monitoring/ui/escalatedialog.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/itemcommands.h"

#include <QUrl>

namespace nara::workstation {

namespace {

const QString kRequest = QStringLiteral("form_request");
const QString kResponse = QStringLiteral("form_response");
constexpr int kMaxNoteLength = 4000; // the escalate route's limit (docs/api/contract.md)

} // namespace

FormsHost::FormsHost(const WorkstationContext &context, ItemCommands &commands, QWidget *window)
    : QObject(window)
    , m_context(context)
    , m_commands(commands)
    , m_window(window)
{
    Q_ASSERT(m_context.store && m_context.sink && m_context.clock);
    if (!m_context.serverUrl.isEmpty() && !m_context.token.isEmpty())
        m_requests = new forms::FormRequests(QUrl(m_context.serverUrl), m_context.token, this);
    m_pane = new forms::FormResponsePane(window);
    connect(m_pane, &forms::FormResponsePane::closeRequested, this, &FormsHost::closeWithNote);
    connect(m_pane, &forms::FormResponsePane::escalateRequested, this, &FormsHost::escalate);
    connect(m_pane, &forms::FormResponsePane::contactPatientRequested, this, &FormsHost::contactPatient);

    // The pane follows its item (claimed, closed), its records and the names of the staff.
    m_context.store->followShownItem(
        this, [this] { return m_shownItemId; },
        [this](const QString &entity, const QStringList &ids) { return concernsShown(entity, ids); },
        [this] { refreshPane(); });
}

FormsHost::~FormsHost() = default;

forms::FormItemView FormsHost::formView(const QString &itemId) const
{
    forms::FormItemView view;
    const InboxStore &store = *m_context.store;
    const inbox::InboxItem *item = store.item(itemId);
    if (!item || item->kind != inbox::Kind::Form)
        return view;
    view.itemId = item->id;
    view.itemTitle = item->title;
    view.patientId = item->patientId;
    const PatientInfo patient = store.patient(item->patientId);
    view.patientText = patient.name.isEmpty() ? QString() : patient.name % u", " % patient.personalNumber;
    view.itemOpen = item->state != inbox::State::Done;
    // A form item always has a patient; without one there is nothing of theirs to look up (an
    // empty patient id would select every record).
    if (item->patientId.isEmpty())
        return view;
    view.patientResponses = store.records(kResponse, item->patientId);
    for (const QJsonObject &response : std::as_const(view.patientResponses)) {
        if (response.value(u"itemId").toString() == item->id
            && response.value(u"authoredAt").toInteger() >= view.response.value(u"authoredAt").toInteger())
            view.response = response; // the newest answer the item took
    }
    const QString requestId = view.response.value(u"requestId").toString();
    for (const QJsonObject &request : store.records(kRequest, item->patientId)) {
        if (request.value(u"itemId").toString() == item->id
            || (!requestId.isEmpty() && request.value(u"id").toString() == requestId)) {
            view.request = request;
            if (request.value(u"id").toString() == requestId)
                break;
        }
    }
    view.sentByName = store.staffName(view.request.value(u"sentBy").toString());
    return view;
}

bool FormsHost::concernsShown(const QString &entity, const QStringList &ids) const
{
    if (m_pane->itemId().isEmpty() || (entity != kRequest && entity != kResponse))
        return false;
    for (const QString &id : ids) {
        const QJsonObject record = m_context.store->record(entity, id);
        if (record.value(u"itemId").toString() == m_shownItemId
            || record.value(u"patientId").toString() == m_pane->patientId())
            return true;
    }
    return false;
}

bool FormsHost::showItem(const QString &itemId)
{
    m_shownItemId = itemId;
    const inbox::InboxItem *item = m_context.store->item(itemId);
    const bool isForm = item && item->kind == inbox::Kind::Form;
    m_pane->showForm(isForm ? formView(itemId) : forms::FormItemView{});
    return isForm;
}

void FormsHost::refreshPane()
{
    const inbox::InboxItem *item = m_context.store->item(m_shownItemId);
    if (!item || item->kind != inbox::Kind::Form)
        return;
    m_pane->showForm(formView(m_shownItemId));
}

void FormsHost::closeWithNote(const QString &itemId)
{
    const auto note = Dialogs::askText(m_window, tr("Close with note"),
                                       tr("What was done about the answer? The note is kept with the item."), true);
    if (!note)
        return;
    // The dialog ran an event loop of its own: sync may have moved the pane to another item.
    if (m_pane->itemId() != itemId) {
        Q_EMIT message(tr("Another item was opened meanwhile: nothing was closed."), 8000);
        return;
    }
    if (m_commands.close({itemId}, note->trimmed().left(kMaxNoteLength)) > 0)
        Q_EMIT message(tr("The form is closed."), 5000);
}

void FormsHost::escalate(const QString &itemId)
{
    const inbox::InboxItem *item = m_context.store->item(itemId);
    if (!item)
        return;
    QList<monitoring::StaffChoice> staff;
    for (const StaffInfo &member : m_context.store->staff())
        staff.append({member.id, member.displayName, member.role, member.unitIds});
    const QList<monitoring::StaffChoice> gps = monitoring::EscalateDialog::gpsOf(staff, item->unitId);
    if (gps.isEmpty()) {
        Q_EMIT message(tr("There is no GP in the form's care unit to escalate to."), 8000);
        return;
    }
    // The same dialog as for alerts: one GP of the unit and an optional note.
    monitoring::EscalateDialog dialog(item->title, gps, m_window);
    if (Dialogs::run(dialog) != QDialog::Accepted)
        return;
    const QString staffId = dialog.staffId();
    if (m_pane->itemId() != itemId || staffId.isEmpty()) {
        Q_EMIT message(tr("Nothing was escalated: choose a GP for the item shown."), 8000);
        return;
    }
    QJsonObject body{{QStringLiteral("staffId"), staffId}};
    if (const QString note = dialog.note(); !note.isEmpty())
        body.insert(QStringLiteral("note"), note.left(kMaxNoteLength));
    sync::PendingWrite write;
    write.id = newId();
    write.path = u"/api/v1/items/" % itemId % u"/escalate";
    write.body = json::compact(body);
    write.itemId = itemId;
    write.createdAt = m_context.clock->nowMs();
    const QString name = m_context.store->staffName(staffId);
    m_escalations.insert(write.id, name);
    m_context.sink->submit(write);
    Q_EMIT message(tr("Sending: the escalation to %1…").arg(name), 5000);
}

void FormsHost::writeDelivered(const QString &writeId)
{
    if (const auto it = m_escalations.constFind(writeId); it != m_escalations.cend()) {
        Q_EMIT message(tr("Escalated to %1.").arg(*it), 5000);
        m_escalations.erase(it);
    }
}

void FormsHost::writeRejected(const QString &writeId, const QString &message)
{
    if (m_escalations.remove(writeId))
        Q_EMIT this->message(tr("The escalation was refused: %1").arg(message), 10'000);
}

std::unique_ptr<forms::SendFormDialog> FormsHost::createSendDialog(const QString &currentItemId)
{
    QList<forms::FormPatient> patients;
    const QHash<QString, PatientInfo> &known = m_context.store->patients();
    for (auto it = known.cbegin(); it != known.cend(); ++it)
        patients.append({it.key(), it->name, it->personalNumber});
    auto dialog = std::make_unique<forms::SendFormDialog>(std::move(patients), m_requests, *m_context.clock, m_window);
    if (const inbox::InboxItem *item = m_context.store->item(currentItemId); item && !item->patientId.isEmpty())
        dialog->selectPatient(item->patientId);
    // The new requests come with the next pull.
    connect(dialog.get(), &forms::SendFormDialog::formSent, this, [this] { m_context.sink->refresh(); });
    return dialog;
}

void FormsHost::sendForm(const QString &currentItemId)
{
    auto dialog = createSendDialog(currentItemId);
    Dialogs::run(*dialog);
    if (dialog->isSent())
        Q_EMIT message(tr("The form is sent."), 8000);
}

} // namespace nara::workstation
