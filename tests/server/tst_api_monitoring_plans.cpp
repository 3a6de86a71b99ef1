// Monitoring plans and alert escalation against a real nara-server with the demo region:
// GET /api/v1/monitoring/defaults, POST /api/v1/patients/{id}/monitoring-plan (saved with versions,
// synced as entity monitoring_plan to every unit caring for the patient, invalid plans refused
// whole, stale versions 409, another unit's patient 404 and audited as denied) and POST /api/v1/items/{id}/escalate (to
// a GP of the item's unit, with a staff-only note the patient never sees).

#include "apifixture.h"
#include "serverdatabase.h"

#include <QSqlDatabase>
#include <QSqlQuery>

using namespace nara::test;

namespace {

const QString kErik = QStringLiteral("staff-erik"); // gp at Falkenberg
const QString kSara = QStringLiteral("staff-sara"); // physio at Falkenberg

QJsonObject limit(const QString &op, double value)
{
    return {{QStringLiteral("op"), op}, {QStringLiteral("value"), value}};
}

// Daily blood pressure with the systolic limits lowered (red ≥ 170, orange ≥ 150).
QJsonObject samplePlan()
{
    return {
        {QStringLiteral("startAt"), QStringLiteral("2026-11-20T08:00:00Z")},
        {QStringLiteral("measurements"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("bloodPressure")},
                                {QStringLiteral("period"), 1},
                                {QStringLiteral("periodUnit"), QStringLiteral("d")}}}},
        {QStringLiteral("thresholds"),
         QJsonObject{
             {QStringLiteral("systolic"),
              QJsonObject{{QStringLiteral("red"), QJsonObject{{QStringLiteral("high"), limit(u">="_qs, 170)}}},
                          {QStringLiteral("orange"), QJsonObject{{QStringLiteral("high"), limit(u">="_qs, 150)}}}}}}}};
}

// The sample plan with its first measurement's `key` set to `value`.
QJsonObject withMeasurementField(const QString &key, const QJsonValue &value)
{
    QJsonObject plan = samplePlan();
    QJsonArray list = plan.value(QStringLiteral("measurements")).toArray();
    QJsonObject first = list.at(0).toObject();
    first.insert(key, value);
    list.replace(0, first);
    plan.insert(QStringLiteral("measurements"), list);
    return plan;
}

} // namespace

class TestApiMonitoringPlans : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_server.terminate(); }
    void defaultsListTypesAndThresholds();
    void planIsSavedVersionedAndSynced();
    void everyUnitOfThePatientSeesAndSavesThePlan();
    void invalidPlansStoreNothing_data();
    void invalidPlansStoreNothing();
    void malformedJsonStoresNothing();
    void staleVersionIsAConflict();
    void otherUnitsPatientIsNotFoundAndAudited();
    void escalateAChatToAGp();
    void escalateAnAlertToAGp();
    void escalateToSomeoneElseIsRefused_data();
    void escalateToSomeoneElseIsRefused();
    void escalateAnotherUnitsItemIsNotFound();

private:
    HttpReply savePlan(const QJsonObject &body, const QByteArray &key = {});
    TestHttp as(const QByteArray &token) const;
    int scalar(const QString &sql, const QVariantList &values = {});
    int storedVersion()
    {
        return scalar(QStringLiteral("SELECT version FROM monitoring_plans WHERE patient_id = ?"), {m_patientId});
    }
    QByteArray portalSession(const QString &itemId = {});
    QString alertItem();

    ServerProcess m_server{{QStringLiteral("--demo")}};
    std::unique_ptr<ServerDatabase> m_db; // the server's own file
    QByteArray m_anna;
    QByteArray m_karin;
    QString m_patientId;
    QString m_path;
    QString m_refusedItem;
};

