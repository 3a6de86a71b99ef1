// The body map of the referral dialog (issue 5): every site of the catalog can be chosen, by a click
// on its region of the drawing (at any size) or from the keyboard in the combo box; the sides are
// the patient's (mirrored between the front and the back); the chosen region is highlighted.

#include "referrals/core/dermatologycatalog.h"
#include "referrals/ui/bodymapwidget.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTest>

using namespace nara::referrals;
using namespace Qt::StringLiterals;

namespace {

const QString kRightSide = u":272741003=24028007"_s;
const QString kLeftSide = u":272741003=7771000"_s;

QComboBox *comboOf(BodyMapWidget &map)
{
    return map.findChild<QComboBox *>(u"bodySiteCombo"_s);
}

} // namespace

class TestBodyMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySiteIsInTheList();
    void everySiteIsClickable_data();
    void everySiteIsClickable();
    void sidesAreThePatients();
    void keyboardChoosesInTheList();
    void chosenRegionIsHighlighted();
    void unknownCodeChoosesNothing();
    void outsideTheBodyChoosesNothing();
};

void TestBodyMap::everySiteIsInTheList()
{
    BodyMapWidget map;
    QComboBox *combo = comboOf(map);
    QVERIFY(combo);
    QCOMPARE(combo->count(), bodySites().size() + 1); // "choose" first
    QCOMPARE(combo->itemData(0).toString(), QString());
    for (int i = 0; i < bodySites().size(); ++i) {
        QCOMPARE(combo->itemData(i + 1).toString(), bodySites()[i].code);
        QCOMPARE(combo->itemText(i + 1), bodySites()[i].display);
    }
    QVERIFY(!combo->accessibleName().isEmpty());
    QVERIFY(!map.canvas()->accessibleName().isEmpty());
    QCOMPARE(map.focusProxy(), combo);
}

void TestBodyMap::everySiteIsClickable_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("small") << QSize(220, 240);
    QTest::newRow("large") << QSize(700, 900);
}

void TestBodyMap::everySiteIsClickable()
{
    QFETCH(QSize, size);
    BodyMapWidget map;
    map.canvas()->setFixedSize(size);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    QSignalSpy changed(&map, &BodyMapWidget::siteChanged);
    for (const BodySite &site : bodySites()) {
        const auto point = map.pointOf(site.code);
        QVERIFY2(point, qPrintable(u"no region for "_s + site.display));
        QVERIFY(map.canvas()->rect().contains(*point));
        QTest::mouseClick(map.canvas(), Qt::LeftButton, {}, *point);
        QCOMPARE(map.siteCode(), site.code);
        QCOMPARE(changed.last().at(0).toString(), site.code);
        QCOMPARE(comboOf(map)->currentData().toString(), site.code);
        QVERIFY(map.canvas()->accessibleDescription().contains(site.display));
        // On the drawing of its side of the body: the front on the left, the back on the right.
        const bool onBack = point->x() > map.canvas()->width() / 2;
        QCOMPARE(onBack, site.view == u"back");
    }
    QCOMPARE(changed.count(), bodySites().size());
}

void TestBodyMap::sidesAreThePatients()
{
    BodyMapWidget map;
    map.canvas()->setFixedSize(440, 480);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    // From the front the patient's right is on the viewer's left; from the back on the right.
    const QString cheek = u"60819002"_s, shoulder = u"16982005"_s, hand = u"85562004"_s;
    QVERIFY(map.pointOf(cheek + kRightSide)->x() < map.pointOf(u"45206002"_s)->x()); // left of the nose
    QVERIFY(map.pointOf(cheek + kLeftSide)->x() > map.pointOf(u"45206002"_s)->x());
    QVERIFY(map.pointOf(hand + kRightSide)->x() < map.pointOf(hand + kLeftSide)->x());
    QVERIFY(map.pointOf(shoulder + kRightSide)->x() > map.pointOf(shoulder + kLeftSide)->x());
}

void TestBodyMap::keyboardChoosesInTheList()
{
    BodyMapWidget map;
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    QSignalSpy changed(&map, &BodyMapWidget::siteChanged);
    QComboBox *combo = comboOf(map);
    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(map.siteCode(), bodySites().constFirst().code);
    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(map.siteCode(), bodySites()[1].code);
    QCOMPARE(changed.count(), 2);
    QTest::keyClick(combo, Qt::Key_Home);
    QCOMPARE(map.siteCode(), QString());
    QCOMPARE(changed.last().at(0).toString(), QString());
}

void TestBodyMap::chosenRegionIsHighlighted()
{
    BodyMapWidget map;
    map.canvas()->setFixedSize(440, 480);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    const QString back = u"77568009"_s;
    const QPoint point = *map.pointOf(back);
    const QColor highlight = map.canvas()->palette().color(QPalette::Highlight);
    QVERIFY(map.canvas()->grab().toImage().pixelColor(point) != highlight);
    map.setSiteCode(back);
    QCOMPARE(map.canvas()->grab().toImage().pixelColor(point), highlight);
    QCOMPARE(comboOf(map)->currentData().toString(), back);
    map.setSiteCode(QString());
    QVERIFY(map.canvas()->grab().toImage().pixelColor(point) != highlight);
}

void TestBodyMap::unknownCodeChoosesNothing()
{
    BodyMapWidget map;
    map.setSiteCode(u"77568009"_s);
    QSignalSpy changed(&map, &BodyMapWidget::siteChanged);
    map.setSiteCode(u"123456"_s);
    QCOMPARE(map.siteCode(), QString());
    QCOMPARE(comboOf(map)->currentIndex(), 0);
    QCOMPARE(changed.count(), 1);
    QVERIFY(!map.pointOf(u"123456"_s));
    map.setSiteCode(QString()); // no change, no signal
    QCOMPARE(changed.count(), 1);
}

void TestBodyMap::outsideTheBodyChoosesNothing()
{
    BodyMapWidget map;
    map.canvas()->setFixedSize(440, 480);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    QCOMPARE(map.siteAt(QPoint(1, 1)), QString());
    QTest::mouseClick(map.canvas(), Qt::LeftButton, {}, QPoint(1, map.canvas()->height() / 2));
    QCOMPARE(map.siteCode(), QString());
}

QTEST_MAIN(TestBodyMap)
#include "tst_bodymap.moc"
