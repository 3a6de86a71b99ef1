#pragma once

#include "foundation/core/error.h"
#include "workstation/ui/workstationcontext.h"

#include <QList>
#include <QObject>

class QAction;
class QStackedWidget;
class QWidget;

namespace nara::workstation {

class FormsHost;
class ItemCommands;
class ItemDetailPane;
class MonitoringHost;
class ReferralsHost;
class VideoVisitHost;

// The main window's detail area: one pane per item kind in a stack (the chat pane, the video
// visit, the form answer, the alert, the referral), each kept by its host, and the one that shows the item the
// window has open. The window connects to the hosts for what is particular to them.
class DetailPanes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailPanes)
public:
    // `window` parents the panes and the dialogs; the context and the commands outlive this.
    DetailPanes(const WorkstationContext &context, ItemCommands &commands, QWidget *window);
    ~DetailPanes() override;

    QStackedWidget *stack() const { return m_stack; }
    ItemDetailPane *chatPane() const { return m_chat; }
    VideoVisitHost *video() const { return m_video; }
    FormsHost *forms() const { return m_forms; }
    MonitoringHost *monitoring() const { return m_monitoring; }
    ReferralsHost *referrals() const { return m_referrals; }

    // Shows the item in the pane of its kind (chats and the kinds without a pane of their own in
    // the chat pane, which also takes replies); empty: nothing shown.
    void show(const QString &itemId);
    // The panes' own keys, for the shortcut help (each live only while its pane is shown).
    QList<QAction *> shortcutActions() const;
    // The patient's open chat item (not done; the most recently active), or empty.
    QString openChatOf(const QString &patientId) const;
    // The sync engine's final word on a write (SyncBridge): the hosts that made it say so.
    void writeDelivered(const QString &writeId);
    void writeRejected(const QString &writeId, const nara::Error &error);

Q_SIGNALS:
    // For the window's status bar.
    void message(const QString &text, int timeoutMs);
    // A pane asks for the patient's chat.
    void contactPatient(const QString &patientId);

private:
    WorkstationContext m_context;
    QStackedWidget *m_stack = nullptr;
    ItemDetailPane *m_chat = nullptr;
    VideoVisitHost *m_video = nullptr;
    FormsHost *m_forms = nullptr;
    MonitoringHost *m_monitoring = nullptr;
    ReferralsHost *m_referrals = nullptr;
};

} // namespace nara::workstation
