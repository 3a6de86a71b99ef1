#include "workstation/ui/videovisithost.h"

#include "video/core/visit.h"
#include "video/ui/bookvisitdialog.h"
#include "video/ui/qtmediadevices.h"
#include "video/ui/videopane.h"
#include "video/ui/visitbooking.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/inboxstore.h"

#include <QTimer>
#include <QUrl>

namespace nara::workstation {

namespace {

std::optional<video::Visit> visitOf(const InboxStore &store, const QString &itemId)
{
    auto visit = video::Visit::fromJson(store.visitForItem(itemId));
    return visit ? std::optional<video::Visit>(std::move(*visit)) : std::nullopt;
}

} // namespace

VideoVisitHost::VideoVisitHost(const WorkstationContext &context, QWidget *window)
    : QObject(window)
    , m_context(context)
    , m_window(window)
{
    Q_ASSERT(m_context.store && m_context.sink && m_context.clock);
    if (!m_context.serverUrl.isEmpty() && !m_context.token.isEmpty())
        m_booking = new video::VisitBooking(QUrl(m_context.serverUrl), m_context.token, this);
    m_mediaDevices = m_context.mediaDevices ? m_context.mediaDevices : new video::QtMediaDevices(this);

    m_pane = new video::VideoPane(*m_mediaDevices, *m_context.sink, *m_context.clock, window);
    m_pane->setDialogRunner(&Dialogs::run);
    m_pane->setBooking(m_booking);
    connect(m_pane, &video::VideoPane::joinRequested, this, &VideoVisitHost::startCall);
    connect(m_pane, &video::VideoPane::endSubmitted, this, [this] { Q_EMIT message(tr("The visit is ended."), 5000); });
    // Let in: the visit's new state (in the call) comes with the next pull.
    connect(m_pane, &video::VideoPane::admitted, this, [this] { m_context.sink->refresh(); });

    m_call = new CallSession(this);
    connect(m_call, &CallSession::started, this, [this](const QString &visitId) {
        m_pane->setInCall(true);
        Q_EMIT callStarted(visitId);
    });
    connect(m_call, &CallSession::finished, this, &VideoVisitHost::callEnded);

    // The pane follows its visit (a patient arriving, readiness, the end), its item and my units.
    InboxStore &store = *m_context.store;
    connect(&store, &InboxStore::visitChanged, this, [this](const QString &itemId) {
        if (itemId == m_pane->itemId())
            refreshPane();
    });
    connect(&store, &InboxStore::rowsChanged, this, [this](int first, int last) {
        const int row = m_context.store->indexOf(m_pane->itemId());
        if (row >= first && row <= last)
            refreshPane();
    });
    connect(&store, &InboxStore::staffChanged, this, &VideoVisitHost::updateStaffUnits);
    connect(&store, &InboxStore::patientStartedWaiting, this, &VideoVisitHost::notifyWaiting);
    updateStaffUnits();
}

VideoVisitHost::~VideoVisitHost() = default;

void VideoVisitHost::setCallLauncher(CallSession::Launcher launcher)
{
    m_call->setLauncher(std::move(launcher));
}

bool VideoVisitHost::inCall() const
{
    return m_call->isActive();
}

void VideoVisitHost::updateStaffUnits()
{
    // My own staff entity comes with /sync (every staff member of my units, me among them).
    for (const StaffInfo &member : m_context.store->staff()) {
        if (member.id == m_context.staffId) {
            m_pane->setStaffUnits(member.unitIds);
            return;
        }
    }
    m_pane->setStaffUnits({});
}

bool VideoVisitHost::showItem(const QString &itemId)
{
    m_shownItemId = itemId;
    const inbox::InboxItem *item = m_context.store->item(itemId);
    if (item && item->kind == inbox::Kind::Video) {
        refreshPane();
        return true;
    }
    m_pane->showVisit({}, {}, {}, std::nullopt);
    return false;
}

void VideoVisitHost::refreshPane()
{
    const inbox::InboxItem *item = m_context.store->item(m_shownItemId);
    if (!item || item->kind != inbox::Kind::Video)
        return;
    const PatientInfo patient = m_context.store->patient(item->patientId);
    const QString patientText = patient.name.isEmpty() ? QString() : patient.name % u", " % patient.personalNumber;
    m_pane->showVisit(item->id, item->title, patientText, visitOf(*m_context.store, item->id));
}

std::unique_ptr<video::BookVisitDialog> VideoVisitHost::createBookingDialog(const QString &currentItemId)
{
    QList<video::PatientChoice> patients;
    const QHash<QString, PatientInfo> &known = m_context.store->patients();
    for (auto it = known.cbegin(); it != known.cend(); ++it)
        patients.append({it.key(), it->name, it->personalNumber});
    QList<video::Colleague> colleagues;
    for (const StaffInfo &member : m_context.store->staff())
        colleagues.append({member.id, member.displayName, member.role, {}});
    auto dialog = std::make_unique<video::BookVisitDialog>(std::move(patients), std::move(colleagues), m_booking,
                                                           *m_context.clock, m_context.staffId, m_window);
    if (const inbox::InboxItem *item = m_context.store->item(currentItemId); item && !item->patientId.isEmpty())
        dialog->selectPatient(item->patientId);
    connect(dialog.get(), &video::BookVisitDialog::visitBooked, this, [this](const video::BookedVisit &visit) {
        Q_EMIT visitBooked(visit.visitId, visit.invitationUrl);
        m_context.sink->refresh(); // the new item and its visit come with the next pull
    });
    return dialog;
}

void VideoVisitHost::bookVisit(const QString &currentItemId)
{
    auto dialog = createBookingDialog(currentItemId);
    Dialogs::run(*dialog);
    if (dialog->isBooked())
        Q_EMIT message(tr("The video visit is booked."), 8000);
}

void VideoVisitHost::notifyWaiting(const QString &itemId)
{
    const auto visit = visitOf(*m_context.store, itemId);
    if (!visit || !visit->isWaiting() || !visit->hasStaff(m_context.staffId))
        return;
    const auto patient = visit->patient();
    const QString patientName = patient ? patient->name : QString();
    QString reason = visit->reason;
    if (const inbox::InboxItem *item = m_context.store->item(itemId); reason.isEmpty() && item)
        reason = item->title;
    Q_EMIT patientWaiting(itemId,
                          patientName.isEmpty() ? tr("Someone is waiting: %1").arg(reason)
                                                : tr("%1 is waiting: %2").arg(patientName, reason));
}

void VideoVisitHost::startCall(const QString &visitId, const video::DeviceChoice &devices)
{
    if (!m_call->canCall()) {
        Q_EMIT message(tr("Video calls need a connection to the server."), 8000);
        return;
    }
    const QString itemId = m_pane->itemId();
    const inbox::InboxItem *item = m_context.store->item(itemId);
    m_call->start({visitId, itemId, item ? item->title : QString(), devices});
}

void VideoVisitHost::callEnded(const QString &visitId, const QString &itemId, const QString &outcome)
{
    m_pane->setInCall(false);
    Q_EMIT callFinished(visitId, outcome);
    if (!outcome.isEmpty())
        return; // a colleague ended the visit: nothing to ask
    // After the call: what came of it (the after-call dialog), once the call window's signal is
    // done. Only for staff of the visit's unit: a participant from another unit just leaves.
    QTimer::singleShot(0, this, [this, itemId] {
        if (m_pane->itemId() != itemId && !(m_openItem && m_openItem(itemId)))
            return;
        refreshPane();
        if (m_pane->worksInVisitUnit())
            m_pane->endVisit();
    });
}

} // namespace nara::workstation
