#pragma once

#include <QImage>
#include <QPointF>
#include <QWidget>

#include <array>

namespace nara::referrals {

// How a canvas shows its image, independent of the image's size (so that two images of different
// resolution can be locked together in the compare view).
struct ImageViewState
{
    bool fit = true; // the whole image, as large as the canvas allows
    double zoom = 1.0; // scale relative to the fitting scale (1: fit); ignored when `fit`
    QPointF centre{0.5, 0.5}; // the image point at the canvas's centre, as fractions of its size
};

// The surface of the skin image viewer (custom paint, no graphics view): zoom around the cursor with
// the wheel or + / -, pan by dragging or with the arrow keys, 0 fits, 1 shows 1:1, C asks for the
// side-by-side comparison. Brightness and contrast change only the pixels drawn, never the image.
// While the scaled image is smaller than the canvas in a direction it is centred in that direction;
// otherwise no empty space is shown beyond its edges. Everything else keeps the image point under
// the cursor where it is.
class SkinImageCanvas final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SkinImageCanvas)
public:
    static constexpr double kZoomStep = 1.25;
    static constexpr double kMaxScale = 16.0; // 1600 %
    static constexpr int kAdjustLimit = 100; // brightness and contrast run from -100 to 100

    explicit SkinImageCanvas(QWidget *parent = nullptr);
    ~SkinImageCanvas() override;

    // A new image is shown whole (fit); a null image clears the canvas and shows `placeholder`.
    void setImage(const QImage &image);
    void setPlaceholder(const QString &text);
    const QImage &image() const { return m_image; }
    bool hasImage() const { return !m_image.isNull(); }

    void zoomIn();
    void zoomOut();
    // Multiplies the scale by `factor`, keeping the image point at `anchor` (canvas coordinates) there.
    void zoomAt(const QPointF &anchor, double factor);
    void fitToView();
    void showActualSize(); // 1:1 around the canvas's centre
    // Moves the visible part by `delta` canvas pixels (positive x: further right in the image).
    void scrollBy(const QPointF &delta);

    bool isFit() const { return m_fit; }
    double scale() const { return m_scale; }
    double fitScale() const;
    // "Fit" or "250 %".
    QString zoomText() const;

    QPointF mapToImage(const QPointF &canvasPoint) const;
    QPointF mapFromImage(const QPointF &imagePoint) const;

    ImageViewState viewState() const;
    void setViewState(const ImageViewState &state);

    void setBrightness(int value);
    void setContrast(int value);
    int brightness() const { return m_brightness; }
    int contrast() const { return m_contrast; }

    QSize sizeHint() const override { return {480, 360}; }
    QSize minimumSizeHint() const override { return {160, 120}; }

Q_SIGNALS:
    // The scale or the visible part changed (for the zoom label and locked comparisons).
    void viewChanged();
    void compareRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void setScaleAround(double scale, const QPointF &anchor);
    void layoutFit();
    void keepInView();
    void changed();
    QPointF keyAnchor() const;
    void rebuildTable();

    QImage m_image;
    QString m_placeholder;
    double m_scale = 1.0;
    QPointF m_origin; // canvas position of the image's top-left corner
    bool m_fit = true;
    int m_brightness = 0;
    int m_contrast = 0;
    std::array<uchar, 256> m_table{};
    bool m_dragging = false;
    QPointF m_dragFrom;
};

} // namespace nara::referrals
