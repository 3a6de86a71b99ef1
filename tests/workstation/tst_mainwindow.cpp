#include "fakeclock.h"
#include "inboxfixtures.h"
#include "workstation/ui/chatthreadmodel.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/inboxmodel.h"
#include "workstation/ui/itemcommands.h"
#include "workstation/ui/itemdetailpane.h"
#include "workstation/ui/logindialog.h"
#include "workstation/ui/mainwindow.h"
#include "workstation/ui/screenshots.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace nara;
using namespace nara::workstation;
using inbox::Priority;
using inbox::State;
using nara::test::makeItem;
using nara::test::RecordingSink;

namespace {

// Answers sign-ins from a script instead of a server.
class ScriptedLogin final : public LoginService
{
public:
    void login(const QUrl &server, const QString &username, const QString &, Done done) override
    {
        if (!answer) {
            done(std::unexpected(answer.error()));
            return;
        }
        LoginSession session = *answer;
        session.server = server;
        session.staff.username = username;
        done(session);
    }
    Result<LoginSession> answer = LoginSession{};
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    test::FakeClock m_clock;
    std::unique_ptr<InboxStore> m_store;
    std::unique_ptr<RecordingSink> m_sink;
    std::unique_ptr<MainWindow> m_window;

    template<typename T> T *find(const QString &name) const
    {
        auto *widget = m_window->findChild<T *>(name);
        if (!widget)
            qWarning("no widget %s", qPrintable(name));
        return widget;
    }

