#pragma once

#include "foundation/core/error.h"
#include "monitoring/core/measurement.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace nara::monitoring {

// What an SMS said: the measurements, in the order written, and what else the patient wrote.
struct SmsReport
{
    QList<Measurement> measurements; // source sms, at the time received
    QString remark; // the words that were not a measurement, simplified; empty if none
};

// Reads what patients actually type (Swedish first): "BT 145/92 puls 78", "bt 145/92, p 78",
// "vikt 82,5 kg", "bs 7.9", "sat 94%", "temp 38,2 mår lite yr". Keywords are case-insensitive
// whole words, optionally followed by ":" "=" or "är"; decimals take a comma or a point; a unit
// after the value is optional. Several values in any order; the rest of the text is the remark.
//
// Keywords: blodtryck/bt → blood pressure (needs "övre/undre"); puls/p/hjärtfrekvens/hf → pulse;
// blodsocker/bs/glukos/socker/p-glukos → glucose (mmol/l); vikt/vikten → weight (kg);
// saturation/sat/syre/syremättnad/spo2/mättnad → SpO2 (%); pef/peakflow/peak flow → PEF (l/min);
// temp/temperatur/tempen/feber → temperature (°C).
class SmsParser
{
public:
    static constexpr qsizetype kMaxLength = 1000;

    // Why a message was refused, in Error::details["problem"].
    enum class Problem {
        NotUnderstood, // no measurement found: answer with helpText(), keep the message as chat
        Incomplete, // a keyword whose value is missing a part ("BT 145" without the diastolic)
        Implausible, // a value outside its physical range, or diastolic ≥ systolic: the error names it
        TooLong, // over kMaxLength characters
    };
    static QString problemKey(Problem problem); // "notUnderstood", "incomplete", "implausible", "tooLong"
    static std::optional<Problem> problemOf(const Error &error);

    // The measurements and remark, or an error with a Swedish message for the patient (InvalidInput;
    // PayloadTooLarge when too long) and details {"problem": ..., "text": the offending value}.
    static Result<SmsReport> parse(const QString &message, const QDateTime &receivedAt);

    // The answer to a message that was not understood; at most 160 characters (one SMS).
    static QString helpText();
};

} // namespace nara::monitoring
