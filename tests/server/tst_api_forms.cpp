// Forms against a real nara-server with the demo region (docs/api/contract.md, "Forms"): anna sends
// PHQ-9 to a Falkenberg patient once or on a schedule (requests, a portal link, an SMS in the
// outbox file); the patient lists and answers in the portal; the answer becomes a form item whose
// priority follows the score (item 9 → stat, 17 points → asap) and arrives in /sync with the
// request and the response; refusals store nothing; the periodic job (run at start) turns a
// request past its due time overdue and sends later occasions a new link.

#include "formsapifixture.h"
#include "serverdatabase.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace nara::test;

class TestApiForms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_server.terminate(); }
    void questionnairesAreListed();
    void sendOnceWithLinkAndSms();
    void sendOnSchedule();
    void badSendsStoreNothing_data();
    void badSendsStoreNothing();
    void anotherUnitsPatientIsNotFound();
    void item9IsStatWithTheReason();
    void total17IsAsap();
    void mismatchedResponseStoresNothing();
    void answeredTwiceIsAConflict();
    void anotherPatientsRequestIsNotFound();
    void notAvailableYetIsAConflict();
    void cancelSeries();
    void sweepMarksOverdueAndSendsLaterLinks(); // restarts the server: keep it last

private:
    HttpReply send(const QJsonObject &body, const QByteArray &as = {});
    QJsonObject once(const QString &patientId) const
    {
        return {{QStringLiteral("patientId"), patientId}, {QStringLiteral("questionnaireId"), QStringLiteral("phq-9")}};
    }
    // A portal session from the invitation a send answered with.
    QByteArray portal(const HttpReply &sent);
    HttpReply answer(const QByteArray &patient, const QString &requestId, const QJsonObject &response);
    int count(const QString &sql, const QVariantList &values = {});
    QList<QJsonObject> outbox();

    QTemporaryDir m_tmp;
    QString m_outbox = m_tmp.filePath(QStringLiteral("sms.jsonl"));
    // Form links go by SMS only with --public-url (tst_api_form_links.cpp: without it).
    ServerProcess m_server{{QStringLiteral("--demo"), QStringLiteral("--sms-outbox"), m_outbox,
                            QStringLiteral("--public-url"), QStringLiteral("https://nara.example")}};
    std::unique_ptr<ServerDatabase> m_db; // the server's own file
    QByteArray m_anna;
    QByteArray m_karin;
    QString m_patientId; // Falkenberg only, with a phone number
    QString m_phone;
    QString m_otherId; // another Falkenberg patient
    QString m_teleborgId; // Teleborg only
};

void TestApiForms::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY2(m_server.start(), m_server.output().constData());
    m_anna = TestHttp(m_server.url()).login(QStringLiteral("anna"));
    m_karin = TestHttp(m_server.url()).login(QStringLiteral("karin"));
    QVERIFY(!m_anna.isEmpty() && !m_karin.isEmpty());
    m_db = std::make_unique<ServerDatabase>(m_server.dataDir());
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->errorText()));
    QSqlDatabase db = m_db->database();
    const QString onlyIn = QStringLiteral(
        "SELECT p.id, p.phone FROM patients p JOIN care_relations r ON r.patient_id = p.id WHERE r.unit_id = '%1' "
        "AND NOT EXISTS (SELECT 1 FROM care_relations o WHERE o.patient_id = p.id AND o.unit_id <> '%1') "
        "AND p.phone IS NOT NULL ORDER BY p.id LIMIT 2");
    QSqlQuery query(db);
    QVERIFY(query.exec(onlyIn.arg(kFalkenberg)));
    QVERIFY(query.next());
    m_patientId = query.value(0).toString();
    m_phone = query.value(1).toString();
    QVERIFY(query.next());
    m_otherId = query.value(0).toString();
    QVERIFY(query.exec(onlyIn.arg(kTeleborg)));
    QVERIFY(query.next());
    m_teleborgId = query.value(0).toString();
}

HttpReply TestApiForms::send(const QJsonObject &body, const QByteArray &as)
{
    TestHttp http(m_server.url());
    http.setToken(as.isEmpty() ? m_anna : as);
    return http.postJson(kFormRequests, body);
}

