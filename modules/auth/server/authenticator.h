#pragma once

#include "auth/core/caller.h"
#include "foundation/core/error.h"
#include "foundation/server/workercontext.h"

#include <QHttpServerRequest>

namespace nara::auth {

// Establishes the caller from "Authorization: Bearer <token>": looks the hashed token up, checks
// idle and absolute expiry and revocation against the worker's clock, and touches last_seen_at.
// Unauthenticated when anything is missing or wrong (the same message for every case).
Result<Caller> authenticate(WorkerContext &context, const QHttpServerRequest &request);
// The same, but only staff sessions (patients' portal sessions are refused with Forbidden).
Result<Caller> authenticateStaff(WorkerContext &context, const QHttpServerRequest &request);
// Only patient (portal) sessions.
Result<Caller> authenticatePatient(WorkerContext &context, const QHttpServerRequest &request);

} // namespace nara::auth
