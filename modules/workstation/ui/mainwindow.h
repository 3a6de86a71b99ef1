#pragma once

#include "inbox/core/inboxitem.h"
#include "sync/core/pendingwrite.h"
#include "workstation/ui/workstationcontext.h"

#include <QMainWindow>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSystemTrayIcon;
class QSortFilterProxyModel;
class QTableView;

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
        ShortcutHelp,
        Quit,
    };

    explicit MainWindow(WorkstationContext context, QWidget *parent = nullptr);
    ~MainWindow() override;

    QAction *action(Action which) const;
    QList<QAction *> shortcutActions() const;
    InboxModel *inboxModel() const { return m_model; }
    ItemCommands *commands() const { return m_commands; }
    QTableView *inboxView() const { return m_view; }
    ItemDetailPane *detailPane() const { return m_detail; }
    // Selects and opens an item; false when the filters hide it.
    bool openItem(const QString &itemId);
    QString currentItemId() const;
    QStringList selectedItemIds() const;

public Q_SLOTS:
    void setSyncState(nara::sync::SyncState state, int queuedWrites);
    void showShortcutHelp();

Q_SIGNALS:
    // A portal invitation was created for the current item's patient (the link is also shown).
    void invitationCreated(const QString &url);
    // A stat or asap item arrived after start (the tray also says so when there is one).
    void urgentItemArrived(const QString &itemId, const QString &title);

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
    ItemDetailPane *m_detail = nullptr;
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
