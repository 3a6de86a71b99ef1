#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace nara::referrals {

// The dermatologist's answer to a referral as the answer form collects it, and the rules it must
// meet before it is sent (the server checks the same: docs/api/contract.md, "Dermatology image
// referrals"): a description, a diagnosis from the bundled ICD-10 list, a management from the
// bundled list, and for a follow-up the number of months (1–24).
struct AnswerDraft
{
    static constexpr int kMinFollowUpMonths = 1;
    static constexpr int kMaxFollowUpMonths = 24;
    static inline const QString kFollowUp = QStringLiteral("follow_up");

    enum class Missing { Description, Diagnosis, Management, FollowUpMonths };

    QString description;
    QString diagnosis; // ICD-10 code
    QString management; // a code of managementCodes()
    int followUpMonths = 0; // 0: not given; only a follow-up needs it

    // What keeps the answer from being sent, in the form's order; empty when it can be sent.
    QList<Missing> missing() const;
    // The body of POST /api/v1/referrals/{id}/answer (without "version"): followUpMonths only for
    // a follow-up, the description trimmed.
    QJsonObject toJson() const;
};

} // namespace nara::referrals
