// The skin image viewer with real widgets, offscreen: zooming keeps the image point under the
// cursor, fit and 1:1 levels and the zoom label, panning with the arrow keys and by dragging,
// brightness and contrast change the drawn pixels (never the image), the unavailable image with
// its retry, and the compare view's locked zoom. Every image is painted in the test.

#include "referrals/ui/imagecompareview.h"
#include "referrals/ui/skinimagecanvas.h"
#include "referrals/ui/skinimageviewer.h"

#include <QComboBox>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QWheelEvent>

using namespace nara::referrals;

namespace {

// 800 × 600: four coloured quadrants with a grid, so that every region looks different.
QImage patternImage(int width = 800, int height = 600)
{
    QImage image(width, height, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.fillRect(0, 0, width / 2, height / 2, QColor(200, 60, 60));
    painter.fillRect(width / 2, 0, width / 2, height / 2, QColor(60, 200, 60));
    painter.fillRect(0, height / 2, width / 2, height / 2, QColor(60, 60, 200));
    painter.fillRect(width / 2, height / 2, width / 2, height / 2, QColor(200, 200, 60));
    painter.setPen(Qt::black);
    for (int x = 0; x < width; x += 50)
        painter.drawLine(x, 0, x, height);
    for (int y = 0; y < height; y += 50)
        painter.drawLine(0, y, width, y);
    return image;
}

QImage flatImage(int grey)
{
    QImage image(400, 300, QImage::Format_RGB32);
    image.fill(QColor(grey, grey, grey));
    return image;
}

void wheel(QWidget *widget, const QPointF &at, int angle)
{
    QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), QPoint(0, angle), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

#define QCOMPARE_POINT(actual, expected)                                                                               \
    do {                                                                                                               \
        const QPointF a_ = (actual);                                                                                   \
        const QPointF e_ = (expected);                                                                                 \
        if (std::abs(a_.x() - e_.x()) > 0.01 || std::abs(a_.y() - e_.y()) > 0.01)                                      \
            QFAIL(qPrintable(                                                                                          \
                QStringLiteral("(%1, %2) is not (%3, %4)").arg(a_.x()).arg(a_.y()).arg(e_.x()).arg(e_.y())));          \
    } while (false)

} // namespace

class TestImageViewer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SkinImageCanvas> shownCanvas(const QImage &image, QSize size = {400, 300})
    {
        auto canvas = std::make_unique<SkinImageCanvas>();
        canvas->resize(size);
        canvas->show();
        if (!QTest::qWaitForWindowExposed(canvas.get()))
            qFatal("the canvas was not shown");
        canvas->setImage(image);
        return canvas;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The keys zoom around the cursor while it is over the image: keep it away.
        QCursor::setPos(5000, 5000);
    }

    void fitAndActualSize()
    {
        auto canvas = shownCanvas(patternImage());
        QVERIFY(canvas->isFit());
        QCOMPARE(canvas->scale(), 0.5);
        QCOMPARE(canvas->zoomText(), SkinImageCanvas::tr("Fit"));
        QCOMPARE_POINT(canvas->mapFromImage({0, 0}), QPointF(0, 0));
        QCOMPARE_POINT(canvas->mapFromImage({800, 600}), QPointF(400, 300));

        QTest::keyClick(canvas.get(), Qt::Key_1);
        QVERIFY(!canvas->isFit());
        QCOMPARE(canvas->scale(), 1.0);
        QCOMPARE(canvas->zoomText(), QStringLiteral("100 %"));
        // 1:1 around the centre: the image's centre stays in the middle.
        QCOMPARE_POINT(canvas->mapToImage({200, 150}), QPointF(400, 300));

        QTest::keyClick(canvas.get(), Qt::Key_0);
        QVERIFY(canvas->isFit());
        QCOMPARE(canvas->scale(), 0.5);

        // A wider canvas: the image fits by its height and is centred across.
        canvas->resize(600, 300);
        QTRY_COMPARE(canvas->mapFromImage({0, 0}), QPointF(100, 0));
        QCOMPARE(canvas->scale(), 0.5);
    }

