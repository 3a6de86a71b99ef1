#pragma once

#include <QImage>
#include <QWidget>

class QLabel;
class QPushButton;
class QSlider;
class QStackedWidget;

namespace nara::referrals {

class SkinImageCanvas;

// A viewer made for looking at skin: the canvas (zoom, pan, fit, 1:1; see SkinImageCanvas) with its
// controls — the zoom level ("Fit", "100 %"), zoom buttons, brightness and contrast sliders with a
// reset — and, in place of the image, what keeps it from being shown: "fetching…", or why it could
// not be fetched with a button to try again.
class SkinImageViewer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SkinImageViewer)
public:
    explicit SkinImageViewer(QWidget *parent = nullptr);
    ~SkinImageViewer() override;

    SkinImageCanvas *canvas() const { return m_canvas; }

    void setImage(const QImage &image);
    void showLoading();
    // "The image could not be fetched – <reason>", with Retry (retryRequested).
    void showUnavailable(const QString &reason);
    // No image; `text` says why (empty: nothing).
    void clear(const QString &text = {});
    bool isUnavailable() const;
    QString messageText() const; // what is said in place of the image, if anything

    // Brightness and contrast back to 0 (only what is drawn ever changed).
    void resetAdjustments();

Q_SIGNALS:
    void retryRequested();
    void compareRequested();

private:
    void showZoom();

    SkinImageCanvas *m_canvas = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_retry = nullptr;
    QLabel *m_zoom = nullptr;
    QSlider *m_brightness = nullptr;
    QSlider *m_contrast = nullptr;
    QList<QWidget *> m_controls;
};

} // namespace nara::referrals
