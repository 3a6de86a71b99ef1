#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace nara {
class Clock;
}
namespace nara::sync {
class WriteSink;
}

namespace nara::referrals {

struct AnswerDraft;

// What the dermatologist and the sender do about a referral, as writes for the outbox
// (docs/api/contract.md, "Dermatology image referrals"): each becomes one PendingWrite with a new
// idempotency key, naming the inbox item shown, and returns its id (empty when nothing was sent
// because the input breaks the rules). `version`: the record's, so that the server refuses a
// stale write with 409; nullopt leaves it out. The changed referral comes back through /sync.
class ReferralCommands final
{
public:
    ReferralCommands(sync::WriteSink &sink, const Clock &clock);

    // POST /api/v1/referrals/{id}/answer {"description","diagnosis","management","followUpMonths"?,"version"?}
    QString answer(const QString &referralId, const QString &itemId, const AnswerDraft &answer,
                   std::optional<qint64> version);
    // POST /api/v1/referrals/{id}/request-info {"question","version"?}
    QString requestInfo(const QString &referralId, const QString &itemId, const QString &question,
                        std::optional<qint64> version);
    // POST /api/v1/referrals/{id}/acknowledge {"version"?}: the patient has been informed.
    QString acknowledge(const QString &referralId, const QString &itemId, std::optional<qint64> version);

private:
    QString submit(const QString &referralId, const QString &action, QJsonObject body, const QString &itemId,
                   std::optional<qint64> version);

    sync::WriteSink &m_sink;
    const Clock &m_clock;
};

} // namespace nara::referrals
