#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace nara::monitoring {

// What a patient measures at home. Blood pressure is one measurement of two quantities (the FHIR
// panel 85354-9 with systolic and diastolic components); every other type is one quantity.
enum class MeasurementType { BloodPressure, Pulse, Glucose, Weight, SpO2, PeakFlow, Temperature };

// One measured number, the level at which thresholds and plausibility apply.
enum class Quantity { Systolic, Diastolic, Pulse, Glucose, Weight, SpO2, PeakFlow, Temperature };

struct QuantityInfo
{
    QString key; // stable JSON key: "systolic", "diastolic", "pulse", "glucose", "weight", "spo2", "pef", "temperature"
    QString loinc; // LOINC code
    QString loincDisplay;
    QString ucum; // UCUM unit code (system http://unitsofmeasure.org)
    QString unitText; // how people write the unit ("mmHg", "°C")
    QString nameSv; // "Systoliskt blodtryck"
    QString nameEn; // "Systolic blood pressure"
    double plausibleMin = 0; // physically possible range, inclusive; outside it a value is refused
    double plausibleMax = 0;
    int decimals = 0; // how many decimals are shown
};

struct MeasurementTypeInfo
{
    QString key; // "bloodPressure", "pulse", "glucose", "weight", "spo2", "pef", "temperature"
    QString loinc; // the Observation's code (the panel for blood pressure)
    QString loincDisplay;
    QString nameSv;
    QString nameEn;
    QList<Quantity> quantities; // in value order: systolic before diastolic
};

QString loincSystem(); // http://loinc.org
QString ucumSystem(); // http://unitsofmeasure.org

const QuantityInfo &info(Quantity quantity);
const MeasurementTypeInfo &info(MeasurementType type);
QList<MeasurementType> allMeasurementTypes();
QList<Quantity> allQuantities();

std::optional<MeasurementType> measurementTypeFromKey(const QString &key);
std::optional<Quantity> quantityFromKey(const QString &key);

// A number as Swedish text: decimal comma, the quantity's decimals, no digit grouping ("38,2").
QString formatSv(double value, int decimals);
QString formatEn(double value, int decimals);

} // namespace nara::monitoring