void TestApiMonitoringPlans::initTestCase()
{
    QVERIFY2(m_server.start(), m_server.output().constData());
    m_anna = TestHttp(m_server.url()).login(QStringLiteral("anna"));
    m_karin = TestHttp(m_server.url()).login(QStringLiteral("karin"));
    QVERIFY(!m_anna.isEmpty() && !m_karin.isEmpty());
    m_db = std::make_unique<ServerDatabase>(m_server.dataDir());
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->errorText()));
    QSqlDatabase db = m_db->database();
    QSqlQuery query(db);
    // A patient of Falkenberg only (anna's unit, not karin's).
    QVERIFY(query.exec(QStringLiteral(
        "SELECT p.id FROM patients p JOIN care_relations r ON r.patient_id = p.id WHERE r.unit_id = 'unit-falkenberg' "
        "AND NOT EXISTS (SELECT 1 FROM care_relations o WHERE o.patient_id = p.id AND o.unit_id <> 'unit-falkenberg') "
        "ORDER BY p.id LIMIT 1")));
    QVERIFY(query.next());
    m_patientId = query.value(0).toString();
    m_path = QStringLiteral("/api/v1/patients/%1/monitoring-plan").arg(m_patientId);
}

TestHttp TestApiMonitoringPlans::as(const QByteArray &token) const
{
    TestHttp http(m_server.url());
    http.setToken(token);
    return http;
}

HttpReply TestApiMonitoringPlans::savePlan(const QJsonObject &body, const QByteArray &key)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!key.isEmpty())
        headers.append({"Idempotency-Key", key});
    return as(m_anna).postJson(m_path, body, headers);
}

int TestApiMonitoringPlans::scalar(const QString &sql, const QVariantList &values)
{
    return int(m_db->count(sql, values));
}

QByteArray TestApiMonitoringPlans::portalSession(const QString &itemId)
{
    QJsonObject body;
    if (!itemId.isEmpty())
        body.insert(QStringLiteral("itemId"), itemId);
    const HttpReply invitation
        = as(m_anna).postJson(QStringLiteral("/api/v1/patients/%1/invitations").arg(m_patientId), body);
    if (invitation.status != 201)
        return {};
    const HttpReply session
        = TestHttp(m_server.url())
              .postJson(QStringLiteral("/api/v1/portal/session"),
                        {{QStringLiteral("invitation"), invitation.json().value(QStringLiteral("token")).toString()}});
    return session.json().value(QStringLiteral("token")).toString().toUtf8();
}

// A fresh alert item in Falkenberg's pool: the patient reports a red blood pressure in the portal.
QString TestApiMonitoringPlans::alertItem()
{
    const QByteArray patient = portalSession();
    const QJsonObject bp{
        {QStringLiteral("type"), QStringLiteral("bloodPressure")},
        {QStringLiteral("values"), QJsonObject{{QStringLiteral("systolic"), 185}, {QStringLiteral("diastolic"), 96}}}};
    const HttpReply reply = as(patient).postJson(QStringLiteral("/api/v1/portal/measurements"),
                                                 {{QStringLiteral("measurements"), QJsonArray{bp}}});
    return reply.json().value(QStringLiteral("itemId")).toString();
}

void TestApiMonitoringPlans::defaultsListTypesAndThresholds()
{
    const HttpReply reply = as(m_anna).get(QStringLiteral("/api/v1/monitoring/defaults"));
    QCOMPARE(reply.status, 200);
    const QJsonArray types = reply.json().value(QStringLiteral("types")).toArray();
    QCOMPARE(types.size(), 7);
    const QJsonObject bp = types.at(0).toObject();
    QCOMPARE(bp.value(QStringLiteral("type")).toString(), QStringLiteral("bloodPressure"));
    QCOMPARE(bp.value(QStringLiteral("display")).toString(), QStringLiteral("Blodtryck"));
    QCOMPARE(bp.value(QStringLiteral("loinc")).toString(), QStringLiteral("85354-9"));
    QCOMPARE(bp.value(QStringLiteral("unit")).toString(), QStringLiteral("mmHg"));
    const QJsonArray quantities = bp.value(QStringLiteral("quantities")).toArray();
    QCOMPARE(quantities.size(), 2);
    QCOMPARE(quantities.at(0).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("systolic"));
    QVERIFY(quantities.at(0).toObject().value(QStringLiteral("max")).toDouble()
            > quantities.at(0).toObject().value(QStringLiteral("min")).toDouble());
    const QJsonObject thresholds = reply.json().value(QStringLiteral("thresholds")).toObject();
    QCOMPARE(thresholds.size(), 8);
    QCOMPARE(thresholds.value(QStringLiteral("systolic"))
                 .toObject()
                 .value(QStringLiteral("red"))
                 .toObject()
                 .value(QStringLiteral("high"))
                 .toObject()
                 .value(QStringLiteral("value"))
                 .toDouble(),
             180.0);
    QCOMPARE(TestHttp(m_server.url()).get(QStringLiteral("/api/v1/monitoring/defaults")).status, 401);
}

