#pragma once

#include "auth/server/authroutes.h"

class QHttpServer;

namespace nara::auth {

// POST /api/v1/auth/login. The route answers through a QHttpServerResponder so the handler can
// return at once: Argon2id verification runs on AuthServices::hashingPool, and the result comes
// back to the worker thread (queued to `server`), where the session and the audit row are written
// on the worker's own database connection and the answer is sent.
void installLoginRoute(QHttpServer &server, WorkerContext &context, AuthServices &services);

} // namespace nara::auth
