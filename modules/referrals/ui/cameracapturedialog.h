#pragma once

#include "referrals/ui/camerasource.h"

#include <QDialog>
#include <QImage>

#include <chrono>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTimer;
class QWidget;

namespace nara::referrals {

// Takes one picture with a camera or dermatoscope (the sender chooses the device). Capturing is
// offered only once the camera says it is ready; if it is not ready within the timeout, or there is
// no camera at all, the dialog says so in words and offers to try again. Accepted once a picture is
// taken: capturedImage() holds it.
class CameraCaptureDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CameraCaptureDialog)
public:
    static constexpr std::chrono::milliseconds kDefaultReadyTimeout{10'000};

    explicit CameraCaptureDialog(std::unique_ptr<CameraSource> source, QWidget *parent = nullptr,
                                 std::chrono::milliseconds readyTimeout = kDefaultReadyTimeout);
    ~CameraCaptureDialog() override;

    QImage capturedImage() const { return m_image; }
    // The chosen camera's name ("" without one), to name the picture in the image list.
    QString cameraDescription() const;
    QString statusText() const;
    bool isReadyForCapture() const;

Q_SIGNALS:
    void statusChanged(const QString &text);

private:
    void startCamera();
    void setReady(bool ready);
    void giveUp();
    void capture();
    void setStatus(const QString &text);

    std::unique_ptr<CameraSource> m_source;
    std::chrono::milliseconds m_readyTimeout;
    QComboBox *m_device = nullptr;
    QWidget *m_preview = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_capture = nullptr;
    QPushButton *m_retry = nullptr;
    QTimer *m_readyTimer = nullptr;
    QImage m_image;
    bool m_ready = false;
    bool m_capturing = false;
};

} // namespace nara::referrals