void TestApiMonitoringPlans::planIsSavedVersionedAndSynced()
{
    const HttpReply first = savePlan({{QStringLiteral("plan"), samplePlan()}}, "plan-first");
    QCOMPARE(first.status, 200);
    const QJsonObject saved = first.json();
    QCOMPARE(saved.value(QStringLiteral("id")).toString(), m_patientId);
    QCOMPARE(saved.value(QStringLiteral("patientId")).toString(), m_patientId);
    QCOMPARE(saved.value(QStringLiteral("unitId")).toString(), kFalkenberg);
    QCOMPARE(saved.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(saved.value(QStringLiteral("updatedBy")).toString(), QStringLiteral("staff-anna"));
    QCOMPARE(saved.value(QStringLiteral("plan")).toObject(), samplePlan());
    // A retry with the same key is answered the same, and stores nothing more.
    const HttpReply again = savePlan({{QStringLiteral("plan"), samplePlan()}}, "plan-first");
    QCOMPARE(again.status, 200);
    QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(storedVersion(), 1);

    const HttpReply second = savePlan(
        {{QStringLiteral("plan"), withMeasurementField(QStringLiteral("period"), 12)}, {QStringLiteral("version"), 1}});
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json().value(QStringLiteral("version")).toInt(), 2);

    QJsonObject synced;
    TestHttp anna = as(m_anna);
    for (const QJsonObject &change : syncAll(anna))
        if (change.value(QStringLiteral("entity")).toString() == u"monitoring_plan"
            && change.value(QStringLiteral("id")).toString() == m_patientId)
            synced = change.value(QStringLiteral("data")).toObject();
    QCOMPARE(synced.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(synced.value(QStringLiteral("unitId")).toString(), kFalkenberg);
    QCOMPARE(synced.value(QStringLiteral("plan"))
                 .toObject()
                 .value(QStringLiteral("measurements"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("period"))
                 .toInt(),
             12);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE object = ? AND user_id = 'staff-anna' "
                                   "AND patient_id = ? AND action IN ('create', 'update')"),
                    {QString(QStringLiteral("monitoring_plan:") + m_patientId), m_patientId}),
             2);
    // Karin (Teleborg) does not get it.
    bool karinSees = false;
    TestHttp karin = as(m_karin);
    for (const QJsonObject &change : syncAll(karin))
        karinSees = karinSees || change.value(QStringLiteral("entity")).toString() == u"monitoring_plan";
    QVERIFY(!karinSees);

    // Ending monitoring: plan null, the next version.
    const HttpReply ended = savePlan({{QStringLiteral("plan"), QJsonValue::Null}, {QStringLiteral("version"), 2}});
    QCOMPARE(ended.status, 200);
    QCOMPARE(ended.json().value(QStringLiteral("version")).toInt(), 3);
    QVERIFY(ended.json().value(QStringLiteral("plan")).isNull());
    // And starting again.
    const HttpReply restarted = savePlan({{QStringLiteral("plan"), samplePlan()}, {QStringLiteral("version"), 3}});
    QCOMPARE(restarted.status, 200);
    QCOMPARE(storedVersion(), 4);
}

