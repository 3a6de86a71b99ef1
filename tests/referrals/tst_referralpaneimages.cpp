// The referral pane's images, offscreen: each image asked for once (and again only on retry), the
// thumbnails with what they show, an image that cannot be fetched, and the side-by-side comparison
// with the referral's other images and earlier referrals of the same site.

#include "referralpanefixture.h"
#include "referrals/ui/imagecompareview.h"
#include "referrals/ui/referraltexts.h"
#include "referrals/ui/referralthumbnailstrip.h"
#include "referrals/ui/skinimagecanvas.h"
#include "referrals/ui/skinimageviewer.h"

#include <QComboBox>
#include <QLabel>

using namespace nara;
using namespace nara::referrals;
using namespace nara::referrals::test;
using namespace Qt::StringLiterals;

class TestReferralPaneImages : public QObject
{
    Q_OBJECT

private:
    PaneHarness m_harness;
    std::unique_ptr<ReferralPane> &m_pane = m_harness.pane;

    template<typename T> T *child(const QString &name) const { return m_harness.child<T>(name); }

private Q_SLOTS:
    void init() { QVERIFY(m_harness.start()); }
    void cleanup() { m_harness.pane.reset(); }

    void eachImageIsAskedForOnce()
    {
        QSignalSpy wanted(m_pane.get(), &ReferralPane::imageWanted);
        m_pane->showReferral(itemView(referral(u"sent"_s, 3), true));
        using W = std::pair<QString, bool>;
        QCOMPARE(wantedOf(wanted),
                 (QList<W>{{u"img-a"_s, true}, {u"img-b"_s, true}, {u"img-c"_s, true}, {u"img-a"_s, false}}));
        QCOMPARE(m_pane->thumbnails()->count(), 3);
        QCOMPARE(m_pane->thumbnails()->item(2)->text(),
                 ReferralTexts::imageCaption(image(u"img-c"_s, u"dermoscopy"_s, 0, kNow - 2 * kDay), kNow - 2 * kDay));
        m_pane->setImage(u"img-a"_s, true, picture(Qt::red, 128, 96));
        m_pane->setImage(u"img-a"_s, false, picture(Qt::red));
        QVERIFY(m_pane->viewer()->canvas()->hasImage());
        QCOMPARE(m_pane->viewer()->canvas()->image().size(), QSize(640, 480));

        // Sync hands the same referral in again: nothing is asked again.
        m_pane->showReferral(itemView(referral(u"sent"_s, 3), true));
        QCOMPARE(wanted.count(), 4);
        QVERIFY(m_pane->viewer()->canvas()->hasImage());

        m_pane->thumbnails()->selectImage(u"img-b"_s);
        QCOMPARE(wanted.count(), 5);
        QCOMPARE(wantedOf(wanted).constLast(), (W{u"img-b"_s, false}));
        QVERIFY(!m_pane->viewer()->canvas()->hasImage()); // still being fetched
        m_pane->thumbnails()->selectImage(u"img-a"_s);
        QCOMPARE(wanted.count(), 5);
        QVERIFY(m_pane->viewer()->canvas()->hasImage());
        m_pane->thumbnails()->selectImage(u"img-b"_s);
        QCOMPARE(wanted.count(), 5); // asked for already, not answered yet

        // An image added on request is asked for, the others are not.
        QJsonObject more = referral(u"sent"_s, 4);
        QJsonArray images = more.value(u"images"_s).toArray();
        images.append(image(u"img-d"_s, u"dermoscopy"_s, 0, kNow));
        more.insert(u"images"_s, images);
        m_pane->showReferral(itemView(more, true));
        QCOMPARE(wantedOf(wanted).mid(5), (QList<W>{{u"img-d"_s, true}}));
        QVERIFY(m_pane->thumbnails()->item(3)->text().contains(ReferralTexts::dateText(kNow)));
    }

