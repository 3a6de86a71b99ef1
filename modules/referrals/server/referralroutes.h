#pragma once

#include "foundation/server/workercontext.h"
#include "referrals/core/referralworkflow.h"

class QHttpServer;

namespace nara::referrals {

// Dermatology referrals (docs/api/contract.md, "Dermatology image referrals"), each a write with an
// Idempotency-Key (sync::runWrite) answering the referral entity:
//   POST /api/v1/referrals                          send (201)
//   POST /api/v1/referrals/<id>/answer              the dermatologist answers
//   POST /api/v1/referrals/<id>/request-info        the dermatologist asks for more
//   POST /api/v1/referrals/<id>/images              the sender adds images and replies
//   POST /api/v1/referrals/<id>/acknowledge         the sender has informed the patient
// The body is checked whole first (400 naming the field), then access: another unit's or an
// unknown referral is 404 and audited as denied.
void installReferralRoutes(QHttpServer &server, WorkerContext &context, const ReferralSettings &settings);

} // namespace nara::referrals
