#pragma once

#include <QString>
#include <QStringList>

namespace nara::forms {

// A text in Nära's two languages. In the FHIR JSON the plain field (`text`, `display`, `title`)
// is Swedish, the resource's `language` being "sv"; English comes in the field's primitive
// extension (`_text`) as the FHIR translation extension with lang "en". A language whose
// wording is still to be verified against an official version is listed in
// `awaitingVerification` (the Nära extension kAwaitingVerificationUrl on the element).
struct LocalizedText
{
    QString sv;
    QString en;
    QStringList awaitingVerification; // "sv" and/or "en"

    // The text in `language` ("sv" or "en"), falling back to the other language when missing.
    QString text(QStringView language) const;
    bool isVerified(QStringView language) const { return !awaitingVerification.contains(language); }
};

} // namespace nara::forms
