// The patient's own report in the portal, POST /api/v1/portal/measurements, against a real
// nara-server with the demo region: a patient with a portal session (from anna's invitation)
// reports values; a red one becomes an asap alert in anna's inbox exactly as by SMS; anything
// malformed or implausible is refused whole and nothing is stored; a replay is answered once.

#include "apifixture.h"
#include "serverdatabase.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace nara::test;

namespace {

const QString kPath = QStringLiteral("/api/v1/portal/measurements");

QJsonObject bloodPressure(double systolic, double diastolic)
{
    return {{QStringLiteral("type"), QStringLiteral("bloodPressure")},
            {QStringLiteral("values"),
             QJsonObject{{QStringLiteral("systolic"), systolic}, {QStringLiteral("diastolic"), diastolic}}}};
}

QJsonObject single(const QString &type, const QJsonValue &value)
{
    return {{QStringLiteral("type"), type}, {QStringLiteral("values"), QJsonObject{{QStringLiteral("value"), value}}}};
}

QJsonObject report(const QJsonArray &measurements)
{
    return {{QStringLiteral("measurements"), measurements}};
}

} // namespace

class TestApiPortalMeasurements : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_server.terminate(); }
    void redBloodPressureBecomesAnAsapAlert();
    void valuesInsideTheLimitsAreStoredWithoutAlert();
    void remarkRaisesAnOrangeAlert();
    void implausiblePulseStoresNothing();
    void malformedBodiesAreRefused_data();
    void malformedBodiesAreRefused();
    void malformedJsonIsRefused();
    void onlyAPatientSessionMayReport();
    void replayIsAnsweredOnceAndStoredOnce();

private:
    HttpReply post(const QJsonObject &body, const QByteArray &key = {});
    int measurements();

    ServerProcess m_server{{QStringLiteral("--demo")}};
    std::unique_ptr<ServerDatabase> m_db; // the server's own file
    QByteArray m_anna;
    QByteArray m_patient;
    QString m_patientId;
};

void TestApiPortalMeasurements::initTestCase()
{
    QVERIFY2(m_server.start(), m_server.output().constData());
    m_anna = TestHttp(m_server.url()).login(QStringLiteral("anna"));
    QVERIFY(!m_anna.isEmpty());
    m_db = std::make_unique<ServerDatabase>(m_server.dataDir());
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->errorText()));
    QSqlDatabase db = m_db->database();
    QSqlQuery query(db);
    // A patient of Falkenberg only (anna's unit), so their reports land in anna's inbox.
    QVERIFY(query.exec(QStringLiteral(
        "SELECT p.id FROM patients p JOIN care_relations r ON r.patient_id = p.id WHERE r.unit_id = 'unit-falkenberg' "
        "AND NOT EXISTS (SELECT 1 FROM care_relations o WHERE o.patient_id = p.id AND o.unit_id <> 'unit-falkenberg') "
        "ORDER BY p.id LIMIT 1")));
    QVERIFY(query.next());
    m_patientId = query.value(0).toString();

    TestHttp anna(m_server.url());
    anna.setToken(m_anna);
    const HttpReply invitation
        = anna.postJson(QStringLiteral("/api/v1/patients/%1/invitations").arg(m_patientId), QJsonObject{});
    QCOMPARE(invitation.status, 201);
    const HttpReply session
        = TestHttp(m_server.url())
              .postJson(QStringLiteral("/api/v1/portal/session"),
                        {{QStringLiteral("invitation"), invitation.json().value(QStringLiteral("token")).toString()}});
    QCOMPARE(session.status, 200);
    m_patient = session.json().value(QStringLiteral("token")).toString().toUtf8();
    QVERIFY(!m_patient.isEmpty());
}

HttpReply TestApiPortalMeasurements::post(const QJsonObject &body, const QByteArray &key)
{
    TestHttp patient(m_server.url());
    patient.setToken(m_patient);
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!key.isEmpty())
        headers.append({"Idempotency-Key", key});
    return patient.postJson(kPath, body, headers);
}

int TestApiPortalMeasurements::measurements()
{
    return int(m_db->count(QStringLiteral("SELECT COUNT(*) FROM measurements WHERE patient_id = ?"), {m_patientId}));
}