QByteArray TestApiForms::portal(const HttpReply &sent)
{
    const QString token
        = sent.json().value(QStringLiteral("invitation")).toObject().value(QStringLiteral("token")).toString();
    const HttpReply session
        = TestHttp(m_server.url())
              .postJson(QStringLiteral("/api/v1/portal/session"), {{QStringLiteral("invitation"), token}});
    return session.json().value(QStringLiteral("token")).toString().toUtf8();
}

HttpReply TestApiForms::answer(const QByteArray &patient, const QString &requestId, const QJsonObject &response)
{
    TestHttp http(m_server.url());
    http.setToken(patient);
    return http.postJson(QStringLiteral("/api/v1/portal/forms/%1/response").arg(requestId), response);
}

int TestApiForms::count(const QString &sql, const QVariantList &values)
{
    return int(m_db->count(sql, values));
}

QList<QJsonObject> TestApiForms::outbox()
{
    QList<QJsonObject> lines;
    QFile file(m_outbox);
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    return lines;
}

void TestApiForms::questionnairesAreListed()
{
    TestHttp http(m_server.url());
    http.setToken(m_anna);
    const HttpReply list = http.get(QStringLiteral("/api/v1/questionnaires"));
    QCOMPARE(list.status, 200);
    const QJsonArray questionnaires = list.json().value(QStringLiteral("questionnaires")).toArray();
    QCOMPARE(questionnaires.size(), 4);
    const QJsonObject first = questionnaires.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("id")).toString(), QStringLiteral("phq-9"));
    QCOMPARE(first.value(QStringLiteral("title")).toString(), QStringLiteral("PHQ-9"));
    QVERIFY(first.value(QStringLiteral("scored")).toBool());
    const HttpReply one = http.get(QStringLiteral("/api/v1/questionnaires/gad-7"));
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json().value(QStringLiteral("resourceType")).toString(), QStringLiteral("Questionnaire"));
    QCOMPARE(one.json().value(QStringLiteral("url")).toString(),
             QStringLiteral("https://nara.se/fhir/Questionnaire/gad-7"));
    QCOMPARE(http.get(QStringLiteral("/api/v1/questionnaires/beck-21")).status, 404);
    QCOMPARE(TestHttp(m_server.url()).get(QStringLiteral("/api/v1/questionnaires")).status, 401);
}

void TestApiForms::sendOnceWithLinkAndSms()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const QJsonObject body = once(m_patientId);
    TestHttp http(m_server.url());
    http.setToken(m_anna);
    const HttpReply sent = http.postJson(kFormRequests, body, {{"Idempotency-Key", "forms-once-1"}});
    QCOMPARE(sent.status, 201);
    const QJsonArray requests = sent.json().value(QStringLiteral("requests")).toArray();
    QCOMPARE(requests.size(), 1);
    const QJsonObject request = requests.at(0).toObject();
    QCOMPARE(request.value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
    QCOMPARE(request.value(QStringLiteral("unitId")).toString(), kFalkenberg);
    QCOMPARE(request.value(QStringLiteral("patientId")).toString(), m_patientId);
    QCOMPARE(request.value(QStringLiteral("title")).toString(), QStringLiteral("PHQ-9"));
    QCOMPARE(request.value(QStringLiteral("occasion")).toInt(), 1);
    QCOMPARE(request.value(QStringLiteral("occasions")).toInt(), 1);
    QVERIFY(request.value(QStringLiteral("itemId")).isNull());
    const qint64 availableAt = request.value(QStringLiteral("availableAt")).toInteger();
    QVERIFY(availableAt >= before);
    QCOMPARE(request.value(QStringLiteral("dueAt")).toInteger(), availableAt + 7 * kDay);

    const QJsonObject invitation = sent.json().value(QStringLiteral("invitation")).toObject();
    const QString url = invitation.value(QStringLiteral("url")).toString();
    QVERIFY2(url.endsWith(u"/portal/#" + invitation.value(QStringLiteral("token")).toString()), qPrintable(url));
    QCOMPARE(invitation.value(QStringLiteral("expiresAt")).toInteger(), availableAt + 8 * kDay);
    QVERIFY(sent.json().value(QStringLiteral("smsSent")).toBool());
    const QJsonObject sms = outbox().constLast();
    QCOMPARE(sms.value(QStringLiteral("to")).toString(), m_phone);
    QCOMPARE(sms.value(QStringLiteral("patientId")).toString(), m_patientId);
    QCOMPARE(sms.value(QStringLiteral("text")).toString(),
             QStringLiteral("Hej! Vårdcentralen Falkenberg ber dig fylla i formuläret PHQ-9. Öppna länken: ") + url);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND object = ?"),
                   {QString(QStringLiteral("form_request:") + id(sent))}),
             1);

    // The link is a secret: the same key again is 409 and sends nothing.
    const qsizetype lines = outbox().size();
    const HttpReply retry = http.postJson(kFormRequests, body, {{"Idempotency-Key", "forms-once-1"}});
    QCOMPARE(retry.status, 409);
    QCOMPARE(outbox().size(), lines);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM form_requests WHERE patient_id = ? AND sent_at >= ?"),
                   {m_patientId, before}),
             1);
}

