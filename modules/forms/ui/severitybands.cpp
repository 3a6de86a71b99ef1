#include "forms/ui/severitybands.h"

using namespace Qt::StringLiterals;

namespace nara::forms {

QList<SeverityBand> severityBands(const QString &instrument)
{
    if (instrument == u"phq-9") // Kroenke 2001: 5/10/15/20
        return {{0, 4, u"minimal"_s},
                {5, 9, u"mild"_s},
                {10, 14, u"moderate"_s},
                {15, 19, u"moderately-severe"_s},
                {20, 27, u"severe"_s}};
    if (instrument == u"gad-7") // Spitzer 2006: 5/10/15
        return {{0, 4, u"minimal"_s}, {5, 9, u"mild"_s}, {10, 14, u"moderate"_s}, {15, 21, u"severe"_s}};
    if (instrument == u"physio-follow-up" || instrument == u"pre-visit-symptoms") // pain 0–10
        return {{0, 0, u"pain-none"_s}, {1, 3, u"pain-mild"_s}, {4, 7, u"pain-moderate"_s}, {8, 10, u"pain-severe"_s}};
    return {};
}

} // namespace nara::forms