// A patient of Falkenberg and of the municipal home care: lena (home care only) gets anna's plan in
// /sync and saves the next version; anna gets lena's. The reporting unit stays Falkenberg.
void TestApiMonitoringPlans::everyUnitOfThePatientSeesAndSavesThePlan()
{
    QSqlQuery query(m_db->database());
    QVERIFY(query.exec(QStringLiteral(
        "SELECT f.patient_id FROM care_relations f JOIN care_relations h ON h.patient_id = f.patient_id "
        "WHERE f.unit_id = 'unit-falkenberg' AND h.unit_id = 'unit-hemsjukvard' ORDER BY f.patient_id LIMIT 1")));
    QVERIFY(query.next());
    const QString patientId = query.value(0).toString();
    const QString path = QStringLiteral("/api/v1/patients/%1/monitoring-plan").arg(patientId);
    const QByteArray lena = TestHttp(m_server.url()).login(QStringLiteral("lena"));
    QVERIFY(!lena.isEmpty());
    const auto planOf = [&patientId](const QList<QJsonObject> &changes) {
        QJsonObject newest;
        for (const QJsonObject &change : changes)
            if (change.value(QStringLiteral("entity")).toString() == u"monitoring_plan"
                && change.value(QStringLiteral("id")).toString() == patientId)
                newest = change.value(QStringLiteral("data")).toObject();
        return newest;
    };

    const HttpReply first
        = as(m_anna).postJson(path, {{QStringLiteral("plan"), samplePlan()}, {QStringLiteral("version"), 0}});
    QCOMPARE(first.status, 200);
    TestHttp lenaHttp = as(lena);
    const QJsonObject seen = planOf(syncAll(lenaHttp));
    QCOMPARE(seen.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(seen.value(QStringLiteral("unitId")).toString(), kFalkenberg);
    QCOMPARE(seen.value(QStringLiteral("plan")).toObject(), samplePlan());

    // lena saves with the version she was sent; a stale one is 409 as for anyone.
    const QJsonObject changed = withMeasurementField(QStringLiteral("period"), 2);
    QCOMPARE(lenaHttp.postJson(path, {{QStringLiteral("plan"), changed}, {QStringLiteral("version"), 0}}).status, 409);
    const HttpReply second
        = lenaHttp.postJson(path, {{QStringLiteral("plan"), changed}, {QStringLiteral("version"), 1}});
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json().value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(second.json().value(QStringLiteral("unitId")).toString(), kFalkenberg);
    QCOMPARE(second.json().value(QStringLiteral("updatedBy")).toString(), QStringLiteral("staff-lena"));
    TestHttp anna = as(m_anna);
    const QJsonObject annaSees = planOf(syncAll(anna));
    QCOMPARE(annaSees.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(annaSees.value(QStringLiteral("plan")).toObject(), changed);
    QCOMPARE(planOf(syncAll(lenaHttp)).value(QStringLiteral("version")).toInt(), 2);
}

void TestApiMonitoringPlans::invalidPlansStoreNothing_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("named"); // a word the error must contain

    QJsonObject unmeasured = samplePlan();
    QJsonObject thresholds = unmeasured.value(QStringLiteral("thresholds")).toObject();
    thresholds.insert(QStringLiteral("glucose"),
                      QJsonObject{{QStringLiteral("red"), QJsonObject{{QStringLiteral("high"), limit(u">"_qs, 20)}}}});
    unmeasured.insert(QStringLiteral("thresholds"), thresholds);
    QJsonObject noStart = samplePlan();
    noStart.remove(QStringLiteral("startAt"));
    QJsonObject startNumber = samplePlan();
    startNumber.insert(QStringLiteral("startAt"), qint64(1764000000000));
    QJsonObject listAsObject = samplePlan();
    listAsObject.insert(QStringLiteral("measurements"), QJsonObject{});
    QJsonObject entryAsNumber = samplePlan();
    entryAsNumber.insert(QStringLiteral("measurements"), QJsonArray{7});
    QJsonObject thresholdAsNumber = samplePlan();
    thresholdAsNumber.insert(QStringLiteral("thresholds"), QJsonObject{{QStringLiteral("systolic"), 170}});
    QJsonObject redInsideOrange = samplePlan();
    redInsideOrange.insert(
        QStringLiteral("thresholds"),
        QJsonObject{
            {QStringLiteral("systolic"),
             QJsonObject{{QStringLiteral("red"), QJsonObject{{QStringLiteral("high"), limit(u">="_qs, 150)}}},
                         {QStringLiteral("orange"), QJsonObject{{QStringLiteral("high"), limit(u">="_qs, 160)}}}}}});
    const auto plan = [](const QJsonObject &p) {
        return QJsonObject{{QStringLiteral("plan"), p}};
    };

    QTest::newRow("interval zero") << plan(withMeasurementField(QStringLiteral("period"), 0)) << "interval";
    QTest::newRow("interval over 90 days") << plan(withMeasurementField(QStringLiteral("period"), 91)) << "interval";
    QTest::newRow("period as text") << plan(withMeasurementField(QStringLiteral("period"), QStringLiteral("1")))
                                    << "period";
    QTest::newRow("period fraction") << plan(withMeasurementField(QStringLiteral("period"), 1.5)) << "period";
    QTest::newRow("unit weeks") << plan(withMeasurementField(QStringLiteral("periodUnit"), QStringLiteral("w")))
                                << "periodUnit";
    QTest::newRow("unknown type") << plan(withMeasurementField(QStringLiteral("type"), QStringLiteral("cholesterol")))
                                  << "cholesterol";
    QTest::newRow("override for an unmeasured quantity") << plan(unmeasured) << "glucose";
    QTest::newRow("red inside orange") << plan(redInsideOrange) << "systolic";
    QTest::newRow("no start") << plan(noStart) << "startAt";
    QTest::newRow("start as number") << plan(startNumber) << "startAt";
    QTest::newRow("measurements as object") << plan(listAsObject) << "measurements";
    QTest::newRow("measurement as number") << plan(entryAsNumber) << "measurements";
    QTest::newRow("threshold as number") << plan(thresholdAsNumber) << "systolic";
    QTest::newRow("plan as text") << QJsonObject{{QStringLiteral("plan"), QStringLiteral("daily")}} << "plan";
    QTest::newRow("plan missing") << QJsonObject{{QStringLiteral("version"), 1}} << "plan";
    QTest::newRow("version as text") << QJsonObject{{QStringLiteral("plan"), samplePlan()},
                                                    {QStringLiteral("version"), QStringLiteral("1")}}
                                     << "version";
    QTest::newRow("version negative") << QJsonObject{{QStringLiteral("plan"), samplePlan()},
                                                     {QStringLiteral("version"), -1}}
                                      << "version";
    QTest::newRow("unknown field") << QJsonObject{{QStringLiteral("plan"), samplePlan()},
                                                  {QStringLiteral("patientId"), QStringLiteral("x")}}
                                   << "patientId";
}

void TestApiMonitoringPlans::invalidPlansStoreNothing()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, named);
    const int version = storedVersion();
    const int rows = scalar(QStringLiteral("SELECT COUNT(*) FROM monitoring_plans"));
    const int changes = scalar(QStringLiteral("SELECT COUNT(*) FROM change_log"));
    const HttpReply reply = savePlan(body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(problemType(reply), QStringLiteral("https://nara.example/problems/invalid-input"));
    const QString detail = reply.json().value(QStringLiteral("detail")).toString();
    QVERIFY2(detail.contains(named), qPrintable(detail));
    QCOMPARE(storedVersion(), version);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM monitoring_plans")), rows);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM change_log")), changes);
}

