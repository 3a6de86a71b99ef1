// The session store and the audit log against real storage: every scenario runs once on SQLite and
// once on PostgreSQL (global data rows sqlite/postgres).
#include "auth/core/auditlog.h"
#include "auth/core/sessionstore.h"
#include "authfixture.h"
#include "repositoryfixture.h"
#include "storage/core/transactionguard.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace nara;
using namespace nara::auth;
using namespace nara::storage;

class TestRepositoriesAudit : public QObject, public test::AuthRepositoryFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::addStorageBackends(); }
    void init();
    void cleanup() { closeDatabase(); }

    void sessionValidatesAndTouches();
    void sessionIdleExpiry_data();
    void sessionIdleExpiry();
    void sessionAbsoluteExpiry_data();
    void sessionAbsoluteExpiry();
    void sessionRevoke();
    void sessionRejectsBadTokens_data();
    void sessionRejectsBadTokens();

    void auditAppendManyInTransactionVerifies();
    void auditRolledBackAppendLeavesNoRow();
    void auditTamperDetected_data();
    void auditTamperDetected();
    void auditPatientExtract();
};

void TestRepositoriesAudit::init()
{
    openDatabase(u"repo-audit"_qs);
    m_clock.setMs(1'764'000'000'000);
}

// ---- sessions ----------------------------------------------------------------------------------

void TestRepositoriesAudit::sessionValidatesAndTouches()
{
    SessionStore sessions(*m_db, m_clock);
    const qint64 start = m_clock.nowMs();
    auto created = sessions.create(u"staff"_qs, u"s-åsa"_qs);
    VERIFY_OK(created);
    QCOMPARE(created->token.size(), 43);
    QCOMPARE(created->tokenHash, SessionStore::hashToken(created->token.toLatin1()));
    QCOMPARE(created->expiresAt, start + sessions.settings().staffAbsoluteMs);
    // Only the hash is stored.
    QCOMPARE(
        m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE token_hash = ?"), {created->token})->toInt(),
        0);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE token_hash = ?"), {created->tokenHash})
                 ->toInt(),
             1);

    auto record = sessions.validate(created->token.toLatin1());
    VERIFY_OK(record);
    QCOMPARE(record->subjectKind, u"staff"_qs);
    QCOMPARE(record->subjectId, u"s-åsa"_qs);
    QVERIFY(record->isStaff());
    QCOMPARE(record->createdAt, start);
    QCOMPARE(record->lastSeenAt, start);
    QCOMPARE(record->expiresAt, created->expiresAt);

    auto lastSeen = [&] {
        return m_db
            ->scalar(QStringLiteral("SELECT last_seen_at FROM sessions WHERE token_hash = ?"), {created->tokenHash})
            ->toLongLong();
    };
    // Within the touch interval nothing is written…
    m_clock.advanceSeconds(30);
    record = sessions.validate(created->token.toLatin1());
    VERIFY_OK(record);
    QCOMPARE(record->lastSeenAt, start);
    QCOMPARE(lastSeen(), start);
    // …after it, last_seen_at moves.
    m_clock.advanceSeconds(31);
    record = sessions.validate(created->token.toLatin1());
    VERIFY_OK(record);
    QCOMPARE(record->lastSeenAt, m_clock.nowMs());
    QCOMPARE(lastSeen(), m_clock.nowMs());

    // Two sessions do not mix.
    auto other = sessions.create(u"patient"_qs, u"p-1"_qs);
    VERIFY_OK(other);
    QVERIFY(other->token != created->token);
    auto otherRecord = sessions.validate(other->token.toLatin1());
    VERIFY_OK(otherRecord);
    QCOMPARE(otherRecord->subjectId, u"p-1"_qs);
    QVERIFY(!otherRecord->isStaff());

    auto unknownKind = sessions.create(u"robot"_qs, u"r-1"_qs);
    QVERIFY(!unknownKind);
    QVERIFY(!sessions.create(u"staff"_qs, QString()));
    QCOMPARE(count(u"sessions"_qs), 2);
}

