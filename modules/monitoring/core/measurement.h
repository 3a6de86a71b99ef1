#pragma once

#include "foundation/core/error.h"
#include "monitoring/core/measurementtype.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace nara::monitoring {

// Who entered a measurement: the patient in the portal, the patient by SMS, or staff for them.
enum class MeasurementSource { Portal, Sms, Staff };

QString sourceKey(MeasurementSource source); // "portal", "sms", "staff"
std::optional<MeasurementSource> sourceFromKey(const QString &key);

// How a value compares with the thresholds, as FHIR's ObservationInterpretation codes
// (http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation): H, L, HH (critical high),
// LL (critical low). Orange gives H/L, red HH/LL.
enum class Interpretation { Normal, High, Low, CriticalHigh, CriticalLow };
QString interpretationCode(Interpretation interpretation); // "N", "H", "L", "HH", "LL"

// One reading at one time: one value, or systolic and diastolic for blood pressure. Made only
// by create(), so every Measurement is physically plausible.
class Measurement
{
public:
    // Refuses a wrong number of values, a value outside its plausible range ("Puls 900 /min är
    // inte rimligt (20–250 /min)") and a diastolic pressure not below the systolic.
    static Result<Measurement> create(MeasurementType type, const QList<double> &values, const QDateTime &at,
                                      MeasurementSource source);
    // The check alone, for one quantity.
    static Result<void> checkPlausible(Quantity quantity, double value);

    MeasurementType type() const { return m_type; }
    const QList<double> &values() const { return m_values; }
    // The value of one of the type's quantities (systolic/diastolic for blood pressure).
    double value(Quantity quantity) const;
    QList<Quantity> quantities() const { return info(m_type).quantities; }
    QDateTime at() const { return m_at; }
    MeasurementSource source() const { return m_source; }

    // "145/92 mmHg", "82,5 kg" (Swedish decimal comma).
    QString displayTextSv() const;

    // FHIR R4 Observation: status final, category vital-signs, LOINC code, effectiveDateTime,
    // valueQuantity (UCUM) or, for blood pressure, components. `interpretations` (one per
    // quantity, in quantities() order, or empty) adds `interpretation` where not Normal.
    QJsonObject toObservation(const QString &id = {}, const QString &patientReference = {},
                              const QList<Interpretation> &interpretations = {}) const;

    bool operator==(const Measurement &) const = default;

private:
    MeasurementType m_type = MeasurementType::Pulse;
    QList<double> m_values;
    QDateTime m_at;
    MeasurementSource m_source = MeasurementSource::Portal;
};

} // namespace nara::monitoring
