#include "demo/core/demotexts.h"

namespace nara::demo {

namespace {

QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(u'|');
}

} // namespace

const QStringList &womenNames()
{
    static const QStringList names = words("Anna|Eva|Maria|Karin|Sara|Kristina|Lena|Emma|Kerstin|Ingrid|Marie|Malin|"
                                           "Jenny|Birgitta|Inger|Linnéa|Elsa|Astrid|Maja|Alice|Ebba|Wilma|Agnes|"
                                           "Margareta|Ulla|Gunilla|Annika|Sofia|Johanna|Elin|Ida|Frida|Signe|Greta");
    return names;
}

const QStringList &menNames()
{
    static const QStringList names = words("Lars|Mikael|Anders|Johan|Erik|Per|Karl|Peter|Thomas|Jan|Daniel|Fredrik|"
                                           "Hans|Bengt|Mats|Magnus|Stefan|Gustav|Oskar|Lucas|William|Hugo|Elias|"
                                           "Nils|Olof|Gunnar|Sven|Björn|Axel|Viktor|Emil|Anton|Ali|Mohammed");
    return names;
}

const QStringList &surnames()
{
    static const QStringList names = words("Andersson|Johansson|Karlsson|Nilsson|Eriksson|Larsson|Olsson|Persson|"
                                           "Svensson|Gustafsson|Pettersson|Jonsson|Jansson|Hansson|Bengtsson|"
                                           "Jönsson|Lindberg|Jakobsson|Magnusson|Lindström|Olofsson|Lindqvist|"
                                           "Lindgren|Berg|Axelsson|Bergström|Lundberg|Lind|Lundgren|Mattsson|"
                                           "Berglund|Fredriksson|Sandberg|Henriksson|Ali|Hussein|Mohammadi|Nyström|"
                                           "Holm|Åberg|Ek|Sjöberg|Wallin|Engström|Håkansson|Falk|Strand");
    return names;
}

