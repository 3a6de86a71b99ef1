// End to end: forms and measurements in the patient portal. A real nara-server (--demo); a nurse
// (anna) sends PHQ-9 by REST; the patient's portal is a QWebEnginePage on the invitation link,
// driven through its DOM as a patient would (clicking the radio buttons); anna's real workstation
// (sync engine, cache, push channel; polling every ten minutes) receives the answer as a stat item.
//
// Documentation screenshots (tools/docs-screenshots.sh): with NARA_SCREENSHOT_DIR set, the test
// also saves portal-start.png, portal-form.png, portal-form-thanks.png, portal-measurements.png and
// portal-measurements-sent.png there.

#include "apifixture.h"
#include "foundation/core/clock.h"
#include "portalbrowser.h"
#include "serverdatabase.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/logindialog.h"
#include "workstation/ui/loginservice.h"
#include "workstation/ui/mainwindow.h"
#include "workstation/ui/workstation.h"
#include "workstationlogin.h"

#include <QApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <functional>

using namespace nara;
using namespace nara::test;
using namespace nara::workstation;

namespace {

const QStringList kPhq9Scored = {QStringLiteral("phq9-1"), QStringLiteral("phq9-2"), QStringLiteral("phq9-3"),
                                 QStringLiteral("phq9-4"), QStringLiteral("phq9-5"), QStringLiteral("phq9-6"),
                                 QStringLiteral("phq9-7"), QStringLiteral("phq9-8"), QStringLiteral("phq9-9")};

} // namespace

class TestPortalFormsE2e : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void patientSeesTheFormToAnswer();
    void missingAnswerIsNotSent();
    void serverRefusalIsShownInSwedish();
    void phq9ItemNineShowsSafetyAndReachesTheWorkstation();
    void bloodPressureReportShowsTheRedReason();
    void everyItemTypeIsAnsweredAsTheServerExpects();
    void sessionEndForgetsWhatWasKeptForARetry();
    void cleanupTestCase();

private:
    LoginSession logIn(const QString &username);
    QVariant value(const QString &sql, const QString &bound);
    int formResponses()
    {
        return value(QStringLiteral("SELECT COUNT(*) FROM form_responses WHERE request_id = ?"), m_requestId).toInt();
    }
    QString requestState()
    {
        return value(QStringLiteral("SELECT state FROM form_requests WHERE id = ?"), m_requestId).toString();
    }
    int measurements()
    {
        return value(QStringLiteral("SELECT COUNT(*) FROM measurements WHERE patient_id = ?"), m_patientId).toInt();
    }
    bool workstationHasStatFormItem(const QString &itemId);
    QString sendForm(const QString &questionnaireId, QString *invitationUrl = nullptr);
    QJsonObject storedAnswer(const QString &requestId, const QString &linkId);
    bool openForm(const QString &requestId);

    ServerProcess m_server;
    std::unique_ptr<ServerDatabase> m_db; // the server's own file
    QTemporaryDir m_dir;
    SystemClock m_clock;
    std::unique_ptr<Workstation> m_workstation;
    std::unique_ptr<PatientBrowser> m_patient;
    std::unique_ptr<TestHttp> m_anna;
    QString m_patientId;
    QString m_requestId;
    QString m_invitationUrl;
};

LoginSession TestPortalFormsE2e::logIn(const QString &username)
{
    return logInThroughDialog(m_server.url(), username);
}

// A value from the server's database (what is stored, not what the page believes); invalid: none.
QVariant TestPortalFormsE2e::value(const QString &sql, const QString &bound)
{
    return m_db->value(sql, {bound});
}

bool TestPortalFormsE2e::workstationHasStatFormItem(const QString &itemId)
{
    const inbox::InboxItem *item = m_workstation->store().item(itemId);
    return item && item->kind == inbox::Kind::Form && item->patientId == m_patientId
        && item->priority == inbox::Priority::Stat && item->title.startsWith(QStringLiteral("PHQ-9 besvarat"));
}

