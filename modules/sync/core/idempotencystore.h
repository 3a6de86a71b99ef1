#pragma once

#include "foundation/core/error.h"
#include "storage/core/database.h"

namespace nara::sync {

// How long the server remembers a write's Idempotency-Key and answer. A workstation's outbox that
// retries later than this may apply a write twice; chat messages are protected beyond it by their
// client-chosen ids. Stored answers hold patient data, so they are not kept for ever.
inline constexpr qint64 kIdempotencyRetentionMs = 30LL * 24 * 60 * 60 * 1000;

// Deletes remembered keys older than `before` (ms since the epoch). Returns how many.
Result<qint64> purgeIdempotencyKeys(storage::Database &database, qint64 before);

} // namespace nara::sync
