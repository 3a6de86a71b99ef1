#pragma once

#include "foundation/core/error.h"
#include "storage/core/database.h"
#include "sync/core/localcache.h"

// The local cache file's own schema and its corruption handling (not the server's migrations:
// the cache is disposable except for the outbox and the local audit events).
namespace nara::sync::cacheschema {

inline constexpr int kVersion = 5; // 2: every inbox field a column (a start reads no JSON);
                                   // 3: generic records (visits), so re-sync to fetch them;
                                   // 4: form requests/responses, measurements, alerts, plans
                                   // 5: referrals

// Creates the tables when missing; a file with another schema version is rebuilt (synced data is
// dropped, outbox and audit events are kept).
Result<void> ensure(storage::Database &database);
// PRAGMA quick_check; fails with the first problem SQLite reports.
Result<void> check(storage::Database &database);
// Whether an open/check error means the file is damaged (rather than locked, missing, full…).
bool looksCorrupt(const Error &error);

// What could be read back from a damaged file.
struct Salvage
{
    QList<PendingWrite> writes;
    QList<LocalAuditEvent> auditEvents;
};
// Moves `path` (and its -wal/-shm) aside to <path>.corrupt-<time>; returns the new name.
Result<QString> quarantine(const QString &path);
// Reads the outbox and audit events from a quarantined file, as far as possible, in order.
Salvage salvage(const QString &quarantinedPath, const QString &connectionName);

} // namespace nara::sync::cacheschema
