#include "sync/core/syncengine.h"

#include "foundation/core/ids.h"
#include "sync/core/localcache.h"
#include "sync/core/restjobs.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#include <optional>

namespace nara::sync {

// Everything here runs on the engine's thread: the timers and the socket are children of the
// engine (so moveToThread() takes them along); the network manager and the cache connection are
// made in start(), on that thread.
struct SyncEngine::Private
{
    Private(SyncEngine *engine, Options opts);

    SyncEngine *q;
    Options options;
    QNetworkAccessManager *network = nullptr;
    QWebSocket *socket = nullptr;
    std::optional<LocalCache> cache;
    QTimer *pollTimer;
    QTimer *pullRetryTimer;
    QTimer *reconnectTimer;
    QTimer *writeRetryTimer;
    QPointer<SyncPageJob> pullJob;
    QPointer<SendWriteJob> writeJob;

    bool running = false;
    bool pulling = false;
    bool pullAgain = false;
    bool isLoggedOut = false;
    bool online = true;
    bool reopening = false;
    qint64 cursor = 0;
    int writeBackoffMs;
    int reconnectBackoffMs;
    int pullBackoffMs;
    std::optional<SyncState> lastState;
    int lastQueued = -1;

    ApiEndpoint endpoint() const { return {options.server, options.token, options.requestTimeoutMs}; }
    Result<void> ensureCache();

    void pull();
    void fetchPage();
    void fetchPageFrom(qint64 since);
    void onPage(qint64 since, const Result<ApiReply> &result);
    void restartFromZero();

    void connectPush();
    void scheduleReconnect();
    void onPushMessage(const QString &message);

    void deliverNext();
    void kickOutbox();
    void onWriteFinished(const PendingWrite &write, const Result<ApiReply> &result);

    void setOnline(bool value);
    void becomeLoggedOut();
    void halt();
    void updateState();
};

SyncEngine::Private::Private(SyncEngine *engine, Options opts)
    : q(engine)
    , options(std::move(opts))
    , pollTimer(new QTimer(engine))
    , pullRetryTimer(new QTimer(engine))
    , reconnectTimer(new QTimer(engine))
    , writeRetryTimer(new QTimer(engine))
    , writeBackoffMs(options.writeRetryMinMs)
    , reconnectBackoffMs(options.reconnectMinMs)
    , pullBackoffMs(options.reconnectMinMs)
{
    online = !options.startOffline;
    pullRetryTimer->setSingleShot(true);
    reconnectTimer->setSingleShot(true);
    writeRetryTimer->setSingleShot(true);
}

SyncEngine::SyncEngine(Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(options)))
{
    connect(d->pollTimer, &QTimer::timeout, this, [this] { d->pull(); });
    connect(d->pullRetryTimer, &QTimer::timeout, this, [this] { d->pull(); });
    connect(d->writeRetryTimer, &QTimer::timeout, this, [this] { d->deliverNext(); });
    connect(d->reconnectTimer, &QTimer::timeout, this, [this] { d->connectPush(); });
}

// Must run on the engine's thread (deleteLater() from QThread::finished), like every slot.
SyncEngine::~SyncEngine()
{
    d->running = false;
    if (d->socket)
        d->socket->disconnect(this);
}

void SyncEngine::start()
{
    if (d->running)
        return;
    if (auto opened = d->ensureCache(); !opened) {
        Q_EMIT cacheProblem(opened.error());
        return;
    }
    if (!d->network)
        d->network = new QNetworkAccessManager(this);
    d->running = true;
    d->isLoggedOut = false;
    if (auto cursor = d->cache->cursor())
        d->cursor = *cursor;
    if (d->options.pollIntervalMs > 0)
        d->pollTimer->start(d->options.pollIntervalMs);
    if (d->options.pushChannel && !d->socket) {
        d->socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        connect(d->socket, &QWebSocket::connected, this, [this] {
            d->reconnectBackoffMs = d->options.reconnectMinMs;
            d->setOnline(true);
            d->pull(); // catch up on what happened while the channel was down
            d->kickOutbox();
        });
        connect(d->socket, &QWebSocket::disconnected, this, [this] { d->scheduleReconnect(); });
        // Qt 6.4 names it error(); errorOccurred() arrives in 6.5.
        connect(d->socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
                [this] { d->scheduleReconnect(); });
        connect(d->socket, &QWebSocket::textMessageReceived, this,
                [this](const QString &message) { d->onPushMessage(message); });
    }
    d->connectPush();
    d->pull();
    d->deliverNext();
    d->updateState();
}

void SyncEngine::stop()
{
    d->halt();
    d->updateState();
}

void SyncEngine::syncNow()
{
    d->pull();
    d->kickOutbox();
}

void SyncEngine::submit(PendingWrite write)
{
    if (write.id.isEmpty())
        write.id = newId();
    if (write.createdAt == 0)
        write.createdAt = QDateTime::currentMSecsSinceEpoch();
    if (auto opened = d->ensureCache(); !opened) {
        Q_EMIT writeRejected(write.id, opened.error());
        return;
    }
    if (auto stored = d->cache->enqueue(write); !stored) {
        Q_EMIT writeRejected(write.id, stored.error());
        return;
    }
    d->updateState();
    d->deliverNext();
}

