#pragma once

#include "referrals/core/referral.h"

#include <QTimeZone>

namespace nara::referrals {

// When a referral is due (issue 5): N working days after it was sent, Monday to Friday in Swedish
// time (Europe/Stockholm) except Swedish public holidays and the three eves clinics close on, at the
// same time of day.
inline constexpr int kDefaultReferralDueDays = 5;
inline constexpr int kMinReferralDueDays = 1;
inline constexpr int kMaxReferralDueDays = 30;
inline constexpr int kUrgentReferralDueDays = 2; // or the configured days, when fewer

// A weekday on which Swedish clinics are closed: the public holidays (lag 1989:253) that can fall on a
// weekday — New Year's Day, Epiphany, Good Friday, Easter Monday, 1 May, Ascension Day, the National
// Day — and Midsummer Eve, Christmas Eve, Christmas Day, Boxing Day and New Year's Eve.
bool isSwedishHoliday(QDate date);

// `fromMs` plus `days` (≥ 0) working days in `zone`: each step moves to the next calendar day and
// counts it only when it is Monday to Friday and no Swedish holiday. Sent on a Saturday, 5 working
// days later is Friday (in a week without holidays).
qint64 addWorkingDays(qint64 fromMs, int days, const QTimeZone &zone);
QTimeZone swedishTime();

// sentAt + dueDays working days (routine), or + min(2, dueDays) (urgent).
qint64 referralDueAt(qint64 sentAt, ReferralPriority priority, int dueDays);

} // namespace nara::referrals
