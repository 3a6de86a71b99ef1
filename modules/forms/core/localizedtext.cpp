#include "forms/core/localizedtext.h"

namespace nara::forms {

QString LocalizedText::text(QStringView language) const
{
    if (language == u"en")
        return en.isEmpty() ? sv : en;
    return sv.isEmpty() ? en : sv;
}

} // namespace nara::forms
