// The SMS gateway's webhook, POST /api/v1/sms/inbound, against a real nara-server with the demo
// region, a shared secret and an SMS outbox file: measurements stored, red alerts in the nurse's
// inbox, help texts and chat messages for what is not understood, and refusals that store nothing.

#include "apifixture.h"
#include "serverdatabase.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>

using namespace nara::test;

namespace {

const QByteArray kSecret = QByteArrayLiteral("north-sms-secret-0123");

QByteArray form(const QList<std::pair<QString, QString>> &fields)
{
    QByteArrayList pairs;
    for (const auto &[name, value] : fields)
        pairs.append(name.toUtf8() + '=' + QUrl::toPercentEncoding(value));
    return pairs.join('&');
}

} // namespace

class TestApiSms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_server.terminate(); }
    void redBloodPressureBecomesAnAsapAlert();
    void orangeValueBecomesAnUrgentAlert();
    void weightIsStoredWithoutAlert();
    void numberIsMatchedInInternationalForm();
    void garbageGetsHelpTextAndBecomesChat();
    void implausiblePulseIsAnsweredAndNothingStored();
    void unknownNumberIsRefusedAndAudited();
    void tooLongMessageIsRefused();
    void wrongOrMissingSecretIsRefused();
    void malformedFormIsRefused();
    void gatewayRetryIsStoredOnce();
    void serverWithoutSecretAnswers503();

private:
    HttpReply sms(const QString &from, const QString &message, bool secretInHeader = true,
                  const QList<std::pair<QString, QString>> &extra = {});
    int count(const QString &sql, const QVariantList &values = {});
    QList<QJsonObject> outbox();

    QTemporaryDir m_tmp;
    QString m_outbox = m_tmp.filePath(QStringLiteral("out/sms.jsonl"));
    ServerProcess m_server{{QStringLiteral("--demo"), QStringLiteral("--sms-secret"), QString::fromLatin1(kSecret),
                            QStringLiteral("--sms-outbox"), m_outbox}};
    std::unique_ptr<ServerDatabase> m_db; // the server's own file
    QByteArray m_anna;
    QString m_patientId;
    QString m_phone; // as registered: "07X-NNN NN NN"
};

void TestApiSms::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY2(m_server.start(), m_server.output().constData());
    m_anna = TestHttp(m_server.url()).login(QStringLiteral("anna"));
    QVERIFY(!m_anna.isEmpty());
    // A Falkenberg patient (anna's unit) with a number no one else has.
    m_db = std::make_unique<ServerDatabase>(m_server.dataDir());
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->errorText()));
    QSqlDatabase db = m_db->database();
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral(
        "SELECT p.id, p.phone FROM patients p JOIN care_relations r ON r.patient_id = p.id "
        "WHERE r.unit_id = 'unit-falkenberg' AND p.phone IS NOT NULL AND NOT EXISTS (SELECT 1 FROM care_relations o "
        "WHERE o.patient_id = p.id AND o.unit_id = 'unit-teleborg') AND (SELECT COUNT(*) FROM patients q "
        "WHERE q.phone = p.phone) = 1 ORDER BY p.id LIMIT 1")));
    QVERIFY(query.next());
    m_patientId = query.value(0).toString();
    m_phone = query.value(1).toString();
    QVERIFY(!m_patientId.isEmpty() && m_phone.startsWith(u"07"));
}

HttpReply TestApiSms::sms(const QString &from, const QString &message, bool secretInHeader,
                          const QList<std::pair<QString, QString>> &extra)
{
    QList<std::pair<QString, QString>> fields{{QStringLiteral("from"), from},
                                              {QStringLiteral("to"), QStringLiteral("71234")},
                                              {QStringLiteral("message"), message}};
    fields.append(extra);
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/x-www-form-urlencoded"}};
    if (secretInHeader)
        headers.append({"X-Nara-Sms-Secret", kSecret});
    else
        fields.append({QStringLiteral("secret"), QString::fromLatin1(kSecret)});
    return TestHttp(m_server.url()).post(QStringLiteral("/api/v1/sms/inbound"), form(fields), headers);
}

int TestApiSms::count(const QString &sql, const QVariantList &values)
{
    return int(m_db->count(sql, values));
}

QList<QJsonObject> TestApiSms::outbox()
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

