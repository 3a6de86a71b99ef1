#include "monitoring/core/phonenumber.h"

namespace nara::monitoring {

std::optional<QString> nationalPhoneNumber(const QString &text)
{
    QString digits;
    bool plus = false;
    for (const QChar c : text.trimmed()) {
        if (c.isDigit() && c.unicode() < 0x80)
            digits.append(c);
        else if (c == u'+' && digits.isEmpty() && !plus)
            plus = true;
        else if (c != u' ' && c != u'-' && c != u'.' && c != u'/' && c != u'(' && c != u')')
            return std::nullopt;
    }
    if (plus) {
        if (!digits.startsWith(u"46"))
            return std::nullopt; // another country
        digits = u'0' + digits.mid(2);
    } else if (digits.startsWith(u"0046")) {
        digits = u'0' + digits.mid(4);
    } else if (digits.startsWith(u"46") && digits.size() >= 10) {
        digits = u'0' + digits.mid(2); // 46701234567, the international form without "+"
    } else if (digits.startsWith(u"00")) {
        return std::nullopt; // another country
    }
    // "+46 (0)70…" leaves a second zero.
    if (digits.startsWith(u"00"))
        digits.remove(0, 1);
    if (!digits.startsWith(u'0') || digits.size() < 7 || digits.size() > 15)
        return std::nullopt;
    return digits;
}

} // namespace nara::monitoring
