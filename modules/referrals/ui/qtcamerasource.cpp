#include "referrals/ui/qtcamerasource.h"

#include <QCamera>
#include <QCameraDevice>
#include <QImageCapture>
#include <QLayout>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVBoxLayout>
#include <QVideoWidget>

namespace nara::referrals {

QtCameraSource::QtCameraSource(QObject *parent)
    : CameraSource(parent)
{
}

QtCameraSource::~QtCameraSource()
{
    stop();
}

CameraSourceFactory QtCameraSource::factory()
{
    return [] {
        return std::make_unique<QtCameraSource>();
    };
}

QList<CameraInfo> QtCameraSource::cameras() const
{
    QList<CameraInfo> result;
    for (const QCameraDevice &device : QMediaDevices::videoInputs())
        result.append({QString::fromUtf8(device.id()), device.description(), device.isDefault()});
    return result;
}

void QtCameraSource::start(const QString &cameraId, QWidget *preview)
{
    stop();
    const QList<QCameraDevice> devices = QMediaDevices::videoInputs();
    if (devices.isEmpty())
        return;
    QCameraDevice device = QMediaDevices::defaultVideoInput();
    for (const QCameraDevice &candidate : devices)
        if (QString::fromUtf8(candidate.id()) == cameraId)
            device = candidate;

    if (!m_session)
        m_session = new QMediaCaptureSession(this);
    m_camera = new QCamera(device, this);
    m_capture = new QImageCapture(this);
    connect(m_camera, &QCamera::errorOccurred, this, [this](QCamera::Error error, const QString &reason) {
        if (error != QCamera::NoError)
            Q_EMIT failed(reason);
    });
    connect(m_capture, &QImageCapture::readyForCaptureChanged, this, &CameraSource::readyForCaptureChanged);
    connect(m_capture, &QImageCapture::imageCaptured, this,
            [this](int, const QImage &image) { Q_EMIT imageCaptured(image); });
    connect(m_capture, &QImageCapture::errorOccurred, this,
            [this](int, QImageCapture::Error error, const QString &reason) {
                if (error != QImageCapture::NoError)
                    Q_EMIT failed(reason);
            });
    m_session->setCamera(m_camera);
    m_session->setImageCapture(m_capture);
    if (preview) {
        if (!preview->layout()) {
            auto *layout = new QVBoxLayout(preview);
            layout->setContentsMargins(0, 0, 0, 0);
        }
        m_view = new QVideoWidget(preview);
        m_view->setObjectName(QStringLiteral("cameraCaptureVideo"));
        preview->layout()->addWidget(m_view);
        m_session->setVideoOutput(m_view.data());
    }
    m_camera->start();
}

void QtCameraSource::stop()
{
    if (m_session) {
        m_session->setVideoOutput(nullptr);
        m_session->setImageCapture(nullptr);
        m_session->setCamera(nullptr);
    }
    if (m_camera) {
        m_camera->disconnect(this);
        m_camera->stop();
        m_camera->deleteLater();
        m_camera = nullptr;
    }
    if (m_capture) {
        m_capture->disconnect(this);
        m_capture->deleteLater();
        m_capture = nullptr;
    }
    if (m_view)
        m_view->deleteLater();
    m_view = nullptr;
}

bool QtCameraSource::isReadyForCapture() const
{
    return m_capture && m_capture->isReadyForCapture();
}

void QtCameraSource::capture()
{
    if (m_capture)
        m_capture->capture();
}

} // namespace nara::referrals
