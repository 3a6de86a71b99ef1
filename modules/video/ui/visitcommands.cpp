#include "video/ui/visitcommands.h"

#include "foundation/core/clock.h"
#include "foundation/core/ids.h"
#include "foundation/core/json.h"
#include "sync/core/writesink.h"
#include "video/core/visit.h"

namespace nara::video {

namespace {

sync::PendingWrite visitWrite(const Visit &visit, QStringView action, const QJsonObject &body, qint64 now)
{
    sync::PendingWrite write;
    write.id = newId();
    write.method = QStringLiteral("POST");
    write.path = u"/api/v1/visits/" % visit.id % u'/' % action;
    write.body = json::compact(body);
    write.itemId = visit.itemId;
    write.createdAt = now;
    return write;
}

} // namespace

VisitCommands::VisitCommands(sync::WriteSink &sink, const Clock &clock)
    : m_sink(sink)
    , m_clock(clock)
{
}

bool VisitCommands::isOutcome(const QString &outcome)
{
    return outcome == u"done" || outcome == u"follow_up" || outcome == u"physical_visit" || outcome == u"phone_instead";
}

QString VisitCommands::end(const Visit &visit, const QString &outcome, const QString &note)
{
    if (!isOutcome(outcome))
        return {};
    QJsonObject body{{QStringLiteral("outcome"), outcome}};
    if (!note.trimmed().isEmpty())
        body.insert(QStringLiteral("note"), note.trimmed());
    const sync::PendingWrite write = visitWrite(visit, u"end", body, m_clock.nowMs());
    m_sink.submit(write);
    return write.id;
}

} // namespace nara::video