// Anna sends a form to the patient; the new request's id (empty on failure).
QString TestPortalFormsE2e::sendForm(const QString &questionnaireId, QString *invitationUrl)
{
    const HttpReply sent = m_anna->postJson(
        QStringLiteral("/api/v1/forms/requests"),
        {{QStringLiteral("patientId"), m_patientId}, {QStringLiteral("questionnaireId"), questionnaireId}});
    if (sent.status != 201)
        return {};
    const QJsonObject answer = sent.json();
    if (invitationUrl)
        *invitationUrl = answer.value(QStringLiteral("invitation")).toObject().value(QStringLiteral("url")).toString();
    const QJsonArray requests = answer.value(QStringLiteral("requests")).toArray();
    return requests.size() == 1 ? requests.first().toObject().value(QStringLiteral("id")).toString() : QString();
}

// The answer entry the server stored for `linkId` (searched through the groups); empty: none.
QJsonObject TestPortalFormsE2e::storedAnswer(const QString &requestId, const QString &linkId)
{
    const QJsonObject response
        = QJsonDocument::fromJson(
              value(QStringLiteral("SELECT response_json FROM form_responses WHERE request_id = ?"), requestId)
                  .toString()
                  .toUtf8())
              .object();
    std::function<QJsonObject(const QJsonArray &)> find = [&](const QJsonArray &items) -> QJsonObject {
        for (const QJsonValue &entry : items) {
            const QJsonObject item = entry.toObject();
            if (item.value(QStringLiteral("linkId")).toString() == linkId)
                return item.value(QStringLiteral("answer")).toArray().first().toObject();
            if (const QJsonObject inner = find(item.value(QStringLiteral("item")).toArray()); !inner.isEmpty())
                return inner;
        }
        return {};
    };
    return find(response.value(QStringLiteral("item")).toArray());
}

// From the start page, opens a form as the patient does (its task button).
bool TestPortalFormsE2e::openForm(const QString &requestId)
{
    const QString task = QStringLiteral("task-form-") + requestId;
    if (!QTest::qWaitFor([&] { return m_patient->visible(task); }, 15000))
        return false;
    m_patient->click(task);
    return QTest::qWaitFor(
        [&] { return m_patient->js(QStringLiteral("naraForms.phase()")).toString() == u"answering"; }, 15000);
}

void TestPortalFormsE2e::initTestCase()
{
    Dialogs::setNonInteractive(true);
    QVERIFY2(m_server.start(), m_server.output().constData());
    m_db = std::make_unique<ServerDatabase>(m_server.dataDir());
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->errorText()));
    QSqlDatabase db = m_db->database();
    QSqlQuery query(db);
    // A patient of Falkenberg only (anna's unit): the answer and the alerts land in anna's inbox.
    QVERIFY(query.exec(QStringLiteral(
        "SELECT p.id FROM patients p JOIN care_relations r ON r.patient_id = p.id WHERE r.unit_id = 'unit-falkenberg' "
        "AND NOT EXISTS (SELECT 1 FROM care_relations o WHERE o.patient_id = p.id AND o.unit_id <> 'unit-falkenberg') "
        "ORDER BY p.id LIMIT 1")));
    QVERIFY(query.next());
    m_patientId = query.value(0).toString();
    query.finish(); // an open statement would keep reading the database as it was

    // Anna's workstation, polling every ten minutes: what arrives within the test came by push.
    const LoginSession session = logIn(QStringLiteral("anna"));
    QVERIFY(!session.token.isEmpty());
    auto station = Workstation::open(session, m_clock, {m_dir.filePath(QStringLiteral("anna.sqlite")), 600'000, true});
    QVERIFY2(station, qPrintable(station ? QString() : station.error().message));
    m_workstation = std::move(*station);
    m_workstation->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_workstation->store().count() > 100, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_workstation->window().findChild<QLabel *>(QStringLiteral("syncStatus"))->property("syncState").toString(),
        QStringLiteral("online"), 10000);

    // Anna sends PHQ-9 (REST, as the workstation's send dialog does).
    m_anna = std::make_unique<TestHttp>(m_server.url());
    QVERIFY(!m_anna->login(QStringLiteral("anna")).isEmpty());
    m_requestId = sendForm(QStringLiteral("phq-9"), &m_invitationUrl);
    QVERIFY(!m_requestId.isEmpty());
    QVERIFY2(m_invitationUrl.contains(QStringLiteral("/portal/#")), qPrintable(m_invitationUrl));
    QCOMPARE(requestState(), QStringLiteral("pending"));
}

