#include "storage/core/transactionguard.h"

namespace nara::storage {

namespace {
// Any fixed number: all writers of one database serialise on it.
constexpr qint64 kWriteLock = 0x4e415241; // "NARA"
} // namespace

Result<TransactionGuard> TransactionGuard::begin(Database &database)
{
    TransactionGuard guard(&database);
    const bool sqlite = database.dialect() == Dialect::Sqlite;
    if (auto begun = database.executeDirect(sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
        !begun)
        return fail(begun.error());
    guard.m_open = true;
    if (!sqlite) {
        if (auto locked = database.query(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {kWriteLock}); !locked)
            return fail(locked.error());
    }
    return guard;
}

TransactionGuard::TransactionGuard(TransactionGuard &&other) noexcept
    : m_database(std::exchange(other.m_database, nullptr))
    , m_open(std::exchange(other.m_open, false))
{
}

TransactionGuard::~TransactionGuard()
{
    if (m_open && m_database)
        (void)m_database->executeDirect(QStringLiteral("ROLLBACK"));
}

void TransactionGuard::rollback()
{
    if (m_open && m_database)
        (void)m_database->executeDirect(QStringLiteral("ROLLBACK"));
    m_open = false;
}

Result<void> TransactionGuard::commit()
{
    if (!m_open)
        return fail(ErrorCode::Internal, QStringLiteral("commit() on a transaction that is not open"));
    auto committed = m_database->executeDirect(QStringLiteral("COMMIT"));
    m_open = false;
    if (!committed)
        return fail(committed.error());
    return {};
}

} // namespace nara::storage
