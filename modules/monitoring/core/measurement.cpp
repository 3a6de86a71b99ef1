#include "monitoring/core/measurement.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace nara::monitoring {

namespace {

QJsonObject quantityJson(Quantity quantity, double value)
{
    const QuantityInfo &q = info(quantity);
    return QJsonObject{{u"value"_s, value}, {u"unit"_s, q.unitText}, {u"system"_s, ucumSystem()}, {u"code"_s, q.ucum}};
}

QJsonObject codeJson(const QString &loinc, const QString &display)
{
    return QJsonObject{
        {u"coding"_s,
         QJsonArray{QJsonObject{{u"system"_s, loincSystem()}, {u"code"_s, loinc}, {u"display"_s, display}}}},
        {u"text"_s, display}};
}

QJsonArray interpretationJson(Interpretation interpretation)
{
    return QJsonArray{QJsonObject{
        {u"coding"_s,
         QJsonArray{QJsonObject{{u"system"_s, u"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"_s},
                                {u"code"_s, interpretationCode(interpretation)}}}}}};
}

} // namespace

QString sourceKey(MeasurementSource source)
{
    switch (source) {
    case MeasurementSource::Portal: return u"portal"_s;
    case MeasurementSource::Sms: return u"sms"_s;
    case MeasurementSource::Staff: return u"staff"_s;
    }
    return {};
}

std::optional<MeasurementSource> sourceFromKey(const QString &key)
{
    for (MeasurementSource s : {MeasurementSource::Portal, MeasurementSource::Sms, MeasurementSource::Staff}) {
        if (sourceKey(s) == key)
            return s;
    }
    return std::nullopt;
}

QString interpretationCode(Interpretation interpretation)
{
    switch (interpretation) {
    case Interpretation::Normal: return u"N"_s;
    case Interpretation::High: return u"H"_s;
    case Interpretation::Low: return u"L"_s;
    case Interpretation::CriticalHigh: return u"HH"_s;
    case Interpretation::CriticalLow: return u"LL"_s;
    }
    return {};
}

Result<void> Measurement::checkPlausible(Quantity quantity, double value)
{
    const QuantityInfo &q = info(quantity);
    if (!std::isfinite(value) || value < q.plausibleMin || value > q.plausibleMax) {
        const QString shown = std::isfinite(value) ? formatSv(value, 2) : u"?"_s;
        return fail(ErrorCode::InvalidInput,
                    u"%1 %2 %3 är inte rimligt (%4–%5 %3)."_s.arg(q.nameSv, shown, q.unitText,
                                                                  formatSv(q.plausibleMin, q.decimals),
                                                                  formatSv(q.plausibleMax, q.decimals)),
                    QJsonObject{{u"quantity"_s, q.key}, {u"min"_s, q.plausibleMin}, {u"max"_s, q.plausibleMax}});
    }
    return {};
}

Result<Measurement> Measurement::create(MeasurementType type, const QList<double> &values, const QDateTime &at,
                                        MeasurementSource source)
{
    const MeasurementTypeInfo &t = info(type);
    if (values.size() != t.quantities.size()) {
        return fail(ErrorCode::InvalidInput,
                    u"%1 behöver %2 värde(n), inte %3."_s.arg(t.nameSv).arg(t.quantities.size()).arg(values.size()));
    }
    if (!at.isValid())
        return fail(ErrorCode::InvalidInput, u"Mätningen saknar tidpunkt."_s);
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (auto ok = checkPlausible(t.quantities.at(i), values.at(i)); !ok)
            return std::unexpected(ok.error());
    }
    if (type == MeasurementType::BloodPressure && values.at(1) >= values.at(0)) {
        return fail(ErrorCode::InvalidInput,
                    u"Blodtryck %1/%2: det undre (diastoliska) värdet måste vara lägre än det övre (systoliska)."_s.arg(
                        formatSv(values.at(0), 0), formatSv(values.at(1), 0)),
                    QJsonObject{{u"quantity"_s, u"diastolic"_s}});
    }
    Measurement m;
    m.m_type = type;
    m.m_values = values;
    m.m_at = at.toUTC();
    m.m_source = source;
    return m;
}

double Measurement::value(Quantity quantity) const
{
    const qsizetype i = info(m_type).quantities.indexOf(quantity);
    return i < 0 ? qQNaN() : m_values.at(i);
}

QString Measurement::displayTextSv() const
{
    const QList<Quantity> qs = quantities();
    QStringList parts;
    for (qsizetype i = 0; i < qs.size(); ++i)
        parts << formatSv(m_values.at(i), info(qs.at(i)).decimals);
    return parts.join(u'/') + u' ' + info(qs.first()).unitText;
}

QJsonObject Measurement::toObservation(const QString &id, const QString &patientReference,
                                       const QList<Interpretation> &interpretations) const
{
    const MeasurementTypeInfo &t = info(m_type);
    QJsonObject o{
        {u"resourceType"_s, u"Observation"_s},
        {u"status"_s, u"final"_s},
        {u"category"_s,
         QJsonArray{QJsonObject{
             {u"coding"_s,
              QJsonArray{QJsonObject{{u"system"_s, u"http://terminology.hl7.org/CodeSystem/observation-category"_s},
                                     {u"code"_s, u"vital-signs"_s},
                                     {u"display"_s, u"Vital Signs"_s}}}}}}},
        {u"code"_s, codeJson(t.loinc, t.loincDisplay)},
        {u"effectiveDateTime"_s, m_at.toString(Qt::ISODate)},
        // Who entered it; FHIR has no field of its own for the channel, so a Nära extension.
        {u"extension"_s,
         QJsonArray{QJsonObject{{u"url"_s, u"https://nara.se/fhir/StructureDefinition/measurement-source"_s},
                                {u"valueCode"_s, sourceKey(m_source)}}}},
    };
    if (!id.isEmpty())
        o.insert(u"id"_s, id);
    if (!patientReference.isEmpty())
        o.insert(u"subject"_s, QJsonObject{{u"reference"_s, patientReference}});
    auto judged = [&](qsizetype i) {
        return i < interpretations.size() && interpretations.at(i) != Interpretation::Normal;
    };
    if (t.quantities.size() == 1) {
        o.insert(u"valueQuantity"_s, quantityJson(t.quantities.first(), m_values.first()));
        if (judged(0))
            o.insert(u"interpretation"_s, interpretationJson(interpretations.first()));
    } else {
        QJsonArray components;
        for (qsizetype i = 0; i < t.quantities.size(); ++i) {
            const QuantityInfo &q = info(t.quantities.at(i));
            QJsonObject c{{u"code"_s, codeJson(q.loinc, q.loincDisplay)},
                          {u"valueQuantity"_s, quantityJson(t.quantities.at(i), m_values.at(i))}};
            if (judged(i))
                c.insert(u"interpretation"_s, interpretationJson(interpretations.at(i)));
            components.append(c);
        }
        o.insert(u"component"_s, components);
    }
    return o;
}

} // namespace nara::monitoring
