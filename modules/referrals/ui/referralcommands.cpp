#include "referrals/ui/referralcommands.h"

#include "referrals/ui/referralanswer.h"

#include "foundation/core/clock.h"
#include "foundation/core/ids.h"
#include "foundation/core/json.h"
#include "sync/core/writesink.h"

#include <QJsonObject>

namespace nara::referrals {

ReferralCommands::ReferralCommands(sync::WriteSink &sink, const Clock &clock)
    : m_sink(sink)
    , m_clock(clock)
{
}

QString ReferralCommands::submit(const QString &referralId, const QString &action, QJsonObject body,
                                 const QString &itemId, std::optional<qint64> version)
{
    if (referralId.isEmpty())
        return {};
    if (version)
        body.insert(QStringLiteral("version"), *version);
    sync::PendingWrite write;
    write.id = newId();
    write.method = QStringLiteral("POST");
    write.path = u"/api/v1/referrals/" % referralId % u'/' % action;
    write.body = json::compact(body);
    write.itemId = itemId;
    write.createdAt = m_clock.nowMs();
    m_sink.submit(write);
    return write.id;
}

QString ReferralCommands::answer(const QString &referralId, const QString &itemId, const AnswerDraft &answer,
                                 std::optional<qint64> version)
{
    if (!answer.missing().isEmpty())
        return {};
    return submit(referralId, QStringLiteral("answer"), answer.toJson(), itemId, version);
}

QString ReferralCommands::requestInfo(const QString &referralId, const QString &itemId, const QString &question,
                                      std::optional<qint64> version)
{
    const QString text = question.trimmed();
    if (text.isEmpty())
        return {};
    return submit(referralId, QStringLiteral("request-info"), {{QStringLiteral("question"), text}}, itemId, version);
}

QString ReferralCommands::acknowledge(const QString &referralId, const QString &itemId, std::optional<qint64> version)
{
    return submit(referralId, QStringLiteral("acknowledge"), {}, itemId, version);
}

} // namespace nara::referrals
