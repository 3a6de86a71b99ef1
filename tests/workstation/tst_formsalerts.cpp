// Forms and alerts in the main window: the pane by kind, the form pane following its records,
// closing with a note, escalating, contacting the patient (their chat, past the filters), sending a
// form (F) and the monitoring plan (Shift+M) from the keyboard, and the screenshots.

#include "../forms/responsebuilder.h"
#include "fakeclock.h"
#include "forms/core/bundledquestionnaires.h"
#include "forms/ui/formresponsepane.h"
#include "forms/ui/formtrendchart.h"
#include "forms/ui/sendformdialog.h"
#include "inboxfixtures.h"
#include "monitoring/ui/alertpane.h"
#include "monitoring/ui/escalatedialog.h"
#include "monitoring/ui/planeditordialog.h"
#include "workstation/ui/detailpanes.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/formshost.h"
#include "workstation/ui/itemdetailpane.h"
#include "workstation/ui/mainwindow.h"
#include "workstation/ui/monitoringhost.h"
#include "workstation/ui/screenshots.h"
#include "workstation/ui/shortcuthelpdialog.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>

using namespace nara;
using namespace nara::workstation;
using inbox::Priority;
using nara::test::makeItem;
using nara::test::RecordingSink;
using namespace Qt::StringLiterals;

namespace {

const QString kCodes[] = {u"not-at-all"_s, u"several-days"_s, u"more-than-half"_s, u"nearly-every-day"_s};

// A PHQ-9 form_response record; every item answered `points`, item 9 `item9`.
sync::CachedRecord phq9Response(const QString &id, const QString &itemId, const QString &patientId, qint64 authoredAt,
                                int points, int item9)
{
    const auto questionnaire = forms::loadBundledQuestionnaire(u"phq-9"_s);
    QList<forms::test::Entry> answers;
    for (int i = 1; i <= 9; ++i)
        answers.append({u"phq9-"_s + QString::number(i), forms::test::coding(kCodes[i == 9 ? item9 : points])});
    const int total = 8 * points + item9;
    const QJsonObject score{{u"instrument"_s, u"phq-9"_s},
                            {u"total"_s, total},
                            {u"maxTotal"_s, 27},
                            {u"severity"_s, u"moderate"_s},
                            {u"severityLabel"_s, u"Måttlig"_s},
                            {u"severityLabelEn"_s, u"Moderate"_s},
                            {u"priority"_s, item9 > 0 ? u"stat"_s : u"urgent"_s},
                            {u"reasons"_s,
                             QJsonArray{QJsonObject{{u"code"_s, u"total"_s},
                                                    {u"priority"_s, u"urgent"_s},
                                                    {u"text"_s, u"PHQ-9: totalpoäng"_s},
                                                    {u"textEn"_s, u"PHQ-9: total score"_s}}}}};
    const QJsonObject data{{u"id"_s, id},
                           {u"version"_s, 1},
                           {u"requestId"_s, QString(u"req-"_s + id)},
                           {u"patientId"_s, patientId},
                           {u"unitId"_s, u"unit-1"_s},
                           {u"questionnaireId"_s, u"phq-9"_s},
                           {u"itemId"_s, itemId},
                           {u"authoredAt"_s, authoredAt},
                           {u"score"_s, score},
                           {u"response"_s, forms::test::response(*questionnaire, answers)}};
    return {u"form_response"_s, id, 1, data};
}

sync::CachedRecord formRequest(const QString &id, const QString &itemId, const QString &patientId, const QString &state,
                               qint64 dueAt)
{
    const QJsonObject data{{u"id"_s, id},
                           {u"version"_s, 1},
                           {u"patientId"_s, patientId},
                           {u"unitId"_s, u"unit-1"_s},
                           {u"questionnaireId"_s, u"phq-9"_s},
                           {u"title"_s, u"PHQ-9"_s},
                           {u"seriesId"_s, id},
                           {u"occasion"_s, 1},
                           {u"occasions"_s, 1},
                           {u"availableAt"_s, dueAt - 7 * 86'400'000LL},
                           {u"dueAt"_s, dueAt},
                           {u"state"_s, state},
                           {u"itemId"_s, itemId},
                           {u"sentBy"_s, u"me"_s},
                           {u"sentAt"_s, dueAt - 7 * 86'400'000LL}};
    return {u"form_request"_s, id, 1, data};
}

} // namespace

