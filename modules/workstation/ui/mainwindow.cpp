#include "workstation/ui/mainwindow.h"

#include "workstation/ui/invitationdialog.h"
#include "workstation/ui/portalinvitation.h"

#include "forms/ui/sendformdialog.h"
#include "foundation/core/clock.h"
#include "video/ui/bookvisitdialog.h"
#include "video/ui/videopane.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/formshost.h"
#include "workstation/ui/inboxfilters.h"
#include "workstation/ui/inboxmodel.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/itemcommands.h"
#include "workstation/ui/itemdetailpane.h"
#include "workstation/ui/monitoringhost.h"
#include "workstation/ui/referralshost.h"
#include "workstation/ui/shortcuthelpdialog.h"
#include "workstation/ui/writesink.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QToolBar>

namespace nara::workstation {

using inbox::State;

MainWindow::MainWindow(WorkstationContext context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(std::move(context))
{
    Q_ASSERT(m_context.store && m_context.sink && m_context.clock);
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Nära – inbox"));

    InboxStore &store = *m_context.store;
    m_model = new InboxModel(store, *m_context.clock, this);
    m_commands = new ItemCommands(store, *m_context.sink, *m_context.clock, this);
    m_commands->setCurrentStaff(m_context.staffId, m_context.staffName);
    if (!m_context.serverUrl.isEmpty() && !m_context.token.isEmpty()) {
        m_invitation = new PortalInvitation(QUrl(m_context.serverUrl), m_context.token, this);
        connect(m_invitation, &PortalInvitation::created, this, [this](const QString &url, qint64 expiresAt) {
            Q_EMIT invitationCreated(url);
            const inbox::InboxItem *item = m_context.store->item(currentItemId());
            const QString patient = item ? m_context.store->patient(item->patientId).name : QString();
            InvitationDialog dialog(patient, url, expiresAt, this);
            Dialogs::run(dialog);
        });
        connect(m_invitation, &PortalInvitation::failed, this,
                [this](const QString &message) { Dialogs::inform(this, tr("No invitation"), message); });
    }

    // Sorting first (priority, then the longest waiting), next to the model, so it happens once and
    // again only when items change; then one proxy per filter axis, each keeping that order.
    m_sortProxy = new QSortFilterProxyModel(this);
    m_sortProxy->setObjectName(QStringLiteral("inboxSortProxy"));
    m_sortProxy->setSourceModel(m_model);
    m_sortProxy->setSortRole(InboxModel::SortRole);
    m_sortProxy->setDynamicSortFilter(true);
    m_kindProxy = new KindFilterProxy(this);
    m_kindProxy->setSourceModel(m_sortProxy);
    m_stateProxy = new StateFilterProxy(this);
    m_stateProxy->setSourceModel(m_kindProxy);
    m_stateProxy->setStates(StateFilterProxy::openStates());
    m_ownershipProxy = new OwnershipProxy(this);
    m_ownershipProxy->setSourceModel(m_stateProxy);
    m_ownershipProxy->setCurrentStaff(m_context.staffId);
    m_flagProxy = new UnreadOverdueProxy(this);
    m_flagProxy->setSourceModel(m_ownershipProxy);
    m_searchProxy = new TextSearchProxy(this);
    m_searchProxy->setSourceModel(m_flagProxy);
    m_searchProxy->setSortingProxy(m_sortProxy);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("inboxView"));
    m_view->setAccessibleName(tr("Inbox"));
    m_view->setModel(m_searchProxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(InboxModel::Priority, Qt::AscendingOrder);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    // Uniform row heights: no per-row measuring at 100 000 rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(InboxModel::Title, QHeaderView::Stretch);
    const std::pair<int, int> widths[]
        = {{InboxModel::Priority, 96}, {InboxModel::Kind, 70},    {InboxModel::Patient, 200}, {InboxModel::State, 100},
           {InboxModel::Owner, 110},   {InboxModel::Waiting, 80}, {InboxModel::Due, 110},     {InboxModel::Unread, 28}};
    for (const auto &[column, width] : widths)
        m_view->setColumnWidth(column, width);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { currentChanged(current); });

    m_panes = new DetailPanes(m_context, *m_commands, this);
    m_detail = m_panes->chatPane();
    m_video = m_panes->video();
    connect(m_detail, &ItemDetailPane::sendRequested, this, &MainWindow::sendReply);
    m_video->setItemOpener([this](const QString &itemId) { return openItem(itemId); });
    connect(m_panes, &DetailPanes::message, this,
            [this](const QString &text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
    connect(m_panes, &DetailPanes::contactPatient, this, &MainWindow::contactPatient);
    connect(m_video, &VideoVisitHost::patientWaiting, this,
            [this](const QString &itemId, const QString &text) { notify(itemId, tr("Video visit"), text); });
    connect(m_video, &VideoVisitHost::visitBooked, this, &MainWindow::visitBooked);
    connect(m_video, &VideoVisitHost::callStarted, this, &MainWindow::callStarted);
    connect(m_video, &VideoVisitHost::callFinished, this, &MainWindow::callFinished);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_panes->stack());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({900, 500});
    setCentralWidget(splitter);

    buildActions();
    buildToolBar();
    buildStatusBar();

    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_searchProxy)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCount);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCount);
        connect(model, &QAbstractItemModel::modelReset, this, &MainWindow::updateCount);
        connect(model, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateCount);
    }
    connect(&store, &InboxStore::appended, this, &MainWindow::notifyUrgent);
    connect(m_commands, &ItemCommands::rejected, this, [this](const QString &, const QString &message) {
        statusBar()->showMessage(tr("The server refused a change: %1").arg(message), 10'000);
    });
    connect(m_commands, &ItemCommands::chatStarted, this, &MainWindow::openChat);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning), this);
        m_tray->setToolTip(tr("Nära"));
        m_tray->show();
    }
    updateCount();
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

