#include "referrals/core/dermatologycatalog.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace nara::referrals;

// The bundled vocabularies: what the server validates against and the workstation offers.
class TestDermatologyCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bodySitesAreUniqueAndWellFormed()
    {
        // A SNOMED CT entry id, optionally refined with laterality (left 7771000, right 24028007).
        static const QRegularExpression shape(QStringLiteral("^\\d{6,18}(:272741003=(7771000|24028007))?$"));
        QSet<QString> codes;
        QSet<QString> displays;
        for (const BodySite &site : bodySites()) {
            QVERIFY2(shape.match(site.code).hasMatch(), qPrintable(site.code));
            QVERIFY(!site.display.isEmpty());
            QVERIFY(site.view == u"front" || site.view == u"back");
            codes.insert(site.code);
            displays.insert(site.display);
        }
        QCOMPARE(codes.size(), bodySites().size());
        QCOMPARE(displays.size(), bodySites().size());
        QVERIFY(bodySites().size() >= 20);
    }

    void sidesAreTold()
    {
        const auto leftArm = bodySiteByCode(QStringLiteral("40983000:272741003=7771000"));
        QVERIFY(leftArm);
        QCOMPARE(leftArm->display, QStringLiteral("Vänster överarm"));
        const auto rightArm = bodySiteByCode(QStringLiteral("40983000:272741003=24028007"));
        QVERIFY(rightArm);
        QCOMPARE(rightArm->display, QStringLiteral("Höger överarm"));
        QVERIFY(!bodySiteByCode(QStringLiteral("40983000"))); // the side must be chosen
        QVERIFY(!bodySiteByCode(QString()));
    }

    void diagnosesAreSortedIcd10WithSwedishNames()
    {
        static const QRegularExpression icd10(QStringLiteral("^[A-Z]\\d{2}(\\.\\d)?$"));
        QString previous;
        for (const CodedConcept &entry : dermatologyDiagnoses()) {
            QVERIFY2(icd10.match(entry.code).hasMatch(), qPrintable(entry.code));
            QVERIFY(!entry.display.isEmpty());
            QVERIFY2(previous < entry.code, qPrintable(entry.code));
            previous = entry.code;
        }
        QCOMPARE(diagnosisByCode(QStringLiteral("C43.9"))->display,
                 QStringLiteral("Malignt melanom i huden, ospecificerat"));
        QVERIFY(!diagnosisByCode(QStringLiteral("C43")));
        QVERIFY(!diagnosisByCode(QStringLiteral("c43.9")));
    }

    void managementsAndViewsHaveDisplays()
    {
        QCOMPARE(managementCodes().size(), 5);
        for (const QString &code : managementCodes())
            QVERIFY(!managementDisplay(code).isEmpty());
        QVERIFY(managementDisplay(QStringLiteral("surgery")).isEmpty());
        QCOMPARE(imageViewCodes(),
                 (QStringList{QStringLiteral("overview"), QStringLiteral("close_up"), QStringLiteral("dermoscopy")}));
        for (const QString &code : imageViewCodes())
            QVERIFY(!imageViewDisplay(code).isEmpty());
        QVERIFY(imageViewDisplay(QStringLiteral("xray")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDermatologyCatalog)
#include "tst_dermatologycatalog.moc"