void TestRepositoriesAudit::sessionIdleExpiry_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("idleMs");
    QTest::newRow("staff: 15 minutes") << "staff" << qint64(15 * 60 * 1000);
    QTest::newRow("patient: 30 minutes") << "patient" << qint64(30 * 60 * 1000);
}

void TestRepositoriesAudit::sessionIdleExpiry()
{
    QFETCH(QString, kind);
    QFETCH(qint64, idleMs);
    SessionStore sessions(*m_db, m_clock);
    auto created = sessions.create(kind, u"subject-1"_qs);
    VERIFY_OK(created);
    const QByteArray token = created->token.toLatin1();

    // Active use keeps it alive past the idle limit (all of this within the absolute limit)…
    for (int i = 0; i < 2; ++i) {
        m_clock.advanceMs(idleMs - 1000);
        VERIFY_OK(sessions.validate(token));
    }
    // …exactly the idle limit is still fine…
    m_clock.advanceMs(idleMs);
    VERIFY_OK(sessions.validate(token));
    // …one millisecond more is not.
    m_clock.advanceMs(idleMs + 1);
    auto expired = sessions.validate(token);
    QVERIFY(!expired);
    QCOMPARE(expired.error().code, ErrorCode::Unauthenticated);
    // A failed validation does not touch the session back to life.
    QVERIFY(!sessions.validate(token));
}

void TestRepositoriesAudit::sessionAbsoluteExpiry_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("absoluteMs");
    QTest::newRow("staff: 12 hours") << "staff" << qint64(12) * 60 * 60 * 1000;
    QTest::newRow("patient: 2 hours") << "patient" << qint64(2) * 60 * 60 * 1000;
}

void TestRepositoriesAudit::sessionAbsoluteExpiry()
{
    QFETCH(QString, kind);
    QFETCH(qint64, absoluteMs);
    SessionStore sessions(*m_db, m_clock);
    const qint64 start = m_clock.nowMs();
    auto created = sessions.create(kind, u"subject-1"_qs);
    VERIFY_OK(created);
    QCOMPARE(created->expiresAt, start + absoluteMs);
    const QByteArray token = created->token.toLatin1();
    // Used every 10 minutes, it lives until the absolute limit and not a millisecond longer.
    const qint64 step = 10 * 60 * 1000;
    while (m_clock.nowMs() + step < created->expiresAt) {
        m_clock.advanceMs(step);
        VERIFY_OK(sessions.validate(token));
    }
    m_clock.setMs(created->expiresAt - 1);
    VERIFY_OK(sessions.validate(token));
    m_clock.setMs(created->expiresAt);
    auto expired = sessions.validate(token);
    QVERIFY(!expired);
    QCOMPARE(expired.error().code, ErrorCode::Unauthenticated);
}

void TestRepositoriesAudit::sessionRevoke()
{
    SessionStore sessions(*m_db, m_clock);
    auto first = sessions.create(u"staff"_qs, u"s-1"_qs);
    auto second = sessions.create(u"staff"_qs, u"s-1"_qs);
    auto third = sessions.create(u"staff"_qs, u"s-1"_qs);
    auto others = sessions.create(u"staff"_qs, u"s-2"_qs);
    auto patient = sessions.create(u"patient"_qs, u"s-1"_qs); // same id, other kind
    VERIFY_OK(first);
    VERIFY_OK(second);
    VERIFY_OK(third);
    VERIFY_OK(others);
    VERIFY_OK(patient);

    m_clock.advanceSeconds(5);
    VERIFY_OK(sessions.revoke(first->tokenHash));
    auto revoked = sessions.validate(first->token.toLatin1());
    QVERIFY(!revoked);
    QCOMPARE(revoked.error().code, ErrorCode::Unauthenticated);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT revoked_at FROM sessions WHERE token_hash = ?"), {first->tokenHash})
                 ->toLongLong(),
             m_clock.nowMs());
    // Revoking again keeps the first time; revoking an unknown hash is no error.
    m_clock.advanceSeconds(5);
    VERIFY_OK(sessions.revoke(first->tokenHash));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT revoked_at FROM sessions WHERE token_hash = ?"), {first->tokenHash})
                 ->toLongLong(),
             m_clock.nowMs() - 5000);
    VERIFY_OK(sessions.revoke(QString(64, u'0')));

    // revokeAll counts only the sessions it ended.
    auto ended = sessions.revokeAll(u"staff"_qs, u"s-1"_qs);
    VERIFY_OK(ended);
    QCOMPARE(*ended, 2);
    QVERIFY(!sessions.validate(second->token.toLatin1()));
    QVERIFY(!sessions.validate(third->token.toLatin1()));
    VERIFY_OK(sessions.validate(others->token.toLatin1()));
    VERIFY_OK(sessions.validate(patient->token.toLatin1()));
    QCOMPARE(sessions.revokeAll(u"staff"_qs, u"s-1"_qs).value(), 0);
    QCOMPARE(sessions.revokeAll(u"patient"_qs, u"s-1"_qs).value(), 1);
    QVERIFY(!sessions.validate(patient->token.toLatin1()));
}

