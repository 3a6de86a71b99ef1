#pragma once

#include "foundation/core/error.h"
#include "video/core/visit.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace nara::video {

// One client → server frame of the signalling on /api/v1/events (docs/api/contract.md):
// join, signal, chat or leave. Parsing checks everything before the relay looks at it.
struct SignalFrame
{
    enum class Type { Join, Signal, Chat, Leave };

    static constexpr qsizetype kMaxFrameBytes = 64 * 1024; // an SDP offer is a few KiB
    static constexpr qsizetype kMaxChatLength = 2000;
    static constexpr qsizetype kMaxIdLength = 64;

    Type type = Type::Join;
    QString visit;
    QString to; // signal: "staff:<id>" | "patient:<id>"
    QJsonObject data; // signal: {"sdp":{…}} or {"candidate":{…}}
    QString text; // chat
    std::optional<Readiness> readiness; // join, optional

    // InvalidInput for anything malformed. `visitOf` is set to the frame's visit id whenever the
    // frame names one (so an error frame can name it too).
    static Result<SignalFrame> parse(const QByteArray &bytes, QString *visitOf = nullptr);
};

} // namespace nara::video
