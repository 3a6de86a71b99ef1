#include "monitoring/core/smsparser.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace nara::monitoring {

namespace {

struct Keyword
{
    QString pattern; // regular expression alternatives, lower case
    MeasurementType type;
};

const QList<Keyword> &keywords()
{
    // Longer alternatives first: the regular expression takes the first that matches.
    static const QList<Keyword> list{
        {u"blodtrycket|blodtryck|bt"_s, MeasurementType::BloodPressure},
        {u"hjärtfrekvens|pulsen|puls|hf|p"_s, MeasurementType::Pulse},
        {u"p-glukos|blodsockret|blodsocker|glukos|socker|bs"_s, MeasurementType::Glucose},
        {u"vikten|vikt"_s, MeasurementType::Weight},
        {u"syremättnaden|syremättnad|saturationen|saturation|mättnad|spo2|sat|syre"_s, MeasurementType::SpO2},
        {u"peak\\s*flow|pef"_s, MeasurementType::PeakFlow},
        {u"temperaturen|temperatur|tempen|temp|feber"_s, MeasurementType::Temperature},
    };
    return list;
}

QString number()
{
    return u"[-−]?\\d+(?:[.,]\\d+)?"_s;
}

// \G anchors at the offset given to match(): one item is a keyword at a word start, an optional
// ":" "=" "är" "på", the value (two with "/" for blood pressure), an optional unit.
const QRegularExpression &itemExpression()
{
    static const QRegularExpression re = [] {
        QStringList alternatives;
        for (qsizetype i = 0; i < keywords().size(); ++i)
            alternatives << u"(?<k%1>%2)"_s.arg(i).arg(keywords().at(i).pattern);
        const QString pattern = u"\\G(?:%1)(?!\\p{L})"_s.arg(alternatives.join(u'|'))
            + u"(?:\\s*[:=]\\s*|\\s+(?:är|var|på|idag)\\s*[:=]?\\s*|\\s*)"_s
            + u"(?<a>%1)(?:\\s*/\\s*(?<b>%1))?"_s.arg(number())
            + u"(?<unit>\\s*(?:mm\\s*hg|mmol/l|mmol|kg|%|/min|slag/min|bpm|l/min|°\\s*c|°|grader|c)(?!\\p{L}))?"_s;
        return QRegularExpression(
            pattern, QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    }();
    return re;
}

const QRegularExpression &letterOrDigit()
{
    static const QRegularExpression re(u"[\\p{L}\\p{N}]"_s, QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'-';
}

std::unexpected<Error> refuse(SmsParser::Problem problem, const QString &message, const QString &text = {})
{
    QJsonObject details{{u"problem"_s, SmsParser::problemKey(problem)}};
    if (!text.isEmpty())
        details.insert(u"text"_s, text.left(40));
    return fail(problem == SmsParser::Problem::TooLong ? ErrorCode::PayloadTooLarge : ErrorCode::InvalidInput, message,
                details);
}

double toNumber(QString text)
{
    text.replace(u',', u'.');
    text.replace(u'−', u'-');
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? value : qQNaN();
}

} // namespace

QString SmsParser::problemKey(Problem problem)
{
    switch (problem) {
    case Problem::NotUnderstood: return u"notUnderstood"_s;
    case Problem::Incomplete: return u"incomplete"_s;
    case Problem::Implausible: return u"implausible"_s;
    case Problem::TooLong: return u"tooLong"_s;
    }
    return {};
}

std::optional<SmsParser::Problem> SmsParser::problemOf(const Error &error)
{
    const QString key = error.details.value(u"problem"_s).toString();
    for (Problem p : {Problem::NotUnderstood, Problem::Incomplete, Problem::Implausible, Problem::TooLong}) {
        if (problemKey(p) == key)
            return p;
    }
    return std::nullopt;
}

QString SmsParser::helpText()
{
    return u"Skriv t.ex. BT 145/92 puls 78, vikt 82,5, blodsocker 7,9, sat 94, PEF 420, temp 38,2. "
           "Flera värden i samma sms går bra."_s;
}

Result<SmsReport> SmsParser::parse(const QString &message, const QDateTime &receivedAt)
{
    if (message.size() > kMaxLength) {
        return refuse(Problem::TooLong,
                      u"Meddelandet är för långt (%1 tecken, högst %2)."_s.arg(message.size()).arg(kMaxLength));
    }
    // Control characters (line breaks, tabs, NUL) separate words like a space.
    QString text = message;
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = u' ';
    }

    SmsReport report;
    QString rest;
    qsizetype i = 0;
    while (i < text.size()) {
        const bool wordStart = i == 0 || !isWordChar(text.at(i - 1));
        const QRegularExpressionMatch m = wordStart ? itemExpression().match(text, i) : QRegularExpressionMatch();
        if (!m.hasMatch()) {
            // Not a measurement here: the character belongs to the remark (a whole word at once, so
            // "p" inside "plötsligt" is never a keyword).
            qsizetype end = i + 1;
            if (isWordChar(text.at(i))) {
                while (end < text.size() && isWordChar(text.at(end)))
                    ++end;
            }
            rest += text.mid(i, end - i);
            i = end;
            continue;
        }
        MeasurementType type = MeasurementType::Pulse;
        for (qsizetype k = 0; k < keywords().size(); ++k) {
            if (m.capturedStart(u"k%1"_s.arg(k)) >= 0)
                type = keywords().at(k).type;
        }
        const MeasurementTypeInfo &t = info(type);
        const QString written = m.captured(0).trimmed();
        QList<double> values{toNumber(m.captured(u"a"_s))};
        if (m.capturedStart(u"b"_s) >= 0)
            values << toNumber(m.captured(u"b"_s));
        if (values.size() != t.quantities.size()) {
            const QString expected = type == MeasurementType::BloodPressure
                ? u"Blodtryck skrivs med övre och undre värde, t.ex. BT 145/92."_s
                : u"%1 skrivs med ett värde."_s.arg(t.nameSv);
            return refuse(Problem::Incomplete, u"Förstod inte ”%1”. %2"_s.arg(written.left(40), expected), written);
        }
        auto measurement = Measurement::create(type, values, receivedAt, MeasurementSource::Sms);
        if (!measurement)
            return refuse(Problem::Implausible,
                          u"Kontrollera ”%1”: %2"_s.arg(written.left(40), measurement.error().message), written);
        report.measurements.append(*measurement);
        rest += u' ';
        i = m.capturedEnd(0);
    }

    if (report.measurements.isEmpty())
        return refuse(Problem::NotUnderstood, u"Förstod inte meddelandet. "_s + helpText());

    // The remark: what is left, without the commas and "och" that joined the values.
    static const QRegularExpression joiners(
        u"^[\\s\\p{P}]*(?:och\\b[\\s\\p{P}]*)?|(?:[\\s\\p{P}]*\\boch)?[\\s,;:.!-]*$"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    QString remark = rest.simplified();
    remark.remove(joiners);
    remark = remark.simplified();
    if (remark.contains(letterOrDigit()))
        report.remark = remark;
    return report;
}

} // namespace nara::monitoring
