#pragma once

#include "auth/core/caller.h"
#include "auth/core/sessionstore.h"
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
// For a token presented another way (the WebSocket's ?token=): any kind of session.
Result<Caller> authenticateToken(WorkerContext &context, QByteArrayView token);

// The token in "Authorization: Bearer <token>", or empty.
QByteArray bearerToken(const QHttpServerRequest &request);

// The timeouts every authenticate*() applies. Process-wide; installAuthRoutes() sets them from
// AuthServices. Thread-safe.
void setSessionSettings(const SessionStore::Settings &settings);
SessionStore::Settings sessionSettings();

} // namespace nara::auth
