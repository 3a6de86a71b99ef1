#include "referrals/ui/referralanswer.h"

#include "referrals/core/dermatologycatalog.h"

namespace nara::referrals {

QList<AnswerDraft::Missing> AnswerDraft::missing() const
{
    QList<Missing> missing;
    if (description.trimmed().isEmpty())
        missing.append(Missing::Description);
    if (!diagnosisByCode(diagnosis))
        missing.append(Missing::Diagnosis);
    if (!managementCodes().contains(management))
        missing.append(Missing::Management);
    else if (management == kFollowUp && (followUpMonths < kMinFollowUpMonths || followUpMonths > kMaxFollowUpMonths))
        missing.append(Missing::FollowUpMonths);
    return missing;
}

QJsonObject AnswerDraft::toJson() const
{
    QJsonObject body{{QStringLiteral("description"), description.trimmed()},
                     {QStringLiteral("diagnosis"), diagnosis},
                     {QStringLiteral("management"), management}};
    if (management == kFollowUp)
        body.insert(QStringLiteral("followUpMonths"), followUpMonths);
    return body;
}

} // namespace nara::referrals
