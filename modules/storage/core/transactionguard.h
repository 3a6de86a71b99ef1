#pragma once

#include "storage/core/database.h"

namespace nara::storage {

// Begins a write transaction; rolls it back when it goes out of scope uncommitted.
// SQLite: BEGIN IMMEDIATE, so two writers never deadlock on a read-then-write upgrade.
// PostgreSQL: BEGIN plus a transaction-scoped advisory lock, so change-log sequence numbers and the
// audit hash chain are appended in commit order even with several server processes.
class TransactionGuard
{
public:
    static Result<TransactionGuard> begin(Database &database);
    ~TransactionGuard();
    TransactionGuard(TransactionGuard &&other) noexcept;
    TransactionGuard(const TransactionGuard &) = delete;
    TransactionGuard &operator=(const TransactionGuard &) = delete;
    TransactionGuard &operator=(TransactionGuard &&) = delete;

    Result<void> commit();
    // Rolls back now (the destructor would do it later); the guard is then closed.
    void rollback();

private:
    explicit TransactionGuard(Database *database)
        : m_database(database)
    {
    }
    Database *m_database = nullptr;
    bool m_open = false;
};

} // namespace nara::storage