void TestApiPortalMeasurements::redBloodPressureBecomesAnAsapAlert()
{
    const int before = measurements();
    const HttpReply reply = post(report({bloodPressure(182, 95), single(QStringLiteral("pulse"), 78)}), "bp-red-1");
    QCOMPARE(reply.status, 201);
    const QJsonObject body = reply.json();
    const QJsonArray stored = body.value(QStringLiteral("measurements")).toArray();
    QCOMPARE(stored.size(), 2);
    const QJsonObject bp = stored.at(0).toObject();
    QCOMPARE(bp.value(QStringLiteral("type")).toString(), QStringLiteral("bloodPressure"));
    QCOMPARE(bp.value(QStringLiteral("source")).toString(), QStringLiteral("portal"));
    QCOMPARE(bp.value(QStringLiteral("values")).toObject().value(QStringLiteral("systolic")).toDouble(), 182.0);
    QCOMPARE(bp.value(QStringLiteral("values")).toObject().value(QStringLiteral("diastolic")).toDouble(), 95.0);
    QVERIFY(!bp.value(QStringLiteral("id")).toString().isEmpty());
    QCOMPARE(
        stored.at(1).toObject().value(QStringLiteral("values")).toObject().value(QStringLiteral("value")).toDouble(),
        78.0);
    const QJsonArray alerts = body.value(QStringLiteral("alerts")).toArray();
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.at(0).toObject().value(QStringLiteral("severity")).toString(), QStringLiteral("red"));
    QVERIFY(alerts.at(0).toObject().value(QStringLiteral("reason")).toString().contains(u"182"));
    QVERIFY(body.value(QStringLiteral("message")).toString().contains(u"Vårdcentralen har meddelats"));
    QCOMPARE(measurements(), before + 2);

    TestHttp anna(m_server.url());
    anna.setToken(m_anna);
    const QString itemId = body.value(QStringLiteral("itemId")).toString();
    const QJsonObject item = itemsIn(syncAll(anna)).value(itemId);
    QCOMPARE(item.value(QStringLiteral("kind")).toString(), QStringLiteral("alert"));
    QCOMPARE(item.value(QStringLiteral("priority")).toString(), QStringLiteral("asap"));
    QCOMPARE(item.value(QStringLiteral("unitId")).toString(), kFalkenberg);
    QCOMPARE(item.value(QStringLiteral("patientId")).toString(), m_patientId);
    QVERIFY(item.value(QStringLiteral("priorityReason")).toString().contains(u"182"));
}

void TestApiPortalMeasurements::valuesInsideTheLimitsAreStoredWithoutAlert()
{
    const int before = measurements();
    const HttpReply reply = post(report({single(QStringLiteral("weight"), 82.5)}));
    QCOMPARE(reply.status, 201);
    QCOMPARE(reply.json().value(QStringLiteral("alerts")).toArray().size(), 0);
    QVERIFY(!reply.json().contains(QStringLiteral("itemId")));
    QCOMPARE(reply.json().value(QStringLiteral("message")).toString(), QStringLiteral("Dina värden har tagits emot."));
    QCOMPARE(measurements(), before + 1);
}

void TestApiPortalMeasurements::remarkRaisesAnOrangeAlert()
{
    QJsonObject body = report({single(QStringLiteral("temperature"), 37.2)});
    body.insert(QStringLiteral("remark"), QStringLiteral("Känner mig yr sedan i morse"));
    const HttpReply reply = post(body);
    QCOMPARE(reply.status, 201);
    const QJsonArray alerts = reply.json().value(QStringLiteral("alerts")).toArray();
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.at(0).toObject().value(QStringLiteral("severity")).toString(), QStringLiteral("orange"));
    QCOMPARE(alerts.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("remark"));

    TestHttp anna(m_server.url());
    anna.setToken(m_anna);
    const QJsonObject item = itemsIn(syncAll(anna)).value(reply.json().value(QStringLiteral("itemId")).toString());
    QCOMPARE(item.value(QStringLiteral("priority")).toString(), QStringLiteral("urgent"));
    QVERIFY(item.value(QStringLiteral("title")).toString().startsWith(u"Kommentar via portalen"));
}

void TestApiPortalMeasurements::implausiblePulseStoresNothing()
{
    const int before = measurements();
    // The weight before the pulse is fine: it is not stored either.
    const HttpReply reply = post(report({single(QStringLiteral("weight"), 80), single(QStringLiteral("pulse"), 900)}));
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.body.contains("measurements[1].values.value"), reply.body.constData());
    QVERIFY2(reply.body.contains("Puls 900"), reply.body.constData());
    QCOMPARE(measurements(), before);
}

