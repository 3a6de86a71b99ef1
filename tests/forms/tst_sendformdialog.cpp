// Sending a form from the workstation, with real widgets against a fake server: the body for once
// and for a schedule, the link and whether an SMS went out, refusals before anything is sent, and
// everything entered kept when the server cannot be reached.

#include "../sync/fakeapiserver.h"
#include "fakeclock.h"
#include "forms/ui/sendformdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace nara;
using namespace nara::forms;
using nara::test::FakeServer;
using namespace Qt::StringLiterals;

namespace {

const QString kUrl = u"http://127.0.0.1:8080/portal/#invitation=f0rm"_s;
const QDate kToday(2026, 11, 20);

QByteArray sentAnswer(int occasions, bool smsSent)
{
    QJsonArray requests;
    for (int i = 0; i < occasions; ++i)
        requests.append(
            QJsonObject{{u"id"_s, QString(u"req-"_s + QString::number(i + 1))},
                        {u"state"_s, u"pending"_s},
                        {u"dueAt"_s, QDateTime(kToday.addDays(7 + 14 * i), QTime(10, 0)).toMSecsSinceEpoch()}});
    const QJsonObject answer{
        {u"requests"_s, requests},
        {u"invitation"_s,
         QJsonObject{{u"url"_s, kUrl},
                     {u"token"_s, u"f0rm"_s},
                     {u"expiresAt"_s, QDateTime(kToday.addDays(8), QTime(10, 0)).toMSecsSinceEpoch()}}},
        {u"smsSent"_s, smsSent}};
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}

QList<FormPatient> patients()
{
    return {{u"p1"_s, u"Tolvan Tolvansson"_s, u"19121212-1212"_s}, {u"p2"_s, u"Elsa Exempel"_s, u"19400101-0002"_s}};
}

const FakeServer::Request *lastPost(const FakeServer &server)
{
    const FakeServer::Request *post = nullptr;
    for (const FakeServer::Request &request : server.requests)
        if (request.method == "POST")
            post = &request;
    return post;
}

} // namespace

class TestSendFormDialog : public QObject
{
    Q_OBJECT

private:
    test::FakeClock m_clock;

