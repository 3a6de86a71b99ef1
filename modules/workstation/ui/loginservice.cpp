#include "workstation/ui/loginservice.h"

#include "foundation/core/ids.h"
#include "sync/core/localcache.h"
#include "sync/core/restjobs.h"
#include "workstation/ui/offlinecredential.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkAccessManager>

namespace nara::workstation {

ApiLoginService::ApiLoginService()
    : m_network(std::make_unique<QNetworkAccessManager>())
{
}

ApiLoginService::ApiLoginService(const Clock &clock, CachePathFor cachePathFor)
    : m_network(std::make_unique<QNetworkAccessManager>())
    , m_clock(&clock)
    , m_cachePathFor(std::move(cachePathFor))
{
}

ApiLoginService::~ApiLoginService() = default;

QString ApiLoginService::cachePath(const QUrl &server, const QString &username) const
{
    return m_cachePathFor ? m_cachePathFor(server, username)
                          : sync::LocalCache::defaultPath(server.toString(), username);
}

void ApiLoginService::login(const QUrl &server, const QString &username, const QString &password, Done done)
{
    sync::ApiEndpoint endpoint;
    endpoint.server = server;
    auto *job = new sync::LoginJob(m_network.get(), endpoint, username, password);
    // m_network is the context: the callback never outlives this service.
    QObject::connect(job, &sync::ApiJob::finished, m_network.get(),
                     [this, job, server, username, password, done = std::move(done)] {
                         const Result<sync::ApiReply> &result = job->result();
                         if (!result) {
                             if (result.error().code == ErrorCode::Unavailable)
                                 done(signInOffline(server, username, password, result.error()));
                             else
                                 done(std::unexpected(result.error()));
                             return;
                         }
                         const QJsonObject staff = result->json.value(QStringLiteral("staff")).toObject();
                         LoginSession session;
                         session.server = server;
                         session.token = result->json.value(QStringLiteral("token")).toString();
                         session.expiresAt = result->json.value(QStringLiteral("expiresAt")).toInteger();
                         session.staff.id = staff.value(QStringLiteral("id")).toString();
                         session.staff.username = staff.value(QStringLiteral("username")).toString();
                         session.staff.displayName = staff.value(QStringLiteral("displayName")).toString();
                         session.staff.role = staff.value(QStringLiteral("role")).toString();
                         rememberOffline(session, password);
                         done(std::move(session));
                     });
    job->start();
}

// Synchronous on the UI thread: one Argon2id hash (tens of milliseconds) while the dialog is busy
// anyway, less than Workstation::open() spends loading the same cache right after.
void ApiLoginService::rememberOffline(const LoginSession &session, const QString &password) const
{
    auto cache = sync::LocalCache::open(cachePath(session.server, session.staff.username),
                                        QStringLiteral("nara-login-") + newId());
    auto stored = cache ? OfflineCredential::remember(*cache, session, password) : Result<void>(fail(cache.error()));
    // Not a reason to refuse the online sign-in: only the next offline one will not be possible.
    if (!stored)
        qWarning("Offline sign-in could not be prepared: %s", qUtf8Printable(stored.error().message));
}

Result<LoginSession> ApiLoginService::signInOffline(const QUrl &server, const QString &username,
                                                    const QString &password, const Error &unreachable) const
{
    const QString path = cachePath(server, username);
    if (!QFileInfo::exists(path)) // never create a cache for someone who has not signed in here
        return fail(unreachable);
    auto cache = sync::LocalCache::open(path, QStringLiteral("nara-login-") + newId());
    if (!cache) {
        qWarning("Offline sign-in: cannot open the local cache: %s", qUtf8Printable(cache.error().message));
        return fail(unreachable);
    }
    auto session = OfflineCredential::verify(*cache, server, username, password, m_clock->nowMs());
    if (!session && session.error().code != ErrorCode::Unauthenticated)
        return fail(unreachable); // nothing usable stored: as if there were no cache
    return session;
}

} // namespace nara::workstation
