#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QWidget;

namespace nara::video {

// One camera, microphone or loudspeaker as the pre-call check lists it.
struct MediaDevice
{
    QString id; // QCameraDevice::id() / QAudioDevice::id(), as text
    QString name; // what the operating system calls it
    bool isDefault = false;

    friend bool operator==(const MediaDevice &, const MediaDevice &) = default;
};

// What the user chose in the pre-call check; handed to the call window.
struct DeviceChoice
{
    QString cameraId; // empty: none (audio only) or the default
    QString microphoneId;
    QString outputId;
    bool audioOnly = false;

    friend bool operator==(const DeviceChoice &, const DeviceChoice &) = default;
};

// Whether a kind of device can be used.
enum class MediaAccess {
    Granted, // present and usable (as far as is known before using it)
    Denied, // present, but the system refused access (permissions, another program holds it)
    NonePresent, // no such device is connected
};

// The workstation's cameras, microphones and loudspeakers behind an interface (DESIGN.md §5): the
// real one uses Qt Multimedia, tests use a fake. The pre-call check only talks to this.
class MediaDevices : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MediaDevices)
public:
    using QObject::QObject;
    ~MediaDevices() override = default;

    virtual QList<MediaDevice> cameras() const = 0;
    virtual QList<MediaDevice> microphones() const = 0;
    virtual QList<MediaDevice> outputs() const = 0;
    virtual MediaAccess cameraAccess() const = 0;
    virtual MediaAccess microphoneAccess() const = 0;

    // Shows the camera's live picture inside `container` (which gets a layout of its own if it
    // has none); stopPreview() ends it. A refused camera makes cameraAccess() Denied.
    virtual void startPreview(const QString &cameraId, QWidget *container) = 0;
    virtual void stopPreview() = 0;
    // Starts listening: microphoneLevel() reports 0..1 several times a second.
    virtual void startLevel(const QString &microphoneId) = 0;
    virtual void stopLevel() = 0;
    // A short tone on that loudspeaker (empty: the default one).
    virtual void playTestSound(const QString &outputId) = 0;

Q_SIGNALS:
    void devicesChanged(); // a device was plugged in or out
    void accessChanged(); // cameraAccess() or microphoneAccess() changed
    void microphoneLevel(qreal level);
};

} // namespace nara::video
