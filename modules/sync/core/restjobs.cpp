#include "sync/core/restjobs.h"

#include "foundation/core/json.h"

namespace nara::sync {

namespace {

Result<void> malformed(const Error &error)
{
    // The server answered 2xx with something we cannot use: a bug on one side, not the network.
    return fail(ErrorCode::Internal, QStringLiteral("Unexpected answer: ") + error.message);
}

} // namespace

LoginJob::LoginJob(QNetworkAccessManager *network, ApiEndpoint endpoint, QString username, QString password,
                   QObject *parent)
    : ApiJob(
        network,
        [&] {
            endpoint.token.clear();
            return std::move(endpoint);
        }(),
        parent)
    , m_username(std::move(username))
    , m_password(std::move(password))
{
}

QByteArray LoginJob::body() const
{
    return json::compact(
        QJsonObject{{QStringLiteral("username"), m_username}, {QStringLiteral("password"), m_password}});
}

Result<void> LoginJob::validate(const ApiReply &reply) const
{
    if (auto token = json::requiredString(reply.json, QStringLiteral("token"), 512); !token)
        return malformed(token.error());
    if (!reply.json.value(QStringLiteral("staff")).isObject())
        return malformed(Error::invalidInput(QStringLiteral("staff is missing")));
    return {};
}

Result<void> MeJob::validate(const ApiReply &reply) const
{
    if (!reply.json.value(QStringLiteral("staff")).isObject())
        return malformed(Error::invalidInput(QStringLiteral("staff is missing")));
    return {};
}

Result<void> StaffJob::validate(const ApiReply &reply) const
{
    if (!reply.json.value(QStringLiteral("staff")).isArray())
        return malformed(Error::invalidInput(QStringLiteral("staff is missing")));
    return {};
}

Result<SyncPage> SyncPage::fromJson(const QJsonObject &object)
{
    auto changes = json::requiredArray(object, QStringLiteral("changes"), 100000);
    if (!changes)
        return fail(changes.error());
    auto next = json::requiredInteger(object, QStringLiteral("next"), 0, std::numeric_limits<qint64>::max());
    if (!next)
        return fail(next.error());
    auto more = json::requiredBool(object, QStringLiteral("more"));
    if (!more)
        return fail(more.error());
    auto instance = json::optionalString(object, QStringLiteral("instance"), 64);
    if (!instance)
        return fail(instance.error());
    return SyncPage{*changes, *next, *more, instance->value_or(QString())};
}

SyncPageJob::SyncPageJob(QNetworkAccessManager *network, ApiEndpoint endpoint, qint64 since, int limit, QObject *parent)
    : ApiJob(network, std::move(endpoint), parent)
    , m_since(since)
    , m_limit(limit)
{
}

QUrlQuery SyncPageJob::query() const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("since"), QString::number(m_since));
    q.addQueryItem(QStringLiteral("limit"), QString::number(m_limit));
    return q;
}

Result<void> SyncPageJob::validate(const ApiReply &reply) const
{
    if (auto page = SyncPage::fromJson(reply.json); !page)
        return malformed(page.error());
    return {};
}

SendWriteJob::SendWriteJob(QNetworkAccessManager *network, ApiEndpoint endpoint, PendingWrite write, QObject *parent)
    : ApiJob(network, std::move(endpoint), parent)
    , m_write(std::move(write))
{
    setIdempotencyKey(m_write.id);
}

GetJob::GetJob(QNetworkAccessManager *network, ApiEndpoint endpoint, const QString &pathAndQuery, QObject *parent)
    : ApiJob(network, std::move(endpoint), parent)
    , m_path(pathAndQuery.section(u'?', 0, 0))
    , m_query(pathAndQuery.section(u'?', 1))
{
}

} // namespace nara::sync
