#include "foundation/server/httpworker.h"

#include "foundation/server/guardedtcpserver.h"
#include "foundation/server/problem.h"
#include "foundation/server/requestlog.h"

#include <QHttpServer>

namespace nara::http {

struct HttpWorker::Running
{
    std::optional<storage::Database> database;
    std::unique_ptr<WorkerContext> context;
    std::unique_ptr<QHttpServer> server;
};

HttpWorker::HttpWorker(WorkerSetup setup)
    : m_setup(std::move(setup))
{
    m_thread.setObjectName(QStringLiteral("http-worker-%1").arg(m_setup.index));
}

HttpWorker::~HttpWorker()
{
    stop();
}

Result<quint16> HttpWorker::start()
{
    moveToThread(&m_thread);
    m_thread.start();
    Result<quint16> result = fail(ErrorCode::Internal, QStringLiteral("worker did not start"));
    QMetaObject::invokeMethod(
        this, [this, &result] { result = startInThread(); }, Qt::BlockingQueuedConnection);
    return result;
}

Result<quint16> HttpWorker::startInThread()
{
    auto running = std::make_unique<Running>();
    auto database = storage::Database::open(m_setup.database, QStringLiteral("worker-%1").arg(m_setup.index));
    if (!database)
        return fail(database.error());
    running->database.emplace(std::move(*database));
    running->context = std::make_unique<WorkerContext>(
        WorkerContext{*running->database, *m_setup.clock, m_setup.index, m_setup.announceChange});
    running->server = std::make_unique<QHttpServer>();
    QHttpServer &server = *running->server;
    m_setup.installRoutes(server, *running->context);
    // afterRequest() does not see these answers: they get their request id here.
    server.setMissingHandler([](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        responder.write(
            problemBody(Error{ErrorCode::NotFound, QStringLiteral("No route for %1").arg(request.url().path()), {}}),
            {{"Content-Type", "application/problem+json"},
             {"X-Request-Id", requestIdFor(request.value("x-request-id"))},
             {"Cache-Control", "no-store"}},
            QHttpServerResponder::StatusCode::NotFound);
    });
    installRequestLog(server, m_setup.index);

    auto *tcp = new GuardedTcpServer(m_setup.limits, *m_setup.guard, m_setup.tls);
    QString error;
    if (!tcp->listenShared(m_setup.address, m_setup.port, &error)) {
        delete tcp;
        return fail(ErrorCode::Unavailable, error);
    }
    const quint16 port = tcp->serverPort();
    server.bind(tcp); // QHttpServer takes ownership
    m_running = std::move(running);
    return port;
}

void HttpWorker::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(
        this, [this] { m_running.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace nara::http