QAction *MainWindow::addAction(Action which, const QString &name, const QString &text, QList<QKeySequence> keys)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WindowShortcut);
    QWidget::addAction(action);
    m_actions.insert(int(which), action);
    return action;
}

void MainWindow::buildActions()
{
    connect(addAction(Action::Claim, QStringLiteral("actionClaim"), tr("&Claim"), {Qt::Key_C}), &QAction::triggered,
            this, [this] { m_commands->claim(selectedItemIds()); });
    connect(addAction(Action::Release, QStringLiteral("actionRelease"), tr("&Release to pool"), {Qt::Key_R}),
            &QAction::triggered, this, [this] { m_commands->release(selectedItemIds()); });
    connect(addAction(Action::Assign, QStringLiteral("actionAssign"), tr("&Assign to colleague…"), {Qt::Key_A}),
            &QAction::triggered, this, [this] {
                if (!currentItemId().isEmpty())
                    assignTo({currentItemId()});
            });
    connect(addAction(Action::Close, QStringLiteral("actionClose"), tr("Clos&e"), {Qt::Key_E}), &QAction::triggered,
            this, [this] {
                if (!currentItemId().isEmpty())
                    closeItems({currentItemId()}, false);
            });
    connect(addAction(Action::Reopen, QStringLiteral("actionReopen"), tr("Re&open…"), {Qt::Key_O}), &QAction::triggered,
            this, &MainWindow::reopenCurrent);
    connect(addAction(Action::BulkClose, QStringLiteral("actionBulkClose"), tr("Close selected…"),
                      {QKeySequence(Qt::SHIFT | Qt::Key_E)}),
            &QAction::triggered, this, [this] { closeItems(selectedItemIds(), true); });
    connect(addAction(Action::BulkAssign, QStringLiteral("actionBulkAssign"), tr("Assign selected…"),
                      {QKeySequence(Qt::SHIFT | Qt::Key_A)}),
            &QAction::triggered, this, [this] { assignTo(selectedItemIds()); });
    connect(addAction(Action::Next, QStringLiteral("actionNext"), tr("Next item"), {Qt::Key_J}), &QAction::triggered,
            this, [this] { moveSelection(1); });
    connect(addAction(Action::Previous, QStringLiteral("actionPrevious"), tr("Previous item"), {Qt::Key_K}),
            &QAction::triggered, this, [this] { moveSelection(-1); });
    connect(addAction(Action::MarkRead, QStringLiteral("actionMarkRead"), tr("Mark as read"), {Qt::Key_M}),
            &QAction::triggered, this, [this] { m_commands->markRead(selectedItemIds()); });
    connect(addAction(Action::Refresh, QStringLiteral("actionRefresh"), tr("Refresh"), {Qt::Key_F5}),
            &QAction::triggered, this, [this] { m_context.sink->refresh(); });
    connect(addAction(Action::Find, QStringLiteral("actionFind"), tr("Search"), {QKeySequence::Find}),
            &QAction::triggered, this, [this] {
                m_search->setFocus(Qt::ShortcutFocusReason);
                m_search->selectAll();
            });
    connect(addAction(Action::Send, QStringLiteral("actionSend"), tr("Send reply"),
                      {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}),
            &QAction::triggered, this, &MainWindow::sendReply);
    connect(addAction(Action::InvitePatient, QStringLiteral("actionInvitePatient"),
                      tr("Invite the patient to the portal…"), {Qt::Key_I}),
            &QAction::triggered, this, &MainWindow::invitePatient);
    connect(addAction(Action::BookVisit, QStringLiteral("actionBookVisit"), tr("&Book a video visit…"), {Qt::Key_B}),
            &QAction::triggered, this, [this] { m_video->bookVisit(currentItemId()); });
    connect(addAction(Action::SendForm, QStringLiteral("actionSendForm"), tr("Send a &form…"), {Qt::Key_F}),
            &QAction::triggered, this, [this] { m_panes->forms()->sendForm(currentItemId()); });
    connect(addAction(Action::MonitoringPlan, QStringLiteral("actionMonitoringPlan"), tr("&Monitoring plan…"),
                      {QKeySequence(Qt::SHIFT | Qt::Key_M)}),
            &QAction::triggered, this, &MainWindow::editMonitoringPlan);
    connect(addAction(Action::SendReferral, QStringLiteral("actionSendReferral"), tr("Dermatology &referral…"),
                      {QKeySequence(Qt::SHIFT | Qt::Key_R)}),
            &QAction::triggered, this, [this] { m_panes->referrals()->sendReferral(currentItemId()); });
    connect(addAction(Action::ShortcutHelp, QStringLiteral("actionShortcutHelp"), tr("Keyboard shortcuts"),
                      {Qt::Key_F1, Qt::Key_Question}),
            &QAction::triggered, this, &MainWindow::showShortcutHelp);
    connect(addAction(Action::Quit, QStringLiteral("actionQuit"), tr("Quit"), {QKeySequence(Qt::CTRL | Qt::Key_Q)}),
            &QAction::triggered, this, &QWidget::close);
}

