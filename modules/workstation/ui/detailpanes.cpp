#include "workstation/ui/detailpanes.h"

#include "forms/ui/formresponsepane.h"
#include "monitoring/ui/alertpane.h"
#include "referrals/ui/referralpane.h"
#include "video/ui/videopane.h"
#include "workstation/ui/formshost.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/itemdetailpane.h"
#include "workstation/ui/monitoringhost.h"
#include "workstation/ui/referralshost.h"
#include "workstation/ui/videovisithost.h"

#include <QStackedWidget>

namespace nara::workstation {

DetailPanes::DetailPanes(const WorkstationContext &context, ItemCommands &commands, QWidget *window)
    : QObject(window)
    , m_context(context)
{
    m_chat = new ItemDetailPane(*m_context.store, window);
    m_video = new VideoVisitHost(m_context, window);
    m_forms = new FormsHost(m_context, commands, window);
    m_monitoring = new MonitoringHost(m_context, window);
    m_referrals = new ReferralsHost(m_context, window);
    m_stack = new QStackedWidget(window);
    m_stack->setObjectName(QStringLiteral("detailStack"));
    for (QWidget *pane : std::initializer_list<QWidget *>{m_chat, m_video->pane(), m_forms->pane(),
                                                          m_monitoring->pane(), m_referrals->pane()})
        m_stack->addWidget(pane);

    connect(m_video, &VideoVisitHost::message, this, &DetailPanes::message);
    connect(m_forms, &FormsHost::message, this, &DetailPanes::message);
    connect(m_monitoring, &MonitoringHost::message, this, &DetailPanes::message);
    connect(m_referrals, &ReferralsHost::message, this, &DetailPanes::message);
    connect(m_forms, &FormsHost::contactPatient, this, &DetailPanes::contactPatient);
    connect(m_monitoring, &MonitoringHost::contactPatient, this, &DetailPanes::contactPatient);
}

DetailPanes::~DetailPanes() = default;

void DetailPanes::show(const QString &itemId)
{
    // Every host hears of the change (the others clear their pane); no reply goes to an item
    // shown in a pane of its own.
    const bool video = m_video->showItem(itemId);
    const bool form = m_forms->showItem(itemId);
    const bool alert = m_monitoring->showItem(itemId);
    const bool referral = m_referrals->showItem(itemId);
    m_chat->showItem(video || form || alert || referral ? QString() : itemId);
    if (video)
        m_stack->setCurrentWidget(m_video->pane());
    else if (form)
        m_stack->setCurrentWidget(m_forms->pane());
    else if (alert)
        m_stack->setCurrentWidget(m_monitoring->pane());
    else if (referral)
        m_stack->setCurrentWidget(m_referrals->pane());
    else
        m_stack->setCurrentWidget(m_chat);
}

QList<QAction *> DetailPanes::shortcutActions() const
{
    return m_video->pane()->shortcutActions() + m_forms->pane()->shortcutActions()
        + m_monitoring->alertPane()->shortcutActions() + m_referrals->pane()->shortcutActions();
}

QString DetailPanes::openChatOf(const QString &patientId) const
{
    if (patientId.isEmpty())
        return {};
    const InboxStore &store = *m_context.store;
    const inbox::InboxItem *best = nullptr;
    for (int row = 0; row < store.count(); ++row) {
        const inbox::InboxItem &item = store.row(row).item;
        if (item.kind == inbox::Kind::Chat && item.patientId == patientId && item.state != inbox::State::Done
            && (!best || item.lastActivityAt > best->lastActivityAt))
            best = &item;
    }
    return best ? best->id : QString();
}

void DetailPanes::writeDelivered(const QString &writeId)
{
    m_forms->writeDelivered(writeId);
    m_monitoring->writeDelivered(writeId);
    m_referrals->writeDelivered(writeId);
}

void DetailPanes::writeRejected(const QString &writeId, const Error &error)
{
    // The video pane hears of its own from the sync bridge.
    m_forms->writeRejected(writeId, error.message);
    m_monitoring->writeRejected(writeId, error);
    m_referrals->writeRejected(writeId, error);
}

} // namespace nara::workstation
