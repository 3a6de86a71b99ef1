#include "referrals/core/dermatologycatalog.h"

#include <algorithm>

namespace nara::referrals {

namespace {

// SNOMED CT laterality, post-coordinated in compositional grammar (FHIR allows an expression as the
// code of http://snomed.info/sct): <site>:272741003=7771000 is the left one, =24028007 the right.
QString left(const char *site)
{
    return QString::fromLatin1(site) + QStringLiteral(":272741003=7771000");
}

QString right(const char *site)
{
    return QString::fromLatin1(site) + QStringLiteral(":272741003=24028007");
}

QString plain(const char *site)
{
    return QString::fromLatin1(site);
}

QList<BodySite> makeBodySites()
{
    // Body structures as in the SNOMED CT international edition (checked against the FHIR
    // dermatology body-site value set expanded by tx.fhir.org and the pressure-ulcer skin-site list).
    const QString front = QStringLiteral("front");
    const QString back = QStringLiteral("back");
    return {
        {plain("41695006"), QStringLiteral("Hårbotten"), back},
        {plain("52795006"), QStringLiteral("Panna"), front},
        {plain("89545001"), QStringLiteral("Ansikte"), front},
        {plain("45206002"), QStringLiteral("Näsa"), front},
        {plain("48477009"), QStringLiteral("Läpp"), front},
        {plain("30291003"), QStringLiteral("Haka"), front},
        {right("60819002"), QStringLiteral("Höger kind"), front},
        {left("60819002"), QStringLiteral("Vänster kind"), front},
        {right("1910005"), QStringLiteral("Höger öra"), front},
        {left("1910005"), QStringLiteral("Vänster öra"), front},
        {plain("45048000"), QStringLiteral("Hals"), front},
        {plain("51185008"), QStringLiteral("Bröstkorg"), front},
        {plain("818983003"), QStringLiteral("Buk"), front},
        {plain("77568009"), QStringLiteral("Rygg"), back},
        {plain("22180002"), QStringLiteral("Säte"), back},
        {right("16982005"), QStringLiteral("Höger axel"), back},
        {left("16982005"), QStringLiteral("Vänster axel"), back},
        {right("40983000"), QStringLiteral("Höger överarm"), front},
        {left("40983000"), QStringLiteral("Vänster överarm"), front},
        {right("14975008"), QStringLiteral("Höger underarm"), front},
        {left("14975008"), QStringLiteral("Vänster underarm"), front},
        {right("85562004"), QStringLiteral("Höger hand"), front},
        {left("85562004"), QStringLiteral("Vänster hand"), front},
        {right("7569003"), QStringLiteral("Finger, höger hand"), front},
        {left("7569003"), QStringLiteral("Finger, vänster hand"), front},
        {right("68367000"), QStringLiteral("Höger lår"), front},
        {left("68367000"), QStringLiteral("Vänster lår"), front},
        {right("72696002"), QStringLiteral("Höger knä"), front},
        {left("72696002"), QStringLiteral("Vänster knä"), front},
        {right("30021000"), QStringLiteral("Höger underben"), back},
        {left("30021000"), QStringLiteral("Vänster underben"), back},
        {right("56459004"), QStringLiteral("Höger fot"), front},
        {left("56459004"), QStringLiteral("Vänster fot"), front},
        {right("29707007"), QStringLiteral("Tå, höger fot"), front},
        {left("29707007"), QStringLiteral("Tå, vänster fot"), front},
    };
}

QList<CodedConcept> makeDiagnoses()
{
    // ICD-10 (WHO; the same codes in ICD-10-SE) for what primary care commonly sends to dermatology.
    QList<CodedConcept> codes{
        {QStringLiteral("B07"), QStringLiteral("Virusvårtor")},
        {QStringLiteral("B35.4"), QStringLiteral("Tinea corporis (revorm på kroppen)")},
        {QStringLiteral("B36.0"), QStringLiteral("Pityriasis versicolor")},
        {QStringLiteral("C43.9"), QStringLiteral("Malignt melanom i huden, ospecificerat")},
        {QStringLiteral("C44.9"), QStringLiteral("Annan malign tumör i huden (basalcells- eller skivepitelcancer)")},
        {QStringLiteral("D03.9"), QStringLiteral("Melanom in situ")},
        {QStringLiteral("D04.9"), QStringLiteral("Cancer in situ i huden (t.ex. Bowens sjukdom)")},
        {QStringLiteral("D18.0"), QStringLiteral("Hemangiom")},
        {QStringLiteral("D22.9"), QStringLiteral("Melanocytärt nevus (födelsemärke)")},
        {QStringLiteral("D23.9"), QStringLiteral("Annan godartad tumör i huden")},
        {QStringLiteral("D48.5"), QStringLiteral("Tumör av osäker natur i huden")},
        {QStringLiteral("L20.9"), QStringLiteral("Atopiskt eksem")},
        {QStringLiteral("L21.9"), QStringLiteral("Seborroiskt eksem")},
        {QStringLiteral("L23.9"), QStringLiteral("Allergiskt kontakteksem")},
        {QStringLiteral("L24.9"), QStringLiteral("Irritativt kontakteksem")},
        {QStringLiteral("L30.9"), QStringLiteral("Dermatit (eksem), ospecificerad")},
        {QStringLiteral("L40.0"), QStringLiteral("Psoriasis vulgaris")},
        {QStringLiteral("L43.9"), QStringLiteral("Lichen planus")},
        {QStringLiteral("L50.9"), QStringLiteral("Urtikaria")},
        {QStringLiteral("L57.0"), QStringLiteral("Aktinisk keratos")},
        {QStringLiteral("L70.0"), QStringLiteral("Acne vulgaris")},
        {QStringLiteral("L71.9"), QStringLiteral("Rosacea")},
        {QStringLiteral("L72.0"), QStringLiteral("Epidermal cysta")},
        {QStringLiteral("L80"), QStringLiteral("Vitiligo")},
        {QStringLiteral("L81.4"), QStringLiteral("Annan melaninpigmentering (t.ex. lentigo)")},
        {QStringLiteral("L82"), QStringLiteral("Seborroisk keratos")},
        {QStringLiteral("L90.5"), QStringLiteral("Ärr och fibros i huden")},
        {QStringLiteral("L91.0"), QStringLiteral("Keloid")},
        {QStringLiteral("L98.0"), QStringLiteral("Pyogent granulom")},
        {QStringLiteral("L98.9"), QStringLiteral("Sjukdom i huden, ospecificerad")},
    };
    std::ranges::sort(codes, {}, &CodedConcept::code);
    return codes;
}

} // namespace

const QList<BodySite> &bodySites()
{
    static const QList<BodySite> sites = makeBodySites();
    return sites;
}

std::optional<BodySite> bodySiteByCode(const QString &code)
{
    for (const BodySite &site : bodySites()) {
        if (site.code == code)
            return site;
    }
    return std::nullopt;
}

const QList<CodedConcept> &dermatologyDiagnoses()
{
    static const QList<CodedConcept> codes = makeDiagnoses();
    return codes;
}

std::optional<CodedConcept> diagnosisByCode(const QString &code)
{
    for (const CodedConcept &entry : dermatologyDiagnoses()) {
        if (entry.code == code)
            return entry;
    }
    return std::nullopt;
}

const QStringList &managementCodes()
{
    static const QStringList codes{QStringLiteral("none"), QStringLiteral("follow_up"),
                                   QStringLiteral("excision_care_centre"), QStringLiteral("excision_dermatology"),
                                   QStringLiteral("cancer_pathway")};
    return codes;
}

QString managementDisplay(const QString &code)
{
    if (code == u"none")
        return QStringLiteral("Ingen åtgärd");
    if (code == u"follow_up")
        return QStringLiteral("Uppföljning");
    if (code == u"excision_care_centre")
        return QStringLiteral("Excision på vårdcentralen");
    if (code == u"excision_dermatology")
        return QStringLiteral("Excision på hudmottagningen");
    if (code == u"cancer_pathway")
        return QStringLiteral("Standardiserat vårdförlopp (SVF) för hudcancer");
    return {};
}

const QStringList &imageViewCodes()
{
    static const QStringList codes{QStringLiteral("overview"), QStringLiteral("close_up"),
                                   QStringLiteral("dermoscopy")};
    return codes;
}

QString imageViewDisplay(const QString &code)
{
    if (code == u"overview")
        return QStringLiteral("Översikt");
    if (code == u"close_up")
        return QStringLiteral("Närbild");
    if (code == u"dermoscopy")
        return QStringLiteral("Dermatoskopi");
    return {};
}

} // namespace nara::referrals