void TestPortalFormsE2e::patientSeesTheFormToAnswer()
{
    m_patient = std::make_unique<PatientBrowser>();
    m_patient->open(QUrl(m_invitationUrl));
    QTRY_VERIFY_WITH_TIMEOUT(m_patient->loaded(), 30000);
    // The start page: what the patient has to do.
    const QString task = QStringLiteral("task-form-") + m_requestId;
    QTRY_VERIFY_WITH_TIMEOUT(m_patient->visible(task), 15000);
    QCOMPARE(
        m_patient
            ->js(QStringLiteral("document.getElementById('%1').querySelector('.task-title').textContent").arg(task))
            .toString(),
        QStringLiteral("Fyll i formuläret PHQ-9"));
    QVERIFY(m_patient->text(task).contains(QStringLiteral("Svara senast")));
    QVERIFY(m_patient->visible(QStringLiteral("task-measurements")));
    QVERIFY(m_patient->visible(QStringLiteral("conversation")));
    QVERIFY(!m_patient->js(QStringLiteral("location.hash")).toString().contains(m_invitationUrl.section(u'#', 1)));
    m_patient->screenshot(QStringLiteral("portal-start.png"));

    m_patient->click(task);
    QTRY_COMPARE_WITH_TIMEOUT(m_patient->js(QStringLiteral("naraForms.phase()")).toString(),
                              QStringLiteral("answering"), 15000);
    QCOMPARE(m_patient->text(QStringLiteral("form-heading")), QStringLiteral("PHQ-9"));
    QVERIFY(!m_patient->visible(QStringLiteral("conversation")));
    // Nine scored questions and item 10, four answers each, with their Swedish labels.
    QCOMPARE(
        m_patient->js(QStringLiteral("document.querySelectorAll('#questionnaire input[type=radio]').length")).toInt(),
        40);
    QCOMPARE(
        m_patient->js(QStringLiteral("document.querySelector('label[for=\"q-phq9-1-0\"]').textContent")).toString(),
        QStringLiteral("Inte alls"));
    QVERIFY(m_patient->text(QStringLiteral("q-phq9-9-item")).startsWith(QStringLiteral("Tankar att det skulle vara")));
    // Item 10's Swedish answers await verification: shown in English, marked so.
    QVERIFY(m_patient->visible(QStringLiteral("form-language-note")));
    QCOMPARE(m_patient->js(QStringLiteral("document.querySelector('label[for=\"q-phq9-10-0\"] span').lang")).toString(),
             QStringLiteral("en"));
}

void TestPortalFormsE2e::missingAnswerIsNotSent()
{
    for (const QString &linkId : kPhq9Scored.mid(0, 3))
        QVERIFY(m_patient->choose(linkId, QStringLiteral("several-days")));
    m_patient->click(QStringLiteral("form-submit"));
    QTRY_VERIFY_WITH_TIMEOUT(m_patient->visible(QStringLiteral("form-errors")), 5000);
    // Questions 4–9 are required and unanswered; item 10 is optional.
    QCOMPARE(m_patient->js(QStringLiteral("document.querySelectorAll('#form-error-list li').length")).toInt(), 6);
    QVERIFY(m_patient->text(QStringLiteral("form-errors")).contains(QStringLiteral("Formuläret är inte skickat")));
    QVERIFY(m_patient->visible(QStringLiteral("q-phq9-4-error")));
    QCOMPARE(m_patient->text(QStringLiteral("q-phq9-4-error")), QStringLiteral("Välj ett av svarsalternativen."));
    QVERIFY(!m_patient->visible(QStringLiteral("q-phq9-3-error")));
    QVERIFY(!m_patient->visible(QStringLiteral("q-phq9-10-error")));
    QCOMPARE(m_patient->js(QStringLiteral("naraForms.posts()")).toInt(), 0);
    QCOMPARE(requestState(), QStringLiteral("pending"));
    QCOMPARE(formResponses(), 0);
    // The summary's link takes the patient to the first missing question.
    m_patient->js(QStringLiteral("document.querySelector('#form-error-list a').click()"));
    QCOMPARE(m_patient->js(QStringLiteral("document.activeElement.name")).toString(), QStringLiteral("q-phq9-4"));
}

