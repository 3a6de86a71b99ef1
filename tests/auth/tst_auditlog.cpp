#include "auth/core/auditlog.h"
#include "authdatabase.h"
#include "storage/core/transactionguard.h"

#include <QJsonObject>
#include <QTest>

using namespace nara;
using nara::auth::AuditEntry;
using nara::auth::AuditLog;
using nara::auth::Caller;

class TestAuditLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_database.reset(); }

    void emptyLogIsIntact();
    void chainLinksRows();
    void tamperingIsFound_data();
    void tamperingIsFound();
    void deletedRowIsFound();
    void callerConvenienceFillsWhoAndWhere();
    void extractForPatient();

private:
    bool appendRows(int count);

    std::optional<test::AuthDatabase> m_database;
};

void TestAuditLog::init()
{
    m_database.emplace();
    QVERIFY(m_database->open());
    QVERIFY(m_database->seed());
}

bool TestAuditLog::appendRows(int count)
{
    auto transaction = storage::TransactionGuard::begin(m_database->db());
    if (!transaction)
        return false;
    AuditLog log(m_database->db());
    for (int i = 0; i < count; ++i) {
        AuditEntry entry;
        entry.at = 1'764'000'000'000 + i * 1000;
        entry.userId = i % 2 ? QStringLiteral("s-anna") : QStringLiteral("s-admin");
        entry.role = i % 2 ? QStringLiteral("nurse") : QStringLiteral("admin");
        entry.unitId = QStringLiteral("u-north");
        entry.patientId = i % 3 ? QStringLiteral("p-north") : QString();
        entry.action = QStringLiteral("read");
        entry.object = QStringLiteral("inbox_item:%1").arg(i);
        entry.client = QStringLiteral("workstation");
        if (!log.append(entry))
            return false;
    }
    return transaction->commit().has_value();
}

void TestAuditLog::emptyLogIsIntact()
{
    auto verification = AuditLog(m_database->db()).verify();
    QVERIFY(verification);
    QVERIFY(verification->intact);
    QCOMPARE(verification->rows, 0);
    QCOMPARE(verification->firstBrokenSeq, 0);
}

void TestAuditLog::chainLinksRows()
{
    QVERIFY(appendRows(10));
    auto first = m_database->db().query(QStringLiteral("SELECT prev_hash, hash FROM audit_log ORDER BY seq"));
    QVERIFY(first && first->next());
    QCOMPARE(first->value(0).toString(), QString(64, QLatin1Char('0')));
    QString previous = first->value(1).toString();
    QCOMPARE(previous.size(), 64);
    while (first->next()) {
        QCOMPARE(first->value(0).toString(), previous);
        previous = first->value(1).toString();
    }
    auto verification = AuditLog(m_database->db()).verify();
    QVERIFY(verification);
    QVERIFY(verification->intact);
    QCOMPARE(verification->rows, 10);
}

void TestAuditLog::tamperingIsFound_data()
{
    QTest::addColumn<QString>("update");
    QTest::addColumn<qint64>("brokenSeq");
    QTest::newRow("other user") << "UPDATE audit_log SET user_id = 's-bo' WHERE seq = 4" << 4LL;
    QTest::newRow("other time") << "UPDATE audit_log SET at = at + 1 WHERE seq = 4" << 4LL;
    QTest::newRow("patient added") << "UPDATE audit_log SET patient_id = 'p-south' WHERE seq = 4" << 4LL;
    QTest::newRow("patient removed") << "UPDATE audit_log SET patient_id = NULL WHERE seq = 5" << 5LL;
    QTest::newRow("outcome") << "UPDATE audit_log SET outcome = 'denied' WHERE seq = 2" << 2LL;
    QTest::newRow("field boundary moved")
        << "UPDATE audit_log SET role = 'nurseu-north', unit_id = NULL WHERE seq = 4" << 4LL;
    QTest::newRow("hash replaced") << "UPDATE audit_log SET hash = prev_hash WHERE seq = 4" << 4LL;
    QTest::newRow("first row") << "UPDATE audit_log SET action = 'create' WHERE seq = 1" << 1LL;
    QTest::newRow("last row") << "UPDATE audit_log SET object = NULL WHERE seq = 8" << 8LL;
}