Result<void> SyncEngine::Private::ensureCache()
{
    if (cache)
        return {};
    // One connection per engine (and so per thread); the UI thread opens its own.
    auto opened = LocalCache::open(options.cachePath, QStringLiteral("nara-sync-") + newId());
    if (!opened)
        return fail(opened.error());
    cache.emplace(std::move(*opened));
    const CacheOpenReport &report = cache->openReport();
    if (!report.quarantinedTo.isEmpty()) {
        Q_EMIT q->cacheProblem(Error{ErrorCode::Storage,
                                     QStringLiteral("The local cache was damaged and has been rebuilt"),
                                     QJsonObject{{QStringLiteral("quarantinedTo"), report.quarantinedTo},
                                                 {QStringLiteral("salvagedWrites"), report.salvagedWrites}}});
    }
    return {};
}

// Pull ----------------------------------------------------------------------------------------

void SyncEngine::Private::pull()
{
    if (!running || isLoggedOut)
        return;
    if (pulling) {
        pullAgain = true; // a hint arrived mid-pull: one more round when this one ends
        return;
    }
    pulling = true;
    pullAgain = false;
    pullRetryTimer->stop();
    updateState();
    fetchPage();
}

void SyncEngine::Private::fetchPage()
{
    if (auto stored = cache->cursor())
        cursor = *stored;
    fetchPageFrom(cursor);
}

void SyncEngine::Private::fetchPageFrom(qint64 since)
{
    auto *job = new SyncPageJob(network, endpoint(), since, options.pageSize, q);
    pullJob = job;
    QObject::connect(job, &ApiJob::finished, q, [this, job, since] { onPage(since, job->result()); });
    job->start();
}

void SyncEngine::Private::restartFromZero()
{
    if (auto reset = cache->resetSyncedData(); !reset) {
        qWarning("Sync: cannot reset the cache: %s", qUtf8Printable(reset.error().message));
        pulling = false;
        updateState();
        return;
    }
    cursor = 0;
    Q_EMIT q->cacheReset();
    fetchPage();
}

void SyncEngine::Private::onPage(qint64 since, const Result<ApiReply> &result)
{
    pullJob = nullptr;
    if (!running)
        return;
    if (!result) {
        const int status = ApiJob::errorStatus(result.error());
        if (status == 410 && since > 0) {
            // The server no longer has changes that old: forget synced data, keep the outbox.
            restartFromZero();
            return;
        }
        if (status == 401) {
            becomeLoggedOut();
            return;
        }
        pulling = false;
        if (result.error().code == ErrorCode::Unavailable) {
            setOnline(false);
            pullRetryTimer->start(pullBackoffMs);
            pullBackoffMs = qMin(pullBackoffMs * 2, options.reconnectMaxMs);
        } else {
            qWarning("Sync: pull failed (%s): %s", qUtf8Printable(errorCodeName(result.error().code)),
                     qUtf8Printable(result.error().message));
        }
        updateState();
        return;
    }
    setOnline(true);
    pullBackoffMs = options.reconnectMinMs;
    const auto page = SyncPage::fromJson(result->json); // validated by the job
    if (page && !page->instance.isEmpty()) {
        // Another server database than the one this cache came from (replaced, or restored from
        // a backup): what the cache holds may be stale, so start again from 0, keeping the outbox.
        auto known = cache->metaValue(QStringLiteral("instance"));
        const bool other = known && known->has_value() && **known != page->instance;
        if (known && (!known->has_value() || other))
            (void)cache->setMetaValues({{QStringLiteral("instance"), page->instance}});
        if (other && since > 0) {
            restartFromZero();
            return;
        }
    }
    // Ask for the next page before storing this one: the server prepares it while the cache writes.
    const bool following = page && page->more && page->next > since;
    if (following)
        fetchPageFrom(page->next);
    auto applied = page ? cache->applyChanges(page->changes, page->next) : Result<AppliedChanges>(fail(page.error()));
    if (!applied) {
        qWarning("Sync: cannot apply a page: %s", qUtf8Printable(applied.error().message));
        if (pullJob) {
            // The cursor did not move: the page already asked for must not be applied.
            QObject::disconnect(pullJob, nullptr, q, nullptr);
            pullJob->abort();
        }
        pullJob = nullptr;
        pulling = false;
        updateState();
        return;
    }
    cursor = page->next;
    if (!applied->items.isEmpty())
        Q_EMIT q->itemsChanged(applied->items);
    if (!applied->messages.isEmpty())
        Q_EMIT q->messagesChanged(applied->messages);
    if (!applied->records.isEmpty())
        Q_EMIT q->recordsChanged(applied->records);
    if (applied->referenceData)
        Q_EMIT q->referenceDataChanged();
    if (following)
        return; // the next page is on its way
    pulling = false;
    if (pullAgain) {
        pull();
        return;
    }
    updateState();
}

// Push channel --------------------------------------------------------------------------------