    void anImageThatCannotBeFetchedSaysSoAndCanBeRetried()
    {
        QSignalSpy wanted(m_pane.get(), &ReferralPane::imageWanted);
        m_pane->showReferral(itemView(referral(u"sent"_s, 3), true));
        m_pane->setImageUnavailable(u"img-a"_s, u"servern svarar inte"_s);
        SkinImageViewer *viewer = m_pane->viewer();
        QVERIFY(viewer->isUnavailable());
        QCOMPARE(viewer->messageText(),
                 SkinImageViewer::tr("The image could not be fetched – %1").arg(u"servern svarar inte"_s));
        QVERIFY(viewer->findChild<QPushButton *>(u"imageRetryButton"_s)->isVisible());
        // Chosen again, it is not asked for again by itself.
        m_pane->thumbnails()->selectImage(u"img-b"_s);
        m_pane->thumbnails()->selectImage(u"img-a"_s);
        QVERIFY(viewer->isUnavailable());
        const qsizetype before = wanted.count();

        viewer->findChild<QPushButton *>(u"imageRetryButton"_s)->click();
        using W = std::pair<QString, bool>;
        QCOMPARE(wantedOf(wanted).mid(before), (QList<W>{{u"img-a"_s, true}, {u"img-a"_s, false}}));
        QVERIFY(!viewer->isUnavailable());
        m_pane->setImage(u"img-a"_s, false, picture(Qt::green));
        QVERIFY(viewer->canvas()->hasImage());
    }

    void earlierImagesAreComparedSideBySide()
    {
        QJsonObject earlier = referral(u"answered"_s, 9, {image(u"old-1"_s, u"close_up"_s, kNow - 400 * kDay, 0)});
        earlier.insert(u"id"_s, u"r0"_s);
        earlier.insert(u"sentAt"_s, kNow - 399 * kDay);
        ReferralItemView view = itemView(referral(u"sent"_s, 3), true);
        view.earlierReferrals = {earlier};
        QSignalSpy wanted(m_pane.get(), &ReferralPane::imageWanted);
        m_pane->showReferral(view);
        m_pane->setImage(u"img-a"_s, false, picture(Qt::red));
        QVERIFY(child<QLabel>(u"referralEarlier"_s)->text().contains(ReferralTexts::dateText(kNow - 399 * kDay)));

        auto *compare = child<QPushButton>(u"referralCompareButton"_s);
        QVERIFY(compare->isEnabled());
        QVERIFY(!m_pane->isComparing());
        QTest::keyClick(m_pane->viewer()->canvas(), Qt::Key_C);
        QVERIFY(m_pane->isComparing());
        QVERIFY(m_pane->compareView()->isVisible());
        QVERIFY(compare->isChecked());

        QComboBox *choices = m_pane->compareView()->choiceBox();
        QStringList ids;
        for (int i = 0; i < choices->count(); ++i)
            ids.append(choices->itemData(i).toString());
        QCOMPARE(ids, (QStringList{u"img-b"_s, u"img-c"_s, u"old-1"_s}));
        QVERIFY(choices->itemText(2).contains(ReferralTexts::dateText(kNow - 400 * kDay)));
        QCOMPARE(choices->itemText(2),
                 ReferralTexts::compareLabel(image(u"old-1"_s, u"close_up"_s, kNow - 400 * kDay, 0), earlier, false));
        QVERIFY(m_pane->compareView()->leftViewer()->canvas()->hasImage());

        m_pane->compareView()->choose(u"old-1"_s);
        using W = std::pair<QString, bool>;
        QCOMPARE(wantedOf(wanted).constLast(), (W{u"old-1"_s, false}));
        m_pane->setImage(u"old-1"_s, false, picture(Qt::blue, 1280, 960));
        QCOMPARE(m_pane->compareView()->rightViewer()->canvas()->image().size(), QSize(1280, 960));
        QVERIFY(m_pane->compareView()
                    ->findChild<QLabel *>(u"compareEarlierLabel"_s)
                    ->text()
                    .contains(ReferralTexts::dateText(kNow - 400 * kDay)));

        // Another image chosen in the strip goes to the left.
        m_pane->thumbnails()->selectImage(u"img-b"_s);
        QCOMPARE(m_pane->compareView()->currentImageId(), u"img-b"_s);
        compare->click();
        QVERIFY(!m_pane->isComparing());
        QVERIFY(m_pane->viewer()->isVisible());
    }

    void aSingleImageWithoutHistoryHasNothingToCompare()
    {
        m_pane->showReferral(
            itemView(referral(u"sent"_s, 3, {image(u"only"_s, u"overview"_s, 0, kNow - 2 * kDay)}), true));
        QVERIFY(!child<QPushButton>(u"referralCompareButton"_s)->isEnabled());
        QTest::keyClick(m_pane->viewer()->canvas(), Qt::Key_C);
        QVERIFY(!m_pane->isComparing());
    }
};

QTEST_MAIN(TestReferralPaneImages)
#include "tst_referralpaneimages.moc"
