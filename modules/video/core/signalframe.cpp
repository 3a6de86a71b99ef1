#include "video/core/signalframe.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace nara::video {

namespace {

std::unexpected<Error> malformed(const QString &why)
{
    return fail(ErrorCode::InvalidInput, QStringLiteral("Malformed frame: %1").arg(why));
}

bool isId(const QString &text)
{
    static const QRegularExpression kId(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return kId.match(text).hasMatch();
}

} // namespace

Result<SignalFrame> SignalFrame::parse(const QByteArray &bytes, QString *visitOf)
{
    if (bytes.size() > kMaxFrameBytes)
        return malformed(QStringLiteral("larger than %1 bytes.").arg(kMaxFrameBytes));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return malformed(QStringLiteral("a JSON object is expected."));
    const QJsonObject object = document.object();

    SignalFrame frame;
    const QJsonValue visit = object.value(QStringLiteral("visit"));
    if (!visit.isString() || !isId(visit.toString()))
        return malformed(QStringLiteral("'visit' must be a visit id."));
    frame.visit = visit.toString();
    if (visitOf)
        *visitOf = frame.visit;

    const QString type = object.value(QStringLiteral("type")).toString();
    if (type == u"join") {
        frame.type = Type::Join;
        const QJsonValue readiness = object.value(QStringLiteral("readiness"));
        if (readiness.isObject()) {
            const QJsonValue camera = readiness.toObject().value(QStringLiteral("camera"));
            const QJsonValue microphone = readiness.toObject().value(QStringLiteral("microphone"));
            if (!camera.isBool() || !microphone.isBool())
                return malformed(QStringLiteral("'readiness' needs booleans 'camera' and 'microphone'."));
            frame.readiness = Readiness{camera.toBool(), microphone.toBool()};
        } else if (!readiness.isUndefined() && !readiness.isNull()) {
            return malformed(QStringLiteral("'readiness' must be an object."));
        }
    } else if (type == u"signal") {
        frame.type = Type::Signal;
        frame.to = object.value(QStringLiteral("to")).toString();
        const qsizetype colon = frame.to.indexOf(u':');
        const QString kind = frame.to.left(colon);
        if (colon < 0 || (kind != u"staff" && kind != u"patient") || !isId(frame.to.mid(colon + 1)))
            return malformed(QStringLiteral("'to' must be a peer id (staff:<id> or patient:<id>)."));
        const QJsonValue data = object.value(QStringLiteral("data"));
        if (!data.isObject())
            return malformed(QStringLiteral("'data' must be an object."));
        frame.data = data.toObject();
        const bool sdp = frame.data.value(QStringLiteral("sdp")).isObject();
        const bool candidate = frame.data.value(QStringLiteral("candidate")).isObject();
        if (sdp == candidate || frame.data.size() != 1)
            return malformed(QStringLiteral("'data' holds exactly one of 'sdp' and 'candidate' (objects)."));
    } else if (type == u"chat") {
        frame.type = Type::Chat;
        const QJsonValue text = object.value(QStringLiteral("text"));
        if (!text.isString() || text.toString().trimmed().isEmpty())
            return malformed(QStringLiteral("'text' must be a non-empty string."));
        if (text.toString().size() > kMaxChatLength)
            return malformed(QStringLiteral("'text' is longer than %1 characters.").arg(kMaxChatLength));
        frame.text = text.toString();
    } else if (type == u"leave") {
        frame.type = Type::Leave;
    } else {
        return malformed(QStringLiteral("'type' must be join, signal, chat or leave."));
    }
    return frame;
}

} // namespace nara::video
