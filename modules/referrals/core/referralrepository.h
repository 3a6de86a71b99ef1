#pragma once

#include "foundation/core/error.h"
#include "referrals/core/referral.h"
#include "storage/core/database.h"

#include <optional>

namespace nara::referrals {

// Referrals in the server's database, with the images they name. Every write appends the entity's
// new state to the change log for the sending and the receiving unit (entity "referral"), so it
// runs inside the caller's transaction.
class ReferralRepository
{
public:
    explicit ReferralRepository(storage::Database &database)
        : m_database(database)
    {
    }

    // Stores a new referral as given (version as given, normally 1). Each image must be an
    // uploaded image; its width and height are taken from there.
    Result<Referral> insert(const Referral &referral, qint64 at);
    Result<std::optional<Referral>> byId(const QString &id);
    // Writes `referral` over the stored row of the same id and version (images included); returns
    // it with version + 1. Conflict when the stored version moved on meanwhile.
    Result<Referral> update(const Referral &referral, qint64 at);

private:
    Result<void> writeImages(const Referral &referral);
    Result<QList<ReferralImage>> imagesOf(const QString &referralId);
    Result<void> log(const Referral &referral, qint64 at);

    storage::Database &m_database;
};

} // namespace nara::referrals
