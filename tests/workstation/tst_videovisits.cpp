#include "../sync/fakeapiserver.h"
#include "../video/fakemediadevices.h"
#include "fakeclock.h"
#include "inboxfixtures.h"
#include "video/ui/bookvisitdialog.h"
#include "video/ui/precallcheckdialog.h"
#include "video/ui/videopane.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/inboxmodel.h"
#include "workstation/ui/itemdetailpane.h"
#include "workstation/ui/mainwindow.h"
#include "workstation/ui/sampleinbox.h"
#include "workstation/ui/screenshots.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace nara;
using namespace nara::workstation;
using inbox::Priority;
using nara::test::FakeMediaDevices;
using nara::test::makeItem;
using nara::test::RecordingSink;

namespace {

qint64 localMs(int hour, int minute)
{
    return QDateTime(QDate(2025, 11, 26), QTime(hour, minute)).toMSecsSinceEpoch();
}

sync::CachedRecord visitRecord(const QString &id, const QString &itemId, const QString &state, qint64 version,
                               const QString &staffId = QStringLiteral("me"))
{
    const bool waiting = state == u"waiting";
    const QJsonObject data{{QStringLiteral("id"), id},
                           {QStringLiteral("itemId"), itemId},
                           {QStringLiteral("unitId"), QStringLiteral("unit-1")},
                           {QStringLiteral("patientId"), QStringLiteral("p1")},
                           {QStringLiteral("reason"), QStringLiteral("Återbesök")},
                           {QStringLiteral("startsAt"), localMs(10, 15)},
                           {QStringLiteral("participants"),
                            QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("staff")},
                                                   {QStringLiteral("id"), staffId},
                                                   {QStringLiteral("name"), QStringLiteral("Anna A")}},
                                       QJsonObject{{QStringLiteral("kind"), QStringLiteral("patient")},
                                                   {QStringLiteral("id"), QStringLiteral("p1")},
                                                   {QStringLiteral("name"), QStringLiteral("Tolvan Tolvansson")}}}},
                           {QStringLiteral("state"), state},
                           {QStringLiteral("patientWaitingSince"), waiting ? localMs(10, 2) : 0},
                           {QStringLiteral("readiness"),
                            QJsonObject{{QStringLiteral("camera"), true}, {QStringLiteral("microphone"), true}}},
                           {QStringLiteral("version"), version}};
    return {QStringLiteral("visit"), id, version, data};
}

} // namespace

class TestVideoVisits : public QObject
{
    Q_OBJECT

private:
    test::FakeClock m_clock;
    std::unique_ptr<InboxStore> m_store;
    std::unique_ptr<RecordingSink> m_sink;
    std::unique_ptr<FakeMediaDevices> m_devices;
    std::unique_ptr<MainWindow> m_window;

    template<typename T> T *find(const QString &name) const
    {
        auto *widget = m_window->findChild<T *>(name);
        if (!widget)
            qWarning("no widget %s", qPrintable(name));
        return widget;
    }
    void showWindow()
    {
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    // Runs the zero-timers started so far (the host's "after the call" among them): they run in
    // the order they were started, so once a zero-timer started now has run, they all have.
    static bool runPostedWork()
    {
        const auto ran = std::make_shared<bool>(false);
        QTimer::singleShot(0, qApp, [ran] { *ran = true; });
        return QTest::qWaitFor([ran] { return *ran; }, 5000);
    }
    QModelIndex sourceIndex(const QString &itemId, int column) const
    {
        return m_window->inboxModel()->index(m_store->indexOf(itemId), column);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("nara-test"));
        QCoreApplication::setApplicationName(QStringLiteral("videovisits"));
    }

