#pragma once

#include "foundation/server/workercontext.h"

#include <QJsonObject>

class QHttpServer;

namespace nara::http {

// GET /api/v1/health: {"status":"ok", …facts} when this worker's database answers, 503 otherwise.
void installHealthRoute(QHttpServer &server, WorkerContext &context, QJsonObject facts);

} // namespace nara::http
