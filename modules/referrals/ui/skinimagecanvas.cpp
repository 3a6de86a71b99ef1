#include "referrals/ui/skinimagecanvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace nara::referrals {

namespace {

const QColor kBackground(0x20, 0x20, 0x20);

} // namespace

SkinImageCanvas::SkinImageCanvas(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("skinImageCanvas"));
    setAccessibleName(tr("Image"));
    setAccessibleDescription(tr("Zoom with + and -, 0 fits the image, 1 shows it 1:1, the arrow keys pan, C compares "
                                "side by side."));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(false);
    rebuildTable();
}

SkinImageCanvas::~SkinImageCanvas() = default;

void SkinImageCanvas::setImage(const QImage &image)
{
    m_image = image.isNull() ? QImage() : image.convertToFormat(QImage::Format_RGB32);
    m_dragging = false;
    setCursor(m_image.isNull() ? Qt::ArrowCursor : Qt::OpenHandCursor);
    m_fit = true;
    layoutFit();
    changed();
}

void SkinImageCanvas::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    update();
}

double SkinImageCanvas::fitScale() const
{
    if (m_image.isNull() || width() <= 0 || height() <= 0)
        return 1.0;
    return std::min(double(width()) / m_image.width(), double(height()) / m_image.height());
}

QString SkinImageCanvas::zoomText() const
{
    if (m_fit)
        return tr("Fit");
    return tr("%1 %").arg(qRound(m_scale * 100));
}

QPointF SkinImageCanvas::mapToImage(const QPointF &canvasPoint) const
{
    return (canvasPoint - m_origin) / m_scale;
}

QPointF SkinImageCanvas::mapFromImage(const QPointF &imagePoint) const
{
    return m_origin + imagePoint * m_scale;
}

void SkinImageCanvas::zoomIn()
{
    zoomAt(keyAnchor(), kZoomStep);
}

void SkinImageCanvas::zoomOut()
{
    zoomAt(keyAnchor(), 1.0 / kZoomStep);
}

void SkinImageCanvas::zoomAt(const QPointF &anchor, double factor)
{
    setScaleAround(m_scale * factor, anchor);
}

void SkinImageCanvas::fitToView()
{
    m_fit = true;
    layoutFit();
    changed();
}

void SkinImageCanvas::showActualSize()
{
    setScaleAround(1.0, QRectF(rect()).center());
}

void SkinImageCanvas::scrollBy(const QPointF &delta)
{
    if (m_image.isNull())
        return;
    const QPointF before = m_origin;
    m_origin -= delta;
    keepInView();
    if (m_origin == before)
        return; // nothing to move to: the whole image is shown in that direction
    m_fit = false;
    changed();
}

ImageViewState SkinImageCanvas::viewState() const
{
    ImageViewState state;
    state.fit = m_fit;
    state.zoom = m_fit ? 1.0 : m_scale / fitScale();
    if (!m_image.isNull()) {
        const QPointF centre = mapToImage(QRectF(rect()).center());
        state.centre = {centre.x() / m_image.width(), centre.y() / m_image.height()};
    }
    return state;
}

void SkinImageCanvas::setViewState(const ImageViewState &state)
{
    if (m_image.isNull())
        return;
    if (state.fit) {
        fitToView();
        return;
    }
    m_fit = false;
    m_scale = std::clamp(state.zoom * fitScale(), std::min(fitScale(), 1.0), kMaxScale);
    const QPointF centre(state.centre.x() * m_image.width(), state.centre.y() * m_image.height());
    m_origin = QRectF(rect()).center() - centre * m_scale;
    keepInView();
    changed();
}

void SkinImageCanvas::setBrightness(int value)
{
    value = std::clamp(value, -kAdjustLimit, kAdjustLimit);
    if (value == m_brightness)
        return;
    m_brightness = value;
    rebuildTable();
    update();
}

void SkinImageCanvas::setContrast(int value)
{
    value = std::clamp(value, -kAdjustLimit, kAdjustLimit);
    if (value == m_contrast)
        return;
    m_contrast = value;
    rebuildTable();
    update();
}

void SkinImageCanvas::rebuildTable()
{
    // Contrast scales around the middle grey (from flat at -100 to three times at +100), brightness
    // then shifts by up to half the range either way.
    const double gain = m_contrast >= 0 ? 1.0 + m_contrast / 50.0 : 1.0 + m_contrast / 100.0;
    const double shift = m_brightness * 1.275;
    for (int v = 0; v < 256; ++v)
        m_table[size_t(v)] = uchar(std::clamp(std::lround((v - 127.5) * gain + 127.5 + shift), 0L, 255L));
}