void TestApiForms::sendOnSchedule()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QJsonObject body = once(m_patientId);
    body.insert(QStringLiteral("questionnaireId"), QStringLiteral("gad-7"));
    body.insert(QStringLiteral("everyDays"), 7);
    body.insert(QStringLiteral("dueInDays"), 10);
    body.insert(QStringLiteral("untilAt"), now + 28 * kDay + 60'000);
    const HttpReply sent = send(body);
    QCOMPARE(sent.status, 201);
    const QJsonArray requests = sent.json().value(QStringLiteral("requests")).toArray();
    QCOMPARE(requests.size(), 5);
    const qint64 first = requests.at(0).toObject().value(QStringLiteral("availableAt")).toInteger();
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const QJsonObject request = requests.at(i).toObject();
        QCOMPARE(request.value(QStringLiteral("seriesId")),
                 requests.at(0).toObject().value(QStringLiteral("seriesId")));
        QCOMPARE(request.value(QStringLiteral("occasion")).toInt(), int(i + 1));
        QCOMPARE(request.value(QStringLiteral("occasions")).toInt(), 5);
        QCOMPARE(request.value(QStringLiteral("availableAt")).toInteger(), first + i * 7 * kDay);
        QCOMPARE(request.value(QStringLiteral("dueAt")).toInteger(), first + i * 7 * kDay + 7 * kDay); // min(10, 7)
    }
    // Only the first occasion is in the portal now.
    const QByteArray patient = portal(sent);
    TestHttp http(m_server.url());
    http.setToken(patient);
    const HttpReply list = http.get(QStringLiteral("/api/v1/portal/forms"));
    QCOMPARE(list.status, 200);
    QStringList listed;
    for (const QJsonValue &form : list.json().value(QStringLiteral("forms")).toArray())
        listed.append(form.toObject().value(QStringLiteral("requestId")).toString());
    QVERIFY(listed.contains(id(sent, 0)));
    QVERIFY(!listed.contains(id(sent, 1)));
}

void TestApiForms::badSendsStoreNothing_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QJsonObject base = once(m_patientId);
    auto with = [&base](std::initializer_list<std::pair<QString, QJsonValue>> fields) {
        QJsonObject body = base;
        for (const auto &[key, value] : fields)
            body.insert(key, value);
        return body;
    };
    QTest::newRow("unknown questionnaire") << with({{u"questionnaireId"_qs, u"beck-21"_qs}}) << u"questionnaireId"_qs;
    QTest::newRow("no patient") << QJsonObject{{u"questionnaireId"_qs, u"phq-9"_qs}} << u"patientId"_qs;
    QTest::newRow("due in 31 days") << with({{u"dueInDays"_qs, 31}}) << u"dueInDays"_qs;
    QTest::newRow("every 0 days") << with({{u"everyDays"_qs, 0}, {u"untilAt"_qs, now + kDay}}) << u"everyDays"_qs;
    QTest::newRow("every without until") << with({{u"everyDays"_qs, 7}}) << u"untilAt"_qs;
    QTest::newRow("until without every") << with({{u"untilAt"_qs, now + 7 * kDay}}) << u"untilAt"_qs;
    QTest::newRow("until beyond a year") << with({{u"everyDays"_qs, 30}, {u"untilAt"_qs, now + 400 * kDay}})
                                         << u"untilAt"_qs;
    QTest::newRow("61 occasions") << with({{u"everyDays"_qs, 1}, {u"untilAt"_qs, now + 61 * kDay}}) << u"everyDays"_qs;
    QTest::newRow("unknown field") << with({{u"reminder"_qs, true}}) << u"reminder"_qs;
    QTest::newRow("days as text") << with({{u"dueInDays"_qs, u"7"_qs}}) << u"dueInDays"_qs;
}

