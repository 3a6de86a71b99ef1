#include "referrals/ui/skinimageviewer.h"

#include "referrals/ui/skinimagecanvas.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace nara::referrals {

namespace {

QSlider *adjustSlider(const QString &name, const QString &accessibleName, QWidget *parent)
{
    auto *slider = new QSlider(Qt::Horizontal, parent);
    slider->setObjectName(name);
    slider->setAccessibleName(accessibleName);
    slider->setRange(-SkinImageCanvas::kAdjustLimit, SkinImageCanvas::kAdjustLimit);
    slider->setSingleStep(5);
    slider->setPageStep(20);
    slider->setValue(0);
    slider->setMinimumWidth(80);
    return slider;
}

} // namespace

SkinImageViewer::SkinImageViewer(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("skinImageViewer"));
    setAccessibleName(tr("Image viewer"));

    m_canvas = new SkinImageCanvas(this);

    auto *unavailable = new QWidget(this);
    unavailable->setObjectName(QStringLiteral("imageUnavailable"));
    m_message = new QLabel(unavailable);
    m_message->setObjectName(QStringLiteral("imageMessage"));
    m_message->setAccessibleName(tr("Image status"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_retry = new QPushButton(tr("&Try again"), unavailable);
    m_retry->setObjectName(QStringLiteral("imageRetryButton"));
    m_retry->setAccessibleName(tr("Fetch the image again"));
    connect(m_retry, &QPushButton::clicked, this, &SkinImageViewer::retryRequested);
    auto *unavailableLayout = new QVBoxLayout(unavailable);
    unavailableLayout->addStretch(1);
    unavailableLayout->addWidget(m_message);
    unavailableLayout->addWidget(m_retry, 0, Qt::AlignHCenter);
    unavailableLayout->addStretch(1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_canvas);
    m_stack->addWidget(unavailable);

    const auto toolButton = [this](const QString &name, const QString &text, const QString &accessibleName) {
        auto *button = new QToolButton(this);
        button->setObjectName(name);
        button->setText(text);
        button->setAccessibleName(accessibleName);
        button->setToolTip(accessibleName);
        button->setFocusPolicy(Qt::TabFocus);
        m_controls.append(button);
        return button;
    };
    auto *zoomOut = toolButton(QStringLiteral("zoomOutButton"), QStringLiteral("−"), tr("Zoom out (-)"));
    auto *zoomIn = toolButton(QStringLiteral("zoomInButton"), QStringLiteral("+"), tr("Zoom in (+)"));
    auto *fit = toolButton(QStringLiteral("fitButton"), tr("Fit"), tr("Show the whole image (0)"));
    auto *actual = toolButton(QStringLiteral("actualSizeButton"), QStringLiteral("1:1"), tr("Actual size (1)"));
    connect(zoomOut, &QToolButton::clicked, m_canvas, &SkinImageCanvas::zoomOut);
    connect(zoomIn, &QToolButton::clicked, m_canvas, &SkinImageCanvas::zoomIn);
    connect(fit, &QToolButton::clicked, m_canvas, &SkinImageCanvas::fitToView);
    connect(actual, &QToolButton::clicked, m_canvas, &SkinImageCanvas::showActualSize);

    m_zoom = new QLabel(this);
    m_zoom->setObjectName(QStringLiteral("zoomLevel"));
    m_zoom->setAccessibleName(tr("Zoom level"));
    m_zoom->setMinimumWidth(m_zoom->fontMetrics().horizontalAdvance(QStringLiteral("1600 %")) + 8);
    m_zoom->setAlignment(Qt::AlignCenter);

    m_brightness = adjustSlider(QStringLiteral("brightnessSlider"), tr("Brightness"), this);
    m_contrast = adjustSlider(QStringLiteral("contrastSlider"), tr("Contrast"), this);
    connect(m_brightness, &QSlider::valueChanged, m_canvas, &SkinImageCanvas::setBrightness);
    connect(m_contrast, &QSlider::valueChanged, m_canvas, &SkinImageCanvas::setContrast);
    auto *reset = new QPushButton(tr("Reset"), this);
    reset->setObjectName(QStringLiteral("resetAdjustmentsButton"));
    reset->setAccessibleName(tr("Reset brightness and contrast"));
    connect(reset, &QPushButton::clicked, this, &SkinImageViewer::resetAdjustments);
    m_controls << m_brightness << m_contrast << reset;

    auto *zoomRow = new QHBoxLayout;
    zoomRow->addWidget(zoomOut);
    zoomRow->addWidget(m_zoom);
    zoomRow->addWidget(zoomIn);
    zoomRow->addWidget(fit);
    zoomRow->addWidget(actual);
    zoomRow->addStretch(1);
    auto *adjustRow = new QHBoxLayout;
    auto *brightnessLabel = new QLabel(tr("Brightness"), this);
    brightnessLabel->setBuddy(m_brightness);
    auto *contrastLabel = new QLabel(tr("Contrast"), this);
    contrastLabel->setBuddy(m_contrast);
    adjustRow->addWidget(brightnessLabel);
    adjustRow->addWidget(m_brightness, 1);
    adjustRow->addWidget(contrastLabel);
    adjustRow->addWidget(m_contrast, 1);
    adjustRow->addWidget(reset);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack, 1);
    layout->addLayout(zoomRow);
    layout->addLayout(adjustRow);

    connect(m_canvas, &SkinImageCanvas::viewChanged, this, &SkinImageViewer::showZoom);
    connect(m_canvas, &SkinImageCanvas::compareRequested, this, &SkinImageViewer::compareRequested);
    setFocusProxy(m_canvas);
    clear();
}

SkinImageViewer::~SkinImageViewer() = default;

void SkinImageViewer::setImage(const QImage &image)
{
    m_canvas->setPlaceholder({});
    m_canvas->setImage(image);
    m_stack->setCurrentWidget(m_canvas);
    showZoom();
}

void SkinImageViewer::showLoading()
{
    clear(tr("Fetching the image…"));
}

void SkinImageViewer::showUnavailable(const QString &reason)
{
    m_canvas->setImage({});
    m_message->setText(tr("The image could not be fetched – %1").arg(reason));
    m_stack->setCurrentIndex(1);
    showZoom();
}

void SkinImageViewer::clear(const QString &text)
{
    m_canvas->setImage({});
    m_canvas->setPlaceholder(text);
    m_message->clear();
    m_stack->setCurrentWidget(m_canvas);
    showZoom();
}

bool SkinImageViewer::isUnavailable() const
{
    return m_stack->currentIndex() == 1;
}

QString SkinImageViewer::messageText() const
{
    return isUnavailable() ? m_message->text() : QString();
}

void SkinImageViewer::resetAdjustments()
{
    m_brightness->setValue(0);
    m_contrast->setValue(0);
}

void SkinImageViewer::showZoom()
{
    const bool shown = m_canvas->hasImage();
    m_zoom->setText(shown ? m_canvas->zoomText() : QString());
    for (QWidget *control : std::as_const(m_controls))
        control->setEnabled(shown);
}

} // namespace nara::referrals
