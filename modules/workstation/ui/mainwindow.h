#pragma once

#include "inbox/core/inboxitem.h"
#include "sync/core/pendingwrite.h"
#include "video/ui/mediadevices.h"
#include "workstation/ui/callsession.h"
#include "workstation/ui/detailpanes.h"
#include "workstation/ui/videovisithost.h"
#include "workstation/ui/workstationcontext.h"

#include <QMainWindow>
#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSystemTrayIcon;
class QSortFilterProxyModel;
class QTableView;

namespace nara::forms {
class FormResponsePane;
class SendFormDialog;
} // namespace nara::forms

namespace nara::workstation {

class InboxModel;
class ItemCommands;
class ItemDetailPane;
class KindFilterProxy;
class OwnershipProxy;
class PortalInvitation;
class StateFilterProxy;
class TextSearchProxy;
class UnreadOverdueProxy;

// The clinician's inbox: filters and search on top, the table on the left, the selected item's
// thread and reply box on the right, the sync state at the bottom. Keyboard first.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    enum class Action {
        Claim,
        Release,
        Assign,
        Close,
        Reopen,
        BulkClose,
        BulkAssign,
        Next,
        Previous,
        MarkRead,
        Refresh,
        Find,
        Send,
        InvitePatient,
        BookVisit,
        SendForm,
        MonitoringPlan,
        SendReferral,
        ShortcutHelp,
        Quit,
    };

    using CallRequest = CallSession::Request;
    // Set by the composition root (Workstation: nara::call::CallWindow), a fake in tests.
    using CallLauncher = CallSession::Launcher;

    explicit MainWindow(WorkstationContext context, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setCallLauncher(CallLauncher launcher);
    bool inCall() const;
    video::VideoPane *videoPane() const { return m_panes->video()->pane(); }
    video::MediaDevices &mediaDevices() const { return m_panes->video()->mediaDevices(); }
    // The booking dialog, filled from the cache (patients, colleagues) and preselecting the current
    // item's patient; the action runs it, screenshots show it.
    std::unique_ptr<video::BookVisitDialog> createBookingDialog();
    // The same for sending a form (F).
    std::unique_ptr<forms::SendFormDialog> createSendFormDialog();
    // The detail panes by kind: the form answer's and the alert's with their hosts.
    DetailPanes *detailPanes() const { return m_panes; }

    QAction *action(Action which) const;
    QList<QAction *> shortcutActions() const;
    InboxModel *inboxModel() const { return m_model; }
    ItemCommands *commands() const { return m_commands; }
    QTableView *inboxView() const { return m_view; }
    ItemDetailPane *detailPane() const { return m_panes->chatPane(); }
    // Selects and opens an item; false when the filters hide it.
    bool openItem(const QString &itemId);
    QString currentItemId() const;
    QStringList selectedItemIds() const;

public Q_SLOTS:
    void setSyncState(nara::sync::SyncState state, int queuedWrites);
    void showShortcutHelp();
    // Opens the patient's open chat item (clearing the filters that hide it), or says there is none.
    void openChat(const QString &chatId);
    void contactPatient(const QString &patientId);
    // The server finally refused a write (the panes that made it say so).
    void writeRejected(const QString &writeId, const nara::Error &error);

Q_SIGNALS:
    // A portal invitation was created for the current item's patient (the link is also shown).
    void invitationCreated(const QString &url);
    // A stat or asap item arrived after start, or a patient entered the waiting room of a visit I
    // take part in (the tray also says so when there is one). Quiet while I am in a call.
    void urgentItemArrived(const QString &itemId, const QString &title);
    // A video visit was booked from this window.
    void visitBooked(const QString &visitId, const QString &invitationUrl);
    void callStarted(const QString &visitId);
    void callFinished(const QString &visitId, const QString &outcome);

private:
    void buildToolBar();
    void buildActions();
    void buildStatusBar();
    void currentChanged(const QModelIndex &current);
    void moveSelection(int delta);
    void sendReply();
    void assignTo(const QStringList &itemIds);
    void closeItems(const QStringList &itemIds, bool confirm);
    void reopenCurrent();
    void invitePatient();
    void editMonitoringPlan();
    void showAllItems();
    void notify(const QString &itemId, const QString &heading, const QString &text);
    void updateCount();
    void notifyUrgent(const QList<nara::inbox::InboxItem> &items);
    QAction *addAction(Action which, const QString &name, const QString &text, QList<QKeySequence> keys);

    WorkstationContext m_context;
    InboxModel *m_model = nullptr;
    KindFilterProxy *m_kindProxy = nullptr;
    StateFilterProxy *m_stateProxy = nullptr;
    OwnershipProxy *m_ownershipProxy = nullptr;
    UnreadOverdueProxy *m_flagProxy = nullptr;
    QSortFilterProxyModel *m_sortProxy = nullptr; // first in the chain: sorts once
    TextSearchProxy *m_searchProxy = nullptr; // last in the chain: the view's model
    ItemCommands *m_commands = nullptr;
    PortalInvitation *m_invitation = nullptr; // null without a server
    QTableView *m_view = nullptr;
    DetailPanes *m_panes = nullptr; // the chat, video, form and alert panes, by the item's kind
    ItemDetailPane *m_detail = nullptr; // the chat pane (m_panes's)
    VideoVisitHost *m_video = nullptr; // the video pane, booking and the call (m_panes's)
    QString m_shownItemId;
    QComboBox *m_kindFilter = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QComboBox *m_ownershipFilter = nullptr;
    QCheckBox *m_unreadOnly = nullptr;
    QCheckBox *m_overdueOnly = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_syncStatus = nullptr;
    QLabel *m_count = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QHash<int, QAction *> m_actions;
};

} // namespace nara::workstation
