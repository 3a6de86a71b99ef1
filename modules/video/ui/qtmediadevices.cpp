#include "video/ui/qtmediadevices.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QAudioSource>
#include <QBuffer>
#include <QCamera>
#include <QCameraDevice>
#include <QLayout>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVBoxLayout>
#include <QVideoWidget>

#include <cmath>

namespace nara::video {

namespace {

QString idText(const QByteArray &id)
{
    return QString::fromUtf8(id);
}

template<typename Device> QList<MediaDevice> listed(const QList<Device> &devices)
{
    QList<MediaDevice> result;
    for (const Device &device : devices)
        result.append({idText(device.id()), device.description(), device.isDefault()});
    return result;
}

template<typename Device> Device pick(const QList<Device> &devices, const QString &id, const Device &fallback)
{
    for (const Device &device : devices)
        if (idText(device.id()) == id)
            return device;
    return fallback;
}

QAudioFormat monoFormat()
{
    QAudioFormat format;
    format.setSampleRate(16'000);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    return format;
}

} // namespace

QtMediaDevices::QtMediaDevices(QObject *parent)
    : MediaDevices(parent)
{
}

void QtMediaDevices::watch() const
{
    // Lazily: the multimedia backend starts on first use, not when the main window is built.
    if (m_devices)
        return;
    auto *self = const_cast<QtMediaDevices *>(this);
    self->m_devices = new QMediaDevices(self);
    connect(m_devices, &QMediaDevices::videoInputsChanged, self, &MediaDevices::devicesChanged);
    connect(m_devices, &QMediaDevices::audioInputsChanged, self, &MediaDevices::devicesChanged);
    connect(m_devices, &QMediaDevices::audioOutputsChanged, self, &MediaDevices::devicesChanged);
}

QtMediaDevices::~QtMediaDevices()
{
    stopPreview();
    stopLevel();
}

QList<MediaDevice> QtMediaDevices::cameras() const
{
    watch();
    return listed(QMediaDevices::videoInputs());
}
QList<MediaDevice> QtMediaDevices::microphones() const
{
    watch();
    return listed(QMediaDevices::audioInputs());
}
QList<MediaDevice> QtMediaDevices::outputs() const
{
    watch();
    return listed(QMediaDevices::audioOutputs());
}

MediaAccess QtMediaDevices::cameraAccess() const
{
    watch();
    if (QMediaDevices::videoInputs().isEmpty())
        return MediaAccess::NonePresent;
    return m_cameraDenied ? MediaAccess::Denied : MediaAccess::Granted;
}

MediaAccess QtMediaDevices::microphoneAccess() const
{
    watch();
    if (QMediaDevices::audioInputs().isEmpty())
        return MediaAccess::NonePresent;
    return m_microphoneDenied ? MediaAccess::Denied : MediaAccess::Granted;
}

void QtMediaDevices::setDenied(bool &flag, bool denied)
{
    if (flag == denied)
        return;
    flag = denied;
    Q_EMIT accessChanged();
}

void QtMediaDevices::startPreview(const QString &cameraId, QWidget *container)
{
    stopPreview();
    watch();
    if (!m_session)
        m_session = new QMediaCaptureSession(this);
    const QList<QCameraDevice> cameras = QMediaDevices::videoInputs();
    if (cameras.isEmpty() || !container)
        return;
    m_camera = new QCamera(pick(cameras, cameraId, QMediaDevices::defaultVideoInput()), this);
    connect(m_camera, &QCamera::errorOccurred, this, [this](QCamera::Error error, const QString &) {
        // Another program holding the camera or the system refusing it look the same here.
        if (error != QCamera::NoError)
            setDenied(m_cameraDenied, true);
    });
    connect(m_camera, &QCamera::activeChanged, this, [this](bool active) {
        if (active)
            setDenied(m_cameraDenied, false);
    });
    if (!container->layout()) {
        auto *layout = new QVBoxLayout(container);
        layout->setContentsMargins(0, 0, 0, 0);
    }
    m_view = new QVideoWidget(container);
    m_view->setObjectName(QStringLiteral("cameraPreviewVideo"));
    container->layout()->addWidget(m_view);
    m_session->setCamera(m_camera);
    m_session->setVideoOutput(m_view.data());
    m_camera->start();
}

void QtMediaDevices::stopPreview()
{
    if (m_camera && m_session) {
        m_camera->stop();
        m_session->setCamera(nullptr);
        m_session->setVideoOutput(nullptr);
        m_camera->deleteLater();
        m_camera = nullptr;
    }
    if (m_view)
        m_view->deleteLater();
    m_view = nullptr;
}

void QtMediaDevices::startLevel(const QString &microphoneId)
{
    stopLevel();
    const QList<QAudioDevice> inputs = QMediaDevices::audioInputs();
    if (inputs.isEmpty())
        return;
    const QAudioDevice device = pick(inputs, microphoneId, QMediaDevices::defaultAudioInput());
    QAudioFormat format = monoFormat();
    if (!device.isFormatSupported(format))
        format = device.preferredFormat();
    m_source = new QAudioSource(device, format, this);
    m_sourceIo = m_source->start();
    if (!m_sourceIo || m_source->error() != QAudio::NoError) {
        setDenied(m_microphoneDenied, true);
        stopLevel();
        return;
    }
    setDenied(m_microphoneDenied, false);
    connect(m_sourceIo, &QIODevice::readyRead, this, &QtMediaDevices::readLevel);
}

void QtMediaDevices::readLevel()
{
    if (!m_source || !m_sourceIo)
        return;
    const QByteArray data = m_sourceIo->readAll();
    const QAudioFormat format = m_source->format();
    const int bytes = format.bytesPerSample();
    if (bytes <= 0 || data.isEmpty())
        return;
    // The peak of this chunk, 0..1, whatever sample format the device gave us.
    qreal peak = 0;
    for (qsizetype i = 0; i + bytes <= data.size(); i += bytes)
        peak = std::max(peak, qreal(std::abs(format.normalizedSampleValue(data.constData() + i))));
    Q_EMIT microphoneLevel(std::min<qreal>(1.0, peak));
}

void QtMediaDevices::stopLevel()
{
    if (m_source) {
        m_source->stop();
        m_source->deleteLater();
    }
    m_source = nullptr;
    m_sourceIo = nullptr;
}

void QtMediaDevices::playTestSound(const QString &outputId)
{
    if (m_sink) {
        m_sink->stop();
        m_sink->deleteLater();
        m_sink = nullptr;
    }
    const QList<QAudioDevice> outputs = QMediaDevices::audioOutputs();
    if (outputs.isEmpty())
        return;
    const QAudioDevice device = pick(outputs, outputId, QMediaDevices::defaultAudioOutput());
    const QAudioFormat format = monoFormat();
    // 0.6 s of 660 Hz, faded in and out so it does not click.
    const int samples = format.sampleRate() * 6 / 10;
    QByteArray pcm(samples * qsizetype(sizeof(qint16)), Qt::Uninitialized);
    auto *out = reinterpret_cast<qint16 *>(pcm.data()); // Int16 is in the machine's byte order
    for (int i = 0; i < samples; ++i) {
        const double fade = std::min({1.0, i / 800.0, (samples - i) / 800.0});
        const double value = 0.4 * fade * std::sin(2 * M_PI * 660.0 * i / format.sampleRate());
        out[i] = qint16(value * 32767);
    }
    if (!m_tone)
        m_tone = new QBuffer(this);
    m_tone->close();
    m_tone->setData(pcm);
    m_tone->open(QIODevice::ReadOnly);
    m_sink = new QAudioSink(device, format, this);
    connect(m_sink, &QAudioSink::stateChanged, this, [this](QAudio::State state) {
        if (state == QAudio::IdleState && m_sink)
            m_sink->stop();
    });
    m_sink->start(m_tone);
}

} // namespace nara::video
