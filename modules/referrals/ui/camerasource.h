#pragma once

#include <QImage>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QWidget;

namespace nara::referrals {

struct CameraInfo
{
    QString id;
    QString description; // as the system names it, e.g. "DermLite DL5" or "Integrated Camera"
    bool isDefault = false;
};

// A camera that takes still pictures for a referral: the workstation's webcam, a document camera or
// a dermatoscope (which is just a camera to the system). Behind an interface so that tests can fake
// a camera that never becomes ready; QtCameraSource is the real one.
class CameraSource : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CameraSource)
public:
    using QObject::QObject;
    ~CameraSource() override = default;

    virtual QList<CameraInfo> cameras() const = 0;
    // Starts the camera (empty id: the default one), its live picture inside `preview` (which gets
    // a layout of its own if it has none). readyForCaptureChanged(true) follows once it can take a
    // picture, or failed() if it cannot.
    virtual void start(const QString &cameraId, QWidget *preview) = 0;
    virtual void stop() = 0;
    virtual bool isReadyForCapture() const = 0;
    // Takes a picture: imageCaptured() or failed() follows.
    virtual void capture() = 0;

Q_SIGNALS:
    void readyForCaptureChanged(bool ready);
    void imageCaptured(const QImage &image);
    void failed(const QString &reason); // the system's words, for people
};

using CameraSourceFactory = std::function<std::unique_ptr<CameraSource>()>;

} // namespace nara::referrals