class TestFormsAlerts : public QObject
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
    QStackedWidget *stack() const { return find<QStackedWidget>(u"detailStack"_s); }
    forms::FormResponsePane *formPane() const { return m_window->detailPanes()->forms()->pane(); }
    QString status() const { return m_window->statusBar()->currentMessage(); }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"nara-test"_s);
        QCoreApplication::setApplicationName(u"formsalerts"_s);
    }

    void init()
    {
        QSettings().clear();
        Dialogs::clearAnswers();
        Dialogs::setNonInteractive(true);
        m_clock.setMs(QDateTime(QDate(2026, 11, 26), QTime(10, 0)).toMSecsSinceEpoch());
        m_store = std::make_unique<InboxStore>();
        m_sink = std::make_unique<RecordingSink>();
        m_store->setPatients({{u"p1"_s, {u"Tolvan Tolvansson"_s, u"19121212-1212"_s}},
                              {u"p2"_s, {u"Elsa Exempel"_s, u"19400101-0002"_s}}});
        m_store->setStaff({{u"me"_s, u"anna"_s, u"Anna A"_s, u"nurse"_s, {u"unit-1"_s}},
                           {u"s2"_s, u"bo"_s, u"Bo B"_s, u"gp"_s, {u"unit-1"_s}},
                           {u"s3"_s, u"cia"_s, u"Cia C"_s, u"gp"_s, {u"unit-other"_s}}});
        const qint64 now = m_clock.nowMs();
        auto chat = makeItem(u"chat-1"_s, Priority::Routine, now - 600'000);
        chat.patientId = u"p1"_s;
        auto closedChat
            = makeItem(u"chat-0"_s, Priority::Routine, now - 900'000, inbox::Kind::Chat, inbox::State::Done);
        closedChat.patientId = u"p2"_s;
        auto form = makeItem(u"form-1"_s, Priority::Stat, now - 60'000, inbox::Kind::Form);
        form.patientId = u"p1"_s;
        form.title = u"PHQ-9 besvarat: 10 poäng – måttlig"_s;
        auto overdue = makeItem(u"form-2"_s, Priority::Routine, now - 30'000, inbox::Kind::Form);
        overdue.patientId = u"p2"_s;
        overdue.title = u"PHQ-9 ej besvarat"_s;
        auto alert = makeItem(u"alert-1"_s, Priority::Asap, now - 120'000, inbox::Kind::Alert);
        alert.patientId = u"p1"_s;
        alert.title = u"Blodtryck 182/95 mmHg – röd gräns"_s;
        m_store->resetRecords({u"form_request"_s, u"form_response"_s},
                              {formRequest(u"req-r1"_s, u"form-1"_s, u"p1"_s, u"answered"_s, now),
                               formRequest(u"req-2"_s, u"form-2"_s, u"p2"_s, u"overdue"_s, now - 86'400'000),
                               phq9Response(u"r0"_s, u"form-0"_s, u"p1"_s, now - 14 * 86'400'000LL, 2, 0),
                               phq9Response(u"r1"_s, u"form-1"_s, u"p1"_s, now - 60'000, 1, 2)});
        m_store->reset({chat, closedChat, form, overdue, alert});
        m_window = std::make_unique<MainWindow>(
            WorkstationContext{m_store.get(), m_sink.get(), &m_clock, u"me"_s, u"Anna A"_s, {}, {}});
    }

    void cleanup()
    {
        m_window.reset();
        m_sink.reset();
        m_store.reset();
        QCOMPARE(Dialogs::queuedAnswers(), 0);
    }

    void paneByKind()
    {
        m_window->show();
        QVERIFY(m_window->openItem(u"form-1"_s));
        QCOMPARE(stack()->currentWidget(), formPane());
        QCOMPARE(formPane()->itemId(), u"form-1"_s);
        QVERIFY(m_window->detailPane()->itemId().isEmpty()); // no reply goes to a form item
        QCOMPARE(formPane()->findChild<QLabel *>(u"formHeader"_s)->text(), u"PHQ-9"_s);
        QCOMPARE(formPane()->findChild<QLabel *>(u"formPriority"_s)->property("priority").toString(), u"stat"_s);
        // The patient's earlier answer (its item long gone) is on the chart.
        QCOMPARE(formPane()->trendChart()->totals()->count(), 2);
        QCOMPARE(formPane()->trendChart()->totals()->at(0).y(), 16.0);
        QCOMPARE(formPane()->trendChart()->totals()->at(1).y(), 10.0);

        QVERIFY(m_window->openItem(u"alert-1"_s));
        QCOMPARE(stack()->currentWidget(), m_window->detailPanes()->monitoring()->pane());
        QCOMPARE(m_window->detailPanes()->monitoring()->alertPane()->itemId(), u"alert-1"_s);
        QVERIFY(formPane()->itemId().isEmpty());

        QVERIFY(m_window->openItem(u"chat-1"_s));
        QCOMPARE(stack()->currentWidget(), m_window->detailPane());
        QCOMPARE(m_window->detailPane()->itemId(), u"chat-1"_s);
        QVERIFY(m_window->detailPanes()->monitoring()->alertPane()->itemId().isEmpty());
    }

    void formPaneFollowsItsRecords()
    {
        m_window->show();
        QVERIFY(m_window->openItem(u"form-2"_s));
        auto *state = formPane()->findChild<QLabel *>(u"formState"_s);
        QVERIFY2(state->text().startsWith(u"Not answered – was due "_s), qPrintable(state->text()));
        QVERIFY(formPane()->findChild<QTreeWidget *>(u"formAnswers"_s)->isHidden());
        // The patient answers late: the overdue item takes the answer.
        m_store->upsertRecords({phq9Response(u"r2"_s, u"form-2"_s, u"p2"_s, m_clock.nowMs(), 0, 0)});
        QVERIFY2(state->text().startsWith(u"Answered "_s), qPrintable(state->text()));
        QVERIFY(formPane()->findChild<QTreeWidget *>(u"formAnswers"_s)->isVisible());
        // Records of other patients leave it alone; the item closed elsewhere disables closing.
        auto *close = formPane()->findChild<QPushButton *>(u"formCloseButton"_s);
        QVERIFY(close->isEnabled());
        inbox::InboxItem done = *m_store->item(u"form-2"_s);
        done.state = inbox::State::Done;
        done.version += 1;
        m_store->upsert({done});
        QVERIFY(!close->isEnabled());
    }

    void closeWithNoteAndEscalate()
    {
        m_window->show();
        QVERIFY(m_window->openItem(u"form-1"_s));
        m_sink->writes.clear();

        // Escalate: the one GP of the item's unit is chosen in the dialog (answered: accepted).
        Dialogs::setNextAnswer(true);
        QTest::mouseClick(formPane()->findChild<QPushButton *>(u"formEscalateButton"_s), Qt::LeftButton);
        const auto escalations = m_sink->withPath(u"/api/v1/items/form-1/escalate"_s);
        QCOMPARE(escalations.size(), 1);
        QCOMPARE(RecordingSink::body(escalations.first()), QJsonObject({{u"staffId"_s, u"s2"_s}}));
        QCOMPARE(escalations.first().itemId, u"form-1"_s);
        QCOMPARE(status(), u"Sending: the escalation to Bo B…"_s); // not done before the server says so
        // The server refuses it in the end: said, not swallowed.
        m_window->writeRejected(escalations.first().id, Error::invalidInput(u"not a GP of the unit"_s));
        QCOMPARE(status(), u"The escalation was refused: not a GP of the unit"_s);
        m_window->writeRejected(u"someone-elses-write"_s, Error::invalidInput(u"whatever"_s));
        QCOMPARE(status(), u"The escalation was refused: not a GP of the unit"_s);
        // Another escalation is delivered: now it is said as done.
        Dialogs::setNextAnswer(true);
        QTest::mouseClick(formPane()->findChild<QPushButton *>(u"formEscalateButton"_s), Qt::LeftButton);
        m_window->detailPanes()->writeDelivered(m_sink->withPath(u"/api/v1/items/form-1/escalate"_s).last().id);
        QCOMPARE(status(), u"Escalated to Bo B."_s);

        // Close with a note (required: cancelled or empty closes nothing).
        Dialogs::setNextAnswer(QString());
        QTest::mouseClick(formPane()->findChild<QPushButton *>(u"formCloseButton"_s), Qt::LeftButton);
        QVERIFY(m_sink->withPath(u"/api/v1/items/form-1/close"_s).isEmpty());
        Dialogs::setNextAnswer(u"Ringt patienten, bokat besök i dag"_s);
        QTest::mouseClick(formPane()->findChild<QPushButton *>(u"formCloseButton"_s), Qt::LeftButton);
        const auto closes = m_sink->withPath(u"/api/v1/items/form-1/close"_s);
        QCOMPARE(closes.size(), 1);
        QCOMPARE(RecordingSink::body(closes.first()),
                 QJsonObject({{u"note"_s, u"Ringt patienten, bokat besök i dag"_s}}));
        QVERIFY(m_store->item(u"form-1"_s)->state == inbox::State::Done);
    }

    void alertWritesSayWhetherTheServerTookThem()
    {
        m_window->show();
        QVERIFY(m_window->openItem(u"alert-1"_s));
        auto *pane = m_window->detailPanes()->monitoring()->alertPane();
        auto *paneStatus = pane->findChild<QLabel *>(u"alertStatus"_s);
        m_sink->writes.clear();

        // Handled (with a note): being sent; a colleague holds the item, so the server refuses it.
        pane->setDialogRunner([](QDialog &dialog) {
            dialog.findChild<QPlainTextEdit *>(u"processNote"_s)->setPlainText(u"Ringt patienten"_s);
            return int(QDialog::Accepted);
        });
        QTest::mouseClick(pane->findChild<QPushButton *>(u"alertHandledButton"_s), Qt::LeftButton);
        const auto closes = m_sink->withPath(u"/api/v1/items/alert-1/close"_s);
        QCOMPARE(closes.size(), 1);
        QCOMPARE(status(), u"Sending: the alert is marked as handled…"_s);
        m_window->writeRejected(u"someone-elses-write"_s, Error::conflict(u"whatever"_s));
        QCOMPARE(status(), u"Sending: the alert is marked as handled…"_s);
        const QJsonObject heldBy{{u"heldBy"_s, QJsonObject{{u"id"_s, u"s2"_s}, {u"displayName"_s, u"Bo B"_s}}}};
        m_window->writeRejected(closes.first().id,
                                Error::conflict(u"A colleague is already handling this item."_s, heldBy));
        QCOMPARE(status(), u"The alert was not marked as handled: Bo B is handling the item."_s);
        QCOMPARE(paneStatus->text(), status());

        // Escalated to the GP of the unit: being sent; the GP has left the unit meanwhile (400).
        pane->setDialogRunner([](QDialog &dialog) {
            static_cast<monitoring::EscalateDialog &>(dialog).selectStaff(u"s2"_s);
            return int(QDialog::Accepted);
        });
        QTest::mouseClick(pane->findChild<QPushButton *>(u"escalateButton"_s), Qt::LeftButton);
        auto escalations = m_sink->withPath(u"/api/v1/items/alert-1/escalate"_s);
        QCOMPARE(escalations.size(), 1);
        QCOMPARE(status(), u"Sending: the alert is escalated to Bo B…"_s);
        QCOMPARE(paneStatus->text(), u"Sending: the alert is escalated to Bo B…"_s);
        m_window->writeRejected(escalations.first().id,
                                Error::invalidInput(u"The staff member is not a GP of the unit."_s));
        QCOMPARE(status(), u"The alert was not escalated to Bo B: Bo B is no longer a GP of the alert's care unit."_s);
        QCOMPARE(paneStatus->text(), status());
        // Sent again and delivered: now it is said as done; a late word on it changes nothing.
        QTest::mouseClick(pane->findChild<QPushButton *>(u"escalateButton"_s), Qt::LeftButton);
        escalations = m_sink->withPath(u"/api/v1/items/alert-1/escalate"_s);
        QCOMPARE(escalations.size(), 2);
        m_window->detailPanes()->writeDelivered(escalations.last().id);
        QCOMPARE(status(), u"The alert is escalated to Bo B."_s);
        m_window->writeRejected(escalations.last().id, Error::conflict(u"whatever"_s));
        QCOMPARE(status(), u"The alert is escalated to Bo B."_s);

        // The monitoring plan saved in the editor while a colleague saved theirs: 409.
        Dialogs::setNonInteractive(false);
        QTimer::singleShot(0, this, [] {
            if (auto *editor = qobject_cast<monitoring::PlanEditorDialog *>(QApplication::activeModalWidget()))
                editor->save();
        });
        QTimer guard; // never blocks, whatever happens above
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, this, [] {
            if (QWidget *modal = QApplication::activeModalWidget())
                modal->close();
        });
        guard.start(20'000);
        m_window->detailPanes()->monitoring()->editPlan(u"p1"_s);
        Dialogs::setNonInteractive(true);
        const auto plans = m_sink->withPath(u"/api/v1/patients/p1/monitoring-plan"_s);
        QCOMPARE(plans.size(), 1);
        QCOMPARE(status(), u"Sending: the monitoring plan is saved…"_s);
        m_window->writeRejected(plans.first().id, Error::conflict(u"The monitoring plan has changed."_s));
        QCOMPARE(status(),
                 u"The monitoring plan was not saved: a colleague has changed the plan meanwhile – open it "
                 u"again."_s);
        QCOMPARE(paneStatus->text(), status()); // the pane shows an alert of that patient
    }

    void contactPatientOpensTheirChat()
    {
        activate();
        // Filtered to forms: the chat is hidden, so the filters are cleared to show it.
        auto *kinds = find<QComboBox>(u"kindFilter"_s);
        kinds->setCurrentIndex(kinds->findData(int(inbox::Kind::Form)));
        QVERIFY(!m_window->openItem(u"chat-1"_s));
        QVERIFY(m_window->openItem(u"form-1"_s));
        QTest::mouseClick(formPane()->findChild<QPushButton *>(u"formContactButton"_s), Qt::LeftButton);
        QCOMPARE(m_window->currentItemId(), u"chat-1"_s);
        QCOMPARE(stack()->currentWidget(), m_window->detailPane());
        QCOMPARE(kinds->currentIndex(), 0);

        // From the alert pane too.
        QVERIFY(m_window->openItem(u"alert-1"_s));
        auto *alertPane = m_window->detailPanes()->monitoring()->alertPane();
        QTest::mouseClick(alertPane->findChild<QPushButton *>(u"contactPatientButton"_s), Qt::LeftButton);
        QCOMPARE(m_window->currentItemId(), u"chat-1"_s);

        // A patient whose only chat is closed: a first message starts one; the form stays open
        // until the new chat is delivered.
        QVERIFY(m_window->openItem(u"form-2"_s));
        Dialogs::setNextAnswer(u"Hej, vi vill gärna prata med dig om formuläret."_s);
        QTest::mouseClick(formPane()->findChild<QPushButton *>(u"formContactButton"_s), Qt::LeftButton);
        QCOMPARE(m_window->currentItemId(), u"form-2"_s);
        QCOMPARE(m_sink->withPath(u"/api/v1/chats"_s).size(), 1);
        QCOMPARE(status(), u"The chat with Elsa Exempel is being started…"_s);
    }

    void sendFormAndPlanFromTheKeyboard()
    {
        activate();
        auto *send = m_window->action(MainWindow::Action::SendForm);
        auto *plan = m_window->action(MainWindow::Action::MonitoringPlan);
        QCOMPARE(send->shortcut(), QKeySequence(Qt::Key_F));
        QCOMPARE(plan->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_M));
        const QList<QAction *> bar = find<QToolBar>(u"inboxToolBar"_s)->actions();
        QVERIFY(bar.contains(send) && bar.contains(plan));

        // No key twice, the panes' keys included; the form and alert panes are never shown together
        // and share keys for the same kind of action (handled, escalate, contact).
        const auto checkUnique = [this](const QObject *leaveOut) {
            QSet<QKeySequence> keys;
            for (QAction *action : m_window->shortcutActions()) {
                if (action->parent() == leaveOut)
                    continue;
                for (const QKeySequence &key : action->shortcuts()) {
                    QVERIFY2(!keys.contains(key), qPrintable(key.toString()));
                    keys.insert(key);
                }
            }
        };
        checkUnique(formPane());
        checkUnique(m_window->findChild<QWidget *>(u"alertPane"_s));
        QVERIFY(m_window->shortcutActions().contains(formPane()->shortcutActions().first()));
        ShortcutHelpDialog help(m_window->shortcutActions());
        QStringList listed;
        auto *table = help.findChild<QTableWidget *>(u"shortcutTable"_s);
        for (int row = 0; row < table->rowCount(); ++row)
            listed.append(table->item(row, 0)->text());
        QVERIFY(listed.contains(u"Send a form…"_s) && listed.contains(u"Monitoring plan…"_s));
        QVERIFY(listed.contains(u"Escalate to a doctor…"_s));

        // F: the dialog, for the patient of the item open (cancelled here).
        QVERIFY(m_window->openItem(u"form-2"_s));
        QCOMPARE(m_window->createSendFormDialog()->draft()->patientId, u"p2"_s);
        Dialogs::setNextAnswer(false);
        QTest::keyClick(m_window->inboxView(), Qt::Key_F);
        QCOMPARE(Dialogs::queuedAnswers(), 0);

        // Shift+M: the plan editor of the item's patient (cancelled); without a patient, a word.
        Dialogs::setNextAnswer(false);
        QTest::keyClick(m_window->inboxView(), Qt::Key_M, Qt::ShiftModifier);
        QCOMPARE(Dialogs::queuedAnswers(), 0);
        auto noPatient = makeItem(u"chat-9"_s, Priority::Routine, m_clock.nowMs());
        m_store->upsert({noPatient});
        QVERIFY(m_window->openItem(u"chat-9"_s));
        QTest::keyClick(m_window->inboxView(), Qt::Key_M, Qt::ShiftModifier);
        QCOMPARE(status(), u"Choose an item about a patient first."_s);
    }

    void screenshotsOfFormsAndAlerts()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto rendered = renderScreenshots(*m_window, dir.path());
        QVERIFY2(rendered, rendered ? "" : qPrintable(rendered.error().message));
        for (const QString &name : {u"form.png"_s, u"sendform.png"_s, u"alert.png"_s, u"monitoringplan.png"_s})
            QVERIFY2(QFileInfo(QDir(dir.path()).filePath(name)).size() > 1000, qPrintable(name));
        QVERIFY(!QApplication::activeModalWidget()); // the plan editor is gone again
        QVERIFY(m_sink->withPath(u"/api/v1/patients/p1/monitoring-plan"_s).isEmpty()); // and saved nothing
    }
};

QTEST_MAIN(TestFormsAlerts)
#include "tst_formsalerts.moc"
