#include "referrals/core/workingdays.h"

#include <QDateTime>

namespace nara::referrals {

QTimeZone swedishTime()
{
    return QTimeZone(QByteArrayLiteral("Europe/Stockholm"));
}

namespace {

// Easter Sunday (the anonymous Gregorian computation of Meeus, Jones and Butcher).
QDate easterSunday(int year)
{
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return QDate(year, month, day);
}

} // namespace

bool isSwedishHoliday(QDate date)
{
    const int month = date.month();
    const int day = date.day();
    const bool fixed = (month == 1 && (day == 1 || day == 6)) || (month == 5 && day == 1) || (month == 6 && day == 6)
        || (month == 12 && (day == 24 || day == 25 || day == 26 || day == 31));
    if (fixed)
        return true;
    // Midsummer Eve: the Friday between 19 and 25 June.
    if (month == 6 && day >= 19 && day <= 25 && date.dayOfWeek() == Qt::Friday)
        return true;
    const qint64 fromEaster = easterSunday(date.year()).daysTo(date);
    return fromEaster == -2 || fromEaster == 1 || fromEaster == 39; // Good Friday, Easter Monday, Ascension
}

qint64 addWorkingDays(qint64 fromMs, int days, const QTimeZone &zone)
{
    QDateTime at = QDateTime::fromMSecsSinceEpoch(fromMs, zone);
    const QTime timeOfDay = at.time();
    int counted = 0;
    while (counted < days) {
        at = QDateTime(at.date().addDays(1), timeOfDay, zone); // the same wall-clock time across DST
        if (at.date().dayOfWeek() <= 5 && !isSwedishHoliday(at.date()))
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