void TestApiForms::badSendsStoreNothing()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const int requests = count(QStringLiteral("SELECT COUNT(*) FROM form_requests"));
    const int invitations = count(QStringLiteral("SELECT COUNT(*) FROM portal_invitations"));
    const qsizetype sms = outbox().size();
    const HttpReply reply = send(body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(problemType(reply), QStringLiteral("https://nara.example/problems/invalid-input"));
    QVERIFY2(reply.body.contains(field.toUtf8()), reply.body.constData());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM form_requests")), requests);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM portal_invitations")), invitations);
    QCOMPARE(outbox().size(), sms);
}

void TestApiForms::anotherUnitsPatientIsNotFound()
{
    const int requests = count(QStringLiteral("SELECT COUNT(*) FROM form_requests"));
    const int denied = count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'denied' AND outcome = "
                                            "'denied' AND object = 'POST /api/v1/forms/requests'"));
    // karin (Teleborg) and a Falkenberg patient; anna and a Teleborg patient; anna naming Teleborg.
    QCOMPARE(send(once(m_patientId), m_karin).status, 404);
    QCOMPARE(send(once(m_teleborgId)).status, 404);
    QJsonObject elsewhere = once(m_patientId);
    elsewhere.insert(QStringLiteral("unitId"), kTeleborg);
    QCOMPARE(send(elsewhere).status, 404);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM form_requests")), requests);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'denied' AND outcome = 'denied' "
                                  "AND object = 'POST /api/v1/forms/requests'")),
             denied + 3);
}

void TestApiForms::item9IsStatWithTheReason()
{
    const HttpReply sent = send(once(m_patientId));
    QCOMPARE(sent.status, 201);
    const QByteArray patient = portal(sent);
    QVERIFY(!patient.isEmpty());
    TestHttp http(m_server.url());
    http.setToken(patient);
    const HttpReply shown = http.get(QStringLiteral("/api/v1/portal/forms/") + id(sent));
    QCOMPARE(shown.status, 200);
    QCOMPARE(shown.json().value(QStringLiteral("request")).toObject().value(QStringLiteral("requestId")).toString(),
             id(sent));
    QCOMPARE(shown.json().value(QStringLiteral("questionnaire")).toObject().value(QStringLiteral("id")).toString(),
             QStringLiteral("phq-9"));

    const HttpReply answered = answer(patient, id(sent), phq9({1, 0, 0, 0, 0, 0, 0, 0, 2}));
    QCOMPARE(answered.status, 201);
    QVERIFY(answered.json().value(QStringLiteral("message")).toString().startsWith(u"Tack"));
    const QString safety = answered.json().value(QStringLiteral("safetyMessage")).toString();
    QVERIFY2(safety.contains(u"112") && safety.contains(u"1177"), qPrintable(safety));
    const QString responseId = answered.json().value(QStringLiteral("responseId")).toString();

    // In anna's /sync: the answered request, the response with its score, the stat item.
    TestHttp anna(m_server.url());
    anna.setToken(m_anna);
    const QList<QJsonObject> changes = syncAll(anna);
    const QJsonObject request = entity(changes, QStringLiteral("form_request"), id(sent));
    QCOMPARE(request.value(QStringLiteral("state")).toString(), QStringLiteral("answered"));
    QCOMPARE(request.value(QStringLiteral("responseId")).toString(), responseId);
    const QJsonObject response = entity(changes, QStringLiteral("form_response"), responseId);
    QCOMPARE(response.value(QStringLiteral("requestId")).toString(), id(sent));
    QCOMPARE(response.value(QStringLiteral("score")).toObject().value(QStringLiteral("priority")).toString(),
             QStringLiteral("stat"));
    QCOMPARE(response.value(QStringLiteral("response")).toObject().value(QStringLiteral("resourceType")).toString(),
             QStringLiteral("QuestionnaireResponse"));
    const QJsonObject item = itemsIn(changes).value(request.value(QStringLiteral("itemId")).toString());
    QCOMPARE(item.value(QStringLiteral("kind")).toString(), QStringLiteral("form"));
    QCOMPARE(item.value(QStringLiteral("state")).toString(), QStringLiteral("new"));
    QCOMPARE(item.value(QStringLiteral("priority")).toString(), QStringLiteral("stat"));
    QCOMPARE(item.value(QStringLiteral("unitId")).toString(), kFalkenberg);
    QVERIFY2(item.value(QStringLiteral("priorityReason")).toString().startsWith(u"PHQ-9 fråga 9"),
             qPrintable(item.value(QStringLiteral("priorityReason")).toString()));
    QCOMPARE(response.value(QStringLiteral("itemId")).toString(), item.value(QStringLiteral("id")).toString());
    // Karin's unit sees none of it.
    TestHttp karin(m_server.url());
    karin.setToken(m_karin);
    QVERIFY(entity(syncAll(karin), QStringLiteral("form_response"), responseId).isEmpty());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND object = ? "
                                  "AND user_id = ? AND role = 'patient'"),
                   {QString(QStringLiteral("form_response:") + responseId), m_patientId}),
             1);
}