void SkinImageCanvas::setScaleAround(double scale, const QPointF &anchor)
{
    if (m_image.isNull())
        return;
    const QPointF imagePoint = mapToImage(anchor);
    m_scale = std::clamp(scale, std::min(fitScale(), 1.0), kMaxScale);
    m_fit = false;
    m_origin = anchor - imagePoint * m_scale;
    keepInView();
    changed();
}

void SkinImageCanvas::layoutFit()
{
    if (m_image.isNull()) {
        m_scale = 1.0;
        m_origin = {};
        return;
    }
    m_scale = fitScale();
    keepInView();
}

void SkinImageCanvas::keepInView()
{
    if (m_image.isNull())
        return;
    const auto place = [](double origin, double scaled, double room) {
        if (scaled <= room)
            return (room - scaled) / 2;
        return std::clamp(origin, room - scaled, 0.0);
    };
    m_origin.setX(place(m_origin.x(), m_image.width() * m_scale, width()));
    m_origin.setY(place(m_origin.y(), m_image.height() * m_scale, height()));
}

void SkinImageCanvas::changed()
{
    update();
    Q_EMIT viewChanged();
}

QPointF SkinImageCanvas::keyAnchor() const
{
    // The keys zoom around the cursor while it is over the image, around the centre otherwise.
    if (underMouse()) {
        const QPointF cursor = mapFromGlobal(QCursor::pos());
        if (rect().contains(cursor.toPoint()))
            return cursor;
    }
    return QRectF(rect()).center();
}

void SkinImageCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), kBackground);
    if (m_image.isNull()) {
        painter.setPen(QColor(0xd0, 0xd0, 0xd0));
        painter.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const QRectF target(m_origin, QSizeF(m_image.size()) * m_scale);
    const QRect visible = target.toAlignedRect() & rect();
    if (visible.isEmpty())
        return;
    if (m_brightness == 0 && m_contrast == 0) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(target, m_image);
        return;
    }
    // Only the pixels shown are adjusted: the visible part is drawn scaled into a frame first.
    const qreal ratio = devicePixelRatioF();
    QImage frame(visible.size() * ratio, QImage::Format_RGB32);
    frame.setDevicePixelRatio(ratio);
    frame.fill(kBackground);
    {
        QPainter framePainter(&frame);
        framePainter.setRenderHint(QPainter::SmoothPixmapTransform);
        framePainter.translate(-visible.topLeft());
        framePainter.drawImage(target, m_image);
    }
    for (int y = 0; y < frame.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(frame.scanLine(y));
        for (int x = 0; x < frame.width(); ++x) {
            const QRgb pixel = line[x];
            line[x] = qRgb(m_table[size_t(qRed(pixel))], m_table[size_t(qGreen(pixel))], m_table[size_t(qBlue(pixel))]);
        }
    }
    painter.drawImage(visible.topLeft(), frame);
}

void SkinImageCanvas::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fit)
        layoutFit();
    else
        keepInView();
    Q_EMIT viewChanged();
}

void SkinImageCanvas::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (m_image.isNull() || delta == 0) {
        event->ignore();
        return;
    }
    zoomAt(event->position(), std::pow(kZoomStep, delta / 120.0));
    event->accept();
}

void SkinImageCanvas::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) {
        QWidget::keyPressEvent(event); // the window's shortcuts (Ctrl+C copies, it does not compare)
        return;
    }
    const double stepX = std::max(20.0, width() / 10.0);
    const double stepY = std::max(20.0, height() / 10.0);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); break;
    case Qt::Key_Minus: zoomOut(); break;
    case Qt::Key_0: fitToView(); break;
    case Qt::Key_1: showActualSize(); break;
    case Qt::Key_Left: scrollBy({-stepX, 0}); break;
    case Qt::Key_Right: scrollBy({stepX, 0}); break;
    case Qt::Key_Up: scrollBy({0, -stepY}); break;
    case Qt::Key_Down: scrollBy({0, stepY}); break;
    case Qt::Key_C: Q_EMIT compareRequested(); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void SkinImageCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_image.isNull()) {
        QWidget::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_dragging = true;
    m_dragFrom = event->position();
    setCursor(Qt::ClosedHandCursor);
}

void SkinImageCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    const QPointF moved = event->position() - m_dragFrom;
    m_dragFrom = event->position();
    scrollBy(-moved); // the image follows the hand
}

void SkinImageCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_dragging) {
        m_dragging = false;
        setCursor(Qt::OpenHandCursor);
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

} // namespace nara::referrals
