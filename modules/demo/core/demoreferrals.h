#pragma once

#include "auth/core/caller.h"
#include "demo/core/demoselfcare.h"
#include "foundation/core/clock.h"
#include "foundation/core/error.h"
#include "storage/core/database.h"

#include <QByteArray>
#include <QList>

namespace nara::referrals {
class ImageStore;
}

namespace nara::demo {

// Dermatology referrals for the demo region (issue 5), sent by `sender` (a GP of the patients'
// care centre) to the dermatology clinic, each with an overview and a close-up drawn by drawSampleLesionPhoto and
// put through the image pipeline into `images` as an upload would: one sent two days ago waiting
// for `dermatologist`, one urgent sent this morning (suspected melanoma), one answered (follow-up in
// six months) for the sender to acknowledge, and one where the dermatologist asked for a
// dermatoscopic image. Runs inside the caller's transaction. Returns the number of inbox items added.
Result<int> addReferrals(storage::Database &database, const Clock &clock, referrals::ImageStore &images,
                         const QList<SelfCarePatient> &patients, const auth::Caller &sender,
                         const auth::Caller &dermatologist);

} // namespace nara::demo