void TestRepositoriesAudit::sessionRejectsBadTokens_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("unknown") << QByteArray("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    QTest::newRow("too long") << QByteArray(129, 'a');
    QTest::newRow("the hash instead of the token") << QByteArray("HASH");
    QTest::newRow("sql") << QByteArray("' OR '1'='1");
}

void TestRepositoriesAudit::sessionRejectsBadTokens()
{
    QFETCH(QByteArray, token);
    SessionStore sessions(*m_db, m_clock);
    auto created = sessions.create(u"staff"_qs, u"s-1"_qs);
    VERIFY_OK(created);
    if (token == "HASH")
        token = created->tokenHash.toLatin1();
    auto record = sessions.validate(token);
    QVERIFY(!record);
    QCOMPARE(record.error().code, ErrorCode::Unauthenticated);
    VERIFY_OK(sessions.validate(created->token.toLatin1()));
}

// ---- audit log ---------------------------------------------------------------------------------

namespace {

AuditEntry entryNumber(int i, qint64 at)
{
    AuditEntry entry;
    entry.at = at + i;
    entry.userId = i % 3 == 0 ? u"s-asa"_qs : u"s-bo"_qs;
    entry.role = i % 3 == 0 ? u"nurse"_qs : u"gp"_qs;
    entry.unitId = u"u-asa"_qs;
    entry.patientId = i % 5 == 0 ? QString() : QStringLiteral("p-%1").arg(i % 4);
    entry.action = i % 2 ? u"read"_qs : u"update"_qs;
    entry.object = QStringLiteral("inbox_item:ärende-%1").arg(i);
    entry.reason = i % 7 == 0 ? u"Nödåtkomst: medvetslös patient, åtgärd krävs"_qs : QString();
    entry.client = u"workstation"_qs;
    entry.outcome = i % 11 == 0 ? u"denied"_qs : u"ok"_qs;
    return entry;
}

} // namespace

void TestRepositoriesAudit::auditAppendManyInTransactionVerifies()
{
    AuditLog log(*m_db);
    auto empty = log.verify();
    VERIFY_OK(empty);
    QVERIFY(empty->intact);
    QCOMPARE(empty->rows, 0);

    const int rows = 250;
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        for (int i = 0; i < rows; ++i)
            VERIFY_OK(log.append(entryNumber(i, m_clock.nowMs())));
        VERIFY_OK(transaction->commit());
    }
    // A second batch continues the chain.
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        for (int i = rows; i < rows + 10; ++i)
            VERIFY_OK(log.append(entryNumber(i, m_clock.nowMs())));
        VERIFY_OK(transaction->commit());
    }
    auto verified = log.verify();
    VERIFY_OK(verified);
    QVERIFY(verified->intact);
    QCOMPARE(verified->rows, rows + 10);
    QCOMPARE(verified->firstBrokenSeq, 0);
    // Each row links to the one before it.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log a JOIN audit_log b ON b.seq = "
                                         "(SELECT MIN(seq) FROM audit_log c WHERE c.seq > a.seq) "
                                         "WHERE b.prev_hash = a.hash"))
                 ->toInt(),
             rows + 9);
    // Empty fields are stored as NULL.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE reason = ''"))->toInt(), 0);

    // An audit row needs an action.
    AuditEntry noAction = entryNumber(1, 0);
    noAction.action.clear();
    QVERIFY(!log.append(noAction));
}

