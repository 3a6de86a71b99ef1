#pragma once

#include "foundation/core/clock.h"
#include "foundation/core/error.h"
#include "referrals/core/imagestore.h"
#include "storage/core/database.h"

namespace nara::referrals {

// Uploaded images that no referral names are kept for a day after their last upload.
inline constexpr qint64 kUnreferencedImageRetentionMs = 24LL * 60 * 60 * 1000;

// The periodic job's part for images (server, every --sweep-interval): deletes the rows of images
// no referral names whose last upload is more than 24 h ago (at most 500 a run, the rest next run),
// in one transaction with an audit row each (role system, client image-sweep), then their files in
// the store, except a file another image row still uses or one put() again after the cutoff (an
// upload of the same bytes while the sweep runs: ImageStore::removeIfOlderThan). Nothing to delete
// takes no write lock. Returns the number of images (rows) deleted.
Result<int> sweepUnreferencedImages(storage::Database &database, const Clock &clock, ImageStore &store);

// The files in the store that no image row uses and that were not put() for 24 h (an upload that
// stored them and failed or stopped before its row), logged as a count. Walks the whole store, so
// the server runs it hourly, not every sweep interval. Returns the number of files deleted.
Result<int> sweepOrphanImageFiles(storage::Database &database, const Clock &clock, ImageStore &store);

} // namespace nara::referrals
