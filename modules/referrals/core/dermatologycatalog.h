#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The bundled vocabularies of dermatology referrals (issue 5): the body map's sites (SNOMED CT body
// structures), the common dermatological diagnoses (ICD-10), the managements a dermatologist can
// recommend and the kinds of image. The server validates against them; the workstation offers them.
// Displays are Swedish.

namespace nara::referrals {

inline constexpr auto kSnomedSystem = "http://snomed.info/sct";
inline constexpr auto kIcd10System = "http://hl7.org/fhir/sid/icd-10";

struct CodedConcept
{
    QString code;
    QString display; // Swedish
};

// A region of the body map. `view` is "front" or "back": which drawing of the body it is on.
// Sides are post-coordinated SNOMED CT expressions ("40983000:272741003=7771000" = upper arm, left),
// which FHIR allows as a code of http://snomed.info/sct; every code in the list is unique.
struct BodySite
{
    QString code; // SNOMED CT concept or expression
    QString display; // Swedish, e.g. "Vänster underarm"
    QString view; // front | back
};

const QList<BodySite> &bodySites();
std::optional<BodySite> bodySiteByCode(const QString &code);

// ICD-10 codes (with the dot, e.g. "C43.9"), ordered by code.
const QList<CodedConcept> &dermatologyDiagnoses();
std::optional<CodedConcept> diagnosisByCode(const QString &code);

// none | follow_up | excision_care_centre | excision_dermatology | cancer_pathway
const QStringList &managementCodes();
QString managementDisplay(const QString &code); // empty for an unknown code

// overview | close_up | dermoscopy
const QStringList &imageViewCodes();
QString imageViewDisplay(const QString &code); // empty for an unknown code

} // namespace nara::referrals