void TestApiMonitoringPlans::malformedJsonStoresNothing()
{
    const int changes = scalar(QStringLiteral("SELECT COUNT(*) FROM change_log"));
    for (const QByteArray &body : {QByteArray("{\"plan\": {"), QByteArray("[]"), QByteArray("plan=daily")}) {
        const HttpReply reply = as(m_anna).post(
            m_path, body,
            {{"Content-Type", "application/json"}, {"Idempotency-Key", QByteArray("bad-") + body.toHex()}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(problemType(reply), QStringLiteral("https://nara.example/problems/invalid-input"));
    }
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM change_log")), changes);
}

void TestApiMonitoringPlans::staleVersionIsAConflict()
{
    HttpReply current = savePlan({{QStringLiteral("plan"), samplePlan()}});
    QCOMPARE(current.status, 200);
    const int version = current.json().value(QStringLiteral("version")).toInt();
    const HttpReply stale = savePlan({{QStringLiteral("plan"), withMeasurementField(QStringLiteral("period"), 2)},
                                      {QStringLiteral("version"), version - 1}});
    QCOMPARE(stale.status, 409);
    QCOMPARE(problemType(stale), QStringLiteral("https://nara.example/problems/conflict"));
    QCOMPARE(stale.json().value(QStringLiteral("version")).toInt(), version);
    QCOMPARE(storedVersion(), version);
}

void TestApiMonitoringPlans::otherUnitsPatientIsNotFoundAndAudited()
{
    const int version = storedVersion();
    const HttpReply reply = as(m_karin).postJson(m_path, {{QStringLiteral("plan"), samplePlan()}});
    QCOMPARE(reply.status, 404);
    QCOMPARE(storedVersion(), version);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'denied' AND outcome = 'denied' "
                                   "AND user_id = 'staff-karin' AND object = ?"),
                    {QString(QStringLiteral("POST ") + m_path)}),
             1);
    // An unknown patient is the same 404.
    QCOMPARE(as(m_anna)
                 .postJson(QStringLiteral("/api/v1/patients/nobody/monitoring-plan"),
                           {{QStringLiteral("plan"), samplePlan()}})
                 .status,
             404);
}