void TestPortalFormsE2e::serverRefusalIsShownInSwedish()
{
    for (const QString &linkId : kPhq9Scored)
        QVERIFY(m_patient->choose(linkId, QStringLiteral("not-at-all")));
    // Something between the page and the server changes an answer the page sends: the server refuses.
    m_patient->js(QStringLiteral(
        "(function(){ const real = window.fetch; window.fetch = function(url, options) {"
        "  if (String(url).endsWith('/response')) { window.fetch = real;"
        "    const body = JSON.parse(options.body); body.item[0].answer[0].valueCoding.code = 'no-such-code';"
        "    options = Object.assign({}, options, { body: JSON.stringify(body) }); }"
        "  return real(url, options); }; })()"));
    m_patient->click(QStringLiteral("form-submit"));
    QTRY_COMPARE_WITH_TIMEOUT(m_patient->text(QStringLiteral("q-phq9-1-error")),
                              QStringLiteral("Svaret godtogs inte av vårdcentralens system. Kontrollera svaret."),
                              10000);
    QVERIFY(m_patient->visible(QStringLiteral("form-errors")));
    QCOMPARE(m_patient->js(QStringLiteral("document.querySelectorAll('#form-error-list li').length")).toInt(), 1);
    QCOMPARE(m_patient->js(QStringLiteral("naraForms.posts()")).toInt(), 1);
    QCOMPARE(m_patient->js(QStringLiteral("naraForms.phase()")).toString(), QStringLiteral("answering"));
    QCOMPARE(requestState(), QStringLiteral("pending"));
    QCOMPARE(formResponses(), 0);
}

void TestPortalFormsE2e::phq9ItemNineShowsSafetyAndReachesTheWorkstation()
{
    // 1–8 "several days" (8 points), item 9 "more than half the days" (2), item 10 answered too.
    for (const QString &linkId : kPhq9Scored.mid(0, 8))
        QVERIFY(m_patient->choose(linkId, QStringLiteral("several-days")));
    QVERIFY(m_patient->choose(QStringLiteral("phq9-9"), QStringLiteral("more-than-half")));
    QVERIFY(m_patient->choose(QStringLiteral("phq9-10"), QStringLiteral("somewhat-difficult")));
    // The refused answer was changed: its error and the summary are gone.
    QVERIFY(!m_patient->visible(QStringLiteral("q-phq9-1-error")));
    QVERIFY(!m_patient->visible(QStringLiteral("form-errors")));
    m_patient->screenshot(QStringLiteral("portal-form.png"));
    QVERIFY(value(QStringLiteral("SELECT item_id FROM form_requests WHERE id = ?"), m_requestId).isNull());

    // A double click sends once.
    m_patient->js(
        QStringLiteral("(function(){const b = document.getElementById('form-submit'); b.click(); b.click();})()"));
    QTRY_COMPARE_WITH_TIMEOUT(m_patient->js(QStringLiteral("naraForms.phase()")).toString(), QStringLiteral("done"),
                              15000);
    const QString itemId
        = value(QStringLiteral("SELECT item_id FROM form_requests WHERE id = ?"), m_requestId).toString();
    QVERIFY(!itemId.isEmpty());
    // The stat item reaches anna's running workstation (push, then pull) within a second of the answer.
    QTRY_VERIFY_WITH_TIMEOUT(workstationHasStatFormItem(itemId), 1000);

    QCOMPARE(m_patient->js(QStringLiteral("naraForms.posts()")).toInt(), 2); // the refused one and this
    QVERIFY(m_patient->visible(QStringLiteral("form-safety")));
    const QString safety = m_patient->text(QStringLiteral("form-safety-text"));
    QVERIFY2(safety.contains(QStringLiteral("112")), qPrintable(safety));
    QVERIFY2(safety.contains(QStringLiteral("1177")), qPrintable(safety));
    QCOMPARE(m_patient->js(QStringLiteral("document.activeElement.id")).toString(), QStringLiteral("form-safety"));
    QVERIFY(!m_patient->text(QStringLiteral("form-thanks")).isEmpty());
    QVERIFY(!m_patient->visible(QStringLiteral("questionnaire")));
    m_patient->screenshot(QStringLiteral("portal-form-thanks.png"));

    // Stored once; the workstation holds the response record too.
    QCOMPARE(requestState(), QStringLiteral("answered"));
    QCOMPARE(formResponses(), 1);
    const auto responseArrived = [&] {
        const QList<QJsonObject> records = m_workstation->store().records(QStringLiteral("form_response"), m_patientId);
        return int(std::count_if(records.begin(), records.end(), [&](const QJsonObject &record) {
            return record.value(QStringLiteral("requestId")).toString() == m_requestId;
        }));
    };
    QTRY_COMPARE_WITH_TIMEOUT(responseArrived(), 1, 5000);

    // Back on the start page the form is no longer listed.
    m_patient->click(QStringLiteral("form-done-back"));
    QTRY_VERIFY_WITH_TIMEOUT(m_patient->visible(QStringLiteral("tasks")), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_patient->js(QStringLiteral("naraForms.listed().includes('%1')").arg(m_requestId)).toBool(), 5000);
    QVERIFY(!m_patient->visible(QStringLiteral("task-form-") + m_requestId));
}