void TestApiForms::total17IsAsap()
{
    const HttpReply sent = send(once(m_patientId));
    const HttpReply answered = answer(portal(sent), id(sent), phq9({3, 3, 2, 2, 2, 2, 2, 1, 0}));
    QCOMPARE(answered.status, 201);
    QVERIFY(!answered.json().contains(QStringLiteral("safetyMessage")));
    TestHttp anna(m_server.url());
    anna.setToken(m_anna);
    const QList<QJsonObject> changes = syncAll(anna);
    const QJsonObject request = entity(changes, QStringLiteral("form_request"), id(sent));
    const QJsonObject item = itemsIn(changes).value(request.value(QStringLiteral("itemId")).toString());
    QCOMPARE(item.value(QStringLiteral("priority")).toString(), QStringLiteral("asap"));
    QCOMPARE(item.value(QStringLiteral("title")).toString(),
             QStringLiteral("PHQ-9 besvarat: 17 poäng – måttligt svår"));
}

void TestApiForms::mismatchedResponseStoresNothing()
{
    const HttpReply sent = send(once(m_patientId));
    const QByteArray patient = portal(sent);
    const int responses = count(QStringLiteral("SELECT COUNT(*) FROM form_responses"));
    const int items = count(QStringLiteral("SELECT COUNT(*) FROM inbox_items"));
    const HttpReply missing = answer(patient, id(sent), phq9({1, 1, 1, 1, 1, 1, 1, 1}));
    QCOMPARE(missing.status, 400);
    QVERIFY2(missing.body.contains("phq9-9"), missing.body.constData());
    QJsonObject gad7 = phq9({0, 0, 0, 0, 0, 0, 0, 0, 0});
    gad7.insert(QStringLiteral("questionnaire"), QStringLiteral("https://nara.se/fhir/Questionnaire/gad-7"));
    QCOMPARE(answer(patient, id(sent), gad7).status, 400);
    TestHttp http(m_server.url());
    http.setToken(patient);
    QCOMPARE(http.post(QStringLiteral("/api/v1/portal/forms/%1/response").arg(id(sent)),
                       "{\"resourceType\":", {{"Idempotency-Key", "forms-broken-json"}})
                 .status,
             400);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM form_responses")), responses);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM inbox_items")), items);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM form_requests WHERE id = ? AND state = 'pending'"), {id(sent)}),
             1);
}

void TestApiForms::answeredTwiceIsAConflict()
{
    const HttpReply sent = send(once(m_patientId));
    const QByteArray patient = portal(sent);
    QCOMPARE(answer(patient, id(sent), phq9({0, 0, 0, 0, 0, 0, 0, 0, 0})).status, 201);
    const HttpReply again = answer(patient, id(sent), phq9({1, 1, 1, 1, 1, 1, 1, 1, 1}));
    QCOMPARE(again.status, 409);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM form_responses WHERE request_id = ?"), {id(sent)}), 1);
    // No longer listed in the portal.
    TestHttp http(m_server.url());
    http.setToken(patient);
    QVERIFY(!http.get(QStringLiteral("/api/v1/portal/forms")).body.contains(id(sent).toUtf8()));
}

