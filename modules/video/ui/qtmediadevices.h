#pragma once

#include "video/ui/mediadevices.h"

#include <QPointer>

#include <memory>

class QAudioSink;
class QAudioSource;
class QBuffer;
class QCamera;
class QIODevice;
class QMediaCaptureSession;
class QMediaDevices;
class QVideoWidget;

namespace nara::video {

// MediaDevices with Qt Multimedia: QMediaDevices lists the devices, a QCamera in a
// QMediaCaptureSession shows the preview in a QVideoWidget, a QAudioSource measures the
// microphone's level and a QAudioSink plays a generated tone. Qt 6.4 has no permission API
// (QPermission arrives in 6.5): a camera or microphone that fails to start with a resource or
// access error counts as denied.
class QtMediaDevices final : public MediaDevices
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QtMediaDevices)
public:
    explicit QtMediaDevices(QObject *parent = nullptr);
    ~QtMediaDevices() override;

    QList<MediaDevice> cameras() const override;
    QList<MediaDevice> microphones() const override;
    QList<MediaDevice> outputs() const override;
    MediaAccess cameraAccess() const override;
    MediaAccess microphoneAccess() const override;
    void startPreview(const QString &cameraId, QWidget *container) override;
    void stopPreview() override;
    void startLevel(const QString &microphoneId) override;
    void stopLevel() override;
    void playTestSound(const QString &outputId) override;

private:
    void watch() const;
    void readLevel();
    void setDenied(bool &flag, bool denied);

    QMediaDevices *m_devices = nullptr;
    QMediaCaptureSession *m_session = nullptr;
    QCamera *m_camera = nullptr;
    QPointer<QVideoWidget> m_view;
    QAudioSource *m_source = nullptr;
    QIODevice *m_sourceIo = nullptr;
    QAudioSink *m_sink = nullptr;
    QBuffer *m_tone = nullptr;
    bool m_cameraDenied = false;
    bool m_microphoneDenied = false;
};

} // namespace nara::video