void SyncEngine::Private::connectPush()
{
    if (!running || isLoggedOut || !socket)
        return;
    QUrl url = options.server;
    url.setScheme(url.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/api/v1/events"));
    // The token goes in a header, not the URL: URLs end up in proxies' access logs.
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + options.token.toUtf8());
    reopening = true;
    socket->abort();
    reopening = false;
    socket->open(request);
}

void SyncEngine::Private::scheduleReconnect()
{
    if (!running || isLoggedOut || reopening || reconnectTimer->isActive())
        return;
    reconnectTimer->start(reconnectBackoffMs);
    reconnectBackoffMs = qMin(reconnectBackoffMs * 2, options.reconnectMaxMs);
}

void SyncEngine::Private::onPushMessage(const QString &message)
{
    const QJsonObject hint = QJsonDocument::fromJson(message.toUtf8()).object();
    if (hint.value(QStringLiteral("type")).toString() != u"seq")
        return;
    if (hint.value(QStringLiteral("seq")).toInteger() > cursor)
        pull();
}

// Outbox --------------------------------------------------------------------------------------

void SyncEngine::Private::deliverNext()
{
    if (!running || isLoggedOut || writeJob || writeRetryTimer->isActive() || !cache)
        return;
    auto next = cache->nextPending();
    if (!next) {
        qWarning("Sync: cannot read the outbox: %s", qUtf8Printable(next.error().message));
        return;
    }
    if (!*next) {
        updateState();
        return;
    }
    const PendingWrite write = **next;
    auto *job = new SendWriteJob(network, endpoint(), write, q);
    writeJob = job;
    QObject::connect(job, &ApiJob::finished, q, [this, job, write] { onWriteFinished(write, job->result()); });
    updateState();
    job->start();
}

void SyncEngine::Private::kickOutbox()
{
    // Connectivity is back: try the waiting write now instead of at the end of its backoff.
    if (writeRetryTimer->isActive()) {
        writeRetryTimer->stop();
        deliverNext();
    } else {
        deliverNext();
    }
}

void SyncEngine::Private::onWriteFinished(const PendingWrite &write, const Result<ApiReply> &result)
{
    writeJob = nullptr;
    if (!running)
        return;
    if (result) {
        setOnline(true);
        writeBackoffMs = options.writeRetryMinMs;
        if (auto done = cache->markDelivered(write.id); !done)
            qWarning("Sync: cannot remove a delivered write: %s", qUtf8Printable(done.error().message));
        Q_EMIT q->writeDelivered(write.id, result->raw);
        pull();
        deliverNext();
        updateState();
        return;
    }
    const Error &error = result.error();
    const int status = ApiJob::errorStatus(error);
    if (status == 401) {
        becomeLoggedOut(); // the write stays: it goes out after the next login
        return;
    }
    if (status == 0 || status >= 500 || status == 408 || status == 429) {
        // Not delivered as far as we know: keep it, retry later with the same key.
        // A 503 in the server's own words (problem+json: too many uploads at once) is a busy
        // server, not a lost connection; a proxy's 503 page is.
        const bool busy = status == 503 && error.details.contains(u"type");
        if (status == 0 || status == 502 || status == 504 || (status == 503 && !busy))
            setOnline(false);
        (void)cache->markAttempt(write.id, error.message);
        writeRetryTimer->start(writeBackoffMs);
        writeBackoffMs = qMin(writeBackoffMs * 2, options.writeRetryMaxMs);
        updateState();
        return;
    }
    // A final answer: the server will never take this write. Tell the user, drop it, go on.
    setOnline(true);
    if (auto done = cache->markDelivered(write.id); !done)
        qWarning("Sync: cannot remove a rejected write: %s", qUtf8Printable(done.error().message));
    Q_EMIT q->writeRejected(write.id, error);
    deliverNext();
    updateState();
}

// State ---------------------------------------------------------------------------------------

void SyncEngine::Private::setOnline(bool value)
{
    if (online == value)
        return;
    online = value;
    updateState();
}

void SyncEngine::Private::halt()
{
    running = false;
    pulling = false;
    pullAgain = false;
    pollTimer->stop();
    pullRetryTimer->stop();
    reconnectTimer->stop();
    writeRetryTimer->stop();
    if (pullJob)
        pullJob->abort();
    if (writeJob)
        writeJob->abort();
    if (socket) {
        reopening = true;
        socket->abort();
        reopening = false;
    }
}

void SyncEngine::Private::becomeLoggedOut()
{
    halt();
    isLoggedOut = true;
    updateState();
    Q_EMIT q->loggedOut();
}

void SyncEngine::Private::updateState()
{
    SyncState state = SyncState::Online;
    if (isLoggedOut)
        state = SyncState::LoggedOut;
    else if (!online)
        state = SyncState::Offline;
    else if (pulling || writeJob)
        state = SyncState::Syncing;
    const int queued = cache ? cache->pendingCount().value_or(0) : 0;
    if (lastState == state && lastQueued == queued)
        return;
    lastState = state;
    lastQueued = queued;
    Q_EMIT q->stateChanged(state, queued);
}

} // namespace nara::sync