    void zoomKeepsThePointUnderTheCursor()
    {
        auto canvas = shownCanvas(patternImage());
        const QPointF cursor(100, 80);
        const QPointF under = canvas->mapToImage(cursor);
        QCOMPARE_POINT(under, QPointF(200, 160));
        for (int step = 1; step <= 4; ++step) {
            wheel(canvas.get(), cursor, 120);
            QCOMPARE(canvas->scale(), 0.5 * std::pow(SkinImageCanvas::kZoomStep, step));
            QCOMPARE_POINT(canvas->mapToImage(cursor), under);
        }
        QCOMPARE(canvas->zoomText(), QStringLiteral("122 %"));

        // Another point, zooming far in and part of the way out again.
        const QPointF other(310, 250);
        const QPointF otherUnder = canvas->mapToImage(other);
        canvas->zoomAt(other, 5.0);
        QCOMPARE_POINT(canvas->mapToImage(other), otherUnder);
        wheel(canvas.get(), other, -240);
        QCOMPARE_POINT(canvas->mapToImage(other), otherUnder);

        // Never beyond 1600 %, never smaller than the whole image.
        canvas->zoomAt(other, 1000);
        QCOMPARE(canvas->scale(), SkinImageCanvas::kMaxScale);
        canvas->zoomAt(other, 0.0001);
        QCOMPARE(canvas->scale(), 0.5);
    }

    void keysZoomAroundTheCentreWhenTheCursorIsElsewhere()
    {
        auto canvas = shownCanvas(patternImage());
        QTest::keyClick(canvas.get(), Qt::Key_Plus);
        QCOMPARE(canvas->scale(), 0.5 * SkinImageCanvas::kZoomStep);
        QCOMPARE_POINT(canvas->mapToImage({200, 150}), QPointF(400, 300));
        QTest::keyClick(canvas.get(), Qt::Key_Minus);
        QCOMPARE(canvas->scale(), 0.5);
    }

    void panWithArrowsAndByDragging()
    {
        auto canvas = shownCanvas(patternImage());
        // Fitted, there is nowhere to pan: the whole image stays in view and still fits.
        QTest::keyClick(canvas.get(), Qt::Key_Right);
        QVERIFY(canvas->isFit());

        QTest::keyClick(canvas.get(), Qt::Key_1);
        const QPointF centre(200, 150);
        QCOMPARE_POINT(canvas->mapToImage(centre), QPointF(400, 300));
        QTest::keyClick(canvas.get(), Qt::Key_Right);
        QCOMPARE_POINT(canvas->mapToImage(centre), QPointF(440, 300));
        QTest::keyClick(canvas.get(), Qt::Key_Down);
        QCOMPARE_POINT(canvas->mapToImage(centre), QPointF(440, 330));
        QTest::keyClick(canvas.get(), Qt::Key_Left);
        QTest::keyClick(canvas.get(), Qt::Key_Up);
        QCOMPARE_POINT(canvas->mapToImage(centre), QPointF(400, 300));
        // Not beyond the image's edge.
        for (int i = 0; i < 20; ++i)
            QTest::keyClick(canvas.get(), Qt::Key_Left);
        QCOMPARE_POINT(canvas->mapToImage({0, 0}), QPointF(0, 150));

        // Dragging: the image follows the hand.
        QTest::mousePress(canvas.get(), Qt::LeftButton, {}, QPoint(300, 150));
        QTest::mouseMove(canvas.get(), QPoint(250, 120));
        QTest::mouseRelease(canvas.get(), Qt::LeftButton, {}, QPoint(250, 120));
        QCOMPARE_POINT(canvas->mapToImage({0, 0}), QPointF(50, 180));
    }

    void brightnessAndContrastChangeOnlyTheDrawnPixels()
    {
        SkinImageViewer viewer;
        viewer.resize(500, 420);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        viewer.setImage(flatImage(100));
        SkinImageCanvas *canvas = viewer.canvas();
        const QPoint middle = canvas->rect().center();
        const auto drawn = [&] {
            return QColor(canvas->grab().toImage().pixel(middle * canvas->devicePixelRatioF()));
        };
        QCOMPARE(drawn(), QColor(100, 100, 100));

        auto *brightness = viewer.findChild<QSlider *>(QStringLiteral("brightnessSlider"));
        auto *contrast = viewer.findChild<QSlider *>(QStringLiteral("contrastSlider"));
        QVERIFY(brightness && contrast);
        brightness->setValue(50);
        QCOMPARE(canvas->brightness(), 50);
        QCOMPARE(drawn().red(), 164); // 100 + 50 × 1.275, rounded
        QCOMPARE(canvas->image().pixelColor(10, 10), QColor(100, 100, 100));

        brightness->setValue(0);
        contrast->setValue(50); // twice the distance from the middle grey
        QCOMPARE(drawn().red(), 73);
        contrast->setValue(-100); // flat
        QCOMPARE(drawn().red(), 128);
        QCOMPARE(canvas->image().pixelColor(10, 10), QColor(100, 100, 100));

        auto *reset = viewer.findChild<QPushButton *>(QStringLiteral("resetAdjustmentsButton"));
        QVERIFY(reset);
        reset->click();
        QCOMPARE(brightness->value(), 0);
        QCOMPARE(contrast->value(), 0);
        QCOMPARE(drawn(), QColor(100, 100, 100));
    }

