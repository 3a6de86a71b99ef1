#pragma once

#include "foundation/server/workercontext.h"

class QHttpServer;

namespace nara::inbox {

// GET /api/v1/items/<id>, POST /api/v1/items/<id>/{claim,release,assign,escalate,close,reopen,read}
// (docs/api/contract.md). Every route checks access by care unit (another unit's item is 404),
// validates its body, writes through sync::runWrite (idempotency key, one transaction, push) and
// leaves an audit row for every read and write of the item.
void installInboxRoutes(QHttpServer &server, WorkerContext &context);

} // namespace nara::inbox
