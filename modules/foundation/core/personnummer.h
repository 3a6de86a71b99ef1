#pragma once

#include "foundation/core/error.h"

#include <QDate>
#include <QString>

namespace nara {

// A Swedish personal identity number (personnummer, Skatteverket SKV 704) or coordination number
// (samordningsnummer, day of birth + 60). Always stored in the 12-digit form YYYYMMDDNNNC.
class PersonalIdentity
{
public:
    enum class Kind { Personnummer, Samordningsnummer };

    // Accepts YYMMDD-NNNC, YYMMDD+NNNC (100 years or older), YYMMDDNNNC, YYYYMMDDNNNC and
    // YYYYMMDD-NNNC. `today` resolves the century of the short forms.
    static Result<PersonalIdentity> parse(QStringView text, QDate today);

    QString digits() const { return m_digits; } // 12 digits
    QString formatted() const; // YYYYMMDD-NNNC
    QString masked() const; // YYYYMMDD-****, for screens that need less
    Kind kind() const { return m_kind; }
    QDate birthDate() const;
    // FHIR identifier systems (REFERENCE.md §2).
    QString fhirSystem() const;

    bool operator==(const PersonalIdentity &other) const = default;

private:
    PersonalIdentity(QString digits, Kind kind)
        : m_digits(std::move(digits))
        , m_kind(kind)
    {
    }
    QString m_digits;
    Kind m_kind = Kind::Personnummer;
};

// The Luhn check digit over the ten-digit form's first nine digits.
int luhnCheckDigit(QStringView nineDigits);

} // namespace nara
