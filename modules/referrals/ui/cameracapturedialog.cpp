#include "referrals/ui/cameracapturedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace nara::referrals {

CameraCaptureDialog::CameraCaptureDialog(std::unique_ptr<CameraSource> source, QWidget *parent,
                                         std::chrono::milliseconds readyTimeout)
    : QDialog(parent)
    , m_source(std::move(source))
    , m_readyTimeout(readyTimeout)
{
    setObjectName(QStringLiteral("cameraCaptureDialog"));
    setWindowTitle(tr("Take a photo"));

    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("cameraDevice"));
    m_device->setAccessibleName(tr("Camera or dermatoscope"));
    m_preview = new QWidget(this);
    m_preview->setObjectName(QStringLiteral("cameraPreview"));
    m_preview->setAccessibleName(tr("The camera's picture"));
    m_preview->setMinimumSize(480, 360);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("cameraStatus"));
    m_status->setAccessibleName(tr("Status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto *buttons = new QDialogButtonBox(this);
    m_capture = buttons->addButton(tr("&Take photo"), QDialogButtonBox::ActionRole);
    m_capture->setObjectName(QStringLiteral("takePhotoButton"));
    m_capture->setAccessibleName(tr("Take photo"));
    m_capture->setEnabled(false);
    m_capture->setDefault(true);
    m_retry = buttons->addButton(tr("T&ry again"), QDialogButtonBox::ActionRole);
    m_retry->setObjectName(QStringLiteral("cameraRetryButton"));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setText(tr("Cancel"));
    cancel->setObjectName(QStringLiteral("cameraCancelButton"));
    connect(m_capture, &QPushButton::clicked, this, &CameraCaptureDialog::capture);
    connect(m_retry, &QPushButton::clicked, this, &CameraCaptureDialog::startCamera);
    m_retry->hide(); // after every button is added: adding a standard button shows them all
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Camera:"), m_device);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    m_readyTimer = new QTimer(this);
    m_readyTimer->setSingleShot(true);
    connect(m_readyTimer, &QTimer::timeout, this, &CameraCaptureDialog::giveUp);

    connect(m_source.get(), &CameraSource::readyForCaptureChanged, this, &CameraCaptureDialog::setReady);
    connect(m_source.get(), &CameraSource::imageCaptured, this, [this](const QImage &image) {
        if (!m_capturing)
            return;
        m_capturing = false;
        if (image.isNull()) {
            setStatus(tr("The camera gave no picture. Try again."));
            m_capture->setEnabled(m_ready);
            return;
        }
        m_image = image;
        m_source->stop();
        accept();
    });
    connect(m_source.get(), &CameraSource::failed, this, [this](const QString &reason) {
        m_readyTimer->stop();
        m_capturing = false;
        setReady(false);
        m_retry->show();
        setStatus(tr("The camera reported a problem: %1. Check that it is connected and not used by another "
                     "program, then try again.")
                      .arg(reason.isEmpty() ? tr("unknown") : reason));
    });

    QString preferred;
    for (const CameraInfo &camera : m_source->cameras()) {
        m_device->addItem(camera.description, camera.id);
        if (camera.isDefault && preferred.isEmpty())
            preferred = camera.id;
    }
    if (m_device->count() == 0) {
        m_device->setEnabled(false);
        setStatus(tr("No camera was found. Connect a camera or dermatoscope, or import the pictures from files."));
    } else {
        if (const int index = m_device->findData(preferred); index >= 0)
            m_device->setCurrentIndex(index);
        connect(m_device, &QComboBox::currentIndexChanged, this, &CameraCaptureDialog::startCamera);
        startCamera();
    }
    resize(640, 560);
}

CameraCaptureDialog::~CameraCaptureDialog()
{
    m_readyTimer->stop();
    m_source->disconnect(this);
    m_source->stop();
}

QString CameraCaptureDialog::cameraDescription() const
{
    return m_device->currentText();
}

QString CameraCaptureDialog::statusText() const
{
    return m_status->text();
}

bool CameraCaptureDialog::isReadyForCapture() const
{
    return m_ready;
}

void CameraCaptureDialog::startCamera()
{
    m_retry->hide();
    m_capturing = false;
    m_ready = false;
    m_capture->setEnabled(false);
    setStatus(tr("Starting the camera…"));
    m_readyTimer->start(m_readyTimeout);
    m_source->start(m_device->currentData().toString(), m_preview);
    if (m_source->isReadyForCapture())
        setReady(true);
}

void CameraCaptureDialog::setReady(bool ready)
{
    m_ready = ready;
    m_capture->setEnabled(ready && !m_capturing);
    if (ready) {
        m_readyTimer->stop();
        m_retry->hide();
        setStatus(tr("The camera is ready."));
    }
}

void CameraCaptureDialog::giveUp()
{
    if (m_ready)
        return;
    m_source->stop();
    m_retry->show();
    const int seconds = int((m_readyTimeout.count() + 999) / 1000);
    setStatus(tr("The camera did not respond within %n second(s). Check that it is connected and not used by "
                 "another program, then try again.",
                 nullptr, seconds));
}

void CameraCaptureDialog::capture()
{
    if (!m_ready || m_capturing)
        return;
    m_capturing = true;
    m_capture->setEnabled(false);
    setStatus(tr("Taking the photo…"));
    m_source->capture();
}

void CameraCaptureDialog::setStatus(const QString &text)
{
    m_status->setText(text);
    Q_EMIT statusChanged(text);
}

} // namespace nara::referrals