void TestApiForms::anotherPatientsRequestIsNotFound()
{
    const HttpReply mine = send(once(m_patientId));
    const HttpReply theirs = send(once(m_otherId));
    QCOMPARE(theirs.status, 201);
    const QByteArray other = portal(theirs);
    const QString path = QStringLiteral("/api/v1/portal/forms/") + id(mine);
    const HttpReply answered = answer(other, id(mine), phq9({0, 0, 0, 0, 0, 0, 0, 0, 0}));
    QCOMPARE(answered.status, 404);
    TestHttp http(m_server.url());
    http.setToken(other);
    QCOMPARE(http.get(path).status, 404);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'denied' AND outcome = 'denied' "
                                  "AND user_id = ? AND object = ?"),
                   {m_otherId, QString(u"POST " + path + u"/response")}),
             1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'denied' AND user_id = ? "
                                  "AND object = ?"),
                   {m_otherId, QString(u"GET " + path)}),
             1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM form_requests WHERE id = ? AND state = 'pending'"), {id(mine)}),
             1);
    // A staff session is not a patient's.
    QCOMPARE(answer(m_anna, id(mine), phq9({0, 0, 0, 0, 0, 0, 0, 0, 0})).status, 403);
}

void TestApiForms::notAvailableYetIsAConflict()
{
    QJsonObject body = once(m_patientId);
    body.insert(QStringLiteral("everyDays"), 14);
    body.insert(QStringLiteral("untilAt"), QDateTime::currentMSecsSinceEpoch() + 20 * kDay);
    const HttpReply sent = send(body);
    QCOMPARE(sent.status, 201);
    const QByteArray patient = portal(sent);
    TestHttp http(m_server.url());
    http.setToken(patient);
    QCOMPARE(http.get(QStringLiteral("/api/v1/portal/forms/") + id(sent, 1)).status, 409);
    const HttpReply early = answer(patient, id(sent, 1), phq9({0, 0, 0, 0, 0, 0, 0, 0, 0}));
    QCOMPARE(early.status, 409);
    QCOMPARE(
        early.json().value(QStringLiteral("availableAt")).toInteger(),
        sent.json().value(QStringLiteral("requests")).toArray().at(1).toObject().value(u"availableAt").toInteger());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM form_responses WHERE request_id = ?"), {id(sent, 1)}), 0);
}

void TestApiForms::cancelSeries()
{
    QJsonObject body = once(m_patientId);
    body.insert(QStringLiteral("everyDays"), 7);
    body.insert(QStringLiteral("untilAt"), QDateTime::currentMSecsSinceEpoch() + 14 * kDay + 60'000);
    const HttpReply sent = send(body);
    QCOMPARE(sent.status, 201);
    const QString seriesId
        = sent.json().value(QStringLiteral("requests")).toArray().at(0).toObject().value(u"seriesId").toString();
    const QString path = QStringLiteral("/api/v1/forms/series/%1/cancel").arg(seriesId);
    TestHttp karin(m_server.url());
    karin.setToken(m_karin);
    QCOMPARE(karin.postJson(path, {}).status, 404);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'denied' AND object = ?"),
                   {QString(u"POST " + path)}),
             1);

    TestHttp anna(m_server.url());
    anna.setToken(m_anna);
    const HttpReply cancelled = anna.postJson(path, {});
    QCOMPARE(cancelled.status, 200);
    const QJsonArray requests = cancelled.json().value(QStringLiteral("requests")).toArray();
    QCOMPARE(requests.size(), 3);
    for (const QJsonValue &request : requests)
        QCOMPARE(request.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(entity(syncAll(anna), QStringLiteral("form_request"), id(sent, 2)).value(u"state").toString(),
             QStringLiteral("cancelled"));
    const HttpReply late = answer(portal(sent), id(sent), phq9({0, 0, 0, 0, 0, 0, 0, 0, 0}));
    QCOMPARE(late.status, 409);
    QCOMPARE(anna.postJson(QStringLiteral("/api/v1/forms/series/no-such-series/cancel"), {}).status, 404);
}