void TestApiMonitoringPlans::escalateAChatToAGp()
{
    const HttpReply chat = as(m_anna).postJson(QStringLiteral("/api/v1/chats"),
                                               {{QStringLiteral("patientId"), m_patientId},
                                                {QStringLiteral("title"), QStringLiteral("Blodtryck")},
                                                {QStringLiteral("body"), QStringLiteral("Hur mår du idag?")}});
    QCOMPARE(chat.status, 201);
    const QString itemId = chat.json().value(QStringLiteral("item")).toObject().value(QStringLiteral("id")).toString();
    const QByteArray patient = portalSession(itemId);
    QVERIFY(!patient.isEmpty());

    const HttpReply escalated = as(m_anna).postJson(
        QStringLiteral("/api/v1/items/%1/escalate").arg(itemId),
        {{QStringLiteral("staffId"), kErik}, {QStringLiteral("note"), QStringLiteral("Bedöm medicineringen")}});
    QCOMPARE(escalated.status, 200);
    QCOMPARE(escalated.json().value(QStringLiteral("ownerId")).toString(), kErik);
    QCOMPARE(escalated.json().value(QStringLiteral("state")).toString(), QStringLiteral("waiting"));

    const HttpReply messages = as(m_anna).get(QStringLiteral("/api/v1/items/%1/messages").arg(itemId));
    QCOMPARE(messages.status, 200);
    QJsonObject note;
    for (const QJsonValue &m : messages.json().value(QStringLiteral("messages")).toArray())
        if (m.toObject().value(QStringLiteral("body")).toString().startsWith(u"Eskalerad"))
            note = m.toObject();
    QCOMPARE(note.value(QStringLiteral("body")).toString(),
             QStringLiteral("Eskalerad till Erik Johansson: Bedöm medicineringen"));
    QVERIFY(note.value(QStringLiteral("staffOnly")).toBool());
    QCOMPARE(note.value(QStringLiteral("authorId")).toString(), QStringLiteral("staff-anna"));

    const HttpReply thread = as(patient).get(QStringLiteral("/api/v1/portal/thread"));
    QCOMPARE(thread.status, 200);
    QVERIFY(thread.body.contains("Hur mår du idag?"));
    QVERIFY(!thread.body.contains("Eskalerad"));
    QVERIFY(!thread.body.contains("medicineringen"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE object = ? AND user_id = 'staff-anna' "
                                   "AND action = 'update'"),
                    {QString(QStringLiteral("inbox_item:") + itemId)}),
             1);
}

