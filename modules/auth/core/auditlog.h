#pragma once

#include "auth/core/caller.h"
#include "foundation/core/error.h"
#include "storage/core/database.h"

#include <QJsonArray>

namespace nara::auth {

// One row of the access log (REFERENCE.md §3, HSLF-FS 2016:40 4 kap. 9 §).
struct AuditEntry
{
    qint64 at = 0; // server time, ms UTC
    QString userId;
    QString role;
    QString unitId;
    QString patientId;
    QString action; // read | create | update | login | logout | sync | export | ...
    QString object; // what: "inbox_item:<id>", "chat_message:<id>", …
    QString reason; // emergency access reason, or empty
    QString client;
    QString outcome = QStringLiteral("ok"); // ok | denied | failed
};

// Append-only, hash-chained: hash = SHA-256(prev_hash | fields). Appends must run inside the
// caller's write transaction (TransactionGuard), so a change and its log row commit together.
class AuditLog
{
public:
    explicit AuditLog(storage::Database &database)
        : m_database(database)
    {
    }

    Result<void> append(const AuditEntry &entry);
    // Convenience: fills user, role, unit and client from the caller.
    Result<void> append(const Caller &caller, qint64 at, const QString &action, const QString &object,
                        const QString &patientId, const QString &outcome = QStringLiteral("ok"));

    struct Verification
    {
        bool intact = true;
        qint64 rows = 0;
        qint64 firstBrokenSeq = 0; // 0 when intact
    };
    Result<Verification> verify();

    // The patient's extract: which care unit read or changed their data, when, who.
    Result<QJsonArray> extractForPatient(const QString &patientId);

private:
    storage::Database &m_database;
};

} // namespace nara::auth