void TestAuditLog::tamperingIsFound()
{
    QFETCH(QString, update);
    QFETCH(qint64, brokenSeq);
    QVERIFY(appendRows(8));
    QCOMPARE(m_database->db().execute(update).value(), 1);
    auto verification = AuditLog(m_database->db()).verify();
    QVERIFY(verification);
    QVERIFY(!verification->intact);
    QCOMPARE(verification->firstBrokenSeq, brokenSeq);
    QCOMPARE(verification->rows, 8);
}

void TestAuditLog::deletedRowIsFound()
{
    QVERIFY(appendRows(6));
    QCOMPARE(m_database->db().execute(QStringLiteral("DELETE FROM audit_log WHERE seq = 3")).value(), 1);
    auto verification = AuditLog(m_database->db()).verify();
    QVERIFY(verification);
    QVERIFY(!verification->intact);
    QCOMPARE(verification->firstBrokenSeq, 4);
}

void TestAuditLog::callerConvenienceFillsWhoAndWhere()
{
    Caller caller;
    caller.id = QStringLiteral("s-anna");
    caller.role = QStringLiteral("nurse");
    caller.unitIds = {QStringLiteral("u-north"), QStringLiteral("u-south")};
    caller.client = QStringLiteral("workstation");
    {
        auto transaction = storage::TransactionGuard::begin(m_database->db());
        QVERIFY(transaction);
        QVERIFY(AuditLog(m_database->db())
                    .append(caller, 42, QStringLiteral("update"), QStringLiteral("inbox_item:1"),
                            QStringLiteral("p-north")));
        QVERIFY(transaction->commit());
    }
    auto row = m_database->db().query(QStringLiteral(
        "SELECT at, user_id, role, unit_id, patient_id, action, object, client, outcome FROM audit_log"));
    QVERIFY(row && row->next());
    QCOMPARE(row->value(0).toLongLong(), 42);
    QCOMPARE(row->value(1).toString(), QStringLiteral("s-anna"));
    QCOMPARE(row->value(2).toString(), QStringLiteral("nurse"));
    QCOMPARE(row->value(3).toString(), QStringLiteral("u-north"));
    QCOMPARE(row->value(4).toString(), QStringLiteral("p-north"));
    QCOMPARE(row->value(5).toString(), QStringLiteral("update"));
    QCOMPARE(row->value(6).toString(), QStringLiteral("inbox_item:1"));
    QCOMPARE(row->value(7).toString(), QStringLiteral("workstation"));
    QCOMPARE(row->value(8).toString(), QStringLiteral("ok"));
}

void TestAuditLog::extractForPatient()
{
    QVERIFY(appendRows(9)); // rows 1, 2, 4, 5, 7, 8 (i % 3 != 0) name p-north
    auto extract = AuditLog(m_database->db()).extractForPatient(QStringLiteral("p-north"));
    QVERIFY(extract);
    QCOMPARE(extract->size(), 6);
    const QJsonObject first = extract->at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("at")).toInteger(), 1'764'000'001'000);
    QCOMPARE(first.value(QStringLiteral("unitId")).toString(), QStringLiteral("u-north"));
    QCOMPARE(first.value(QStringLiteral("unitName")).toString(), QStringLiteral("VC Norr"));
    QCOMPARE(first.value(QStringLiteral("userId")).toString(), QStringLiteral("s-anna"));
    QCOMPARE(first.value(QStringLiteral("role")).toString(), QStringLiteral("nurse"));
    QCOMPARE(first.value(QStringLiteral("action")).toString(), QStringLiteral("read"));
    QCOMPARE(first.value(QStringLiteral("object")).toString(), QStringLiteral("inbox_item:1"));
    QCOMPARE(first.value(QStringLiteral("outcome")).toString(), QStringLiteral("ok"));
    auto none = AuditLog(m_database->db()).extractForPatient(QStringLiteral("p-south"));
    QVERIFY(none);
    QVERIFY(none->isEmpty());
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