void TestPortalFormsE2e::bloodPressureReportShowsTheRedReason()
{
    const int before = measurements();
    QVERIFY(before >= 0);
    m_patient->click(QStringLiteral("task-measurements"));
    QTRY_VERIFY_WITH_TIMEOUT(m_patient->visible(QStringLiteral("measurements-form")), 5000);
    QCOMPARE(m_patient->js(QStringLiteral("document.activeElement.id")).toString(),
             QStringLiteral("measurements-heading"));

    // Nothing chosen: a Swedish message, nothing sent.
    m_patient->click(QStringLiteral("measurements-submit"));
    QTRY_VERIFY_WITH_TIMEOUT(m_patient->visible(QStringLiteral("measurements-errors")), 5000);
    QVERIFY(m_patient->text(QStringLiteral("measurements-errors")).contains(QStringLiteral("Välj minst ett värde")));
    QCOMPARE(m_patient->js(QStringLiteral("naraMeasurements.posts()")).toInt(), 0);

    m_patient->click(QStringLiteral("measure-bloodPressure"));
    QVERIFY(m_patient->visible(QStringLiteral("measure-bloodPressure-fields")));
    QVERIFY(!m_patient->visible(QStringLiteral("measurements-errors")));
    m_patient->type(QStringLiteral("measure-bloodPressure-systolic"), QStringLiteral("182"));
    m_patient->type(QStringLiteral("measure-bloodPressure-diastolic"), QStringLiteral("95"));
    m_patient->click(QStringLiteral("measure-weight"));
    m_patient->type(QStringLiteral("measure-weight-value"), QStringLiteral("82,5")); // a Swedish decimal comma
    m_patient->screenshot(QStringLiteral("portal-measurements.png"));

    // The first answer is lost on the way back: the page says so, the patient sends again with the
    // same Idempotency-Key and the server answers once.
    m_patient->js(QStringLiteral("(function(){ const real = window.fetch; window.fetch = async function(url, options) {"
                                 "  const reply = await real(url, options);"
                                 "  if (String(url).endsWith('/api/v1/portal/measurements')) { window.fetch = real;"
                                 "    throw new TypeError('Failed to fetch'); }"
                                 "  return reply; }; })()"));
    m_patient->click(QStringLiteral("measurements-submit"));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_patient->text(QStringLiteral("measurements-status")).startsWith(QStringLiteral("Ingen kontakt med servern")),
        10000);
    QCOMPARE(measurements(), before + 2);
    m_patient->click(QStringLiteral("measurements-submit"));
    QTRY_VERIFY_WITH_TIMEOUT(m_patient->visible(QStringLiteral("measurements-result")), 10000);
    QCOMPARE(m_patient->js(QStringLiteral("naraMeasurements.posts()")).toInt(), 2);
    QCOMPARE(measurements(), before + 2);

    QCOMPARE(m_patient->text(QStringLiteral("measurements-message")),
             QStringLiteral("Dina värden har tagits emot. Vårdcentralen har meddelats."));
    QCOMPARE(m_patient->js(QStringLiteral("document.querySelectorAll('#measurements-alerts li.red').length")).toInt(),
             1);
    const QString red
        = m_patient->js(QStringLiteral("document.querySelector('#measurements-alerts li.red').textContent")).toString();
    QVERIFY2(red.contains(QStringLiteral("Systoliskt blodtryck 182 mmHg ≥ 180 (röd gräns)")), qPrintable(red));
    QVERIFY(m_patient->visible(QStringLiteral("measurements-alerts-box")));
    QVERIFY(m_patient->text(QStringLiteral("measurements-stored")).contains(QStringLiteral("Vikt: 82,5 kg")));
    m_patient->screenshot(QStringLiteral("portal-measurements-sent.png"));
}

