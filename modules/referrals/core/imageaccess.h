#pragma once

#include "auth/core/caller.h"
#include "foundation/core/error.h"
#include "storage/core/database.h"

#include <QString>

namespace nara::referrals {

// Who may view an uploaded image (GET /api/v1/images/<id>[/thumbnail]): staff of the sending or the
// receiving unit of a referral naming it, or, while no referral names it, whoever uploaded it.
// Everyone else is told it does not exist.
struct ImageDecision
{
    bool allowed = false;
    QString hash; // what to serve from the image store: the image or its thumbnail
    QString patientId; // the patient of the (first visible) referral naming it; empty when none names it
};

class ImageAccess
{
public:
    explicit ImageAccess(storage::Database &database)
        : m_database(database)
    {
    }

    Result<ImageDecision> decide(const auth::Caller &staff, const QString &imageId, bool thumbnail);
    // The view in the audit log, inside the caller's transaction: "read referral_image:<id>" (or
    // "…:<id>/thumbnail") with the patient, or "denied" when a patient was involved. A refusal
    // without a patient (an unknown image, or one nobody has named yet) is not logged.
    Result<void> audit(const auth::Caller &staff, const ImageDecision &decision, const QString &imageId, bool thumbnail,
                       qint64 at);

private:
    storage::Database &m_database;
};

} // namespace nara::referrals
