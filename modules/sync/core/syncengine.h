#pragma once

#include "chat/core/chatmessage.h"
#include "foundation/core/error.h"
#include "inbox/core/inboxitem.h"
#include "sync/core/cachedrecord.h"
#include "sync/core/pendingwrite.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace nara::sync {

// Keeps the local cache in step with the server, off the UI thread (DESIGN.md §5).
// Create it, moveToThread() a worker thread, then call start() through a queued connection.
// - pulls /api/v1/sync pages until `more` is false, whenever a push hint arrives, after every
//   delivered write, and every `pollIntervalMs` as a fallback;
// - listens on /api/v1/events (WebSocket) for "seq" hints and reconnects with backoff;
// - delivers the outbox in order, each write with its own Idempotency-Key, retrying with backoff on
//   network errors and 5xx; a final 4xx is reported through writeRejected and removed;
// - on 410 clears the synced data (keeping the outbox) and re-syncs from 0;
// - on 401 reports loggedOut.
class SyncEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEngine)
public:
    struct Options
    {
        QUrl server; // http://host:port
        QString token;
        QString cachePath; // LocalCache file
        int pageSize = 5000; // the server's maximum: fewer round trips on a first sync
        int pollIntervalMs = 30000;
        int requestTimeoutMs = 15000;
        bool pushChannel = true; // listen on /api/v1/events (off: poll only)
        // The server was not reachable when the user signed in (offline sign-in): report Offline from
        // the first state on, until a request gets through, instead of Syncing until the first
        // attempt has timed out.
        bool startOffline = false;
        int writeRetryMinMs = 500; // outbox backoff: doubles per failure up to writeRetryMaxMs
        int writeRetryMaxMs = 30000;
        int reconnectMinMs = 1000; // push channel and failed pulls: doubles up to reconnectMaxMs
        int reconnectMaxMs = 30000;
    };

    explicit SyncEngine(Options options, QObject *parent = nullptr);
    ~SyncEngine() override;

public Q_SLOTS:
    void start();
    void stop();
    void syncNow();
    // Stores the write in the outbox (surviving restarts), then sends it when it can.
    void submit(nara::sync::PendingWrite write);

Q_SIGNALS:
    // Entities changed in the cache (after a pull). The UI reloads what it shows.
    void itemsChanged(QList<nara::inbox::InboxItem> items);
    void messagesChanged(QList<nara::chat::ChatMessage> messages);
    void recordsChanged(QList<nara::sync::CachedRecord> records); // visits (newer versions only)
    void referenceDataChanged(); // patients, staff, read marks
    // The cache was emptied (410: cursor too old) and is being filled again from 0: reload all.
    void cacheReset();
    void stateChanged(nara::sync::SyncState state, int queuedWrites);
    void writeDelivered(QString writeId, QByteArray responseBody);
    void writeRejected(QString writeId, nara::Error error);
    void loggedOut();
    // The cache could not be opened (start() gives up) or was rebuilt from a damaged file.
    void cacheProblem(nara::Error error);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace nara::sync
