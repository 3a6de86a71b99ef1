#pragma once

#include "foundation/core/error.h"

#include <QList>

#include <optional>

namespace nara::forms {

// When a form is to be answered (docs/api/contract.md, "Forms"): once, available now and due
// `dueInDays` later; or every `everyDays` days until `untilAt`, each occasion due
// min(dueInDays, everyDays) days after it became available. Pure: the caller passes "now".
struct FormSchedule
{
    static constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
    static constexpr int kDefaultDueInDays = 7;
    static constexpr int kMaxDueInDays = 30;
    static constexpr int kMaxEveryDays = 90;
    static constexpr qint64 kMaxSpanDays = 365; // untilAt at most this far ahead
    static constexpr int kMaxOccasions = 60;

    qint64 sentAt = 0;
    int dueInDays = kDefaultDueInDays;
    std::optional<int> everyDays;
    std::optional<qint64> untilAt;
};

struct FormOccasion
{
    int number = 1; // 1-based
    qint64 availableAt = 0;
    qint64 dueAt = 0;
    bool operator==(const FormOccasion &) const = default;
};

// The occasions of a schedule, first to last. InvalidInput naming the field (details {"field"})
// when a value is out of range, `untilAt` is missing with `everyDays` (or given without it), lies
// before `sentAt` or more than 365 days after it, or the schedule has more than 60 occasions.
Result<QList<FormOccasion>> formOccasions(const FormSchedule &schedule);

} // namespace nara::forms