    void theZoomLevelIsShown()
    {
        SkinImageViewer viewer;
        viewer.resize(500, 420);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        auto *level = viewer.findChild<QLabel *>(QStringLiteral("zoomLevel"));
        QVERIFY(level);
        QCOMPARE(level->text(), QString());
        viewer.setImage(patternImage(2000, 1500));
        QCOMPARE(level->text(), SkinImageCanvas::tr("Fit"));
        QTest::keyClick(viewer.canvas(), Qt::Key_1);
        QCOMPARE(level->text(), QStringLiteral("100 %"));
        QTest::keyClick(viewer.canvas(), Qt::Key_Plus);
        QCOMPARE(level->text(), QStringLiteral("125 %"));
        viewer.findChild<QAbstractButton *>(QStringLiteral("fitButton"))->click();
        QCOMPARE(level->text(), SkinImageCanvas::tr("Fit"));
        viewer.findChild<QAbstractButton *>(QStringLiteral("actualSizeButton"))->click();
        QCOMPARE(level->text(), QStringLiteral("100 %"));
    }

    void anUnavailableImageSaysWhyAndCanBeFetchedAgain()
    {
        SkinImageViewer viewer;
        viewer.resize(500, 420);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        QSignalSpy retry(&viewer, &SkinImageViewer::retryRequested);
        viewer.showUnavailable(QStringLiteral("the server did not answer"));
        QVERIFY(viewer.isUnavailable());
        QCOMPARE(viewer.messageText(),
                 SkinImageViewer::tr("The image could not be fetched – %1")
                     .arg(QStringLiteral("the server did not answer")));
        auto *button = viewer.findChild<QPushButton *>(QStringLiteral("imageRetryButton"));
        QVERIFY(button && button->isVisible());
        button->click();
        QCOMPARE(retry.count(), 1);
        viewer.setImage(patternImage());
        QVERIFY(!viewer.isUnavailable());
        QVERIFY(viewer.messageText().isEmpty());
    }

    void cAsksForTheComparison()
    {
        auto canvas = shownCanvas(patternImage());
        QSignalSpy compare(canvas.get(), &SkinImageCanvas::compareRequested);
        QTest::keyClick(canvas.get(), Qt::Key_C);
        QCOMPARE(compare.count(), 1);
        QTest::keyClick(canvas.get(), Qt::Key_C, Qt::ControlModifier);
        QTest::keyClick(canvas.get(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(compare.count(), 1);
        QVERIFY(canvas->isFit());
    }

    void lockedZoomFollowsTheOtherSide()
    {
        ImageCompareView view;
        view.resize(900, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy wanted(&view, &ImageCompareView::imageWanted);
        view.setCurrent(QStringLiteral("now"), QStringLiteral("today"), patternImage());
        view.setChoices({{QStringLiteral("then"), QStringLiteral("1 Mar 2024 · Close-up")},
                         {QStringLiteral("before"), QStringLiteral("1 Feb 2023 · Overview")}});
        QCOMPARE(wanted.count(), 1);
        QCOMPARE(wanted.at(0).at(0).toString(), QStringLiteral("then"));
        QVERIFY(view.rightViewer()->canvas()->image().isNull());
        // An image of another resolution: locked, the two show the same part, relative to size.
        view.setImage(QStringLiteral("then"), patternImage(1600, 1200));
        QVERIFY(view.isLocked());
        SkinImageCanvas *left = view.leftViewer()->canvas();
        SkinImageCanvas *right = view.rightViewer()->canvas();
        left->zoomAt(QRectF(left->rect()).center() + QPointF(40, 30), 3.0);
        QTest::keyClick(left, Qt::Key_Right);
        QVERIFY(!right->isFit());
        QCOMPARE(right->viewState().zoom, left->viewState().zoom);
        QCOMPARE_POINT(right->viewState().centre, left->viewState().centre);
        QTest::keyClick(right, Qt::Key_0);
        QVERIFY(left->isFit());

        view.setLocked(false);
        left->zoomAt(QRectF(left->rect()).center(), 2.0);
        QVERIFY(right->isFit());

        view.choose(QStringLiteral("before"));
        QCOMPARE(wanted.count(), 2);
        QCOMPARE(wanted.at(1).at(0).toString(), QStringLiteral("before"));
        view.setImageUnavailable(QStringLiteral("before"), QStringLiteral("gone"));
        QVERIFY(view.rightViewer()->isUnavailable());
        QVERIFY(!view.leftViewer()->isUnavailable());
    }
};

QTEST_MAIN(TestImageViewer)
#include "tst_imageviewer.moc"
