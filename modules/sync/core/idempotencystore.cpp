#include "sync/core/idempotencystore.h"

namespace nara::sync {

Result<qint64> purgeIdempotencyKeys(storage::Database &database, qint64 before)
{
    auto removed = database.execute(QStringLiteral("DELETE FROM idempotency_keys WHERE created_at < ?"), {before});
    if (!removed)
        return fail(removed.error());
    return qint64(*removed);
}

} // namespace nara::sync
