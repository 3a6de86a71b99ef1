#pragma once

#include "foundation/server/workercontext.h"

class QHttpServer;

namespace nara::chat {

// GET/POST /api/v1/items/<id>/messages and POST /api/v1/chats (docs/api/contract.md): access by
// care unit (404 otherwise), validated bodies, writes through sync::runWrite, audit rows for every
// read and write.
void installChatRoutes(QHttpServer &server, WorkerContext &context);

} // namespace nara::chat
