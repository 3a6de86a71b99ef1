#pragma once

#include "foundation/core/error.h"

#include <QJsonArray>
#include <QStringList>

namespace nara::video {

// The ICE servers browsers and the workstation use for a call (docs/operations.md, "Video:
// STUN/TURN"). With a TURN shared secret, every participant gets credentials of their own that
// expire, the way coturn's REST API expects (use-auth-secret): username "<expiry>:<peer>",
// credential base64(HMAC-SHA1(secret, username)). Without one, TURN URLs are passed on bare.
class IceSettings
{
public:
    static constexpr qint64 kDefaultTtlSeconds = 60 * 60;

    IceSettings() = default;
    // Validates every URL (stun:, turn: or turns: with a host, an optional port and, for TURN,
    // an optional ?transport=udp|tcp) and the TTL (60 s – 7 days).
    static Result<IceSettings> create(const QStringList &urls, const QString &turnSecret,
                                      qint64 ttlSeconds = kDefaultTtlSeconds);
    static Result<void> checkUrl(const QString &url);

    // RTCIceServer objects for `peerId` ("staff:<id>", "patient:<id>"): one for the STUN URLs,
    // one for the TURN URLs (with credentials when a secret is set). Empty without URLs: host
    // candidates suffice on one machine or one network.
    QJsonArray iceServers(const QString &peerId, qint64 nowMs) const;

    // The coturn REST credential for a username.
    static QString credentialFor(const QString &secret, const QString &username);

    const QStringList &urls() const { return m_urls; }
    qint64 ttlSeconds() const { return m_ttlSeconds; }

private:
    QStringList m_urls;
    QString m_secret;
    qint64 m_ttlSeconds = kDefaultTtlSeconds;
};

} // namespace nara::video
