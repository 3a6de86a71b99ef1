#pragma once

#include "referrals/ui/camerasource.h"

#include <QPointer>

class QCamera;
class QImageCapture;
class QMediaCaptureSession;
class QVideoWidget;

namespace nara::referrals {

// CameraSource with Qt Multimedia: QMediaDevices lists the cameras, a QCamera and a QImageCapture
// in a QMediaCaptureSession take the picture, a QVideoWidget shows the live picture.
class QtCameraSource final : public CameraSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QtCameraSource)
public:
    explicit QtCameraSource(QObject *parent = nullptr);
    ~QtCameraSource() override;

    QList<CameraInfo> cameras() const override;
    void start(const QString &cameraId, QWidget *preview) override;
    void stop() override;
    bool isReadyForCapture() const override;
    void capture() override;

    static CameraSourceFactory factory();

private:
    QMediaCaptureSession *m_session = nullptr;
    QCamera *m_camera = nullptr;
    QImageCapture *m_capture = nullptr;
    QPointer<QVideoWidget> m_view;
};

} // namespace nara::referrals