const QList<ThreadTemplate> &threadTemplates()
{
    static const QList<ThreadTemplate> templates{
        {"Bröstsmärta",
         "stat",
         "Bröstsmärta i vila – bedöm omgående",
         "gp",
         {QStringLiteral("Jag har haft tryck över bröstet i en halvtimme och det strålar ut i vänster arm."),
          QStringLiteral("Jag har ringt 112 nu.")},
         {QStringLiteral("Ring 112 direkt. Vänta inte på svar här."),
          QStringLiteral("Bra. Vi följer upp när du kommit hem från akuten.")}},
        {"Högt blodtryck vid egenmätning",
         "asap",
         "Systoliskt 182 ≥ 180 vid egenmätning",
         "nurse",
         {QStringLiteral("Mitt blodtryck var 182/104 i morse och 178/100 nu. Ska jag göra något?"),
          QStringLiteral("Ingen huvudvärk eller bröstsmärta. Jag tar medicinen som vanligt."),
          QStringLiteral("Okej, jag mäter igen i kväll.")},
         {QStringLiteral("Tack för att du hör av dig. Har du huvudvärk, synpåverkan eller bröstsmärta?"),
          QStringLiteral("Vila en stund och mät igen om en timme. Hör av dig direkt om värdet är över 180 igen."),
          QStringLiteral("Jag bokar en tid hos doktorn för att se över din medicinering.")}},
        {"Feber sedan fem dagar",
         "urgent",
         "Feber > 38,5 i mer än fem dagar",
         "nurse",
         {QStringLiteral("Jag har haft feber runt 38,8 sedan i fredags och hostar mycket."),
          QStringLiteral("Lite andfådd när jag går i trappor, annars okej."),
          QStringLiteral("Tack, jag kommer kl. 14.")},
         {QStringLiteral("Hej! Är du andfådd i vila eller när du rör dig?"),
          QStringLiteral("Vi vill undersöka dig i dag. Kan du komma kl. 14 till mottagningen?"),
          QStringLiteral("Välkommen. Ta med dig en lista över dina mediciner.")}},
        {"Förnyelse av recept",
         "routine",
         "Receptförnyelse, stående medicinering",
         "gp",
         {QStringLiteral("Hej, mitt recept på Levaxin går ut nästa vecka. Kan ni förnya det?"),
          QStringLiteral("Tack så mycket!")},
         {QStringLiteral("Hej! Receptet är förnyat och gäller ett år. Det finns på apoteket i morgon."),
          QStringLiteral("Kom ihåg att ta prover för TSH inför nästa förnyelse.")}},
        {"Fråga om provsvar",
         "routine",
         "Provsvar, patientfråga",
         "nurse",
         {QStringLiteral("Jag lämnade blodprover förra veckan. Har svaren kommit?"),
          QStringLiteral("Vad betyder det att järnvärdet är lite lågt?"), QStringLiteral("Tack för förklaringen.")},
         {QStringLiteral("Hej! Dina provsvar har kommit. Blodvärdet är normalt, järnvärdet är något lågt."),
          QStringLiteral(
              "Det kan ge trötthet. Doktorn föreslår järntabletter i tre månader och nya prover efter det.")}},
        {"Träningsprogram efter knäoperation",
         "routine",
         "Uppföljning fysioterapi, digitalt återbesök",
         "physio",
         {QStringLiteral("Knät är fortfarande svullet efter övningarna. Ska jag fortsätta?"),
          QStringLiteral("Jag klarar tio knäböj nu utan smärta."),
          QStringLiteral("Kan vi ha nästa återbesök via video?")},
         {QStringLiteral("Fortsätt, men minska antalet upprepningar till hälften i en vecka och kyl efteråt."),
          QStringLiteral("Vad bra! Jag lägger till balansövningar i ditt program."),
          QStringLiteral("Absolut, jag skickar en kallelse till ett videobesök.")}},
        {"Ont i ländryggen",
         "routine",
         "Ryggbesvär utan varningstecken",
         "physio",
         {QStringLiteral("Jag har haft ont i ländryggen i tre veckor. Det strålar inte ut i benen."),
          QStringLiteral("Övningarna hjälper lite.")},
         {QStringLiteral("Fortsätt röra på dig så gott det går. Jag skickar ett träningsprogram med fem övningar."),
          QStringLiteral("Fint. Hör av dig om du får domningar eller svaghet i benen.")}},
        {"Hudförändring som växer",
         "urgent",
         "Pigmenterad förändring med storleksökning",
         "gp",
         {QStringLiteral("Jag har ett födelsemärke på ryggen som har blivit större och mörkare."),
          QStringLiteral("Jag kan komma på torsdag.")},
         {QStringLiteral(
              "Vi vill titta på det. Kan du komma på torsdag så tar vi en bild och skickar till hudkliniken?"),
          QStringLiteral("Bra, välkommen på torsdag kl. 9.30.")}},
        {"Sjukintyg",
         "routine",
         "Förlängning av sjukskrivning",
         "gp",
         {QStringLiteral("Jag behöver ett förlängt intyg till Försäkringskassan."),
          QStringLiteral("Jag är fortfarande trött och kan inte arbeta heltid.")},
         {QStringLiteral("Hej! Hur mår du nu jämfört med förra månaden?"),
          QStringLiteral("Jag förlänger intyget med 25 procent i fyra veckor och bokar ett uppföljande samtal.")}},
        {"Yrsel på morgonen",
         "urgent",
         "Ny yrsel hos patient med blodtrycksmedicin",
         "nurse",
         {QStringLiteral("Jag blir yr när jag reser mig på morgonen sedan jag började med nya tabletter."),
          QStringLiteral("Jag har inte ramlat.")},
         {QStringLiteral("Res dig långsamt och drick ordentligt. Har du ramlat eller svimmat?"),
          QStringLiteral("Doktorn vill sänka dosen. Du får ett nytt recept i dag.")}},
        {"Vaccination inför resa",
         "routine",
         "Rådgivning vaccination",
         "nurse",
         {QStringLiteral("Vi ska resa till Thailand i mars. Vilka vaccinationer behöver vi?")},
         {QStringLiteral("Hej! Vi rekommenderar hepatit A och B. Boka en tid hos vaccinationsmottagningen.")}},
        {"Hemsjukvård: såromläggning",
         "urgent",
         "Sår med rodnad, hemsjukvårdspatient",
         "municipal_nurse",
         {QStringLiteral("Såret på underbenet har blivit rött och varmt runt kanterna."),
          QStringLiteral("Ingen feber.")},
         {QStringLiteral("Vi kommer i eftermiddag och tittar på såret. Har du feber?"),
          QStringLiteral("Jag har konsulterat vårdcentralens läkare; vi tar en odling och lägger om dagligen.")}},
        {"Oro för nedstämdhet",
         "asap",
         "PHQ-9 fråga 9 > 0",
         "gp",
         {QStringLiteral("Jag har mått dåligt länge och sover nästan ingenting."),
          QStringLiteral("Ja, jag kan prata i dag.")},
         {QStringLiteral("Tack för att du berättar. Kan vi ringa dig i dag för ett samtal?"),
          QStringLiteral("Doktorn ringer dig kl. 15. Om det blir värre innan dess: ring 112 eller 1177.")}},
    };
    return templates;
}

} // namespace nara::demo
