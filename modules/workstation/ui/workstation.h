#pragma once

#include "foundation/core/error.h"
#include "workstation/ui/loginservice.h"

#include <QObject>
#include <QThread>

#include <memory>
#include <optional>

namespace nara {
class Clock;
}

namespace nara::sync {
class LocalCache;
class SyncEngine;
} // namespace nara::sync

namespace nara::workstation {

class InboxStore;
class MainWindow;
class SyncBridge;

// One signed-in workstation, wired as DESIGN.md §5 says: the local cache of this server and user,
// the sync engine on its own thread, the store the windows read, the bridge between them and the
// main window. The desktop app and the end-to-end tests build it the same way.
class Workstation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Workstation)
public:
    struct Options
    {
        QString cachePath; // empty: LocalCache::defaultPath(server, user)
        int pollIntervalMs = 30'000;
        bool pushChannel = true;
    };

    // Opens the cache and shows what it holds; start() then begins syncing.
    static Result<std::unique_ptr<Workstation>> open(const LoginSession &session, const Clock &clock, Options options);
    ~Workstation() override;

    void start();
    void stop();

    MainWindow &window() { return *m_window; }
    InboxStore &store() { return *m_store; }
    sync::SyncEngine &engine() { return *m_engine; }
    QString cachePath() const { return m_cachePath; }

Q_SIGNALS:
    void loggedOut();

private:
    Workstation() = default;
    QString m_cachePath;
    QThread m_syncThread;
    sync::SyncEngine *m_engine = nullptr; // lives on m_syncThread, deleted when it finishes
    std::unique_ptr<sync::LocalCache> m_cache;
    std::unique_ptr<InboxStore> m_store;
    std::unique_ptr<SyncBridge> m_bridge;
    std::unique_ptr<MainWindow> m_window;
    bool m_started = false;
};

} // namespace nara::workstation
