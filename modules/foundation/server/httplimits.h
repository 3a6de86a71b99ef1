#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace nara::http {

// Limits the guard enforces before QHttpServer sees a request (DESIGN.md §4).
struct HttpLimits
{
    qint64 maxHeaderBytes = 16 * 1024;
    qint64 defaultMaxBodyBytes = 1024 * 1024; // JSON
    // Longer prefixes win: {"/api/v1/referrals/images", 20 MiB}.
    QList<std::pair<QString, qint64>> bodyLimitsByPrefix;
    // A body over defaultMaxBodyBytes needs an "Authorization: Bearer" header (else 401), and at
    // most this many such bodies are received at once server-wide (else 503 with Retry-After).
    int maxConcurrentLargeBodies = 8;
    int idleTimeoutMs = 30'000;
    int maxConnectionsPerAddress = 128;

    qint64 bodyLimitFor(QStringView path) const
    {
        qint64 limit = defaultMaxBodyBytes;
        qsizetype best = -1;
        for (const auto &[prefix, bytes] : bodyLimitsByPrefix) {
            if (path.startsWith(prefix) && prefix.size() > best) {
                best = prefix.size();
                limit = bytes;
            }
        }
        return limit;
    }
};

} // namespace nara::http