    void activate()
    {
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

private Q_SLOTS:
    void init()
    {
        Dialogs::clearAnswers();
        Dialogs::setNonInteractive(true);
        m_clock.setMs(1'764'000'000'000);
        m_store = std::make_unique<InboxStore>();
        m_sink = std::make_unique<RecordingSink>();
        m_store->setPatients(
            {{QStringLiteral("p1"), {QStringLiteral("Tolvan Tolvansson"), QStringLiteral("19121212-1212")}}});
        m_store->setStaff(
            {{QStringLiteral("me"), QStringLiteral("anna"), QStringLiteral("Anna A"), QStringLiteral("nurse")},
             {QStringLiteral("s2"), QStringLiteral("bo"), QStringLiteral("Bo B"), QStringLiteral("gp")}});
        const qint64 now = m_clock.nowMs();
        auto chat = makeItem(QStringLiteral("chat-1"), Priority::Urgent, now - 600'000);
        chat.patientId = QStringLiteral("p1");
        auto stat = makeItem(QStringLiteral("stat-1"), Priority::Stat, now - 60'000, inbox::Kind::Alert);
        auto routine = makeItem(QStringLiteral("routine-1"), Priority::Routine, now - 900'000, inbox::Kind::Form);
        auto done
            = makeItem(QStringLiteral("done-1"), Priority::Routine, now - 999'000, inbox::Kind::Chat, State::Done);
        m_store->reset({chat, stat, routine, done});
        m_window = std::make_unique<MainWindow>(WorkstationContext{
            m_store.get(), m_sink.get(), &m_clock, QStringLiteral("me"), QStringLiteral("Anna A"), {}, {}});
    }

    void cleanup()
    {
        m_window.reset();
        m_sink.reset();
        m_store.reset();
        QCOMPARE(Dialogs::queuedAnswers(), 0);
    }

    void widgetsHaveNamesAndAccessibleNames()
    {
        const QStringList controls{
            QStringLiteral("inboxView"),       QStringLiteral("kindFilter"), QStringLiteral("stateFilter"),
            QStringLiteral("ownershipFilter"), QStringLiteral("unreadOnly"), QStringLiteral("overdueOnly"),
            QStringLiteral("searchField"),     QStringLiteral("threadView"), QStringLiteral("replyEdit"),
            QStringLiteral("staffOnlyCheck"),  QStringLiteral("sendButton"), QStringLiteral("syncStatus")};
        for (const QString &name : controls) {
            QWidget *widget = find<QWidget>(name);
            QVERIFY2(widget, qPrintable(name));
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(name));
        }
        for (QAction *action : m_window->shortcutActions()) {
            QVERIFY(action);
            QVERIFY2(!action->objectName().isEmpty() && !action->shortcuts().isEmpty(), qPrintable(action->text()));
        }
        // Open items by default, most pressing first.
        auto *view = find<QTableView>(QStringLiteral("inboxView"));
        QCOMPARE(view->model()->rowCount(), 3);
        QCOMPARE(view->model()->index(0, 0).data(InboxModel::IdRole).toString(), QStringLiteral("stat-1"));
    }

    void openingMarksReadAndAudits()
    {
        QVERIFY(m_window->openItem(QStringLiteral("chat-1")));
        const auto read = m_sink->withPath(QStringLiteral("/api/v1/items/chat-1/read"));
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.first().method, QStringLiteral("POST"));
        QCOMPARE(RecordingSink::body(read.first()), QJsonObject());
        QVERIFY(!read.first().id.isEmpty());
        const auto audit = m_sink->withPath(QStringLiteral("/api/v1/audit/events"));
        QCOMPARE(audit.size(), 1);
        const QJsonObject event
            = RecordingSink::body(audit.first()).value(QStringLiteral("events")).toArray().at(0).toObject();
        QCOMPARE(event.value(QStringLiteral("action")).toString(), QStringLiteral("read"));
        QCOMPARE(event.value(QStringLiteral("patientId")).toString(), QStringLiteral("p1"));
        QCOMPARE(event.value(QStringLiteral("object")).toString(), QStringLiteral("inbox_item:chat-1"));
        QCOMPARE(event.value(QStringLiteral("at")).toInteger(), m_clock.nowMs());
        QVERIFY(!m_store->row(m_store->indexOf(QStringLiteral("chat-1"))).unread);
    }

    void replyWithCtrlReturn()
    {
        activate();
        QVERIFY(m_window->openItem(QStringLiteral("chat-1")));
        m_sink->writes.clear();
        auto *reply = find<QPlainTextEdit>(QStringLiteral("replyEdit"));
        reply->setFocus();
        QTest::keyClicks(reply, QStringLiteral("Hej Tolvan, vi ringer i eftermiddag."));
        // Plain letters typed in the reply box are text, not shortcuts.
        QVERIFY(m_sink->writes.isEmpty());
        QTest::keyClick(reply, Qt::Key_Return, Qt::ControlModifier);

        QCOMPARE(m_sink->writes.size(), 1);
        const sync::PendingWrite write = m_sink->writes.first();
        QCOMPARE(write.path, QStringLiteral("/api/v1/items/chat-1/messages"));
        QCOMPARE(write.itemId, QStringLiteral("chat-1"));
        const QJsonObject body = RecordingSink::body(write);
        QCOMPARE(body.value(QStringLiteral("body")).toString(), QStringLiteral("Hej Tolvan, vi ringer i eftermiddag."));
        QCOMPARE(body.value(QStringLiteral("staffOnly")).toBool(), false);
        QVERIFY(!body.value(QStringLiteral("id")).toString().isEmpty());
        QVERIFY(reply->toPlainText().isEmpty());

        // Shown at once as "Sending…", until the sync brings the message back.
        auto *thread = find<QListView>(QStringLiteral("threadView"));
        QCOMPARE(thread->model()->rowCount(), 1);
        QVERIFY(thread->model()->index(0, 0).data().toString().contains(QStringLiteral("Sending…")));
        chat::ChatMessage back;
        back.id = body.value(QStringLiteral("id")).toString();
        back.itemId = QStringLiteral("chat-1");
        back.body = body.value(QStringLiteral("body")).toString();
        back.createdAt = m_clock.nowMs();
        m_store->upsertMessages({back});
        QCOMPARE(thread->model()->rowCount(), 1);
        QVERIFY(!thread->model()->index(0, 0).data().toString().contains(QStringLiteral("Sending…")));
    }

    void internalNote()
    {
        activate();
        QVERIFY(m_window->openItem(QStringLiteral("chat-1")));
        m_sink->writes.clear();
        find<QCheckBox>(QStringLiteral("staffOnlyCheck"))->setChecked(true);
        auto *reply = find<QPlainTextEdit>(QStringLiteral("replyEdit"));
        QTest::keyClicks(reply, QStringLiteral("Ring upp efter lunch"));
        QTest::mouseClick(find<QPushButton>(QStringLiteral("sendButton")), Qt::LeftButton);
        QCOMPARE(m_sink->writes.size(), 1);
        QCOMPARE(RecordingSink::body(m_sink->writes.first()).value(QStringLiteral("staffOnly")).toBool(), true);
        const QString shown = find<QListView>(QStringLiteral("threadView"))->model()->index(0, 0).data().toString();
        QVERIFY(shown.contains(QStringLiteral("Internal note")));
    }

    void claimWithKeyAndUndoOnRejection()
    {
        activate();
        QVERIFY(m_window->openItem(QStringLiteral("routine-1")));
        m_sink->writes.clear();
        auto *view = find<QTableView>(QStringLiteral("inboxView"));
        view->setFocus();
        QTest::keyClick(view, Qt::Key_C);
        QCOMPARE(m_sink->writes.size(), 1);
        QCOMPARE(m_sink->writes.first().path, QStringLiteral("/api/v1/items/routine-1/claim"));
        QCOMPARE(m_store->item(QStringLiteral("routine-1"))->ownerId, QStringLiteral("me"));
        QVERIFY(m_store->item(QStringLiteral("routine-1"))->state == State::Claimed);

        QSignalSpy rejected(m_window->commands(), &ItemCommands::rejected);
        m_window->commands()->writeRejected(m_sink->writes.first().id,
                                            Error::conflict(QStringLiteral("held by a colleague")));
        QCOMPARE(rejected.count(), 1);
        QVERIFY(m_store->item(QStringLiteral("routine-1"))->ownerId.isEmpty());
        QVERIFY(m_store->item(QStringLiteral("routine-1"))->state == State::New);
    }

    void bulkAssignAndClose()
    {
        auto *view = find<QTableView>(QStringLiteral("inboxView"));
        view->selectAll();
        m_sink->writes.clear();
        Dialogs::setNextAnswer(QStringLiteral("s2"));
        m_window->action(MainWindow::Action::BulkAssign)->trigger();
        const auto assigns = m_sink->writes;
        QCOMPARE(assigns.size(), 3);
        for (const auto &write : assigns) {
            QVERIFY(write.path.endsWith(QStringLiteral("/assign")));
            QCOMPARE(RecordingSink::body(write).value(QStringLiteral("staffId")).toString(), QStringLiteral("s2"));
        }
        m_sink->writes.clear();
        view->selectAll();
        Dialogs::setNextAnswer(true);
        m_window->action(MainWindow::Action::BulkClose)->trigger();
        QCOMPARE(m_sink->withPath(QStringLiteral("/api/v1/items/chat-1/close")).size(), 1);
        QCOMPARE(m_sink->writes.size(), 3);
        QCOMPARE(view->model()->rowCount(), 0); // the "Open" filter hides closed items
    }

    void reopenAsksForReason()
    {
        find<QComboBox>(QStringLiteral("stateFilter"))->setCurrentIndex(1); // all statuses
        QVERIFY(m_window->openItem(QStringLiteral("done-1")));
        m_sink->writes.clear();
        Dialogs::setNextAnswer(QVariant()); // cancelled: nothing sent
        m_window->action(MainWindow::Action::Reopen)->trigger();
        QVERIFY(m_sink->writes.isEmpty());
        Dialogs::setNextAnswer(QStringLiteral("Patient called again"));
        m_window->action(MainWindow::Action::Reopen)->trigger();
        QCOMPARE(m_sink->writes.size(), 1);
        QCOMPARE(m_sink->writes.first().path, QStringLiteral("/api/v1/items/done-1/reopen"));
        QCOMPARE(RecordingSink::body(m_sink->writes.first()).value(QStringLiteral("reason")).toString(),
                 QStringLiteral("Patient called again"));
        QVERIFY(m_store->item(QStringLiteral("done-1"))->state == State::InProgress);
    }

    void keyboardNavigationAndSearch()
    {
        activate();
        auto *view = find<QTableView>(QStringLiteral("inboxView"));
        view->setFocus();
        QVERIFY(m_window->openItem(QStringLiteral("stat-1")));
        QTest::keyClick(view, Qt::Key_J);
        QCOMPARE(m_window->currentItemId(), QStringLiteral("chat-1"));
        QTest::keyClick(view, Qt::Key_J);
        QCOMPARE(m_window->currentItemId(), QStringLiteral("routine-1"));
        QTest::keyClick(view, Qt::Key_K);
        QCOMPARE(m_window->currentItemId(), QStringLiteral("chat-1"));

        QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
        auto *search = find<QLineEdit>(QStringLiteral("searchField"));
        QVERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("tolvan"));
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, 0).data(InboxModel::IdRole).toString(), QStringLiteral("chat-1"));

        QTest::keyClick(view, Qt::Key_F5);
        QCOMPARE(m_sink->refreshes, 1);
    }

