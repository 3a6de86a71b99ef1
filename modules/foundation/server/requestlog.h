#pragma once

#include <QByteArray>

class QHttpServer;

namespace nara::http {

// Gives every response an X-Request-Id (the client's, when it sent a sane one) and logs one line
// per request: id, method, path, status; writes and failures at info, successful reads at debug
// (category nara.http.requests). Paths carry ids only, never personnummer or text.
void installRequestLog(QHttpServer &server, int workerIndex);
QByteArray requestIdFor(const QByteArray &clientValue);

} // namespace nara::http