void MainWindow::buildToolBar()
{
    auto *bar = addToolBar(tr("Inbox"));
    bar->setObjectName(QStringLiteral("inboxToolBar"));
    bar->setMovable(false);

    m_kindFilter = new QComboBox(bar);
    m_kindFilter->setObjectName(QStringLiteral("kindFilter"));
    m_kindFilter->setAccessibleName(tr("Kind"));
    m_kindFilter->addItem(tr("All kinds"), -1);
    const std::pair<inbox::Kind, QString> kinds[]
        = {{inbox::Kind::Chat, tr("Chats")},         {inbox::Kind::Video, tr("Video visits")},
           {inbox::Kind::Form, tr("Forms")},         {inbox::Kind::Alert, tr("Alerts")},
           {inbox::Kind::Referral, tr("Referrals")}, {inbox::Kind::Report, tr("Reports")}};
    for (const auto &[kind, text] : kinds)
        m_kindFilter->addItem(text, int(kind));
    connect(m_kindFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int kind = m_kindFilter->currentData().toInt();
        m_kindProxy->setKind(kind < 0 ? std::nullopt : std::optional(inbox::Kind(kind)));
    });

    m_stateFilter = new QComboBox(bar);
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    m_stateFilter->setAccessibleName(tr("Status"));
    m_stateFilter->addItem(tr("Open"), -2);
    m_stateFilter->addItem(tr("All statuses"), -1);
    const std::pair<State, QString> states[] = {{State::New, tr("New")},
                                                {State::Claimed, tr("Claimed")},
                                                {State::InProgress, tr("In progress")},
                                                {State::Waiting, tr("Waiting")},
                                                {State::Done, tr("Done")}};
    for (const auto &[state, text] : states)
        m_stateFilter->addItem(text, int(state));
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int state = m_stateFilter->currentData().toInt();
        if (state == -2)
            m_stateProxy->setStates(StateFilterProxy::openStates());
        else if (state == -1)
            m_stateProxy->setStates({});
        else
            m_stateProxy->setStates({State(state)});
    });

    m_ownershipFilter = new QComboBox(bar);
    m_ownershipFilter->setObjectName(QStringLiteral("ownershipFilter"));
    m_ownershipFilter->setAccessibleName(tr("Owner"));
    m_ownershipFilter->addItem(tr("Everyone's"), int(OwnershipProxy::Scope::All));
    m_ownershipFilter->addItem(tr("Mine"), int(OwnershipProxy::Scope::Mine));
    m_ownershipFilter->addItem(tr("Pool"), int(OwnershipProxy::Scope::Pool));
    m_ownershipFilter->addItem(tr("Mine and pool"), int(OwnershipProxy::Scope::MineAndPool));
    connect(m_ownershipFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_ownershipProxy->setScope(OwnershipProxy::Scope(m_ownershipFilter->currentData().toInt())); });

    m_unreadOnly = new QCheckBox(tr("Unread"), bar);
    m_unreadOnly->setObjectName(QStringLiteral("unreadOnly"));
    m_unreadOnly->setAccessibleName(tr("Only unread"));
    connect(m_unreadOnly, &QCheckBox::toggled, m_flagProxy, &UnreadOverdueProxy::setUnreadOnly);
    m_overdueOnly = new QCheckBox(tr("Overdue"), bar);
    m_overdueOnly->setObjectName(QStringLiteral("overdueOnly"));
    m_overdueOnly->setAccessibleName(tr("Only overdue"));
    connect(m_overdueOnly, &QCheckBox::toggled, m_flagProxy, &UnreadOverdueProxy::setOverdueOnly);

    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setAccessibleName(tr("Search"));
    m_search->setPlaceholderText(tr("Search title, patient or personnummer (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(280);
    connect(m_search, &QLineEdit::textChanged, m_searchProxy, &TextSearchProxy::setSearchText);
    connect(m_search, &QLineEdit::returnPressed, m_view, [this] { m_view->setFocus(); });

    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_kindFilter, m_stateFilter, m_ownershipFilter, m_unreadOnly, m_overdueOnly})
        bar->addWidget(widget);
    bar->addSeparator();
    bar->addWidget(m_search);
    bar->addSeparator();
    for (Action which : {Action::Claim, Action::Release, Action::Assign, Action::Close, Action::Refresh,
                         Action::BookVisit, Action::SendForm, Action::MonitoringPlan, Action::SendReferral})
        bar->addAction(action(which));
}

