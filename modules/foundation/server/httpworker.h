#pragma once

#include "foundation/core/clock.h"
#include "foundation/core/error.h"
#include "foundation/server/connectionguard.h"
#include "foundation/server/httplimits.h"
#include "foundation/server/workercontext.h"
#include "storage/core/database.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

class QHttpServer;

namespace nara::http {

// Installs the routes of every area on one worker's QHttpServer (called in the worker thread).
using RouteInstaller = std::function<void(QHttpServer &server, WorkerContext &context)>;

struct WorkerSetup
{
    int index = 0;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;
    HttpLimits limits;
    std::optional<QSslConfiguration> tls;
    storage::DatabaseConfig database;
    const Clock *clock = nullptr;
    ConnectionGuard *guard = nullptr;
    std::function<void(qint64)> announceChange;
    RouteInstaller installRoutes;
};

// One QHttpServer with its own thread, listening socket (SO_REUSEPORT) and database connection
// (DESIGN.md §4). Handlers run synchronously in the worker's thread.
class HttpWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpWorker)
public:
    explicit HttpWorker(WorkerSetup setup);
    ~HttpWorker() override;

    // Starts the thread, opens the database and listens. Returns the bound port.
    Result<quint16> start();
    void stop();

private:
    Result<quint16> startInThread();

    WorkerSetup m_setup;
    QThread m_thread;
    struct Running;
    std::unique_ptr<Running> m_running; // lives in and is destroyed in the worker thread
};

} // namespace nara::http
