#include "forms/core/trend.h"

#include "forms/core/score.h"

#include <cstdlib>

namespace nara::forms {

int clinicallyRelevantChange(const QString &instrument)
{
    if (instrument == u"gad-7")
        return 4;
    if (instrument == u"phq-9")
        return 5;
    return 2; // pain 0–10
}

Trend trend(const Score &previous, const Score &current)
{
    Trend result;
    result.change = current.total - previous.total;
    result.relevantChange = clinicallyRelevantChange(current.instrument);
    if (previous.instrument != current.instrument || std::abs(result.change) < result.relevantChange)
        result.direction = TrendDirection::Unchanged;
    else
        result.direction = result.change < 0 ? TrendDirection::Improved : TrendDirection::Worsened;
    return result;
}

} // namespace nara::forms