void TestApiMonitoringPlans::escalateAnAlertToAGp()
{
    const QString itemId = alertItem();
    QVERIFY(!itemId.isEmpty());
    const HttpReply escalated = as(m_anna).postJson(QStringLiteral("/api/v1/items/%1/escalate").arg(itemId),
                                                    {{QStringLiteral("staffId"), kErik}});
    QCOMPARE(escalated.status, 200);
    QCOMPARE(escalated.json().value(QStringLiteral("kind")).toString(), QStringLiteral("alert"));
    QCOMPARE(escalated.json().value(QStringLiteral("ownerId")).toString(), kErik);
    QCOMPARE(escalated.json().value(QStringLiteral("state")).toString(), QStringLiteral("claimed"));
    // Without a note the thread still says who it went to.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM chat_messages WHERE item_id = ? AND staff_only = 1 "
                                   "AND body = 'Eskalerad till Erik Johansson'"),
                    {itemId}),
             1);
}

void TestApiMonitoringPlans::escalateToSomeoneElseIsRefused_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("a nurse") << QJsonObject{{QStringLiteral("staffId"), QStringLiteral("staff-anna")}} << 400;
    QTest::newRow("a physio") << QJsonObject{{QStringLiteral("staffId"), kSara}} << 400;
    QTest::newRow("unknown staff") << QJsonObject{{QStringLiteral("staffId"), QStringLiteral("staff-nobody")}} << 400;
    QTest::newRow("another unit's nurse")
        << QJsonObject{{QStringLiteral("staffId"), QStringLiteral("staff-karin")}} << 400;
    QTest::newRow("no staffId") << QJsonObject{{QStringLiteral("note"), QStringLiteral("x")}} << 400;
    QTest::newRow("note too long") << QJsonObject{{QStringLiteral("staffId"), kErik},
                                                  {QStringLiteral("note"), QString(4001, u'a')}}
                                   << 400;
}

void TestApiMonitoringPlans::escalateToSomeoneElseIsRefused()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    if (m_refusedItem.isEmpty())
        m_refusedItem = alertItem(); // one item for every row: each refusal must leave it untouched
    const QString itemId = m_refusedItem;
    QVERIFY(!itemId.isEmpty());
    const int messages = scalar(QStringLiteral("SELECT COUNT(*) FROM chat_messages WHERE item_id = ?"), {itemId});
    const HttpReply reply = as(m_anna).postJson(QStringLiteral("/api/v1/items/%1/escalate").arg(itemId), body);
    QCOMPARE(reply.status, status);
    if (body.contains(QStringLiteral("staffId")) && !body.contains(QStringLiteral("note")))
        QVERIFY2(reply.json().value(QStringLiteral("detail")).toString().contains(u"not a GP of the unit"),
                 reply.body.constData());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM chat_messages WHERE item_id = ?"), {itemId}), messages);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM inbox_items WHERE id = ? AND owner_id IS NULL "
                                   "AND state = 'new'"),
                    {itemId}),
             1);
}

void TestApiMonitoringPlans::escalateAnotherUnitsItemIsNotFound()
{
    const QString itemId = alertItem();
    QVERIFY(!itemId.isEmpty());
    const QString path = QStringLiteral("/api/v1/items/%1/escalate").arg(itemId);
    const HttpReply reply = as(m_karin).postJson(path, {{QStringLiteral("staffId"), kErik}});
    QCOMPARE(reply.status, 404);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'denied' AND user_id = 'staff-karin' "
                                   "AND object = ?"),
                    {QString(QStringLiteral("POST ") + path)}),
             1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM inbox_items WHERE id = ? AND owner_id IS NULL"), {itemId}), 1);
}

QTEST_GUILESS_MAIN(TestApiMonitoringPlans)
#include "tst_api_monitoring_plans.moc"
