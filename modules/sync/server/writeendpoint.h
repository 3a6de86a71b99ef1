#pragma once

#include "auth/core/caller.h"
#include "foundation/core/error.h"
#include "foundation/server/workercontext.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>

#include <functional>

namespace nara::sync {

// The answer of a write: status and JSON body. Stored with the idempotency key.
struct WriteReply
{
    int status = 200;
    QJsonObject body;
    // False when the answer holds a secret (an invitation token): the idempotency store then keeps
    // only the fact that the request was carried out, and a retry gets 409 instead of the secret.
    bool replayable = true;
};

using WriteAction = std::function<Result<WriteReply>(const auth::Caller &caller)>;

// Runs one write request the way every write runs (DESIGN.md §4):
//   1. authenticates the caller (staff or patient as `who` says);
//   2. requires an Idempotency-Key header (1–128 printable characters);
//   3. opens a TransactionGuard; if (caller, key) was seen with the same request hash, answers the
//      stored response; with another hash, 409; otherwise runs `action`, stores key, hash and
//      reply in the same transaction, commits;
//   4. announces the newest change-log sequence to push listeners.
// Errors from `action` roll everything back and become problem+json.
enum class Who { Staff, Patient };
QHttpServerResponse runWrite(WorkerContext &context, const QHttpServerRequest &request, Who who,
                             const WriteAction &action);

// For reads: authenticates, runs `action` inside a transaction (so its audit rows commit) and
// answers its JSON. Reads need no idempotency key.
using ReadAction = std::function<Result<QJsonObject>(const auth::Caller &caller)>;
QHttpServerResponse runRead(WorkerContext &context, const QHttpServerRequest &request, Who who,
                            const ReadAction &action);

} // namespace nara::sync