void TestApiSms::redBloodPressureBecomesAnAsapAlert()
{
    const HttpReply reply = sms(m_phone, QStringLiteral("BT 182/95"));
    QCOMPARE(reply.status, 200);
    const QJsonObject body = reply.json();
    QCOMPARE(body.value(QStringLiteral("outcome")).toString(), QStringLiteral("alerted"));
    QCOMPARE(body.value(QStringLiteral("patientId")).toString(), m_patientId);
    const QString itemId = body.value(QStringLiteral("itemId")).toString();
    QVERIFY(!itemId.isEmpty());

    TestHttp anna(m_server.url());
    anna.setToken(m_anna);
    const QList<QJsonObject> changes = syncAll(anna);
    const QJsonObject item = itemsIn(changes).value(itemId);
    QCOMPARE(item.value(QStringLiteral("kind")).toString(), QStringLiteral("alert"));
    QCOMPARE(item.value(QStringLiteral("priority")).toString(), QStringLiteral("asap"));
    QCOMPARE(item.value(QStringLiteral("state")).toString(), QStringLiteral("new"));
    QCOMPARE(item.value(QStringLiteral("unitId")).toString(), kFalkenberg);
    QCOMPARE(item.value(QStringLiteral("patientId")).toString(), m_patientId);
    QVERIFY2(item.value(QStringLiteral("title")).toString().startsWith(QStringLiteral("Blodtryck 182/95")),
             qPrintable(item.value(QStringLiteral("title")).toString()));
    QVERIFY(item.value(QStringLiteral("title")).toString().endsWith(QStringLiteral("röd gräns")));
    QVERIFY2(item.value(QStringLiteral("priorityReason")).toString().contains(QStringLiteral("≥ 180")),
             qPrintable(item.value(QStringLiteral("priorityReason")).toString()));
    bool alertSynced = false;
    bool measurementSynced = false;
    for (const QJsonObject &change : changes) {
        const QJsonObject data = change.value(QStringLiteral("data")).toObject();
        if (change.value(QStringLiteral("entity")).toString() == u"alert"
            && data.value(QStringLiteral("itemId")).toString() == itemId)
            alertSynced = data.value(QStringLiteral("severity")).toString() == u"red"
                && data.value(QStringLiteral("measurementType")).toString() == u"bloodPressure"
                && data.value(QStringLiteral("unitId")).toString() == kFalkenberg;
        if (change.value(QStringLiteral("entity")).toString() == u"measurement"
            && data.value(QStringLiteral("patientId")).toString() == m_patientId)
            measurementSynced = data.value(QStringLiteral("values")).toArray() == QJsonArray{182, 95}
                // FHIR R4 Observation: LOINC 85354-9 (blood pressure panel) with the two components.
                && data[u"observation"][u"resourceType"].toString() == u"Observation"
                && data[u"observation"][u"code"][u"coding"][0][u"code"].toString() == u"85354-9"
                && data[u"observation"][u"subject"][u"reference"].toString() == u"Patient/" + m_patientId
                && data[u"observation"][u"component"][0][u"valueQuantity"][u"value"].toDouble() == 182;
    }
    QVERIFY(alertSynced);
    QVERIFY(measurementSynced);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM monitoring_alerts WHERE item_id = ? AND severity = 'red'"),
                   {itemId}),
             1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE object = ? AND action = 'create' "
                                  "AND patient_id = ? AND client = 'sms'"),
                   {QString(QStringLiteral("inbox_item:") + itemId), m_patientId}),
             1);
    // Karin works at Teleborg: she does not get it.
    TestHttp karin(m_server.url());
    QVERIFY(!karin.login(QStringLiteral("karin")).isEmpty());
    QVERIFY(!itemsIn(syncAll(karin)).contains(itemId));
}

void TestApiSms::orangeValueBecomesAnUrgentAlert()
{
    const HttpReply reply = sms(m_phone, QStringLiteral("sat 92%"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("alerted"));
    const QString itemId = reply.json().value(QStringLiteral("itemId")).toString();
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM inbox_items WHERE id = ? AND kind = 'alert' "
                                  "AND priority = 'urgent' AND unit_id = 'unit-falkenberg'"),
                   {itemId}),
             1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM monitoring_alerts WHERE item_id = ? AND severity = 'orange' "
                                  "AND kind = 'value'"),
                   {itemId}),
             1);
}

void TestApiSms::weightIsStoredWithoutAlert()
{
    const int alertsBefore = count(QStringLiteral("SELECT COUNT(*) FROM monitoring_alerts"));
    const HttpReply reply = sms(m_phone, QStringLiteral("vikt 82,5"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("stored"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM measurements WHERE patient_id = ? AND type = 'weight' "
                                  "AND value_json = '[82.5]' AND source = 'sms'"),
                   {m_patientId}),
             1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM monitoring_alerts")), alertsBefore);
}

void TestApiSms::numberIsMatchedInInternationalForm()
{
    QString international = m_phone;
    international.remove(u' ').remove(u'-');
    international = QStringLiteral("+46 ") + international.mid(1);
    const HttpReply reply = sms(international, QStringLiteral("puls 72"), false);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("patientId")).toString(), m_patientId);
}