void TestRepositoriesAudit::auditRolledBackAppendLeavesNoRow()
{
    AuditLog log(*m_db);
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        VERIFY_OK(log.append(entryNumber(1, m_clock.nowMs())));
        VERIFY_OK(transaction->commit());
    }
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        VERIFY_OK(log.append(entryNumber(2, m_clock.nowMs())));
        VERIFY_OK(log.append(entryNumber(3, m_clock.nowMs())));
        QCOMPARE(count(u"audit_log"_qs), 3);
    } // rolled back
    QCOMPARE(count(u"audit_log"_qs), 1);
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        VERIFY_OK(log.append(entryNumber(4, m_clock.nowMs())));
        VERIFY_OK(transaction->commit());
    }
    auto verified = log.verify();
    VERIFY_OK(verified);
    QVERIFY(verified->intact);
    QCOMPARE(verified->rows, 2);
}

void TestRepositoriesAudit::auditTamperDetected_data()
{
    QTest::addColumn<QString>("tamper"); // SQL with one ? for the target seq
    QTest::addColumn<int>("target"); // 0-based row index
    QTest::addColumn<int>("brokenAt"); // 0-based row index expected as firstBrokenSeq, -1: intact
    QTest::addColumn<int>("rowsAfter");
    QTest::newRow("outcome changed") << "UPDATE audit_log SET outcome = 'ok' WHERE seq = ?" << 11 << 11 << 40;
    QTest::newRow("time moved") << "UPDATE audit_log SET at = at + 1 WHERE seq = ?" << 17 << 17 << 40;
    QTest::newRow("user swapped") << "UPDATE audit_log SET user_id = 's-nobody' WHERE seq = ?" << 0 << 0 << 40;
    QTest::newRow("patient erased") << "UPDATE audit_log SET patient_id = NULL WHERE seq = ?" << 39 << 39 << 40;
    QTest::newRow("reason added") << "UPDATE audit_log SET reason = 'påhittad' WHERE seq = ?" << 20 << 20 << 40;
    QTest::newRow("row deleted") << "DELETE FROM audit_log WHERE seq = ?" << 25 << 26 << 39;
    QTest::newRow("first row deleted") << "DELETE FROM audit_log WHERE seq = ?" << 0 << 1 << 39;
    QTest::newRow("hash replaced") << QString(QStringLiteral("UPDATE audit_log SET hash = '") + QString(64, u'a')
                                              + QStringLiteral("' WHERE seq = ?"))
                                   << 30 << 30 << 40;
    QTest::newRow("prev_hash replaced") << "UPDATE audit_log SET prev_hash = hash WHERE seq = ?" << 5 << 5 << 40;
    QTest::newRow("NULL to empty is no change")
        << "UPDATE audit_log SET reason = '' WHERE seq = ? AND reason IS NULL" << 1 << -1 << 40;
}

void TestRepositoriesAudit::auditTamperDetected()
{
    QFETCH(QString, tamper);
    QFETCH(int, target);
    QFETCH(int, brokenAt);
    QFETCH(int, rowsAfter);
    AuditLog log(*m_db);
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        for (int i = 0; i < 40; ++i)
            VERIFY_OK(log.append(entryNumber(i, m_clock.nowMs())));
        VERIFY_OK(transaction->commit());
    }
    QList<qint64> seqs;
    {
        auto rows = m_db->query(QStringLiteral("SELECT seq FROM audit_log ORDER BY seq"));
        VERIFY_OK(rows);
        while (rows->next())
            seqs.append(rows->value(0).toLongLong());
    }
    QCOMPARE(seqs.size(), 40);
    QVERIFY(log.verify()->intact);

    auto changed = m_db->execute(tamper, {seqs.at(target)});
    VERIFY_OK(changed);
    QCOMPARE(*changed, 1);

    auto verified = log.verify();
    VERIFY_OK(verified);
    QCOMPARE(verified->rows, rowsAfter);
    if (brokenAt < 0) {
        QVERIFY(verified->intact);
        QCOMPARE(verified->firstBrokenSeq, 0);
    } else {
        QVERIFY(!verified->intact);
        QCOMPARE(verified->firstBrokenSeq, seqs.at(brokenAt));
    }
}