void MainWindow::buildStatusBar()
{
    m_syncStatus = new QLabel(this);
    m_syncStatus->setObjectName(QStringLiteral("syncStatus"));
    m_syncStatus->setAccessibleName(tr("Sync status"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("itemCount"));
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->addPermanentWidget(m_count);
    statusBar()->addPermanentWidget(m_syncStatus);
    setSyncState(sync::SyncState::Syncing, 0);
}

QAction *MainWindow::action(Action which) const
{
    return m_actions.value(int(which));
}

QList<QAction *> MainWindow::shortcutActions() const
{
    QList<QAction *> actions;
    for (int i = 0; i <= int(Action::Quit); ++i)
        actions.append(m_actions.value(i));
    actions += m_panes->shortcutActions(); // while an item of their kind is shown
    return actions;
}

void MainWindow::setSyncState(sync::SyncState state, int queuedWrites)
{
    // A machine-readable copy for tests and assistive technology.
    static const char *const kNames[] = {"online", "syncing", "offline", "signed-out"};
    m_syncStatus->setProperty("syncState", QString::fromLatin1(kNames[int(state)]));
    m_syncStatus->setProperty("queuedWrites", queuedWrites);
    switch (state) {
    case sync::SyncState::Online:
        m_syncStatus->setText(queuedWrites > 0 ? tr("Online – %n to send", "", queuedWrites) : tr("Online"));
        break;
    case sync::SyncState::Syncing: m_syncStatus->setText(tr("Syncing…")); break;
    case sync::SyncState::Offline:
        m_syncStatus->setText(queuedWrites > 0 ? tr("Offline – %n to send", "", queuedWrites) : tr("Offline"));
        break;
    case sync::SyncState::LoggedOut: m_syncStatus->setText(tr("Signed out")); break;
    }
}

void MainWindow::invitePatient()
{
    const inbox::InboxItem *item = m_context.store->item(currentItemId());
    if (!item || item->patientId.isEmpty()) {
        statusBar()->showMessage(tr("Choose an item about a patient first."), 5000);
        return;
    }
    if (!m_invitation) {
        statusBar()->showMessage(tr("Invitations need a connection to the server."), 5000);
        return;
    }
    m_invitation->create(item->patientId, item->id);
}

std::unique_ptr<video::BookVisitDialog> MainWindow::createBookingDialog()
{
    return m_video->createBookingDialog(currentItemId());
}

std::unique_ptr<forms::SendFormDialog> MainWindow::createSendFormDialog()
{
    return m_panes->forms()->createSendDialog(currentItemId());
}

void MainWindow::editMonitoringPlan()
{
    const inbox::InboxItem *item = m_context.store->item(currentItemId());
    if (!item || item->patientId.isEmpty()) {
        statusBar()->showMessage(tr("Choose an item about a patient first."), 5000);
        return;
    }
    m_panes->monitoring()->editPlan(item->patientId);
}

void MainWindow::contactPatient(const QString &patientId)
{
    const QString chatId = m_panes->openChatOf(patientId);
    if (chatId.isEmpty()) {
        // No open chat: start one about the matter shown (the server creates the item; it opens
        // when the write is delivered, see chatStarted).
        const QString name = m_context.store->patient(patientId).name;
        const inbox::InboxItem *current = m_context.store->item(currentItemId());
        const auto body = Dialogs::askText(this, tr("New chat with %1").arg(name),
                                           tr("There is no open chat with %1. Your first message to the patient "
                                              "(they read and answer it in the portal):")
                                               .arg(name),
                                           true);
        if (!body)
            return;
        m_commands->startChat(patientId, current ? current->title : tr("Contact from the care centre"), *body);
        statusBar()->showMessage(tr("The chat with %1 is being started…").arg(name), 10'000);
        return;
    }
    openChat(chatId);
}

void MainWindow::openChat(const QString &chatId)
{
    if (!openItem(chatId)) {
        showAllItems(); // the filters hid it
        openItem(chatId);
    }
    m_detail->focusReply();
}

void MainWindow::showAllItems()
{
    m_kindFilter->setCurrentIndex(0);
    m_stateFilter->setCurrentIndex(0); // open ones
    m_ownershipFilter->setCurrentIndex(0);
    m_unreadOnly->setChecked(false);
    m_overdueOnly->setChecked(false);
    m_search->clear();
}

void MainWindow::writeRejected(const QString &writeId, const Error &error)
{
    m_panes->writeRejected(writeId, error);
}

void MainWindow::notify(const QString &itemId, const QString &heading, const QString &text)
{
    // Quiet during a call (DESIGN.md §5): the call window shows who is waiting.
    if (m_video->inCall())
        return;
    Q_EMIT urgentItemArrived(itemId, text);
    if (m_tray)
        m_tray->showMessage(heading, text, QSystemTrayIcon::Warning, 10'000);
}

void MainWindow::setCallLauncher(CallLauncher launcher)
{
    m_video->setCallLauncher(std::move(launcher));
}

bool MainWindow::inCall() const
{
    return m_video->inCall();
}

void MainWindow::updateCount()
{
    m_count->setText(tr("%n item(s)", "", m_searchProxy->rowCount()));
}

QString MainWindow::currentItemId() const
{
    return m_view->currentIndex().data(InboxModel::IdRole).toString();
}

QStringList MainWindow::selectedItemIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        ids.append(row.data(InboxModel::IdRole).toString());
    if (ids.isEmpty() && !currentItemId().isEmpty())
        ids.append(currentItemId());
    return ids;
}

bool MainWindow::openItem(const QString &itemId)
{
    for (int row = 0; row < m_searchProxy->rowCount(); ++row) {
        const QModelIndex index = m_searchProxy->index(row, 0);
        if (index.data(InboxModel::IdRole).toString() == itemId) {
            m_view->selectionModel()->setCurrentIndex(index,
                                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_view->scrollTo(index);
            return true;
        }
    }
    return false;
}

void MainWindow::currentChanged(const QModelIndex &current)
{
    const QString itemId = current.data(InboxModel::IdRole).toString();
    if (itemId == m_shownItemId)
        return;
    m_shownItemId = itemId;
    m_panes->show(itemId);
    if (!itemId.isEmpty())
        m_commands->open(itemId);
}

void MainWindow::moveSelection(int delta)
{
    const int rows = m_searchProxy->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_view->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + delta, 0, rows - 1) : 0;
    const QModelIndex next = m_searchProxy->index(row, current.isValid() ? current.column() : 0);
    m_view->selectionModel()->setCurrentIndex(next, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(next);
}

void MainWindow::sendReply()
{
    const QString itemId = m_detail->itemId();
    if (itemId.isEmpty() || m_detail->replyText().trimmed().isEmpty())
        return;
    if (m_commands->reply(itemId, m_detail->replyText(), m_detail->staffOnly()).isEmpty()) {
        statusBar()->showMessage(tr("The reply could not be sent: it is empty or too long."), 8000);
        return;
    }
    m_detail->clearReply();
}

void MainWindow::assignTo(const QStringList &itemIds)
{
    if (itemIds.isEmpty())
        return;
    const auto staffId
        = Dialogs::pickColleague(this, m_context.store->staff(), tr("Assign %n item(s) to", "", int(itemIds.size())));
    if (staffId)
        m_commands->assign(itemIds, *staffId);
}

void MainWindow::closeItems(const QStringList &itemIds, bool confirm)
{
    if (itemIds.isEmpty())
        return;
    if (confirm && !Dialogs::confirm(this, tr("Close items"), tr("Close %n item(s)?", "", int(itemIds.size()))))
        return;
    m_commands->close(itemIds);
}

void MainWindow::reopenCurrent()
{
    const QString itemId = currentItemId();
    const inbox::InboxItem *item = m_context.store->item(itemId);
    if (!item || item->state != State::Done)
        return;
    const auto reason = Dialogs::askText(this, tr("Reopen"), tr("Why is the item reopened?"), true);
    if (reason)
        m_commands->reopen(itemId, *reason);
}

void MainWindow::showShortcutHelp()
{
    ShortcutHelpDialog dialog(shortcutActions(), this);
    Dialogs::run(dialog);
}

void MainWindow::notifyUrgent(const QList<inbox::InboxItem> &items)
{
    // Only what just arrived, and a few at most: the first pull after a restart brings everything.
    constexpr qint64 kRecentMs = 15 * 60'000;
    constexpr int kMaxNotices = 3;
    int notices = 0;
    for (const inbox::InboxItem &item : items) {
        if (notices >= kMaxNotices)
            break;
        if (item.state == State::Done || item.createdAt < m_context.clock->nowMs() - kRecentMs
            || (item.priority != inbox::Priority::Stat && item.priority != inbox::Priority::Asap))
            continue;
        ++notices;
        notify(item.id, tr("Urgent item"), item.title);
    }
}

} // namespace nara::workstation
