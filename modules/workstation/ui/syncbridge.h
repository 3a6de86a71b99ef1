#pragma once

#include "foundation/core/error.h"
#include "workstation/ui/writesink.h"

#include <QObject>

namespace nara::sync {
class LocalCache;
class SyncEngine;
} // namespace nara::sync

namespace nara::workstation {

class InboxStore;
class MainWindow;

// Joins the UI thread to the sync engine on its worker thread: writes go to the engine's outbox
// through queued calls, the engine's change signals update the store, reference data is re-read
// from the UI thread's own LocalCache connection.
class SyncBridge final : public QObject, public WriteSink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncBridge)
public:
    SyncBridge(sync::SyncEngine &engine, sync::LocalCache &cache, InboxStore &store, QObject *parent = nullptr);
    ~SyncBridge() override;

    // Fills the store from the cache (items, patients, staff, read marks) and hooks up threads.
    Result<void> loadAll();
    Result<void> loadReferenceData();
    void attach(MainWindow &window);

    void submit(const sync::PendingWrite &write) override;
    void refresh() override;

    // "198501012384" → "19850101-2384"
    static QString formatPersonalNumber(const QString &digits);

private:
    sync::SyncEngine &m_engine;
    sync::LocalCache &m_cache;
    InboxStore &m_store;
};

} // namespace nara::workstation