void TestApiPortalMeasurements::malformedBodiesAreRefused_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QByteArray>("names");

    QJsonArray eleven;
    for (int i = 0; i < 11; ++i)
        eleven.append(single(QStringLiteral("pulse"), 70));
    QTest::newRow("no measurements field") << QJsonObject{} << QByteArray("measurements");
    QTest::newRow("measurements not a list")
        << QJsonObject{{QStringLiteral("measurements"), QStringLiteral("BT 140/90")}} << QByteArray("measurements");
    QTest::newRow("empty list") << report({}) << QByteArray("measurements");
    QTest::newRow("eleven") << report(eleven) << QByteArray("measurements");
    QTest::newRow("entry not an object") << report({42}) << QByteArray("measurements[0]");
    QTest::newRow("unknown type") << report({single(QStringLiteral("cholesterol"), 5)})
                                  << QByteArray("measurements[0].type");
    QTest::newRow("type not a string") << report({QJsonObject{{QStringLiteral("type"), 1}}})
                                       << QByteArray("measurements[0].type");
    QTest::newRow("no values") << report({QJsonObject{{QStringLiteral("type"), QStringLiteral("pulse")}}})
                               << QByteArray("measurements[0].values");
    QTest::newRow("value as text") << report({single(QStringLiteral("pulse"), QStringLiteral("78"))})
                                   << QByteArray("measurements[0].values.value");
    QTest::newRow("value null") << report({single(QStringLiteral("pulse"), QJsonValue::Null)})
                                << QByteArray("measurements[0].values.value");
    QTest::newRow("diastolic missing") << report(
        {QJsonObject{{QStringLiteral("type"), QStringLiteral("bloodPressure")},
                     {QStringLiteral("values"), QJsonObject{{QStringLiteral("systolic"), 140}}}}})
                                       << QByteArray("measurements[0].values.diastolic");
    QTest::newRow("wrong value key") << report(
        {QJsonObject{{QStringLiteral("type"), QStringLiteral("pulse")},
                     {QStringLiteral("values"), QJsonObject{{QStringLiteral("pulse"), 78}}}}})
                                     << QByteArray("measurements[0].values.pulse");
    QTest::newRow("diastolic above systolic") << report({single(QStringLiteral("weight"), 80), bloodPressure(90, 140)})
                                              << QByteArray("measurements[1].values");
    QTest::newRow("SpO2 over 100") << report({single(QStringLiteral("spo2"), 140)})
                                   << QByteArray("measurements[0].values.value");
    QJsonObject extra = report({single(QStringLiteral("pulse"), 70)});
    extra.insert(QStringLiteral("patientId"), QStringLiteral("someone-else"));
    QTest::newRow("unknown field") << extra << QByteArray("patientId");
    QJsonObject remark = report({single(QStringLiteral("pulse"), 70)});
    remark.insert(QStringLiteral("remark"), 5);
    QTest::newRow("remark not a string") << remark << QByteArray("remark");
}

void TestApiPortalMeasurements::malformedBodiesAreRefused()
{
    QFETCH(QJsonObject, body);
    QFETCH(QByteArray, names);
    const int before = measurements();
    const HttpReply reply = post(body);
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.body.contains(names), reply.body.constData());
    QCOMPARE(measurements(), before);
}

void TestApiPortalMeasurements::malformedJsonIsRefused()
{
    const int before = measurements();
    TestHttp patient(m_server.url());
    patient.setToken(m_patient);
    for (const QByteArray &body :
         {QByteArray("{\"measurements\": [{\"type\": \"pulse\""), QByteArray("[1, 2]"), QByteArray("")}) {
        const HttpReply reply = patient.post(
            kPath, body, {{"Content-Type", "application/json"}, {"Idempotency-Key", "broken-" + body.toHex()}});
        QCOMPARE(reply.status, 400);
    }
    // Without an Idempotency-Key a write is refused too.
    QCOMPARE(patient
                 .post(kPath, QJsonDocument(report({single(QStringLiteral("pulse"), 70)})).toJson(),
                       {{"Content-Type", "application/json"}})
                 .status,
             400);
    QCOMPARE(measurements(), before);
}

void TestApiPortalMeasurements::onlyAPatientSessionMayReport()
{
    const int before = measurements();
    const QJsonObject body = report({bloodPressure(182, 95)});
    const HttpReply none = TestHttp(m_server.url()).postJson(kPath, body);
    QCOMPARE(none.status, 401);
    TestHttp anna(m_server.url());
    anna.setToken(m_anna);
    QCOMPARE(anna.postJson(kPath, body).status, 403); // a staff session is not a patient session
    TestHttp forged(m_server.url());
    forged.setToken("not-a-session-token");
    QCOMPARE(forged.postJson(kPath, body).status, 401);
    QCOMPARE(measurements(), before);
}

void TestApiPortalMeasurements::replayIsAnsweredOnceAndStoredOnce()
{
    const int before = measurements();
    const QJsonObject body = report({bloodPressure(150, 85), single(QStringLiteral("glucose"), 6.1)});
    const HttpReply first = post(body, "replay-1");
    QCOMPARE(first.status, 201);
    const HttpReply again = post(body, "replay-1");
    QCOMPARE(again.status, 201);
    QCOMPARE(again.json(), first.json());
    QCOMPARE(measurements(), before + 2);
    // The same key for another report is a conflict, and stores nothing.
    QCOMPARE(post(report({single(QStringLiteral("pulse"), 70)}), "replay-1").status, 409);
    QCOMPARE(measurements(), before + 2);
}

QTEST_GUILESS_MAIN(TestApiPortalMeasurements)
#include "tst_api_portal_measurements.moc"
