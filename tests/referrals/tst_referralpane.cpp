// The referral pane with real widgets, offscreen, and a recording write sink: what each state offers
// each role, the header (priority, state, due and overdue), the answer's body exactly as the
// contract says, refusals that send nothing, the request for more information, the sender's
// acknowledgement and added images. (Images and the comparison: tst_referralpaneimages.cpp.)

#include "referralpanefixture.h"
#include "referrals/ui/referralanswerform.h"
#include "referrals/ui/referraltexts.h"
#include "referrals/ui/requestinfodialog.h"

#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSpinBox>

using namespace nara;
using namespace nara::referrals;
using namespace nara::referrals::test;
using namespace Qt::StringLiterals;

class TestReferralPane : public QObject
{
    Q_OBJECT

private:
    PaneHarness m_harness;
    RecordingSink *m_sink = &m_harness.sink;
    nara::test::FakeClock &m_clock = m_harness.clock;
    std::unique_ptr<ReferralPane> &m_pane = m_harness.pane;

    template<typename T> T *child(const QString &name) const { return m_harness.child<T>(name); }
    QAction *action(const QString &buttonName) const { return child<QAction>(buttonName + u"Action"_s); }
    bool offered(const QString &buttonName) const
    {
        return child<QPushButton>(buttonName)->isVisible() && action(buttonName)->isEnabled();
    }
    void fillAnswer(const QString &description, const QString &diagnosis, const QString &management, int months)
    {
        ReferralAnswerForm *form = m_pane->answerForm();
        form->descriptionEdit()->setPlainText(description);
        form->diagnosisBox()->setEditText(diagnosis);
        if (!management.isEmpty())
            form->setManagement(management);
        form->monthsBox()->setValue(months);
    }

private Q_SLOTS:
    void init() { QVERIFY(m_harness.start()); }
    void cleanup() { m_harness.pane.reset(); }