    template<typename T> static T *child(QWidget &parent, const char *name)
    {
        auto *widget = parent.findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no widget %s", name);
        return widget;
    }
    static void chooseQuestionnaire(QDialog &dialog, const QString &id)
    {
        auto *combo = child<QComboBox>(dialog, "questionnaireCombo");
        combo->setCurrentIndex(combo->findData(id));
    }
    static void repeat(QDialog &dialog, int everyDays, QDate until)
    {
        child<QRadioButton>(dialog, "formRepeat")->setChecked(true);
        child<QSpinBox>(dialog, "formEveryDays")->setValue(everyDays);
        child<QDateEdit>(dialog, "formUntil")->setDate(until);
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::Swedish, QLocale::Sweden)); }
    void init() { m_clock.setMs(QDateTime(kToday, QTime(10, 0)).toMSecsSinceEpoch()); }

    void questionnairesInSwedish()
    {
        SendFormDialog dialog(patients(), nullptr, m_clock);
        auto *combo = child<QComboBox>(dialog, "questionnaireCombo");
        QCOMPARE(combo->count(), 4);
        QStringList titles;
        for (int i = 0; i < combo->count(); ++i)
            titles.append(combo->itemText(i));
        QCOMPARE(titles,
                 (QStringList{u"PHQ-9"_s, u"GAD-7"_s, u"Uppföljning fysioterapi"_s, u"Inför besöket: dina besvär"_s}));
        QCOMPARE(combo->itemData(2).toString(), u"physio-follow-up"_s);
    }

    void sendsOnceAndShowsTheLink()
    {
        FakeServer server;
        server.handler = [](const FakeServer::Request &request) {
            if (request.method == "POST" && request.target == "/api/v1/forms/requests")
                return FakeServer::Response{201, sentAnswer(1, true)};
            return FakeServer::Response{404, test::problem(u"not-found"_s, 404)};
        };
        FormRequests requests(server.url(), u"token-1"_s);
        SendFormDialog dialog(patients(), &requests, m_clock);
        QSignalSpy sent(&dialog, &SendFormDialog::formSent);
        // Preselected from the inbox, then found by personnummer without the dash.
        dialog.selectPatient(u"p2"_s);
        QCOMPARE(dialog.draft()->patientId, u"p2"_s);
        QTest::keyClicks(child<QLineEdit>(dialog, "formPatientSearch"), u"191212121212"_s);
        QCOMPARE(child<QListWidget>(dialog, "formPatientList")->currentItem()->text(),
                 u"Tolvan Tolvansson, 19121212-1212"_s);
        chooseQuestionnaire(dialog, u"gad-7"_s);
        child<QSpinBox>(dialog, "formDueInDays")->setValue(5);
        QCOMPARE(child<QLabel>(dialog, "formSchedule")->text(), u"One form, sent now and due 25 nov."_s);

        QTest::mouseClick(child<QPushButton>(dialog, "sendFormButton"), Qt::LeftButton);
        QTRY_COMPARE(sent.size(), 1);
        const FakeServer::Request *post = lastPost(server);
        QVERIFY(post);
        QCOMPARE(post->headers.value("authorization"), QByteArray("Bearer token-1"));
        QVERIFY(!post->headers.value("idempotency-key").isEmpty());
        QCOMPARE(QJsonDocument::fromJson(post->body).object(),
                 (QJsonObject{{u"patientId"_s, u"p1"_s}, {u"questionnaireId"_s, u"gad-7"_s}, {u"dueInDays"_s, 5}}));

        const auto form = sent.first().first().value<SentForm>();
        QCOMPARE(form.requestIds, QStringList{u"req-1"_s});
        QCOMPARE(form.invitationUrl, kUrl);
        QVERIFY(dialog.isSent());
        QVERIFY(!child<QWidget>(dialog, "sendFormResult")->isHidden());
        auto *link = child<QLineEdit>(dialog, "formLink");
        QCOMPARE(link->text(), kUrl);
        QVERIFY(link->isReadOnly());
        auto *sms = child<QLabel>(dialog, "formSmsStatus");
        QVERIFY(sms->property("smsSent").toBool());
        QVERIFY(sms->text().startsWith(u"An SMS with the link went"_s));
        QVERIFY(child<QPushButton>(dialog, "sendFormButton")->isHidden());
        QVERIFY(!child<QComboBox>(dialog, "questionnaireCombo")->isEnabled());
        QTest::mouseClick(child<QPushButton>(dialog, "copyFormLink"), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), kUrl);
    }

    void sendsASchedule()
    {
        FakeServer server;
        server.handler = [](const FakeServer::Request &) {
            return FakeServer::Response{201, sentAnswer(7, false)};
        };
        FormRequests requests(server.url(), u"token-1"_s);
        SendFormDialog dialog(patients(), &requests, m_clock);
        QSignalSpy sent(&dialog, &SendFormDialog::formSent);
        dialog.selectPatient(u"p1"_s);
        chooseQuestionnaire(dialog, u"phq-9"_s);
        // Every 14 days until 12 weeks from now: occasions today and after 2, 4 … 12 weeks.
        repeat(dialog, 14, kToday.addDays(84));
        QCOMPARE(
            child<QLabel>(dialog, "formSchedule")->text(),
            u"7 form(s): the first now, then every 14 days until 12 feb 2027; each is due 7 days after it opens."_s);
        QTest::mouseClick(child<QPushButton>(dialog, "sendFormButton"), Qt::LeftButton);
        QTRY_COMPARE(sent.size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(lastPost(server)->body).object();
        const qint64 untilAt = QDateTime(kToday.addDays(84), QTime(23, 59, 59, 999)).toMSecsSinceEpoch();
        QCOMPARE(body,
                 (QJsonObject{{u"patientId"_s, u"p1"_s},
                              {u"questionnaireId"_s, u"phq-9"_s},
                              {u"dueInDays"_s, 7},
                              {u"everyDays"_s, 14},
                              {u"untilAt"_s, untilAt}}));
        QCOMPARE(sent.first().first().value<SentForm>().requestIds.size(), 7);
        auto *sms = child<QLabel>(dialog, "formSmsStatus");
        QVERIFY(!sms->property("smsSent").toBool());
        QVERIFY(sms->text().startsWith(u"No SMS went out"_s));
        QVERIFY(dialog.statusText().startsWith(u"The form is sent (7 form(s))."_s));
    }

    void refusesBeforeSending()
    {
        FakeServer server;
        FormRequests requests(server.url(), u"token-1"_s);
        SendFormDialog dialog(patients(), &requests, m_clock);
        dialog.selectPatient(u"p1"_s);
        auto *send = child<QPushButton>(dialog, "sendFormButton");

        // An end date before the start (today).
        repeat(dialog, 7, kToday.addDays(-1));
        QVERIFY(!dialog.draft());
        QVERIFY(child<QLabel>(dialog, "formSchedule")->text().startsWith(u"The end date is before the start"_s));
        QTest::mouseClick(send, Qt::LeftButton);
        QCOMPARE(dialog.statusText(), u"The end date is before the start: the first form goes out today, 20 nov."_s);
        QVERIFY(send->isEnabled());

        // More than the server plans at once.
        repeat(dialog, 1, kToday.addDays(100));
        QTest::mouseClick(send, Qt::LeftButton);
        QVERIFY2(dialog.statusText().startsWith(u"That makes 101 forms; at most 60"_s),
                 qPrintable(dialog.statusText()));
        // Today itself is a valid end: one occasion.
        repeat(dialog, 7, kToday);
        QVERIFY(dialog.draft());
        QCOMPARE(dialog.draft()->everyDays, 7);
        // The calendar offers no date past a year.
        QCOMPARE(child<QDateEdit>(dialog, "formUntil")->maximumDate(), kToday.addDays(364));

        // No patient left by the search.
        QTest::keyClicks(child<QLineEdit>(dialog, "formPatientSearch"), u"Nobody"_s);
        QTest::mouseClick(send, Qt::LeftButton);
        QCOMPARE(dialog.statusText(), u"Choose the patient."_s);

        QTest::qWait(50);
        QVERIFY(server.requests.isEmpty()); // nothing went to the server
    }

    void serverRefusalIsShown()
    {
        FakeServer server;
        server.handler = [](const FakeServer::Request &) {
            return FakeServer::Response{404, test::problem(u"not-found"_s, 404)};
        };
        FormRequests requests(server.url(), u"token-1"_s);
        SendFormDialog dialog(patients(), &requests, m_clock);
        QTest::mouseClick(child<QPushButton>(dialog, "sendFormButton"), Qt::LeftButton);
        QTRY_VERIFY(dialog.statusText().startsWith(u"The form was not sent: "_s));
        QVERIFY(!dialog.isSent());
        QVERIFY(child<QPushButton>(dialog, "sendFormButton")->isEnabled());
    }

    void offlineKeepsTheInput()
    {
        // A port nobody listens on: the server cannot be reached.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const QUrl url(u"http://127.0.0.1:%1"_s.arg(closed.serverPort()));
        closed.close();

        FormRequests requests(url, u"token-1"_s);
        SendFormDialog dialog(patients(), &requests, m_clock);
        QSignalSpy sent(&dialog, &SendFormDialog::formSent);
        dialog.selectPatient(u"p2"_s);
        chooseQuestionnaire(dialog, u"physio-follow-up"_s);
        repeat(dialog, 7, kToday.addDays(28));
        QTest::mouseClick(child<QPushButton>(dialog, "sendFormButton"), Qt::LeftButton);
        QTRY_VERIFY(dialog.statusText().contains(u"cannot be reached"_s));
        QVERIFY(dialog.statusText().contains(u"Nothing you entered is lost"_s));
        QCOMPARE(sent.size(), 0);
        QVERIFY(!dialog.isSent());
        const auto kept = dialog.draft();
        QVERIFY(kept);
        QCOMPARE(kept->patientId, u"p2"_s);
        QCOMPARE(kept->questionnaireId, u"physio-follow-up"_s);
        QCOMPARE(kept->everyDays, 7);
        QCOMPARE(child<QDateEdit>(dialog, "formUntil")->date(), kToday.addDays(28));
        QVERIFY(child<QPushButton>(dialog, "sendFormButton")->isEnabled());
        QVERIFY(child<QComboBox>(dialog, "questionnaireCombo")->isEnabled());
        QVERIFY(child<QWidget>(dialog, "sendFormResult")->isHidden());

        // Without a server at all, the dialog says so and keeps everything too.
        SendFormDialog noServer(patients(), nullptr, m_clock);
        noServer.selectPatient(u"p2"_s);
        QTest::mouseClick(child<QPushButton>(noServer, "sendFormButton"), Qt::LeftButton);
        QVERIFY(noServer.statusText().startsWith(u"Sending a form needs a connection"_s));
        QCOMPARE(noServer.draft()->patientId, u"p2"_s);
    }

    void retryAfterALostAnswerKeepsTheKey()
    {
        // The first attempt fails (503: it may or may not have got through); the same sending
        // again goes with the same Idempotency-Key, and the server's 409 for it is explained.
        FakeServer server;
        int posts = 0;
        server.handler = [&posts](const FakeServer::Request &) {
            ++posts;
            if (posts == 1)
                return FakeServer::Response{503, test::problem(u"unavailable"_s, 503)};
            return FakeServer::Response{409, test::problem(u"conflict"_s, 409)};
        };
        FormRequests requests(server.url(), u"token-1"_s);
        SendFormDialog dialog(patients(), &requests, m_clock);
        auto *send = child<QPushButton>(dialog, "sendFormButton");
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY(send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY(dialog.statusText().startsWith(u"The form was sent by the first attempt"_s));
        QCOMPARE(server.requests.size(), 2);
        QCOMPARE(server.requests.at(0).headers.value("idempotency-key"),
                 server.requests.at(1).headers.value("idempotency-key"));
    }
};

QTEST_MAIN(TestSendFormDialog)
#include "tst_sendformdialog.moc"
