#pragma once

#include <QList>
#include <QString>

namespace nara::forms {

// One severity band of an instrument's total, as forms_core's scoring rules cut it
// (core/score.cpp, the table in core/README.md): totals from..to inclusive have severity `code`.
// The trend chart shades them; tests/forms/tst_formresponsepane.cpp checks every total against
// score() so the two cannot drift apart.
struct SeverityBand
{
    int from = 0;
    int to = 0;
    QString code; // "minimal", "mild", … "pain-severe"
};

// The bands of an instrument ("phq-9", "gad-7", "physio-follow-up", "pre-visit-symptoms"), lowest
// first; empty for an instrument without bands.
QList<SeverityBand> severityBands(const QString &instrument);

} // namespace nara::forms
