#include "monitoring/core/measurementtype.h"

using namespace Qt::StringLiterals;

namespace nara::monitoring {

namespace {

// Plausibility ranges: what a home device can show on a living person. They refuse typing
// mistakes ("puls 900"), not clinical extremes: those are what the thresholds are for.
const QList<QuantityInfo> &quantityTable()
{
    static const QList<QuantityInfo> table{
        {u"systolic"_s, u"8480-6"_s, u"Systolic blood pressure"_s, u"mm[Hg]"_s, u"mmHg"_s, u"Systoliskt blodtryck"_s,
         u"Systolic blood pressure"_s, 50, 300, 0},
        {u"diastolic"_s, u"8462-4"_s, u"Diastolic blood pressure"_s, u"mm[Hg]"_s, u"mmHg"_s, u"Diastoliskt blodtryck"_s,
         u"Diastolic blood pressure"_s, 20, 200, 0},
        {u"pulse"_s, u"8867-4"_s, u"Heart rate"_s, u"/min"_s, u"/min"_s, u"Puls"_s, u"Pulse"_s, 20, 250, 0},
        // 15074-8 is glucose in moles/volume: Swedish meters show mmol/L. (2339-0 is mass/volume.)
        {u"glucose"_s, u"15074-8"_s, u"Glucose [Moles/volume] in Blood"_s, u"mmol/L"_s, u"mmol/l"_s, u"Blodsocker"_s,
         u"Blood glucose"_s, 0.5, 50, 1},
        {u"weight"_s, u"29463-7"_s, u"Body weight"_s, u"kg"_s, u"kg"_s, u"Vikt"_s, u"Body weight"_s, 1, 400, 1},
        {u"spo2"_s, u"59408-5"_s, u"Oxygen saturation in Arterial blood by Pulse oximetry"_s, u"%"_s, u"%"_s,
         u"Syremättnad"_s, u"Oxygen saturation"_s, 50, 100, 0},
        {u"pef"_s, u"19935-6"_s, u"Maximum expiratory gas flow Respiratory system airway by Peak flow meter"_s,
         u"L/min"_s, u"l/min"_s, u"PEF"_s, u"Peak expiratory flow"_s, 30, 1000, 0},
        {u"temperature"_s, u"8310-5"_s, u"Body temperature"_s, u"Cel"_s, u"°C"_s, u"Kroppstemperatur"_s,
         u"Body temperature"_s, 30, 45, 1},
    };
    return table;
}

const QList<MeasurementTypeInfo> &typeTable()
{
    static const QList<MeasurementTypeInfo> table{
        {u"bloodPressure"_s,
         u"85354-9"_s,
         u"Blood pressure panel with all children optional"_s,
         u"Blodtryck"_s,
         u"Blood pressure"_s,
         {Quantity::Systolic, Quantity::Diastolic}},
        {u"pulse"_s, u"8867-4"_s, u"Heart rate"_s, u"Puls"_s, u"Pulse"_s, {Quantity::Pulse}},
        {u"glucose"_s,
         u"15074-8"_s,
         u"Glucose [Moles/volume] in Blood"_s,
         u"Blodsocker"_s,
         u"Blood glucose"_s,
         {Quantity::Glucose}},
        {u"weight"_s, u"29463-7"_s, u"Body weight"_s, u"Vikt"_s, u"Body weight"_s, {Quantity::Weight}},
        {u"spo2"_s,
         u"59408-5"_s,
         u"Oxygen saturation in Arterial blood by Pulse oximetry"_s,
         u"Syremättnad"_s,
         u"Oxygen saturation"_s,
         {Quantity::SpO2}},
        {u"pef"_s,
         u"19935-6"_s,
         u"Maximum expiratory gas flow Respiratory system airway by Peak flow meter"_s,
         u"PEF"_s,
         u"Peak expiratory flow"_s,
         {Quantity::PeakFlow}},
        {u"temperature"_s,
         u"8310-5"_s,
         u"Body temperature"_s,
         u"Kroppstemperatur"_s,
         u"Body temperature"_s,
         {Quantity::Temperature}},
    };
    return table;
}

} // namespace

QString loincSystem()
{
    return u"http://loinc.org"_s;
}

QString ucumSystem()
{
    return u"http://unitsofmeasure.org"_s;
}

const QuantityInfo &info(Quantity quantity)
{
    return quantityTable().at(static_cast<qsizetype>(quantity));
}

const MeasurementTypeInfo &info(MeasurementType type)
{
    return typeTable().at(static_cast<qsizetype>(type));
}

QList<MeasurementType> allMeasurementTypes()
{
    return {MeasurementType::BloodPressure, MeasurementType::Pulse, MeasurementType::Glucose,
            MeasurementType::Weight,        MeasurementType::SpO2,  MeasurementType::PeakFlow,
            MeasurementType::Temperature};
}

QList<Quantity> allQuantities()
{
    return {Quantity::Systolic, Quantity::Diastolic, Quantity::Pulse,    Quantity::Glucose,
            Quantity::Weight,   Quantity::SpO2,      Quantity::PeakFlow, Quantity::Temperature};
}

std::optional<MeasurementType> measurementTypeFromKey(const QString &key)
{
    for (MeasurementType type : allMeasurementTypes()) {
        if (info(type).key == key)
            return type;
    }
    return std::nullopt;
}

std::optional<Quantity> quantityFromKey(const QString &key)
{
    for (Quantity quantity : allQuantities()) {
        if (info(quantity).key == key)
            return quantity;
    }
    return std::nullopt;
}

QString formatEn(double value, int decimals)
{
    QString text = QString::number(value, 'f', decimals);
    if (text.contains(u'.')) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
    }
    return text;
}

QString formatSv(double value, int decimals)
{
    QString text = formatEn(value, decimals);
    text.replace(u'.', u',');
    return text;
}

} // namespace nara::monitoring
