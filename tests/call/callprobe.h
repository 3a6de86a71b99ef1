#pragma once

#include "call/ui/callwindow.h"

#include <QJsonObject>
#include <QTest>

namespace nara::test {

// The page's stats() summary of a CallWindow, waited for (empty when it did not answer).
inline QJsonObject callStats(call::CallWindow &window, int timeoutMs = 10000)
{
    QJsonObject stats;
    bool answered = false;
    window.requestStats([&](const QJsonObject &answer) {
        stats = answer;
        answered = true;
    });
    (void)QTest::qWaitFor([&] { return answered; }, timeoutMs);
    return stats;
}

// The four byte counters (audio/video, sent/received) of one peer in a stats() summary.
struct MediaBytes
{
    double audioSent = 0, audioReceived = 0, videoSent = 0, videoReceived = 0;

    static MediaBytes of(const QJsonObject &stats, const QString &peerId)
    {
        const QJsonObject peer = stats.value(peerId).toObject();
        const QJsonObject audio = peer.value(QStringLiteral("audio")).toObject();
        const QJsonObject video = peer.value(QStringLiteral("video")).toObject();
        return {audio.value(QStringLiteral("bytesSent")).toDouble(),
                audio.value(QStringLiteral("bytesReceived")).toDouble(),
                video.value(QStringLiteral("bytesSent")).toDouble(),
                video.value(QStringLiteral("bytesReceived")).toDouble()};
    }
    // Every counter grew since `before`: audio and video flow both ways.
    bool allGrewSince(const MediaBytes &before) const
    {
        return audioSent > before.audioSent && audioReceived > before.audioReceived && videoSent > before.videoSent
            && videoReceived > before.videoReceived;
    }
    QString toString() const
    {
        return QStringLiteral("audio sent %1 received %2, video sent %3 received %4")
            .arg(audioSent, 0, 'f', 0)
            .arg(audioReceived, 0, 'f', 0)
            .arg(videoSent, 0, 'f', 0)
            .arg(videoReceived, 0, 'f', 0);
    }
};

inline QString peerState(const QJsonObject &stats, const QString &peerId)
{
    return stats.value(peerId).toObject().value(QStringLiteral("connectionState")).toString();
}

} // namespace nara::test
