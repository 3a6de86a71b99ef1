#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace nara::referrals {

// How the referral pane words a `referral` record (docs/api/contract.md, "Dermatology image
// referrals"): priority, state, due time, history, images, info requests and the answer.
class ReferralTexts final
{
    Q_DECLARE_TR_FUNCTIONS(nara::referrals::ReferralTexts)
public:
    static QString priorityText(const QString &priority);
    static QString stateText(const QString &state);
    // "Answer due 3 Mar 2025 14:00", with " – overdue" when the dermatologist's answer is late.
    static QString dueText(qint64 dueAt, bool overdue);
    // Late: still waiting for the dermatologist (state sent) after dueAt.
    static bool isOverdue(const QJsonObject &referral, qint64 nowMs);
    static QString dateText(qint64 ms); // "3 Mar 2025"
    static QString dateTimeText(qint64 ms); // "3 Mar 2025 14:05"
    static QString historyText(const QJsonObject &history);
    // "Overview · taken 3 Mar 2025", "Close-up · added 5 Mar 2025" for an image added on request.
    static QString imageCaption(const QJsonObject &image, qint64 sentAt);
    // "3 Mar 2025 · Close-up · this referral" / "… · referral of 1 Feb 2024".
    static QString compareLabel(const QJsonObject &image, const QJsonObject &referral, bool thisReferral);
    static QString infoRequestsText(const QJsonObject &referral);
    static QString answerText(const QJsonObject &answer, const QString &answeredByName);
    // One line per earlier referral of the same site: when, the state, the diagnosis if answered.
    static QString earlierText(const QList<QJsonObject> &earlier);
};

} // namespace nara::referrals
