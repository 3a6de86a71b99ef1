#include "auth/core/auditlog.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QSqlQuery>

namespace nara::auth {

namespace {

const QString kGenesis = QString(64, QLatin1Char('0'));

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// SHA-256 over the previous hash and every field, each field length-prefixed ("<bytes>:<value>"),
// so no choice of field contents can make two different rows hash the same input. NULL and the
// empty string hash alike (both are stored as NULL).
QString rowHash(const QString &prevHash, const AuditEntry &entry)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto field = [&hash](const QString &value) {
        const QByteArray bytes = value.toUtf8();
        hash.addData(QByteArray::number(bytes.size()));
        hash.addData(QByteArrayView(":"));
        hash.addData(bytes);
    };
    field(QStringLiteral("nara-audit-v1"));
    field(prevHash);
    field(QString::number(entry.at));
    field(entry.userId);
    field(entry.role);
    field(entry.unitId);
    field(entry.patientId);
    field(entry.action);
    field(entry.object);
    field(entry.reason);
    field(entry.client);
    field(entry.outcome);
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

Result<void> AuditLog::append(const AuditEntry &entry)
{
    if (entry.action.isEmpty() || entry.outcome.isEmpty())
        return fail(ErrorCode::Internal, QStringLiteral("An audit row needs an action and an outcome."));
    // Must run inside a TransactionGuard: its write lock (BEGIN IMMEDIATE on SQLite, the advisory
    // lock on PostgreSQL) serialises writers, so no other append can slip in between reading the
    // last hash and inserting the row that links to it.
    auto last = m_database.scalar(QStringLiteral("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    if (!last)
        return fail(last.error());
    const QString prevHash = last->isNull() ? kGenesis : last->toString();
    const QString hash = rowHash(prevHash, entry);
    auto done = m_database.execute(
        QStringLiteral("INSERT INTO audit_log (at, user_id, role, unit_id, patient_id, action, object, reason, "
                       "client, outcome, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {entry.at, nullIfEmpty(entry.userId), nullIfEmpty(entry.role), nullIfEmpty(entry.unitId),
         nullIfEmpty(entry.patientId), entry.action, nullIfEmpty(entry.object), nullIfEmpty(entry.reason),
         nullIfEmpty(entry.client), entry.outcome, prevHash, hash});
    if (!done)
        return fail(done.error());
    return {};
}

Result<void> AuditLog::append(const Caller &caller, qint64 at, const QString &action, const QString &object,
                              const QString &patientId, const QString &outcome)
{
    AuditEntry entry;
    entry.at = at;
    entry.userId = caller.id;
    entry.role = caller.isPatient() ? QStringLiteral("patient") : caller.role;
    entry.unitId = caller.primaryUnit();
    entry.patientId = patientId;
    entry.action = action;
    entry.object = object;
    entry.client = caller.client;
    entry.outcome = outcome;
    return append(entry);
}

Result<AuditLog::Verification> AuditLog::verify()
{
    auto rows
        = m_database.query(QStringLiteral("SELECT seq, at, user_id, role, unit_id, patient_id, action, object, "
                                          "reason, client, outcome, prev_hash, hash FROM audit_log ORDER BY seq"));
    if (!rows)
        return fail(rows.error());
    Verification result;
    QString expectedPrev = kGenesis;
    while (rows->next()) {
        ++result.rows;
        const qint64 seq = rows->value(0).toLongLong();
        AuditEntry entry;
        entry.at = rows->value(1).toLongLong();
        entry.userId = rows->value(2).toString();
        entry.role = rows->value(3).toString();
        entry.unitId = rows->value(4).toString();
        entry.patientId = rows->value(5).toString();
        entry.action = rows->value(6).toString();
        entry.object = rows->value(7).toString();
        entry.reason = rows->value(8).toString();
        entry.client = rows->value(9).toString();
        entry.outcome = rows->value(10).toString();
        const QString prevHash = rows->value(11).toString();
        const QString hash = rows->value(12).toString();
        if (result.intact && (prevHash != expectedPrev || hash != rowHash(prevHash, entry))) {
            result.intact = false;
            result.firstBrokenSeq = seq;
        }
        // Keep walking from the stored hash: rows counts the whole log either way.
        expectedPrev = hash;
    }
    return result;
}

Result<QJsonArray> AuditLog::extractForPatient(const QString &patientId)
{
    auto rows = m_database.query(
        QStringLiteral("SELECT a.at, a.unit_id, u.name, a.user_id, s.display_name, a.role, a.action, a.object, "
                       "a.outcome FROM audit_log a "
                       "LEFT JOIN care_units u ON u.id = a.unit_id "
                       "LEFT JOIN staff s ON s.id = a.user_id "
                       "WHERE a.patient_id = ? ORDER BY a.seq"),
        {patientId});
    if (!rows)
        return fail(rows.error());
    QJsonArray entries;
    while (rows->next()) {
        entries.append(QJsonObject{
            {QStringLiteral("at"), rows->value(0).toLongLong()},
            {QStringLiteral("unitId"), rows->value(1).toString()},
            {QStringLiteral("unitName"), rows->value(2).toString()},
            {QStringLiteral("userId"), rows->value(3).toString()},
            {QStringLiteral("userName"), rows->value(4).toString()},
            {QStringLiteral("role"), rows->value(5).toString()},
            {QStringLiteral("action"), rows->value(6).toString()},
            {QStringLiteral("object"), rows->value(7).toString()},
            {QStringLiteral("outcome"), rows->value(8).toString()},
        });
    }
    return entries;
}

} // namespace nara::auth
