#pragma once

#include <QString>

namespace nara::forms {

struct Score;

enum class TrendDirection { Improved, Unchanged, Worsened };

// The change between two scores of the same instrument. Higher totals are worse for every bundled
// instrument, so a fall is an improvement. A change counts as clinically relevant from:
//  - GAD-7: 4 points (the instruments file: "a fall of 4 points is regarded as a clinically
//    relevant change"; a rise of 4 is treated alike);
//  - PHQ-9: 5 points (Löwe B et al., Monitoring depression treatment outcomes with the PHQ-9,
//    Med Care 2004;42(12):1194-201; not from the instruments file);
//  - pain on the 0–10 scale (physiotherapy, pre-visit): 2 points (Farrar JT et al., Pain
//    2001;94(2):149-58).
// A change smaller than that is Unchanged, whatever its sign.
struct Trend
{
    int change = 0; // current total − previous total
    int relevantChange = 0; // the instrument's threshold
    TrendDirection direction = TrendDirection::Unchanged;
    bool clinicallyRelevant() const { return direction != TrendDirection::Unchanged; }
};

int clinicallyRelevantChange(const QString &instrument);
Trend trend(const Score &previous, const Score &current);

} // namespace nara::forms
