#include "forms/core/formschedule.h"

#include <QJsonObject>

namespace nara::forms {

namespace {

std::unexpected<Error> invalidField(const QString &field, const QString &message)
{
    return fail(ErrorCode::InvalidInput, field + QStringLiteral(": ") + message,
                QJsonObject{{QStringLiteral("field"), field}});
}

} // namespace

Result<QList<FormOccasion>> formOccasions(const FormSchedule &schedule)
{
    if (schedule.dueInDays < 1 || schedule.dueInDays > FormSchedule::kMaxDueInDays)
        return invalidField(QStringLiteral("dueInDays"),
                            QStringLiteral("must be a number of days from 1 to %1.").arg(FormSchedule::kMaxDueInDays));
    const qint64 day = FormSchedule::kDayMs;
    if (!schedule.everyDays) {
        if (schedule.untilAt)
            return invalidField(QStringLiteral("untilAt"), QStringLiteral("goes with everyDays (a repeated form)."));
        return QList<FormOccasion>{{1, schedule.sentAt, schedule.sentAt + schedule.dueInDays * day}};
    }
    const int every = *schedule.everyDays;
    if (every < 1 || every > FormSchedule::kMaxEveryDays)
        return invalidField(QStringLiteral("everyDays"),
                            QStringLiteral("must be a number of days from 1 to %1.").arg(FormSchedule::kMaxEveryDays));
    if (!schedule.untilAt)
        return invalidField(QStringLiteral("untilAt"), QStringLiteral("is required with everyDays."));
    const qint64 until = *schedule.untilAt;
    if (until < schedule.sentAt)
        return invalidField(QStringLiteral("untilAt"), QStringLiteral("lies in the past."));
    if (until > schedule.sentAt + FormSchedule::kMaxSpanDays * day)
        return invalidField(QStringLiteral("untilAt"),
                            QStringLiteral("may lie at most %1 days ahead.").arg(FormSchedule::kMaxSpanDays));
    const qint64 count = (until - schedule.sentAt) / (every * day) + 1;
    if (count > FormSchedule::kMaxOccasions)
        return invalidField(QStringLiteral("everyDays"),
                            QStringLiteral("gives %1 occasions until untilAt; at most %2 are allowed.")
                                .arg(count)
                                .arg(FormSchedule::kMaxOccasions));
    const qint64 dueAfter = qMin(schedule.dueInDays, every) * day;
    QList<FormOccasion> occasions;
    for (qint64 k = 0; k < count; ++k) {
        const qint64 available = schedule.sentAt + k * every * day;
        occasions.append({int(k + 1), available, available + dueAfter});
    }
    return occasions;
}

} // namespace nara::forms