void TestApiSms::garbageGetsHelpTextAndBecomesChat()
{
    const qsizetype sent = outbox().size();
    const QString text = QStringLiteral("hej vill boka om min tid");
    const HttpReply reply = sms(m_phone, text);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("notUnderstood"));
    QVERIFY(reply.json().value(QStringLiteral("replied")).toBool());
    const QList<QJsonObject> lines = outbox();
    QCOMPARE(lines.size(), sent + 1);
    QCOMPARE(lines.last().value(QStringLiteral("to")).toString(), m_phone);
    QCOMPARE(lines.last().value(QStringLiteral("patientId")).toString(), m_patientId);
    QVERIFY(!lines.last().value(QStringLiteral("text")).toString().isEmpty());
    QVERIFY(lines.last().value(QStringLiteral("text")).toString().size() <= 160);

    const QString messageId = reply.json().value(QStringLiteral("chatMessageId")).toString();
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM chat_messages WHERE id = ? AND author_kind = 'patient' "
                                  "AND author_id = ? AND body = ?"),
                   {messageId, m_patientId, text}),
             1);
    TestHttp anna(m_server.url());
    anna.setToken(m_anna);
    const HttpReply thread = anna.get(
        QStringLiteral("/api/v1/items/%1/messages").arg(reply.json().value(QStringLiteral("itemId")).toString()));
    QCOMPARE(thread.status, 200);
    QCOMPARE(thread.json()
                 .value(QStringLiteral("messages"))
                 .toArray()
                 .last()
                 .toObject()
                 .value(QStringLiteral("body"))
                 .toString(),
             text);
    // The text never reaches the server's own log.
    QVERIFY(!m_server.output().contains(text.toUtf8()));
}

void TestApiSms::implausiblePulseIsAnsweredAndNothingStored()
{
    const int measurements = count(QStringLiteral("SELECT COUNT(*) FROM measurements"));
    const qsizetype sent = outbox().size();
    const HttpReply reply = sms(m_phone, QStringLiteral("BT 140/85 puls 900"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("rejected"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM measurements")), measurements);
    const QList<QJsonObject> lines = outbox();
    QCOMPARE(lines.size(), sent + 1);
    QVERIFY2(lines.last().value(QStringLiteral("text")).toString().contains(QStringLiteral("900")),
             qPrintable(lines.last().value(QStringLiteral("text")).toString()));
}

void TestApiSms::unknownNumberIsRefusedAndAudited()
{
    const int denied = count(QStringLiteral(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'denied' AND object = 'POST /api/v1/sms/inbound'"));
    const int measurements = count(QStringLiteral("SELECT COUNT(*) FROM measurements"));
    const int messages = count(QStringLiteral("SELECT COUNT(*) FROM chat_messages"));
    const qsizetype sent = outbox().size();
    for (const QString &message : {QStringLiteral("BT 182/95"), QStringLiteral("hej")}) {
        const HttpReply reply = sms(QStringLiteral("+46 99 999 99 99"), message);
        QCOMPARE(reply.status, 404);
        QCOMPARE(problemType(reply), QStringLiteral("https://nara.example/problems/not-found"));
    }
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'denied' "
                                  "AND object = 'POST /api/v1/sms/inbound' AND outcome = 'denied'")),
             denied + 2);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM measurements")), measurements);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM chat_messages")), messages);
    QCOMPARE(outbox().size(), sent);
}

void TestApiSms::tooLongMessageIsRefused()
{
    const int measurements = count(QStringLiteral("SELECT COUNT(*) FROM measurements"));
    const int messages = count(QStringLiteral("SELECT COUNT(*) FROM chat_messages"));
    const HttpReply reply = sms(m_phone, QStringLiteral("BT 182/95 ") + QString(10000 - 10, u'x'));
    QCOMPARE(reply.status, 413);
    QVERIFY(reply.json().value(QStringLiteral("detail")).toString().contains(QStringLiteral("1000")));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM measurements")), measurements);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM chat_messages")), messages);
}

