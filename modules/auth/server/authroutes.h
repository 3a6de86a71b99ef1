#pragma once

#include "auth/core/loginratelimiter.h"
#include "auth/core/sessionstore.h"
#include "foundation/server/workercontext.h"

#include <QHostAddress>

class QHttpServer;
class QThreadPool;

namespace nara::auth {

// What the auth routes share between workers (all thread-safe). The limiter must outlive the
// hashing pool's tasks; the services must outlive the workers' servers.
struct AuthServices
{
    LoginRateLimiter &limiter;
    QThreadPool &hashingPool; // Argon2id runs here, never on an HTTP thread
    SessionStore::Settings sessionSettings;
    // Logins queued for or running Argon2id; over either cap the login is answered 503 at once.
    LoginsInFlight loginsInFlight{};
    // A reverse proxy (nginx) whose X-Forwarded-For names the client: login limits per address then
    // count the real client, not the proxy. Null: the header is ignored (anyone could forge it).
    QHostAddress trustedProxy{};
};

// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/me, GET /api/v1/staff,
// GET /api/v1/audit/patients/<id>, POST /api/v1/audit/events (docs/api/contract.md).
// Called in the worker's thread; `server` must outlive nothing it hands to the hashing pool
// (pending logins are dropped when it is destroyed).
void installAuthRoutes(QHttpServer &server, WorkerContext &context, AuthServices &services);

} // namespace nara::auth