void TestPortalFormsE2e::everyItemTypeIsAnsweredAsTheServerExpects()
{
    const QString preVisit = sendForm(QStringLiteral("pre-visit-symptoms"));
    const QString physio = sendForm(QStringLiteral("physio-follow-up"));
    QVERIFY(!preVisit.isEmpty() && !physio.isEmpty());
    m_patient->click(QStringLiteral("measurements-done"));

    // Pre-visit: string, choice, boolean, decimal (enabled by fever = yes), integer with min/max.
    QVERIFY(openForm(preVisit));
    QVERIFY(!m_patient->visible(QStringLiteral("q-temperature-item")));
    m_patient->type(QStringLiteral("q-complaint"), QStringLiteral("Ont i halsen och hosta"));
    QVERIFY(m_patient->choose(QStringLiteral("duration"), QStringLiteral("1-7-days")));
    QVERIFY(m_patient->choose(QStringLiteral("fever"), QStringLiteral("true")));
    QVERIFY(m_patient->visible(QStringLiteral("q-temperature-item")));
    m_patient->type(QStringLiteral("q-temperature"), QStringLiteral("38,5")); // a Swedish decimal comma
    m_patient->type(QStringLiteral("q-pain"), QStringLiteral("11"));
    QCOMPARE(m_patient->text(QStringLiteral("q-pain-error")),
             QStringLiteral("Svaret måste vara ett heltal från 0 till 10."));
    m_patient->click(QStringLiteral("form-submit"));
    QTRY_VERIFY_WITH_TIMEOUT(m_patient->visible(QStringLiteral("form-errors")), 5000);
    QCOMPARE(m_patient->js(QStringLiteral("document.querySelectorAll('#form-error-list li').length")).toInt(), 1);
    m_patient->type(QStringLiteral("q-pain"), QStringLiteral("4"));
    QVERIFY(!m_patient->visible(QStringLiteral("form-errors")));
    m_patient->click(QStringLiteral("form-submit"));
    QTRY_COMPARE_WITH_TIMEOUT(m_patient->js(QStringLiteral("naraForms.phase()")).toString(), QStringLiteral("done"),
                              15000);
    QVERIFY(!m_patient->visible(QStringLiteral("form-safety")));
    QCOMPARE(storedAnswer(preVisit, QStringLiteral("temperature")).value(QStringLiteral("valueDecimal")).toDouble(),
             38.5);
    QCOMPARE(storedAnswer(preVisit, QStringLiteral("fever")).value(QStringLiteral("valueBoolean")), QJsonValue(true));
    QCOMPARE(storedAnswer(preVisit, QStringLiteral("pain")).value(QStringLiteral("valueInteger")).toInt(), 4);
    QCOMPARE(storedAnswer(preVisit, QStringLiteral("complaint")).value(QStringLiteral("valueString")).toString(),
             QStringLiteral("Ont i halsen och hosta"));

    // Physiotherapy: groups; a score is asked (and required) only for an activity that is named.
    m_patient->click(QStringLiteral("form-done-back"));
    QVERIFY(openForm(physio));
    QVERIFY(!m_patient->visible(QStringLiteral("q-psfs-1-score-item")));
    m_patient->type(QStringLiteral("q-pain-now"), QStringLiteral("3"));
    m_patient->type(QStringLiteral("q-psfs-1-activity"), QStringLiteral("Gå i trappor"));
    QVERIFY(m_patient->visible(QStringLiteral("q-psfs-1-score-item")));
    m_patient->type(QStringLiteral("q-psfs-2-activity"), QStringLiteral("Cykla"));
    m_patient->type(QStringLiteral("q-psfs-2-score"), QStringLiteral("5"));
    m_patient->type(QStringLiteral("q-psfs-2-activity"), QStringLiteral("")); // taken back: its score goes too
    QVERIFY(!m_patient->visible(QStringLiteral("q-psfs-2-score-item")));
    QVERIFY(m_patient->choose(QStringLiteral("adherence"), QStringLiteral("most-days")));
    m_patient->click(QStringLiteral("form-submit"));
    QTRY_VERIFY_WITH_TIMEOUT(m_patient->visible(QStringLiteral("q-psfs-1-score-error")), 5000);
    QCOMPARE(m_patient->text(QStringLiteral("q-psfs-1-score-error")), QStringLiteral("Fyll i ett svar."));
    m_patient->type(QStringLiteral("q-psfs-1-score"), QStringLiteral("6"));
    m_patient->click(QStringLiteral("form-submit"));
    QTRY_COMPARE_WITH_TIMEOUT(m_patient->js(QStringLiteral("naraForms.phase()")).toString(), QStringLiteral("done"),
                              15000);
    QCOMPARE(storedAnswer(physio, QStringLiteral("psfs-1-score")).value(QStringLiteral("valueInteger")).toInt(), 6);
    QCOMPARE(storedAnswer(physio, QStringLiteral("psfs-1-activity")).value(QStringLiteral("valueString")).toString(),
             QStringLiteral("Gå i trappor"));
    QVERIFY(storedAnswer(physio, QStringLiteral("psfs-2-score")).isEmpty());
    QVERIFY(storedAnswer(physio, QStringLiteral("remark")).isEmpty());
    QCOMPARE(storedAnswer(physio, QStringLiteral("adherence"))
                 .value(QStringLiteral("valueCoding"))
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("most-days"));
}