void TestApiSms::wrongOrMissingSecretIsRefused()
{
    const int measurements = count(QStringLiteral("SELECT COUNT(*) FROM measurements"));
    const QByteArray body
        = form({{QStringLiteral("from"), m_phone}, {QStringLiteral("message"), QStringLiteral("BT 182/95")}});
    const QPair<QByteArray, QByteArray> type{"Content-Type", "application/x-www-form-urlencoded"};
    TestHttp http(m_server.url());
    QCOMPARE(http.post(QStringLiteral("/api/v1/sms/inbound"), body, {type}).status, 401);
    QCOMPARE(http.post(QStringLiteral("/api/v1/sms/inbound"), body,
                       {type, {"X-Nara-Sms-Secret", "wrong-secret-wrong-secret"}})
                 .status,
             401);
    QCOMPARE(
        http.post(QStringLiteral("/api/v1/sms/inbound"), body + "&secret=wrong-secret-wrong-secret", {type}).status,
        401);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM measurements")), measurements);
}

void TestApiSms::malformedFormIsRefused()
{
    const QPair<QByteArray, QByteArray> type{"Content-Type", "application/x-www-form-urlencoded"};
    const QPair<QByteArray, QByteArray> secret{"X-Nara-Sms-Secret", kSecret};
    TestHttp http(m_server.url());
    const QString path = QStringLiteral("/api/v1/sms/inbound");
    QCOMPARE(http.post(path, "this is not a form", {type, secret}).status, 400);
    QCOMPARE(http.post(path, "from=0701&message=a&message=b", {type, secret}).status, 400);
    QCOMPARE(http.post(path, "from=0701&message=%FF%FE", {type, secret}).status, 400);
    QCOMPARE(http.post(path, "message=BT+182%2F95", {type, secret}).status, 400);
    QCOMPARE(http.post(path, "{\"from\":\"0701\"}", {secret}).status, 400);
}

void TestApiSms::gatewayRetryIsStoredOnce()
{
    const int measurements = count(QStringLiteral("SELECT COUNT(*) FROM measurements"));
    const int alerts = count(QStringLiteral("SELECT COUNT(*) FROM monitoring_alerts"));
    const int messages = count(QStringLiteral("SELECT COUNT(*) FROM chat_messages"));
    const qsizetype sent = outbox().size();
    const QList<std::pair<QString, QString>> id{{QStringLiteral("messageId"), QStringLiteral("gw-4711")}};
    const HttpReply first = sms(m_phone, QStringLiteral("BT 183/96"), true, id);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("alerted"));
    // The gateway did not get the answer and sends the same message again.
    const HttpReply retry = sms(m_phone, QStringLiteral("BT 183/96"), true, id);
    QCOMPARE(retry.status, 200);
    QCOMPARE(retry.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(retry.json(), first.json());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM measurements")), measurements + 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM monitoring_alerts")), alerts + 1);
    // The same id with another text is refused and stores nothing.
    const HttpReply reused = sms(m_phone, QStringLiteral("BT 120/80"), true, id);
    QCOMPARE(reused.status, 409);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM measurements")), measurements + 1);

    // A help text is sent once and the chat message kept once (field `id`, as some gateways name it).
    const QList<std::pair<QString, QString>> chatId{{QStringLiteral("id"), QStringLiteral("gw-4712")}};
    const HttpReply garbage = sms(m_phone, QStringLiteral("ring mig"), true, chatId);
    QCOMPARE(garbage.status, 200);
    QCOMPARE(sms(m_phone, QStringLiteral("ring mig"), true, chatId).json(), garbage.json());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM chat_messages")), messages + 1);
    QCOMPARE(outbox().size(), sent + 1);
    // An unusable id is refused before anything is looked at.
    QCOMPARE(sms(m_phone, QStringLiteral("puls 70"), true, {{QStringLiteral("messageId"), QString(129, u'x')}}).status,
             400);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM measurements")), measurements + 1);
}

void TestApiSms::serverWithoutSecretAnswers503()
{
    ServerProcess unconfigured{QStringList{}};
    QVERIFY2(unconfigured.start(), unconfigured.output().constData());
    const HttpReply reply
        = TestHttp(unconfigured.url())
              .post(QStringLiteral("/api/v1/sms/inbound"),
                    form({{QStringLiteral("from"), m_phone}, {QStringLiteral("message"), QStringLiteral("BT 182/95")}}),
                    {{"Content-Type", "application/x-www-form-urlencoded"}, {"X-Nara-Sms-Secret", kSecret}});
    QCOMPARE(reply.status, 503);
    QVERIFY(reply.json().value(QStringLiteral("detail")).toString().contains(QStringLiteral("SMS is not configured")));
    unconfigured.terminate();
}

QTEST_GUILESS_MAIN(TestApiSms)
#include "tst_api_sms.moc"
