#include "referrals/core/workingdays.h"

#include <QDateTime>

namespace nara::referrals {

QTimeZone swedishTime()
{
    return QTimeZone(QByteArrayLiteral("Europe/Stockholm"));
}

qint64 addWorkingDays(qint64 fromMs, int days, const QTimeZone &zone)
{
    QDateTime at = QDateTime::fromMSecsSinceEpoch(fromMs, zone);
    const QTime timeOfDay = at.time();
    int counted = 0;
    while (counted < days) {
        at = QDateTime(at.date().addDays(1), timeOfDay, zone); // the same wall-clock time across DST
        if (at.date().dayOfWeek() <= 5)
            ++counted;
    }
    return at.toMSecsSinceEpoch();
}

qint64 referralDueAt(qint64 sentAt, ReferralPriority priority, int dueDays)
{
    const int days = priority == ReferralPriority::Urgent ? qMin(kUrgentReferralDueDays, dueDays) : dueDays;
    return addWorkingDays(sentAt, days, swedishTime());
}

} // namespace nara::referrals
