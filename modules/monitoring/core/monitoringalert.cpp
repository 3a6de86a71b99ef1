#include "monitoring/core/monitoringalert.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace nara::monitoring {

QString alertKindKey(AlertKind kind)
{
    switch (kind) {
    case AlertKind::Value: return u"value"_s;
    case AlertKind::Overdue: return u"overdue"_s;
    case AlertKind::Remark: return u"remark"_s;
    }
    return {};
}

QString ThresholdFinding::reasonSv() const
{
    const QuantityInfo &q = info(quantity);
    return u"%1 %2 %3 %4 (%5 gräns)"_s.arg(q.nameSv, formatSv(value, q.decimals), q.unitText,
                                           crossing.limit.textSv(crossing.high, q.decimals),
                                           crossing.tier == Tier::Red ? u"röd"_s : u"orange"_s);
}

QString ThresholdFinding::reasonEn() const
{
    const QuantityInfo &q = info(quantity);
    return u"%1 %2 %3 %4 (%5 limit)"_s.arg(q.nameEn, formatEn(value, q.decimals), q.unitText,
                                           crossing.limit.textEn(crossing.high, q.decimals), tierKey(crossing.tier));
}

QString MonitoringAlert::severityCode() const
{
    return severity == Tier::Red ? u"high"_s : u"moderate"_s;
}

QJsonObject MonitoringAlert::toDetectedIssue(const QString &id, const QString &patientReference,
                                             const QString &observationReference) const
{
    QJsonObject o{
        {u"resourceType"_s, u"DetectedIssue"_s},
        {u"status"_s, u"final"_s},
        {u"severity"_s, severityCode()},
        {u"code"_s,
         QJsonObject{{u"coding"_s,
                      QJsonArray{QJsonObject{{u"system"_s, u"https://nara.se/fhir/CodeSystem/monitoring-alert-kind"_s},
                                             {u"code"_s, alertKindKey(kind)}}}}}},
        {u"detail"_s, reasonSv},
        {u"extension"_s,
         QJsonArray{QJsonObject{{u"url"_s, u"https://nara.se/fhir/StructureDefinition/detail-en"_s},
                                {u"valueString"_s, reasonEn}},
                    QJsonObject{{u"url"_s, u"https://nara.se/fhir/StructureDefinition/monitoring-tier"_s},
                                {u"valueCode"_s, tierKey(severity)}}}},
    };
    if (identifiedAt.isValid())
        o.insert(u"identifiedDateTime"_s, identifiedAt.toUTC().toString(Qt::ISODate));
    if (!id.isEmpty())
        o.insert(u"id"_s, id);
    if (!patientReference.isEmpty())
        o.insert(u"patient"_s, QJsonObject{{u"reference"_s, patientReference}});
    if (!observationReference.isEmpty()) {
        o.insert(u"implicated"_s, QJsonArray{QJsonObject{{u"reference"_s, observationReference}}});
    } else if (measurement) {
        QList<Interpretation> interpretations;
        for (Quantity q : measurement->quantities()) {
            Interpretation interpretation = Interpretation::Normal;
            for (const ThresholdFinding &f : findings) {
                if (f.quantity == q)
                    interpretation = f.crossing.interpretation();
            }
            interpretations << interpretation;
        }
        o.insert(u"contained"_s,
                 QJsonArray{measurement->toObservation(u"measurement"_s, patientReference, interpretations)});
        o.insert(u"implicated"_s, QJsonArray{QJsonObject{{u"reference"_s, u"#measurement"_s}}});
    }
    return o;
}

} // namespace nara::monitoring
