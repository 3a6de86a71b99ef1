#include "video/core/icesettings.h"

#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

namespace nara::video {

Result<void> IceSettings::checkUrl(const QString &url)
{
    // RFC 7064 (stun:) and RFC 7065 (turn:, turns:): scheme, host, optional port; TURN may name
    // its transport.
    static const QRegularExpression kUrl(QStringLiteral(
        "^(?<scheme>stun|turn|turns):(?:[A-Za-z0-9][A-Za-z0-9.-]{0,252}|\\[[0-9A-Fa-f:.]+\\])(?::(?<port>[0-9]{1,5}))?"
        "(?:\\?transport=(?<transport>udp|tcp))?$"));
    const QRegularExpressionMatch match = kUrl.match(url);
    const auto invalid = [&url](const QString &why) {
        return fail(ErrorCode::InvalidInput, QStringLiteral("Invalid ICE server '%1': %2").arg(url, why));
    };
    if (!match.hasMatch())
        return invalid(QStringLiteral(
            "expected stun:host[:port], turn:host[:port][?transport=udp|tcp] or turns:host[:port][?transport=tcp]."));
    if (const QString port = match.captured(u"port"); !port.isEmpty()) {
        if (port.toInt() < 1 || port.toInt() > 65535)
            return invalid(QStringLiteral("the port must be 1–65535."));
    }
    if (match.captured(u"scheme") == u"stun" && !match.captured(u"transport").isEmpty())
        return invalid(QStringLiteral("a STUN URL names no transport."));
    return {};
}

Result<IceSettings> IceSettings::create(const QStringList &urls, const QString &turnSecret, qint64 ttlSeconds)
{
    IceSettings settings;
    for (const QString &raw : urls) {
        const QString url = raw.trimmed();
        if (url.isEmpty())
            continue;
        if (auto ok = checkUrl(url); !ok)
            return fail(ok.error());
        if (!settings.m_urls.contains(url))
            settings.m_urls.append(url);
    }
    if (ttlSeconds < 60 || ttlSeconds > 7 * 24 * 60 * 60)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The TURN credential lifetime must be 60 s – 7 days, not %1 s.").arg(ttlSeconds));
    settings.m_secret = turnSecret;
    settings.m_ttlSeconds = ttlSeconds;
    return settings;
}

QString IceSettings::credentialFor(const QString &secret, const QString &username)
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(username.toUtf8(), secret.toUtf8(), QCryptographicHash::Sha1).toBase64());
}

QJsonArray IceSettings::iceServers(const QString &peerId, qint64 nowMs) const
{
    QJsonArray stun;
    QJsonArray turn;
    for (const QString &url : m_urls)
        (url.startsWith(u"stun:") ? stun : turn).append(url);
    QJsonArray servers;
    if (!stun.isEmpty())
        servers.append(QJsonObject{{QStringLiteral("urls"), stun}});
    if (!turn.isEmpty()) {
        QJsonObject server{{QStringLiteral("urls"), turn}};
        if (!m_secret.isEmpty()) {
            const QString username = QString::number(nowMs / 1000 + m_ttlSeconds) + u':' + peerId;
            server.insert(QStringLiteral("username"), username);
            server.insert(QStringLiteral("credential"), credentialFor(m_secret, username));
        }
        servers.append(server);
    }
    return servers;
}

} // namespace nara::video
