#include "workstation/ui/offlinecredential.h"

#include "auth/core/passwordhasher.h"
#include "foundation/core/json.h"
#include "sync/core/localcache.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace nara::workstation {

namespace {

const QString kSessionKey = QStringLiteral("offline.session");
const QString kPasswordHashKey = QStringLiteral("offline.passwordHash");

QJsonObject toJson(const LoginSession &session)
{
    return {
        {QStringLiteral("server"), session.server.toString()},
        {QStringLiteral("token"), session.token},
        {QStringLiteral("expiresAt"), session.expiresAt},
        {QStringLiteral("staff"),
         QJsonObject{{QStringLiteral("id"), session.staff.id},
                     {QStringLiteral("username"), session.staff.username},
                     {QStringLiteral("displayName"), session.staff.displayName},
                     {QStringLiteral("role"), session.staff.role}}},
    };
}

LoginSession fromJson(const QJsonObject &object)
{
    const QJsonObject staff = object.value(QStringLiteral("staff")).toObject();
    LoginSession session;
    session.server = QUrl(object.value(QStringLiteral("server")).toString());
    session.token = object.value(QStringLiteral("token")).toString();
    session.expiresAt = object.value(QStringLiteral("expiresAt")).toInteger();
    session.staff.id = staff.value(QStringLiteral("id")).toString();
    session.staff.username = staff.value(QStringLiteral("username")).toString();
    session.staff.displayName = staff.value(QStringLiteral("displayName")).toString();
    session.staff.role = staff.value(QStringLiteral("role")).toString();
    return session;
}

std::unexpected<Error> nothingUsable(const QString &why)
{
    return fail(ErrorCode::NotFound, QStringLiteral("No offline sign-in: %1").arg(why));
}

} // namespace

bool OfflineCredential::sameServer(const QUrl &a, const QUrl &b)
{
    const auto normalised = [](const QUrl &url) -> QString {
        const int defaultPort = url.scheme() == u"https" ? 443 : 80;
        QString path = url.path();
        while (path.endsWith(u'/'))
            path.chop(1);
        return url.scheme().toLower() + u"://" + url.host().toLower() + u':' + QString::number(url.port(defaultPort))
            + path;
    };
    return a.isValid() && b.isValid() && normalised(a) == normalised(b);
}

Result<void> OfflineCredential::remember(sync::LocalCache &cache, const LoginSession &session, const QString &password)
{
    if (session.token.isEmpty() || session.expiresAt <= 0 || session.staff.username.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("The session has no token, expiry or username"));
    auto hash = auth::PasswordHasher::hash(password);
    if (!hash)
        return fail(hash.error());
    LoginSession stored = session;
    stored.offline = false;
    return cache.setMetaValues(
        {{kSessionKey, QString::fromUtf8(json::compact(toJson(stored)))}, {kPasswordHashKey, *hash}});
}

Result<LoginSession> OfflineCredential::verify(sync::LocalCache &cache, const QUrl &server, const QString &username,
                                               const QString &password, qint64 nowMs)
{
    auto sessionText = cache.metaValue(kSessionKey);
    if (!sessionText)
        return fail(sessionText.error());
    auto hash = cache.metaValue(kPasswordHashKey);
    if (!hash)
        return fail(hash.error());
    if (!*sessionText || !*hash || (*hash)->isEmpty())
        return nothingUsable(QStringLiteral("none stored"));
    LoginSession session = fromJson(QJsonDocument::fromJson((*sessionText)->toUtf8()).object());
    if (session.token.isEmpty() || session.staff.id.isEmpty())
        return nothingUsable(QStringLiteral("the stored session is incomplete"));
    if (!sameServer(session.server, server) || session.staff.username != username)
        return nothingUsable(QStringLiteral("stored for another server or user"));
    // Checked before the password: an expired session is refused whatever is typed, and costs no hash.
    if (nowMs >= session.expiresAt)
        return nothingUsable(QStringLiteral("the session has expired"));
    if (!auth::PasswordHasher::verify(**hash, password))
        return fail(ErrorCode::Unauthenticated, QStringLiteral("Wrong username or password"));
    session.offline = true;
    return session;
}

Result<void> OfflineCredential::forget(sync::LocalCache &cache)
{
    return cache.removeMetaValues({kSessionKey, kPasswordHashKey});
}

} // namespace nara::workstation