    void actionsByStateAndRole_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("dermatologist");
        QTest::addColumn<bool>("answer"); // form, send, request info
        QTest::addColumn<bool>("addImages");
        QTest::addColumn<bool>("acknowledge");
        QTest::newRow("sent, dermatologist") << u"sent"_s << true << true << false << false;
        QTest::newRow("sent, sender") << u"sent"_s << false << false << false << false;
        QTest::newRow("needs_info, dermatologist") << u"needs_info"_s << true << false << false << false;
        QTest::newRow("needs_info, sender") << u"needs_info"_s << false << false << true << false;
        QTest::newRow("answered, dermatologist") << u"answered"_s << true << false << false << false;
        QTest::newRow("answered, sender") << u"answered"_s << false << false << false << true;
        QTest::newRow("acknowledged, dermatologist") << u"acknowledged"_s << true << false << false << false;
        QTest::newRow("acknowledged, sender") << u"acknowledged"_s << false << false << false << false;
    }

    void actionsByStateAndRole()
    {
        QFETCH(QString, state);
        QFETCH(bool, dermatologist);
        QFETCH(bool, answer);
        QFETCH(bool, addImages);
        QFETCH(bool, acknowledge);
        m_pane->showReferral(itemView(referral(state, 3), dermatologist));
        QCOMPARE(child<QLabel>(u"referralState"_s)->text(), ReferralTexts::stateText(state));
        QCOMPARE(m_pane->answerForm()->isVisible(), answer);
        QCOMPARE(offered(u"referralSendAnswerButton"_s), answer);
        QCOMPARE(offered(u"referralRequestInfoButton"_s), answer);
        QCOMPARE(offered(u"referralAddImagesButton"_s), addImages);
        QCOMPARE(offered(u"referralAcknowledgeButton"_s), acknowledge);
        QCOMPARE(child<QLabel>(u"referralAnswer"_s)->isVisible(), state == u"answered" || state == u"acknowledged");

        // Neither role may act by key where it may not by button (the empty answer is refused, the
        // request for information cancelled: only the acknowledgement is written).
        QSignalSpy addImagesAsked(m_pane.get(), &ReferralPane::addImagesRequested);
        for (QAction *shortcut : m_pane->shortcutActions())
            shortcut->trigger();
        QCOMPARE(m_sink->writes.size(), acknowledge ? 1 : 0);
        QCOMPARE(addImagesAsked.count(), addImages ? 1 : 0);
    }

    void nothingShownOffersNothing()
    {
        m_pane->showReferral({});
        for (QAction *shortcut : m_pane->shortcutActions())
            QVERIFY(!shortcut->isEnabled());
        QCOMPARE(child<QLabel>(u"referralHeader"_s)->text(), ReferralPane::tr("No item selected"));
    }

    void theShortcutsAreTheAgreedOnes()
    {
        QStringList keys;
        for (const QAction *shortcut : m_pane->shortcutActions())
            keys.append(shortcut->shortcut().toString(QKeySequence::PortableText));
        QCOMPARE(keys, (QStringList{u"Ctrl+Shift+S"_s, u"Ctrl+Shift+I"_s, u"Ctrl+Shift+U"_s, u"Ctrl+Shift+B"_s}));
    }

    void theHeaderSaysPriorityStateAndDue()
    {
        m_pane->showReferral(itemView(referral(u"sent"_s, 3), true));
        QCOMPARE(child<QLabel>(u"referralHeader"_s)->text(), ReferralPane::tr("Skin referral: %1").arg(u"Rygg"_s));
        QCOMPARE(child<QLabel>(u"referralPriority"_s)->text(), ReferralTexts::tr("Urgent (cancer pathway)"));
        auto *due = child<QLabel>(u"referralDue"_s);
        QCOMPARE(due->text(), ReferralTexts::dueText(kNow + 2 * kDay, false));
        QVERIFY(!due->property("overdue").toBool());
        QVERIFY(child<QLabel>(u"referralHistory"_s)->text().contains(u"3 månader"_s));
        QCOMPARE(child<QLabel>(u"referralQuestion"_s)->text(), u"Växande pigmenterad förändring, melanom?"_s);
        QVERIFY(child<QLabel>(u"referralDetails"_s)->text().contains(u"Bo Berg"_s));

        m_clock.advanceMs(3 * kDay);
        m_pane->showReferral(itemView(referral(u"sent"_s, 3), true));
        QVERIFY(due->property("overdue").toBool());
        QCOMPARE(due->text(), ReferralTexts::dueText(kNow + 2 * kDay, true));
        QVERIFY(due->text() != ReferralTexts::dueText(kNow + 2 * kDay, false));

        QJsonObject routine = referral(u"answered"_s, 4);
        routine.insert(u"priority"_s, u"routine"_s);
        m_pane->showReferral(itemView(routine, false));
        QCOMPARE(child<QLabel>(u"referralPriority"_s)->text(), ReferralTexts::tr("Routine"));
        QVERIFY(!due->isVisible()); // answered: nothing is due any more
        const QString answer = child<QLabel>(u"referralAnswer"_s)->text();
        QVERIFY(answer.contains(u"Asymmetrisk pigmentering."_s));
        QVERIFY(answer.contains(u"C43.9"_s));
        QVERIFY(answer.contains(u"Dora Derm"_s));
    }

    void infoRequestsAndRepliesAreShown()
    {
        QJsonObject record = referral(u"sent"_s, 5);
        record.insert(u"infoRequests"_s,
                      QJsonArray{QJsonObject{{u"question"_s, u"Dermatoskopibild, tack."_s},
                                             {u"askedBy"_s, u"s-derm"_s},
                                             {u"askedAt"_s, kNow - kDay},
                                             {u"reply"_s, u"Bifogad."_s},
                                             {u"repliedBy"_s, u"s-gp"_s},
                                             {u"repliedAt"_s, kNow - kDay / 2}}});
        m_pane->showReferral(itemView(record, true));
        const QString text = child<QLabel>(u"referralInfoRequests"_s)->text();
        QVERIFY(text.contains(u"Dermatoskopibild, tack."_s));
        QVERIFY(text.contains(u"Bifogad."_s));
    }

    void theAnswerIsSentAsTheContractSays_data()
    {
        QTest::addColumn<QString>("management");
        QTest::addColumn<int>("months");
        QTest::addColumn<QJsonObject>("expected");
        const QJsonObject base{
            {u"description"_s, u"Oregelbunden pigmentering."_s}, {u"diagnosis"_s, u"C43.9"_s}, {u"version"_s, 3}};
        QJsonObject followUp = base;
        followUp.insert(u"management"_s, u"follow_up"_s);
        followUp.insert(u"followUpMonths"_s, 6);
        QTest::newRow("follow-up") << u"follow_up"_s << 6 << followUp;
        QJsonObject pathway = base;
        pathway.insert(u"management"_s, u"cancer_pathway"_s);
        // The months spin box keeps a value, but only a follow-up sends it.
        QTest::newRow("cancer pathway") << u"cancer_pathway"_s << 6 << pathway;
        QJsonObject excision = base;
        excision.insert(u"management"_s, u"excision_dermatology"_s);
        QTest::newRow("excision") << u"excision_dermatology"_s << 0 << excision;
    }

    void theAnswerIsSentAsTheContractSays()
    {
        QFETCH(QString, management);
        QFETCH(int, months);
        QFETCH(QJsonObject, expected);
        m_pane->showReferral(itemView(referral(u"sent"_s, 3), true));
        QSignalSpy submitted(m_pane.get(), &ReferralPane::writeSubmitted);
        m_pane->answerForm()->setManagement(u"follow_up"_s);
        fillAnswer(u"  Oregelbunden pigmentering.\n"_s, u"C43.9 – Malignt melanom i huden, ospecificerat"_s, management,
                   months);
        QCOMPARE(m_pane->answerForm()->monthsBox()->isEnabled(), management == u"follow_up");
        QTest::keyClick(m_pane.get(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);

        QCOMPARE(m_sink->writes.size(), 1);
        const sync::PendingWrite &write = m_sink->writes.constFirst();
        QCOMPARE(write.method, u"POST"_s);
        QCOMPARE(write.path, u"/api/v1/referrals/r1/answer"_s);
        QCOMPARE(write.itemId, u"item-derm"_s);
        QCOMPARE(RecordingSink::body(write), expected);
        QCOMPARE(submitted.count(), 1);
        QCOMPARE(submitted.at(0).at(0).toString(), write.id);

        // Sending: nothing more is offered until the record changes.
        QCOMPARE(child<QLabel>(u"referralStatus"_s)->text(), ReferralPane::tr("Sending…"));
        QVERIFY(!m_pane->answerForm()->isEnabled());
        QVERIFY(!action(u"referralSendAnswerButton"_s)->isEnabled());
        QVERIFY(!action(u"referralRequestInfoButton"_s)->isEnabled());
        m_pane->showReferral(itemView(referral(u"sent"_s, 3), true)); // the same record again
        QVERIFY(!m_pane->answerForm()->isEnabled());
        action(u"referralSendAnswerButton"_s)->trigger();
        m_pane->sendAnswer();
        QCOMPARE(m_sink->writes.size(), 1);

        m_pane->showReferral(itemView(referral(u"answered"_s, 4), true));
        QVERIFY(m_pane->pendingWriteId().isEmpty());
        QVERIFY(child<QLabel>(u"referralStatus"_s)->text().isEmpty());
        QVERIFY(!m_pane->answerForm()->isVisible());
        QVERIFY(child<QLabel>(u"referralAnswer"_s)->isVisible());
    }

    void aCodeTypedWholeIsTheDiagnosis()
    {
        m_pane->showReferral(itemView(referral(u"sent"_s, 3), true));
        fillAnswer(u"Seborroisk keratos."_s, u"l82"_s, u"none"_s, 0);
        m_pane->sendAnswer();
        QCOMPARE(m_sink->writes.size(), 1);
        QCOMPARE(RecordingSink::body(m_sink->writes.constFirst()).value(u"diagnosis"_s).toString(), u"L82"_s);
    }

    void theDiagnosisIsFoundAsYouType()
    {
        m_pane->showReferral(itemView(referral(u"sent"_s, 3), true));
        QComboBox *box = m_pane->answerForm()->diagnosisBox();
        const auto found = [box](const QString &typed) {
            box->lineEdit()->clear();
            QTest::keyClicks(box->lineEdit(), typed);
            QStringList codes;
            QAbstractItemModel *model = box->completer()->completionModel();
            for (int row = 0; row < model->rowCount(); ++row)
                codes.append(model->index(row, 0).data().toString().section(u' ', 0, 0));
            return codes;
        };
        QCOMPARE(found(u"C43"_s), QStringList{u"C43.9"_s});
        const QStringList melanoma = found(u"melanom"_s);
        QVERIFY2(melanoma.contains(u"C43.9"_s) && melanoma.contains(u"D03.9"_s), qPrintable(melanoma.join(u' ')));
        QVERIFY(!melanoma.contains(u"L82"_s));
        // A search is not a diagnosis.
        QVERIFY(m_pane->answerForm()->diagnosisCode().isEmpty());
    }

    void anIncompleteAnswerIsRefused_data()
    {
        QTest::addColumn<QString>("description");
        QTest::addColumn<QString>("diagnosis");
        QTest::addColumn<QString>("management");
        QTest::addColumn<int>("months");
        QTest::addColumn<QList<AnswerDraft::Missing>>("missing");
        using M = AnswerDraft::Missing;
        QTest::newRow("no description") << u"  \n "_s << u"C43.9"_s << u"cancer_pathway"_s << 0
                                        << QList<M>{M::Description};
        QTest::newRow("no diagnosis") << u"Text"_s << QString() << u"none"_s << 0 << QList<M>{M::Diagnosis};
        QTest::newRow("only a search") << u"Text"_s << u"melanom"_s << u"none"_s << 0 << QList<M>{M::Diagnosis};
        QTest::newRow("a code not in the list") << u"Text"_s << u"J45.9"_s << u"none"_s << 0 << QList<M>{M::Diagnosis};
        QTest::newRow("no management") << u"Text"_s << u"L82"_s << QString() << 0 << QList<M>{M::Management};
        QTest::newRow("months missing") << u"Text"_s << u"D22.9"_s << u"follow_up"_s << 0
                                        << QList<M>{M::FollowUpMonths};
        QTest::newRow("nothing") << QString() << QString() << QString() << 0
                                 << QList<M>{M::Description, M::Diagnosis, M::Management};
    }

    void anIncompleteAnswerIsRefused()
    {
        QFETCH(QString, description);
        QFETCH(QString, diagnosis);
        QFETCH(QString, management);
        QFETCH(int, months);
        QFETCH(QList<AnswerDraft::Missing>, missing);
        m_pane->showReferral(itemView(referral(u"sent"_s, 3), true));
        QSignalSpy submitted(m_pane.get(), &ReferralPane::writeSubmitted);
        fillAnswer(description, diagnosis, management, months);
        QTest::keyClick(m_pane.get(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(m_sink->writes.isEmpty());
        QCOMPARE(submitted.count(), 0);
        auto *problems = child<QLabel>(u"referralAnswerProblems"_s);
        QCOMPARE(problems->text(), ReferralAnswerForm::missingText(missing));
        QVERIFY(problems->isVisible());
        QVERIFY(m_pane->answerForm()->isEnabled());
        QVERIFY(child<QLabel>(u"referralStatus"_s)->text().isEmpty());

        // What is said follows the form, and goes when nothing is missing.
        fillAnswer(u"Benign."_s, u"D22.9"_s, u"follow_up"_s, 12);
        QVERIFY(problems->text().isEmpty());
        m_pane->sendAnswer();
        QCOMPARE(m_sink->writes.size(), 1);
        QCOMPARE(RecordingSink::body(m_sink->writes.constFirst()).value(u"followUpMonths"_s).toInt(), 12);
    }

    void whatIsTypedSurvivesSync()
    {
        m_pane->showReferral(itemView(referral(u"sent"_s, 3), true));
        fillAnswer(u"Halvskrivet"_s, u"L82"_s, u"none"_s, 0);
        m_pane->showReferral(itemView(referral(u"sent"_s, 4), true));
        QCOMPARE(m_pane->answerForm()->answer().description, u"Halvskrivet"_s);
        QCOMPARE(m_pane->answerForm()->answer().diagnosis, u"L82"_s);
        QJsonObject other = referral(u"sent"_s, 1);
        other.insert(u"id"_s, u"r2"_s);
        m_pane->showReferral(itemView(other, true));
        QVERIFY(m_pane->answerForm()->answer().description.isEmpty());
    }

    void moreInformationIsRequested()
    {
        m_pane->showReferral(itemView(referral(u"sent"_s, 7), true));
        QString asked;
        m_pane->setDialogRunner([&](QDialog &dialog) {
            auto &request = dynamic_cast<RequestInfoDialog &>(dialog);
            request.setQuestion(asked);
            return asked.isEmpty() ? int(QDialog::Rejected) : int(QDialog::Accepted);
        });
        m_pane->requestInfo(); // cancelled
        QVERIFY(m_sink->writes.isEmpty());

        asked = u"  Ta en dermatoskopibild.  "_s;
        QSignalSpy submitted(m_pane.get(), &ReferralPane::writeSubmitted);
        QTest::keyClick(m_pane.get(), Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_sink->writes.size(), 1);
        const sync::PendingWrite &write = m_sink->writes.constFirst();
        QCOMPARE(write.path, u"/api/v1/referrals/r1/request-info"_s);
        QCOMPARE(write.itemId, u"item-derm"_s);
        QCOMPARE(RecordingSink::body(write),
                 (QJsonObject{{u"question"_s, u"Ta en dermatoskopibild."_s}, {u"version"_s, 7}}));
        QCOMPARE(submitted.count(), 1);
        QCOMPARE(child<QLabel>(u"referralStatus"_s)->text(), ReferralPane::tr("Sending…"));

        // Refused (stale): usable again, with the reason.
        m_pane->writeFinished(write.id, false, u"Remissen har ändrats."_s);
        QCOMPARE(child<QLabel>(u"referralStatus"_s)->text(), u"Remissen har ändrats."_s);
        QVERIFY(m_pane->answerForm()->isEnabled());
        QVERIFY(action(u"referralRequestInfoButton"_s)->isEnabled());
    }

    void aRecordChangedWhileTheDialogWasOpenSendsNothing()
    {
        m_pane->showReferral(itemView(referral(u"sent"_s, 7), true));
        m_pane->setDialogRunner([&](QDialog &dialog) {
            dynamic_cast<RequestInfoDialog &>(dialog).setQuestion(u"Fler bilder"_s);
            m_pane->showReferral(itemView(referral(u"answered"_s, 8), true)); // a colleague answered
            return int(QDialog::Accepted);
        });
        m_pane->requestInfo();
        QVERIFY(m_sink->writes.isEmpty());
        QVERIFY(!child<QLabel>(u"referralStatus"_s)->text().isEmpty());
    }

    void theSenderSaysThePatientIsInformed()
    {
        m_pane->showReferral(itemView(referral(u"answered"_s, 5), false));
        QSignalSpy submitted(m_pane.get(), &ReferralPane::writeSubmitted);
        QTest::keyClick(m_pane.get(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_sink->writes.size(), 1);
        const sync::PendingWrite &write = m_sink->writes.constFirst();
        QCOMPARE(write.path, u"/api/v1/referrals/r1/acknowledge"_s);
        QCOMPARE(write.itemId, u"item-gp"_s);
        QCOMPARE(RecordingSink::body(write), (QJsonObject{{u"version"_s, 5}}));
        QCOMPARE(submitted.count(), 1);
        QVERIFY(!action(u"referralAcknowledgeButton"_s)->isEnabled());
        m_pane->writeFinished(write.id, true, {});
        QVERIFY(!action(u"referralAcknowledgeButton"_s)->isEnabled());
        m_pane->showReferral(itemView(referral(u"acknowledged"_s, 6), false));
        QVERIFY(!child<QPushButton>(u"referralAcknowledgeButton"_s)->isVisible());
        QVERIFY(child<QLabel>(u"referralAnswer"_s)->text().contains(u"Dora Derm"_s));
    }

    void theSenderAddsImagesWhenAsked()
    {
        m_pane->showReferral(itemView(referral(u"needs_info"_s, 5), false));
        QSignalSpy requested(m_pane.get(), &ReferralPane::addImagesRequested);
        QTest::keyClick(m_pane.get(), Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), u"r1"_s);
        QVERIFY(m_sink->writes.isEmpty());
    }
};

QTEST_MAIN(TestReferralPane)
#include "tst_referralpane.moc"
