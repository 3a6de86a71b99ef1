#include "workstation/ui/workstation.h"

#include "call/ui/callwindow.h"
#include "sync/core/localcache.h"
#include "sync/core/syncengine.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/logindialog.h"
#include "workstation/ui/mainwindow.h"
#include "workstation/ui/offlinecredential.h"
#include "workstation/ui/syncbridge.h"

#include <QDir>
#include <QFileInfo>
#include <QStatusBar>
#include <QTimer>

namespace nara::workstation {

Result<std::unique_ptr<Workstation>> Workstation::open(const LoginSession &session, const Clock &clock, Options options)
{
    std::unique_ptr<Workstation> station(new Workstation);
    station->m_cachePath = options.cachePath.isEmpty()
        ? sync::LocalCache::defaultPath(session.server.toString(), session.staff.username)
        : options.cachePath;
    QDir().mkpath(QFileInfo(station->m_cachePath).absolutePath());
    auto cache
        = sync::LocalCache::open(station->m_cachePath, QStringLiteral("nara-ui-%1").arg(quintptr(station.get())));
    if (!cache)
        return fail(cache.error());
    station->m_cache = std::make_unique<sync::LocalCache>(std::move(*cache));

    sync::SyncEngine::Options engineOptions;
    engineOptions.server = session.server;
    engineOptions.token = session.token;
    engineOptions.cachePath = station->m_cachePath;
    engineOptions.pollIntervalMs = options.pollIntervalMs;
    engineOptions.pushChannel = options.pushChannel;
    engineOptions.startOffline = session.offline;
    station->m_engine = new sync::SyncEngine(engineOptions);
    station->m_syncThread.setObjectName(QStringLiteral("sync"));
    station->m_engine->moveToThread(&station->m_syncThread);
    connect(&station->m_syncThread, &QThread::finished, station->m_engine, &QObject::deleteLater);

    station->m_store = std::make_unique<InboxStore>();
    station->m_bridge = std::make_unique<SyncBridge>(*station->m_engine, *station->m_cache, *station->m_store);
    if (auto loaded = station->m_bridge->loadAll(); !loaded)
        return fail(loaded.error());
    station->m_window = std::make_unique<MainWindow>(
        WorkstationContext{station->m_store.get(), station->m_bridge.get(), &clock, session.staff.id,
                           session.staff.displayName, session.server.toString(), session.token});
    station->m_bridge->attach(*station->m_window);
    station->m_window->setCallLauncher(
        [server = session.server.toString(), token = session.token, name = session.staff.displayName](
            const MainWindow::CallRequest &request, std::function<void(const QString &)> finished) -> QWidget * {
            const call::CallSettings settings{server,
                                              token,
                                              request.visitId,
                                              name,
                                              request.devices.cameraId,
                                              request.devices.microphoneId,
                                              request.devices.audioOnly};
            auto *window = new call::CallWindow(settings);
            window->setAttribute(Qt::WA_DeleteOnClose);
            connect(window, &call::CallWindow::finished, window, [window, finished](const QString &outcome) {
                finished(outcome);
                // I hung up: the window has done its work. Ended by a colleague: it says so until closed.
                if (outcome.isEmpty())
                    QTimer::singleShot(0, window, &QWidget::close);
            });
            window->show();
            return window;
        });
    if (session.offline) {
        // Offline from the first frame, with what the outbox already holds; the engine keeps it so
        // (SyncEngine::Options::startOffline) until a request gets through.
        station->m_window->setSyncState(sync::SyncState::Offline, station->m_cache->pendingCount().value_or(0));
        MainWindow *window = station->m_window.get();
        window->statusBar()->showMessage(LoginDialog::offlineNotice());
        connect(station->m_engine, &sync::SyncEngine::stateChanged, window, [window](sync::SyncState state, int) {
            if (state == sync::SyncState::Online
                && window->statusBar()->currentMessage() == LoginDialog::offlineNotice())
                window->statusBar()->clearMessage();
        });
    }
    Workstation *self = station.get();
    connect(station->m_engine, &sync::SyncEngine::loggedOut, self, [self] {
        // The server has refused this session, so it must not open the workstation offline again.
        if (auto forgotten = OfflineCredential::forget(*self->m_cache); !forgotten)
            qWarning("Cannot remove the offline sign-in: %s", qUtf8Printable(forgotten.error().message));
        Q_EMIT self->loggedOut();
    });
    return station;
}

Workstation::~Workstation()
{
    stop();
    // The window and bridge go before the engine's thread is gone; the engine deletes itself.
    m_window.reset();
    m_bridge.reset();
    if (!m_started && m_engine)
        delete m_engine;
}

void Workstation::start()
{
    if (m_started)
        return;
    m_started = true;
    m_syncThread.start();
    QMetaObject::invokeMethod(m_engine, &sync::SyncEngine::start, Qt::QueuedConnection);
}

void Workstation::stop()
{
    if (!m_syncThread.isRunning())
        return;
    QMetaObject::invokeMethod(m_engine, &sync::SyncEngine::stop, Qt::BlockingQueuedConnection);
    m_syncThread.quit();
    m_syncThread.wait();
}

} // namespace nara::workstation