    void syncStatusAndHelp()
    {
        auto *status = find<QLabel>(QStringLiteral("syncStatus"));
        m_window->setSyncState(sync::SyncState::Online, 0);
        QCOMPARE(status->text(), QStringLiteral("Online"));
        m_window->setSyncState(sync::SyncState::Syncing, 0);
        QCOMPARE(status->text(), QStringLiteral("Syncing…"));
        m_window->setSyncState(sync::SyncState::Offline, 3);
        QCOMPARE(status->text(), QStringLiteral("Offline – 3 to send"));
        Dialogs::setNextAnswer(true);
        m_window->action(MainWindow::Action::ShortcutHelp)->trigger(); // answered, does not block
    }

    void urgentArrivalNotifies()
    {
        QSignalSpy urgent(m_window.get(), &MainWindow::urgentItemArrived);
        m_store->upsert({makeItem(QStringLiteral("new-routine"), Priority::Routine, m_clock.nowMs()),
                         makeItem(QStringLiteral("new-stat"), Priority::Stat, m_clock.nowMs())});
        QCOMPARE(urgent.count(), 1);
        QCOMPARE(urgent.first().first().toString(), QStringLiteral("new-stat"));
    }

    void loginDialog()
    {
        ScriptedLogin service;
        LoginDialog dialog(&service);
        dialog.setServer(QStringLiteral("http://127.0.0.1:1"));
        dialog.setUsername(QStringLiteral("anna"));
        dialog.submit();
        QVERIFY(!dialog.errorText().isEmpty()); // no password
        service.answer = std::unexpected(Error{ErrorCode::Unauthenticated, QStringLiteral("wrong"), {}});
        dialog.setPassword(QStringLiteral("bad"));
        dialog.submit();
        QCOMPARE(dialog.errorText(), LoginDialog::messageFor(Error{ErrorCode::Unauthenticated, {}, {}}));
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        LoginSession session;
        session.token = QStringLiteral("t");
        session.staff.id = QStringLiteral("me");
        service.answer = session;
        dialog.setPassword(QStringLiteral("good"));
        dialog.submit();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.session().token, QStringLiteral("t"));
        // The server and user are remembered, never the password.
        LoginDialog again(&service);
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("serverField"))->text(),
                 QStringLiteral("http://127.0.0.1:1"));
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("usernameField"))->text(), QStringLiteral("anna"));
        QVERIFY(again.findChild<QLineEdit *>(QStringLiteral("passwordField"))->text().isEmpty());
    }

    void screenshots()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto rendered = renderScreenshots(*m_window, dir.path());
        QVERIFY2(rendered, rendered ? "" : qPrintable(rendered.error().message));
        for (const QString &name :
             {QStringLiteral("inbox.png"), QStringLiteral("chat.png"), QStringLiteral("login.png"),
              QStringLiteral("shortcuts.png"), QStringLiteral("booking.png"), QStringLiteral("video.png"),
              QStringLiteral("precallcheck.png")})
            QVERIFY2(QFileInfo(QDir(dir.path()).filePath(name)).size() > 1000, qPrintable(name));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
