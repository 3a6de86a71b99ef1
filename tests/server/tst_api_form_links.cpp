// Form links on a nara-server without --public-url (docs/operations.md, "SMS"): a link's address
// would then come from the request's Host header, which whoever sends the request chooses, so the
// server texts none. Sending answers smsSent false with the link for staff to hand over, the SMS
// outbox stays empty, later occasions are only marked by the periodic job (a count in the log),
// and the server warns once at start that SMS is configured without --public-url.

#include "formsapifixture.h"
#include "serverdatabase.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace nara::test;

class TestApiFormLinks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_server.terminate(); }
    void warnedOnceAtStart();
    void sendingTextsNoLink();
    void laterOccasionsAreOnlyMarked();

private:
    HttpReply send(const QJsonObject &body, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    int count(const QString &sql, const QVariantList &values = {});
    qsizetype outboxLines() const;

    QTemporaryDir m_tmp;
    QString m_outbox = m_tmp.filePath(QStringLiteral("sms.jsonl"));
    ServerProcess m_server{{QStringLiteral("--demo"), QStringLiteral("--sms-outbox"), m_outbox}};
    std::unique_ptr<ServerDatabase> m_db; // the server's own file
    QByteArray m_anna;
    QString m_patientId; // Falkenberg, with a phone number
};

void TestApiFormLinks::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY2(m_server.start(), m_server.output().constData());
    m_anna = TestHttp(m_server.url()).login(QStringLiteral("anna"));
    QVERIFY(!m_anna.isEmpty());
    m_db = std::make_unique<ServerDatabase>(m_server.dataDir());
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->errorText()));
    QSqlDatabase db = m_db->database();
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("SELECT p.id FROM patients p JOIN care_relations r ON r.patient_id = p.id "
                                      "WHERE r.unit_id = 'unit-falkenberg' AND p.phone IS NOT NULL "
                                      "ORDER BY p.id LIMIT 1")));
    QVERIFY(query.next());
    m_patientId = query.value(0).toString();
}

HttpReply TestApiFormLinks::send(const QJsonObject &body, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    TestHttp http(m_server.url());
    http.setToken(m_anna);
    return http.postJson(kFormRequests, body, headers);
}

int TestApiFormLinks::count(const QString &sql, const QVariantList &values)
{
    return int(m_db->count(sql, values));
}

qsizetype TestApiFormLinks::outboxLines() const
{
    QFile file(m_outbox);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().count('\n');
}

void TestApiFormLinks::warnedOnceAtStart()
{
    const QByteArray warning = "SMS is configured but --public-url is not: form links are not sent by SMS";
    QCOMPARE(m_server.output().count(warning), 1);
}

void TestApiFormLinks::sendingTextsNoLink()
{
    // Whatever Host the request names ends up in the link: it goes to staff only.
    const QJsonObject body{{QStringLiteral("patientId"), m_patientId},
                           {QStringLiteral("questionnaireId"), QStringLiteral("phq-9")}};
    const HttpReply sent = send(body, {{"Host", "phish.example"}});
    QCOMPARE(sent.status, 201);
    QCOMPARE(sent.json().value(QStringLiteral("smsSent")).toBool(true), false);
    const QString url
        = sent.json().value(QStringLiteral("invitation")).toObject().value(QStringLiteral("url")).toString();
    QVERIFY2(url.startsWith(u"http://phish.example/portal/#"), qPrintable(url));
    QCOMPARE(outboxLines(), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM form_requests WHERE id = ?"), {id(sent)}), 1);
}

void TestApiFormLinks::laterOccasionsAreOnlyMarked()
{
    QJsonObject body{{QStringLiteral("patientId"), m_patientId},
                     {QStringLiteral("questionnaireId"), QStringLiteral("gad-7")},
                     {QStringLiteral("everyDays"), 7},
                     {QStringLiteral("untilAt"), QDateTime::currentMSecsSinceEpoch() + 7 * kDay + 60'000}};
    const HttpReply series = send(body);
    QCOMPARE(series.status, 201);
    QCOMPARE(series.json().value(QStringLiteral("smsSent")).toBool(true), false);

    // A week later (the times moved back while the server is down): the job at start opens the
    // second occasion and marks it, with no link and no SMS.
    m_server.kill();
    {
        QSqlQuery query(m_db->database());
        query.prepare(QStringLiteral("UPDATE form_requests SET available_at = available_at - ?, due_at = due_at - ? "
                                     "WHERE series_id = (SELECT series_id FROM form_requests WHERE id = ?)"));
        for (const QVariant &value : QVariantList{7 * kDay, 7 * kDay, id(series)})
            query.addBindValue(value);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        QCOMPARE(query.numRowsAffected(), 2);
    }
    const int invitations = count(QStringLiteral("SELECT COUNT(*) FROM portal_invitations"));
    QVERIFY2(m_server.start(), m_server.output().constData());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM form_requests WHERE id = ? AND notified_at IS NOT NULL"),
                   {id(series, 1)}),
             1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM portal_invitations")), invitations);
    QCOMPARE(outboxLines(), 0);
    QVERIFY2(m_server.output().contains("form links not sent by SMS: form links go by SMS only with --public-url"),
             m_server.output().constData());
}

QTEST_GUILESS_MAIN(TestApiFormLinks)
#include "tst_api_form_links.moc"