void TestApiForms::sweepMarksOverdueAndSendsLaterLinks()
{
    // One request to become overdue, and a weekly series whose second occasion is to open.
    const HttpReply single = send(once(m_patientId));
    QCOMPARE(single.status, 201);
    QJsonObject body = once(m_patientId);
    body.insert(QStringLiteral("everyDays"), 7);
    body.insert(QStringLiteral("untilAt"), QDateTime::currentMSecsSinceEpoch() + 14 * kDay + 60'000);
    const HttpReply series = send(body);
    QCOMPARE(series.status, 201);
    const QByteArray patient = portal(single);

    // Time moves on for these two: the server is stopped, the times are moved back a week, and
    // the job runs as the server starts again.
    m_server.kill();
    {
        QSqlQuery query(m_db->database());
        query.prepare(QStringLiteral("UPDATE form_requests SET available_at = available_at - ?, due_at = due_at - ? "
                                     "WHERE id IN (?, ?, ?)"));
        for (const QVariant &value : QVariantList{8 * kDay, 8 * kDay, id(single), id(series, 0), id(series, 1)})
            query.addBindValue(value);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        QCOMPARE(query.numRowsAffected(), 3);
    }
    const qsizetype sms = outbox().size();
    QVERIFY2(m_server.start(), m_server.output().constData());

    TestHttp anna(m_server.url());
    anna.setToken(m_anna);
    const QList<QJsonObject> changes = syncAll(anna);
    const QJsonObject overdue = entity(changes, QStringLiteral("form_request"), id(single));
    QCOMPARE(overdue.value(QStringLiteral("state")).toString(), QStringLiteral("overdue"));
    const QString itemId = overdue.value(QStringLiteral("itemId")).toString();
    const QJsonObject item = itemsIn(changes).value(itemId);
    QCOMPARE(item.value(QStringLiteral("kind")).toString(), QStringLiteral("form"));
    QCOMPARE(item.value(QStringLiteral("priority")).toString(), QStringLiteral("routine"));
    QCOMPARE(item.value(QStringLiteral("title")).toString(), QStringLiteral("PHQ-9 ej besvarat"));
    QVERIFY2(item.value(QStringLiteral("priorityReason")).toString().startsWith(u"Förfallodag 20"),
             qPrintable(item.value(QStringLiteral("priorityReason")).toString()));
    QVERIFY(item.value(QStringLiteral("priorityReason")).toString().endsWith(u" passerad"));
    // The series' first occasion too; its second is open now and got its own link by SMS.
    QCOMPARE(entity(changes, QStringLiteral("form_request"), id(series, 0)).value(u"state").toString(),
             QStringLiteral("overdue"));
    QCOMPARE(entity(changes, QStringLiteral("form_request"), id(series, 1)).value(u"state").toString(),
             QStringLiteral("pending"));
    const QList<QJsonObject> lines = outbox();
    QCOMPARE(lines.size(), sms + 1);
    const QString text = lines.constLast().value(QStringLiteral("text")).toString();
    QVERIFY2(text.startsWith(u"Hej! Vårdcentralen Falkenberg ber dig fylla i formuläret PHQ-9. Öppna länken: http"),
             qPrintable(text));
    const QString token = text.section(u'#', -1);
    const HttpReply session
        = TestHttp(m_server.url())
              .postJson(QStringLiteral("/api/v1/portal/session"), {{QStringLiteral("invitation"), token}});
    QCOMPARE(session.status, 200);

    // Restarting again changes nothing more.
    QVERIFY(m_server.restart());
    QCOMPARE(outbox().size(), sms + 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM inbox_items WHERE id IN (SELECT item_id FROM form_requests "
                                  "WHERE id IN (?, ?))"),
                   {id(single), id(series, 0)}),
             2);

    // The late answer: the overdue item takes it and returns to the pool with the score's priority.
    const HttpReply answered = answer(patient, id(single), phq9({3, 3, 2, 2, 2, 2, 2, 1, 0}));
    QCOMPARE(answered.status, 201);
    const QJsonObject taken = itemsIn(syncAll(anna)).value(itemId);
    QCOMPARE(taken.value(QStringLiteral("state")).toString(), QStringLiteral("new"));
    QCOMPARE(taken.value(QStringLiteral("priority")).toString(), QStringLiteral("asap"));
    QCOMPARE(taken.value(QStringLiteral("title")).toString(),
             QStringLiteral("PHQ-9 besvarat: 17 poäng – måttligt svår"));
}

QTEST_GUILESS_MAIN(TestApiForms)
#include "tst_api_forms.moc"