void TestPortalFormsE2e::sessionEndForgetsWhatWasKeptForARetry()
{
    const QString pending
        = QStringLiteral("Object.keys(sessionStorage).filter((key) => key.startsWith('nara.portal.pending.')).length");
    m_patient->click(QStringLiteral("form-done-back"));
    QTRY_VERIFY_WITH_TIMEOUT(m_patient->visible(QStringLiteral("conversation")), 5000);
    // A message lost on the way out: kept (with its text) for a retry with the same key.
    m_patient->js(QStringLiteral("(function(){ const real = window.fetch; window.fetch = function(url, options) {"
                                 "  if (String(url).endsWith('/api/v1/portal/messages')) { window.fetch = real;"
                                 "    return Promise.reject(new TypeError('Failed to fetch')); }"
                                 "  return real(url, options); }; })()"));
    m_patient->type(QStringLiteral("message"), QStringLiteral("Jag mår bättre nu"));
    m_patient->click(QStringLiteral("send"));
    QTRY_COMPARE_WITH_TIMEOUT(m_patient->js(pending).toInt(), 1, 5000);

    // The session ends (the server answers 401): the page closes and forgets it.
    m_patient->js(QStringLiteral("window.fetch = () => Promise.resolve(new Response('{}', { status: 401 }))"));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_patient->text(QStringLiteral("status")).startsWith(QStringLiteral("Din inloggning har gått ut")), 10000);
    QCOMPARE(m_patient->js(pending).toInt(), 0);
    QVERIFY(m_patient->js(QStringLiteral("sessionStorage.getItem('nara.portal.session') === null")).toBool());

    // Something left over (a closed tab's) is forgotten when the page opens without a session.
    m_patient->js(QStringLiteral("sessionStorage.setItem('nara.portal.pending.message',"
                                 "  JSON.stringify({ body: 'x', key: 'k', since: Date.now() }));"
                                 "setTimeout(() => location.reload(), 0)"));
    QTRY_VERIFY_WITH_TIMEOUT(m_patient->text(QStringLiteral("status")).startsWith(QStringLiteral("Länken är ogiltig")),
                             15000);
    QCOMPARE(m_patient->js(pending).toInt(), 0);
}

void TestPortalFormsE2e::cleanupTestCase()
{
    m_patient.reset();
    if (m_workstation)
        m_workstation->stop();
    m_workstation.reset();
    m_db.reset();
    m_server.terminate();
}

int main(int argc, char **argv)
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestPortalFormsE2e test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_portal_forms_e2e.moc"