void TestRepositoriesAudit::auditPatientExtract()
{
    seed();
    if (QTest::currentTestFailed())
        return;
    AuditLog log(*m_db);
    const Caller asa = staffCaller(u"åsa.öberg"_qs);
    const Caller bo = staffCaller(u"bo.both"_qs);
    QCOMPARE(asa.id, u"s-asa"_qs);
    Caller patient;
    patient.kind = Caller::Kind::Patient;
    patient.id = u"p-both"_qs;
    patient.displayName = u"Göran Älvsjö"_qs;
    patient.client = u"portal"_qs;
    const qint64 t0 = m_clock.nowMs();
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        VERIFY_OK(log.append(asa, t0, u"read"_qs, u"inbox_item:i1"_qs, u"p-both"_qs));
        VERIFY_OK(log.append(asa, t0 + 1, u"read"_qs, u"inbox_item:i2"_qs, u"p-asa"_qs)); // another patient
        VERIFY_OK(log.append(bo, t0 + 2, u"update"_qs, u"chat_message:m1"_qs, u"p-both"_qs));
        VERIFY_OK(log.append(asa, t0 + 3, u"export"_qs, u"journal"_qs, u"p-both"_qs, u"denied"_qs));
        VERIFY_OK(log.append(patient, t0 + 4, u"read"_qs, u"inbox_item:i1"_qs, u"p-both"_qs));
        VERIFY_OK(log.append(asa, t0 + 5, u"login"_qs, {}, {}));
        VERIFY_OK(transaction->commit());
    }
    QVERIFY(log.verify()->intact);

    auto extract = log.extractForPatient(u"p-both"_qs);
    VERIFY_OK(extract);
    QCOMPARE(extract->size(), 4);
    const QJsonObject first = extract->at(0).toObject();
    QCOMPARE(first.value(u"at").toInteger(), t0);
    QCOMPARE(first.value(u"unitId").toString(), u"u-asa"_qs);
    QCOMPARE(first.value(u"unitName").toString(), u"Vårdcentralen Åsa"_qs);
    QCOMPARE(first.value(u"userId").toString(), u"s-asa"_qs);
    QCOMPARE(first.value(u"userName").toString(), u"Åsa Öberg"_qs);
    QCOMPARE(first.value(u"role").toString(), u"nurse"_qs);
    QCOMPARE(first.value(u"action").toString(), u"read"_qs);
    QCOMPARE(first.value(u"object").toString(), u"inbox_item:i1"_qs);
    QCOMPARE(first.value(u"outcome").toString(), u"ok"_qs);

    const QJsonObject second = extract->at(1).toObject();
    QCOMPARE(second.value(u"userName").toString(), u"Bo Båda"_qs);
    QCOMPARE(second.value(u"unitId").toString(), u"u-asa"_qs); // Bo's first unit by id
    QCOMPARE(second.value(u"role").toString(), u"gp"_qs);
    QCOMPARE(second.value(u"action").toString(), u"update"_qs);

    const QJsonObject third = extract->at(2).toObject();
    QCOMPARE(third.value(u"action").toString(), u"export"_qs);
    QCOMPARE(third.value(u"outcome").toString(), u"denied"_qs);

    // The patient's own read: no unit, role "patient", no staff name.
    const QJsonObject own = extract->at(3).toObject();
    QCOMPARE(own.value(u"role").toString(), u"patient"_qs);
    QCOMPARE(own.value(u"userId").toString(), u"p-both"_qs);
    QCOMPARE(own.value(u"unitId").toString(), QString());
    QCOMPARE(own.value(u"unitName").toString(), QString());
    QCOMPARE(own.value(u"userName").toString(), QString());

    QCOMPARE(log.extractForPatient(u"p-asa"_qs)->size(), 1);
    QCOMPARE(log.extractForPatient(u"p-vaxjo"_qs)->size(), 0);
    QCOMPARE(log.extractForPatient(QString())->size(), 0); // the login row has no patient
}

QTEST_GUILESS_MAIN(TestRepositoriesAudit)
#include "tst_repositories_audit.moc"