    void init()
    {
        QSettings().clear();
        Dialogs::clearAnswers();
        Dialogs::setNonInteractive(true);
        m_clock.setMs(localMs(10, 5));
        m_store = std::make_unique<InboxStore>();
        m_sink = std::make_unique<RecordingSink>();
        m_devices = std::make_unique<FakeMediaDevices>();
        m_store->setPatients(
            {{QStringLiteral("p1"), {QStringLiteral("Tolvan Tolvansson"), QStringLiteral("19121212-1212")}}});
        m_store->setStaff({{QStringLiteral("me"),
                            QStringLiteral("anna"),
                            QStringLiteral("Anna A"),
                            QStringLiteral("nurse"),
                            {QStringLiteral("unit-1")}},
                           {QStringLiteral("s2"),
                            QStringLiteral("bo"),
                            QStringLiteral("Bo B"),
                            QStringLiteral("gp"),
                            {QStringLiteral("unit-1")}}});
        const qint64 now = m_clock.nowMs();
        auto chat = makeItem(QStringLiteral("chat-1"), Priority::Urgent, now - 600'000);
        chat.patientId = QStringLiteral("p1");
        auto video = makeItem(QStringLiteral("video-1"), Priority::Routine, now - 60'000, inbox::Kind::Video);
        video.patientId = QStringLiteral("p1");
        video.title = QStringLiteral("Återbesök");
        auto other = makeItem(QStringLiteral("video-2"), Priority::Routine, now - 30'000, inbox::Kind::Video);
        m_store->resetRecords(
            {QStringLiteral("visit")},
            {visitRecord(QStringLiteral("v1"), QStringLiteral("video-1"), QStringLiteral("booked"), 1)});
        m_store->reset({chat, video, other});
        WorkstationContext context{
            m_store.get(), m_sink.get(), &m_clock, QStringLiteral("me"), QStringLiteral("Anna A"), {}, {}};
        context.mediaDevices = m_devices.get();
        m_window = std::make_unique<MainWindow>(context);
    }

    void cleanup()
    {
        m_window.reset();
        m_devices.reset();
        m_sink.reset();
        m_store.reset();
        QCOMPARE(Dialogs::queuedAnswers(), 0);
    }

    void storeKeepsNewestVisitAndNotices()
    {
        QSignalSpy changed(m_store.get(), &InboxStore::visitChanged);
        QSignalSpy waiting(m_store.get(), &InboxStore::patientStartedWaiting);
        QCOMPARE(m_store->visitForItem(QStringLiteral("video-1")).value(QStringLiteral("id")).toString(),
                 QStringLiteral("v1"));
        QVERIFY(m_store->visitForItem(QStringLiteral("video-2")).isEmpty());
        m_store->upsertRecords(
            {visitRecord(QStringLiteral("v1"), QStringLiteral("video-1"), QStringLiteral("waiting"), 3)});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(waiting.first().first().toString(), QStringLiteral("video-1"));
        // An older copy is ignored; the same state again is no new arrival.
        m_store->upsertRecords(
            {visitRecord(QStringLiteral("v1"), QStringLiteral("video-1"), QStringLiteral("ended"), 2)});
        QCOMPARE(m_store->visitForItem(QStringLiteral("video-1")).value(QStringLiteral("state")).toString(),
                 QStringLiteral("waiting"));
        m_store->upsertRecords(
            {visitRecord(QStringLiteral("v1"), QStringLiteral("video-1"), QStringLiteral("waiting"), 4)});
        QCOMPARE(changed.size(), 2);
        QCOMPARE(waiting.size(), 1);
    }

    void inboxRowShowsTimeAndWaiting()
    {
        QAbstractItemModelTester tester(m_window->inboxModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(sourceIndex(QStringLiteral("video-1"), InboxModel::Title).data().toString(),
                 QStringLiteral("10:15  Återbesök"));
        QCOMPARE(sourceIndex(QStringLiteral("video-1"), InboxModel::State).data().toString(), QStringLiteral("New"));
        // A video item whose visit has not arrived shows its title only.
        QCOMPARE(sourceIndex(QStringLiteral("video-2"), InboxModel::Title).data().toString(),
                 QStringLiteral("Item video-2"));

        QSignalSpy dataChanged(m_window->inboxModel(), &QAbstractItemModel::dataChanged);
        m_store->upsertRecords(
            {visitRecord(QStringLiteral("v1"), QStringLiteral("video-1"), QStringLiteral("waiting"), 2)});
        QVERIFY(!dataChanged.isEmpty());
        QCOMPARE(sourceIndex(QStringLiteral("video-1"), InboxModel::State).data().toString(),
                 QStringLiteral("waiting since 10:02"));
        QCOMPARE(sourceIndex(QStringLiteral("video-1"), InboxModel::Title).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Video visit at 10:15; the patient is waiting since 10:02"));
    }

    void detailSwitchesByKind()
    {
        showWindow();
        auto *stack = find<QStackedWidget>(QStringLiteral("detailStack"));
        QVERIFY(m_window->openItem(QStringLiteral("chat-1")));
        QCOMPARE(stack->currentWidget(), m_window->detailPane());
        QCOMPARE(m_window->detailPane()->itemId(), QStringLiteral("chat-1"));

        QVERIFY(m_window->openItem(QStringLiteral("video-1")));
        QCOMPARE(stack->currentWidget(), m_window->videoPane());
        QCOMPARE(m_window->videoPane()->visitId(), QStringLiteral("v1"));
        QVERIFY(m_window->detailPane()->itemId().isEmpty()); // no reply goes to a video item
        auto *waiting = m_window->videoPane()->findChild<QLabel *>(QStringLiteral("waitingLabel"));
        QVERIFY(waiting->isHidden());

        // The patient arrives while the pane is open: it follows.
        m_store->upsertRecords(
            {visitRecord(QStringLiteral("v1"), QStringLiteral("video-1"), QStringLiteral("waiting"), 2)});
        QVERIFY(!waiting->isHidden());
        QVERIFY2(waiting->text().startsWith(QStringLiteral("Patient waiting since 10:02 (camera ✓, microphone ✓)")),
                 qPrintable(waiting->text()));

        // Admit from the window: online only. This window has no server: it says so, and nothing
        // goes to the outbox to let someone in much later.
        QTest::mouseClick(m_window->videoPane()->findChild<QPushButton *>(QStringLiteral("admitPatientButton")),
                          Qt::LeftButton);
        QVERIFY(m_window->videoPane()
                    ->findChild<QLabel *>(QStringLiteral("videoStatus"))
                    ->text()
                    .contains(QStringLiteral("needs a connection")));
        QVERIFY(m_sink->withPath(QStringLiteral("/api/v1/visits/v1/admit")).isEmpty());

        QVERIFY(m_window->openItem(QStringLiteral("chat-1")));
        QCOMPARE(stack->currentWidget(), m_window->detailPane());
        QVERIFY(m_window->videoPane()->itemId().isEmpty());
    }

    void admitGoesToTheServerThenPulls()
    {
        test::FakeServer server;
        server.handler = [](const test::FakeServer::Request &request) {
            if (request.method == "POST" && request.target == "/api/v1/visits/v1/admit")
                return test::FakeServer::Response{200, QByteArrayLiteral("{}")};
            return test::FakeServer::Response{404, test::problem(QStringLiteral("not-found"), 404)};
        };
        WorkstationContext context{m_store.get(),
                                   m_sink.get(),
                                   &m_clock,
                                   QStringLiteral("me"),
                                   QStringLiteral("Anna A"),
                                   server.url().toString(),
                                   QStringLiteral("token-1")};
        context.mediaDevices = m_devices.get();
        MainWindow window(context);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openItem(QStringLiteral("video-1")));
        m_store->upsertRecords(
            {visitRecord(QStringLiteral("v1"), QStringLiteral("video-1"), QStringLiteral("waiting"), 2)});
        const int refreshes = m_sink->refreshes;
        QTest::mouseClick(window.videoPane()->findChild<QPushButton *>(QStringLiteral("admitPatientButton")),
                          Qt::LeftButton);
        // Let in: the visit's new state is pulled at once.
        QTRY_COMPARE(m_sink->refreshes, refreshes + 1);
        const auto admits = std::count_if(server.requests.cbegin(), server.requests.cend(), [](const auto &request) {
            return request.target == "/api/v1/visits/v1/admit";
        });
        QCOMPARE(admits, 1);
        QVERIFY(m_sink->withPath(QStringLiteral("/api/v1/visits/v1/admit")).isEmpty()); // never through the outbox
    }

    void waitingPatientNotifiesParticipantsOnly()
    {
        QSignalSpy urgent(m_window.get(), &MainWindow::urgentItemArrived);
        m_store->upsertRecords(
            {visitRecord(QStringLiteral("v1"), QStringLiteral("video-1"), QStringLiteral("waiting"), 2)});
        QCOMPARE(urgent.size(), 1);
        QCOMPARE(urgent.first().at(0).toString(), QStringLiteral("video-1"));
        QCOMPARE(urgent.first().at(1).toString(), QStringLiteral("Tolvan Tolvansson is waiting: Återbesök"));
        // A visit of colleagues only: no notice for me.
        m_store->upsertRecords({visitRecord(QStringLiteral("v2"), QStringLiteral("video-2"), QStringLiteral("waiting"),
                                            1, QStringLiteral("s2"))});
        QCOMPARE(urgent.size(), 1);
    }

    void joinOpensTheCallAndAfterwardsAsks()
    {
        QList<MainWindow::CallRequest> requests;
        std::function<void(const QString &)> finish;
        QPointer<QWidget> callWindow;
        m_window->setCallLauncher(
            [&](const MainWindow::CallRequest &request, std::function<void(const QString &)> done) {
                requests.append(request);
                finish = std::move(done);
                callWindow = new QWidget;
                callWindow->setObjectName(QStringLiteral("fakeCallWindow"));
                return callWindow.data();
            });
        showWindow();
        QVERIFY(m_window->openItem(QStringLiteral("video-1")));
        QSignalSpy started(m_window.get(), &MainWindow::callStarted);
        QSignalSpy finished(m_window.get(), &MainWindow::callFinished);

        // Join: the pre-call check first (answered: accepted with the devices it shows).
        Dialogs::setNextAnswer(true);
        QTest::mouseClick(m_window->videoPane()->findChild<QPushButton *>(QStringLiteral("joinCallButton")),
                          Qt::LeftButton);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().visitId, QStringLiteral("v1"));
        QCOMPARE(requests.first().itemId, QStringLiteral("video-1"));
        QCOMPARE(requests.first().devices.cameraId, QStringLiteral("cam-built-in"));
        QCOMPARE(requests.first().devices.microphoneId, QStringLiteral("mic-built-in"));
        QCOMPARE(started.size(), 1);
        QVERIFY(m_window->inCall());
        QVERIFY(!m_window->videoPane()->findChild<QPushButton *>(QStringLiteral("joinCallButton"))->isEnabled());

        // Quiet during the call: an urgent arrival and a waiting patient notify nobody.
        QSignalSpy urgent(m_window.get(), &MainWindow::urgentItemArrived);
        m_store->upsert({makeItem(QStringLiteral("new-stat"), Priority::Stat, m_clock.nowMs())});
        m_store->upsertRecords(
            {visitRecord(QStringLiteral("v1"), QStringLiteral("video-1"), QStringLiteral("waiting"), 2)});
        QCOMPARE(urgent.size(), 0);

        // I hang up: the after-call dialog is offered (answered: accepted as it stands → done).
        Dialogs::setNextAnswer(true);
        finish(QString());
        QCOMPARE(finished.size(), 1);
        QVERIFY(!m_window->inCall());
        QTRY_COMPARE(m_sink->withPath(QStringLiteral("/api/v1/visits/v1/end")).size(), 1);
        QCOMPARE(RecordingSink::body(m_sink->withPath(QStringLiteral("/api/v1/visits/v1/end")).first()),
                 QJsonObject({{QStringLiteral("outcome"), QStringLiteral("done")}}));
        delete callWindow.data();
        QCOMPARE(finished.size(), 1); // closing the window afterwards is no second end

        // Ended by a colleague: nothing to ask. Closing the window without a word ends the call too.
        m_window->videoPane()->join();
        QCOMPARE(requests.size(), 2); // checked once for this visit: no second pre-call check
        Dialogs::setNextAnswer(true); // an after-call dialog would take it
        finish(QStringLiteral("follow_up"));
        QCOMPARE(finished.size(), 2);
        QVERIFY(runPostedWork());
        QCOMPARE(Dialogs::queuedAnswers(), 1); // no after-call dialog was shown…
        QCOMPARE(m_sink->withPath(QStringLiteral("/api/v1/visits/v1/end")).size(), 1); // …and no second end
        Dialogs::clearAnswers();
        delete callWindow.data();
        m_window->videoPane()->join();
        QCOMPARE(requests.size(), 3);
        Dialogs::setNextAnswer(false); // the after-call dialog, cancelled
        delete callWindow.data();
        QCOMPARE(finished.size(), 3);
        QVERIFY(!m_window->inCall());
        QTRY_COMPARE(Dialogs::queuedAnswers(), 0);
        QCOMPARE(m_sink->withPath(QStringLiteral("/api/v1/visits/v1/end")).size(), 1);
    }

    void participantFromAnotherUnitJoinsOnly()
    {
        // My staff entity says I work in another unit than the visit's (a municipal nurse invited
        // to it): the pane offers the pre-call check and joining, not ending or admitting.
        m_store->setStaff({{QStringLiteral("me"),
                            QStringLiteral("anna"),
                            QStringLiteral("Anna A"),
                            QStringLiteral("municipal_nurse"),
                            {QStringLiteral("unit-kommun")}}});
        QList<MainWindow::CallRequest> requests;
        std::function<void(const QString &)> finish;
        m_window->setCallLauncher(
            [&](const MainWindow::CallRequest &request, std::function<void(const QString &)> done) {
                requests.append(request);
                finish = std::move(done);
                return new QWidget;
            });
        QVERIFY(m_window->openItem(QStringLiteral("video-1")));
        m_store->upsertRecords(
            {visitRecord(QStringLiteral("v1"), QStringLiteral("video-1"), QStringLiteral("waiting"), 2)});
        auto *pane = m_window->videoPane();
        QVERIFY(!pane->findChild<QPushButton *>(QStringLiteral("admitPatientButton"))->isEnabled());
        QVERIFY(!pane->findChild<QPushButton *>(QStringLiteral("endVisitButton"))->isEnabled());
        QVERIFY(!pane->findChild<QPushButton *>(QStringLiteral("phoneInsteadButton"))->isEnabled());
        QVERIFY(pane->findChild<QPushButton *>(QStringLiteral("joinCallButton"))->isEnabled());

        // Join and hang up: no after-call dialog (the unit's staff end the visit).
        Dialogs::setNextAnswer(true); // the pre-call check
        pane->join();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(Dialogs::queuedAnswers(), 0);
        Dialogs::setNextAnswer(true); // an after-call dialog would take it
        finish(QString());
        QVERIFY(runPostedWork()); // the host's zero-timer after the call has run
        QCOMPARE(Dialogs::queuedAnswers(), 1); // no after-call dialog was shown
        QVERIFY(m_sink->withPath(QStringLiteral("/api/v1/visits/v1/end")).isEmpty());
        Dialogs::clearAnswers();

        // The synced staff entity gains the visit's unit: the pane follows.
        m_store->setStaff({{QStringLiteral("me"),
                            QStringLiteral("anna"),
                            QStringLiteral("Anna A"),
                            QStringLiteral("nurse"),
                            {QStringLiteral("unit-kommun"), QStringLiteral("unit-1")}}});
        QVERIFY(pane->findChild<QPushButton *>(QStringLiteral("endVisitButton"))->isEnabled());
    }

    void withoutLauncherSaysSo()
    {
        QVERIFY(m_window->openItem(QStringLiteral("video-1")));
        Dialogs::setNextAnswer(true);
        m_window->videoPane()->join();
        QVERIFY(!m_window->inCall());
    }

    void bookActionAndShortcutHelp()
    {
        QAction *book = m_window->action(MainWindow::Action::BookVisit);
        QVERIFY(book);
        QCOMPARE(book->objectName(), QStringLiteral("actionBookVisit"));
        QCOMPARE(book->shortcut(), QKeySequence(Qt::Key_B));
        // Every shortcut is listed once, the video pane's among them, and none is used twice (the
        // form pane shares the alert pane's keys: the two are never shown together).
        QSet<QString> keys;
        const QList<QAction *> actions = m_window->shortcutActions();
        QVERIFY(actions.contains(book));
        QVERIFY(actions.contains(m_window->videoPane()->shortcutActions().first()));
        for (QAction *action : actions)
            for (const QKeySequence &key : action->shortcuts()) {
                if (action->parent()->objectName() == u"formResponsePane")
                    continue;
                QVERIFY2(!keys.contains(key.toString()), qPrintable(key.toString()));
                keys.insert(key.toString());
            }

        // The dialog knows the cached patients and colleagues (not me), and the current patient.
        QVERIFY(m_window->openItem(QStringLiteral("chat-1")));
        auto dialog = m_window->createBookingDialog();
        QCOMPARE(dialog->request().patientId, QStringLiteral("p1"));
        auto *participants = dialog->findChild<QListWidget *>(QStringLiteral("participantList"));
        QCOMPARE(participants->count(), 1);
        QCOMPARE(participants->item(0)->text(), QStringLiteral("Bo B (GP)"));
        dialog.reset();

        // B opens it (answered: closed).
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        Dialogs::setNextAnswer(false);
        QTest::keyClick(m_window->inboxView(), Qt::Key_B);
        QCOMPARE(Dialogs::queuedAnswers(), 0);
    }

    void sampleInboxScreenshots()
    {
        // The sample inbox (nara --screenshots without a server) has a waiting patient to show.
        InboxStore store;
        fillSampleInbox(store, m_clock.nowMs(), QStringLiteral("me"));
        RecordingSink sink;
        WorkstationContext context{&store, &sink, &m_clock, QStringLiteral("me"), QStringLiteral("Anna"), {}, {}};
        context.mediaDevices = m_devices.get();
        MainWindow window(context);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto rendered = renderScreenshots(window, dir.path());
        QVERIFY2(rendered, rendered ? "" : qPrintable(rendered.error().message));
        for (const QString &name :
             {QStringLiteral("booking.png"), QStringLiteral("video.png"), QStringLiteral("precallcheck.png")})
            QVERIFY2(QFileInfo(QDir(dir.path()).filePath(name)).size() > 1000, qPrintable(name));
        QVERIFY(window.videoPane()->visit().has_value());
        QVERIFY(window.videoPane()->visit()->isWaiting());
    }
};

QTEST_MAIN(TestVideoVisits)
#include "tst_videovisits.moc"
