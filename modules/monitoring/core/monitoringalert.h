#pragma once

#include "monitoring/core/measurement.h"
#include "monitoring/core/thresholds.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace nara::monitoring {

// What raised an alert: a value beyond a threshold, a measurement overdue for its plan, or a
// patient's remark that came with a report.
enum class AlertKind { Value, Overdue, Remark };
QString alertKindKey(AlertKind kind); // "value", "overdue", "remark"

// One quantity beyond one limit, with the reason in both languages:
// "Systoliskt blodtryck 182 mmHg ≥ 180 (röd gräns)" / "Systolic blood pressure 182 mmHg ≥ 180 (red limit)".
struct ThresholdFinding
{
    Quantity quantity = Quantity::Systolic;
    double value = 0;
    ThresholdCrossing crossing;
    QString reasonSv() const;
    QString reasonEn() const;
};

// A deviation for the nurse's inbox (an inbox item of kind `alert`). Severity red → inbox
// priority and DetectedIssue severity high, orange → moderate.
struct MonitoringAlert
{
    Tier severity = Tier::Orange;
    AlertKind kind = AlertKind::Value;
    QString reasonSv;
    QString reasonEn;
    QDateTime identifiedAt;
    std::optional<Measurement> measurement; // kind value (and remark, when it came with one)
    QList<ThresholdFinding> findings; // kind value: every limit crossed, most severe first
    std::optional<MeasurementType> overdueType; // kind overdue
    QString remark; // kind remark: the patient's words

    QString severityCode() const; // "high" | "moderate"

    // FHIR R4 DetectedIssue: status final, severity, code (kind, Nära code system), detail (the
    // Swedish reason; the English one in an extension), identifiedDateTime, patient, implicated:
    // `observationReference` if given, else the measurement as a contained Observation "#measurement".
    QJsonObject toDetectedIssue(const QString &id = {}, const QString &patientReference = {},
                                const QString &observationReference = {}) const;
};

} // namespace nara::monitoring
