#include "foundation/core/personnummer.h"

namespace nara {

int luhnCheckDigit(QStringView nineDigits)
{
    int sum = 0;
    for (qsizetype i = 0; i < nineDigits.size(); ++i) {
        int value = nineDigits.at(i).digitValue() * (i % 2 == 0 ? 2 : 1);
        sum += value > 9 ? value - 9 : value;
    }
    return (10 - sum % 10) % 10;
}

Result<PersonalIdentity> PersonalIdentity::parse(QStringView text, QDate today)
{
    const QString trimmed = text.trimmed().toString();
    QString digits;
    QChar separator;
    for (const QChar c : trimmed) {
        if (c.isDigit())
            digits.append(c);
        else if ((c == u'-' || c == u'+') && separator.isNull() && (digits.size() == 6 || digits.size() == 8))
            separator = c;
        else
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("A personal identity number has only digits and one '-' or '+'."));
    }
    if (digits.size() != 10 && digits.size() != 12)
        return fail(ErrorCode::InvalidInput, QStringLiteral("A personal identity number has 10 or 12 digits."));
    if (digits.size() == 12 && separator == u'+')
        return fail(ErrorCode::InvalidInput, QStringLiteral("'+' is only used with the 10-digit form."));

    if (digits.size() == 10) {
        // Century: the latest year not in the future; '+' means at least 100 years old.
        const int yy = QStringView(digits).left(2).toInt();
        int year = (today.year() / 100) * 100 + yy;
        if (year > today.year())
            year -= 100;
        if (separator == u'+')
            year -= 100;
        digits.prepend(QString::number(year / 100));
    }

    const QStringView tenDigits = QStringView(digits).mid(2);
    if (luhnCheckDigit(tenDigits.left(9)) != tenDigits.at(9).digitValue())
        return fail(ErrorCode::InvalidInput, QStringLiteral("The check digit is wrong."));

    const int year = QStringView(digits).left(4).toInt();
    const int month = QStringView(digits).mid(4, 2).toInt();
    int day = QStringView(digits).mid(6, 2).toInt();
    Kind kind = Kind::Personnummer;
    if (day > 60) {
        day -= 60;
        kind = Kind::Samordningsnummer;
    }
    const QDate birth(year, month, day);
    if (!birth.isValid())
        return fail(ErrorCode::InvalidInput, QStringLiteral("The date of birth is not a real date."));
    if (birth > today)
        return fail(ErrorCode::InvalidInput, QStringLiteral("The date of birth is in the future."));
    return PersonalIdentity(digits, kind);
}

QString PersonalIdentity::formatted() const
{
    return m_digits.left(8) + u'-' + m_digits.mid(8);
}

QString PersonalIdentity::masked() const
{
    return m_digits.left(8) + QStringLiteral("-****");
}

QDate PersonalIdentity::birthDate() const
{
    int day = m_digits.mid(6, 2).toInt();
    if (m_kind == Kind::Samordningsnummer)
        day -= 60;
    return QDate(m_digits.left(4).toInt(), m_digits.mid(4, 2).toInt(), day);
}

QString PersonalIdentity::fhirSystem() const
{
    return m_kind == Kind::Personnummer ? QStringLiteral("urn:oid:1.2.752.129.2.1.3.1")
                                        : QStringLiteral("urn:oid:1.2.752.129.2.1.3.3");
}

} // namespace nara
