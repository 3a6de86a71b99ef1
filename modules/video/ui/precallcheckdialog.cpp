#include "video/ui/precallcheckdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace nara::video {

namespace {

const QString kCameraKey = QStringLiteral("video/cameraId");
const QString kMicrophoneKey = QStringLiteral("video/microphoneId");
const QString kOutputKey = QStringLiteral("video/outputId");
const QString kAudioOnlyKey = QStringLiteral("video/audioOnly");

// Fills a combo box; the remembered device first, else the system's default.
void fill(QComboBox *combo, const QList<MediaDevice> &devices, const QString &remembered)
{
    const QSignalBlocker blocker(combo);
    combo->clear();
    int selected = -1;
    for (const MediaDevice &device : devices) {
        combo->addItem(device.name, device.id);
        if (device.id == remembered)
            selected = combo->count() - 1;
        else if (selected < 0 && device.isDefault)
            selected = combo->count() - 1;
    }
    combo->setCurrentIndex(selected >= 0 ? selected : (combo->count() > 0 ? 0 : -1));
    combo->setEnabled(combo->count() > 0);
}

QLabel *messageLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(QStringLiteral("color: #8a1c00;"));
    label->hide();
    return label;
}

} // namespace

PreCallCheckDialog::PreCallCheckDialog(MediaDevices &devices, QWidget *parent)
    : QDialog(parent)
    , m_devices(devices)
{
    setObjectName(QStringLiteral("preCallCheckDialog"));
    setWindowTitle(tr("Pre-call check"));

    m_camera = new QComboBox(this);
    m_camera->setObjectName(QStringLiteral("cameraCombo"));
    m_camera->setAccessibleName(tr("Camera"));
    m_preview = new QWidget(this);
    m_preview->setObjectName(QStringLiteral("cameraPreview"));
    m_preview->setAccessibleName(tr("Camera preview"));
    m_preview->setMinimumSize(320, 180);
    m_preview->setStyleSheet(QStringLiteral("#cameraPreview { background: #202020; }"));
    m_cameraMessage = messageLabel(QStringLiteral("cameraMessage"), this);
    m_audioOnly = new QCheckBox(tr("Audio only (no camera)"), this);
    m_audioOnly->setObjectName(QStringLiteral("audioOnlyCheck"));
    m_audioOnly->setAccessibleName(tr("Audio only, without camera"));

    m_microphone = new QComboBox(this);
    m_microphone->setObjectName(QStringLiteral("microphoneCombo"));
    m_microphone->setAccessibleName(tr("Microphone"));
    m_level = new QProgressBar(this);
    m_level->setObjectName(QStringLiteral("microphoneLevel"));
    m_level->setAccessibleName(tr("Microphone level"));
    m_level->setRange(0, 100);
    m_level->setValue(0);
    m_level->setTextVisible(false);
    m_level->setMaximumHeight(12);
    m_microphoneMessage = messageLabel(QStringLiteral("microphoneMessage"), this);

    m_output = new QComboBox(this);
    m_output->setObjectName(QStringLiteral("outputCombo"));
    m_output->setAccessibleName(tr("Loudspeaker"));
    m_testSound = new QPushButton(tr("&Play test sound"), this);
    m_testSound->setObjectName(QStringLiteral("testSoundButton"));
    m_testSound->setAccessibleName(tr("Play test sound"));

    auto *buttons = new QDialogButtonBox(this);
    m_continue = buttons->addButton(tr("Continue"), QDialogButtonBox::AcceptRole);
    m_continue->setObjectName(QStringLiteral("continueButton"));
    m_continue->setAccessibleName(tr("Continue with these devices"));
    m_continue->setDefault(true);
    m_phone = buttons->addButton(tr("Call the patient by phone instead"), QDialogButtonBox::ActionRole);
    m_phone->setObjectName(QStringLiteral("phoneInsteadButton"));
    m_phone->setAccessibleName(tr("Call the patient by phone instead"));
    m_phone->hide();
    QPushButton *cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_phone, &QPushButton::clicked, this, [this] { done(PhoneInstead); });

    auto *outputRow = new QHBoxLayout;
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(m_testSound);
    auto *form = new QFormLayout;
    form->addRow(tr("&Camera:"), m_camera);
    form->addRow(QString(), m_preview);
    form->addRow(QString(), m_cameraMessage);
    form->addRow(QString(), m_audioOnly);
    form->addRow(tr("&Microphone:"), m_microphone);
    form->addRow(tr("Level:"), m_level);
    form->addRow(QString(), m_microphoneMessage);
    auto *outputLabel = new QLabel(tr("&Loudspeaker:"), this);
    outputLabel->setBuddy(m_output); // a row of a layout gets no buddy of its own
    form->addRow(outputLabel, outputRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_camera, &QComboBox::currentIndexChanged, this, &PreCallCheckDialog::restartPreview);
    connect(m_audioOnly, &QCheckBox::toggled, this, &PreCallCheckDialog::restartPreview);
    connect(m_microphone, &QComboBox::currentIndexChanged, this, &PreCallCheckDialog::restartLevel);
    connect(m_testSound, &QPushButton::clicked, this,
            [this] { m_devices.playTestSound(m_output->currentData().toString()); });
    connect(&m_devices, &MediaDevices::microphoneLevel, m_level,
            [this](qreal level) { m_level->setValue(int(std::clamp<qreal>(level, 0, 1) * 100)); });
    connect(&m_devices, &MediaDevices::accessChanged, this, &PreCallCheckDialog::updateMessages);
    connect(&m_devices, &MediaDevices::devicesChanged, this, [this] {
        fillDevices();
        restartPreview();
        restartLevel();
    });

    m_audioOnly->setChecked(rememberedChoice().audioOnly);
    fillDevices();
    restartPreview();
    restartLevel();
}

PreCallCheckDialog::~PreCallCheckDialog()
{
    if (!m_stopped) {
        m_devices.stopPreview();
        m_devices.stopLevel();
    }
}

void PreCallCheckDialog::fillDevices()
{
    const DeviceChoice remembered = rememberedChoice();
    fill(m_camera, m_devices.cameras(), remembered.cameraId);
    fill(m_microphone, m_devices.microphones(), remembered.microphoneId);
    fill(m_output, m_devices.outputs(), remembered.outputId);
    m_testSound->setEnabled(m_output->count() > 0);
    updateMessages();
}

void PreCallCheckDialog::updateMessages()
{
    switch (m_devices.cameraAccess()) {
    case MediaAccess::NonePresent:
        m_cameraMessage->setText(tr("No camera was found. Connect a camera, or hold the visit with audio only."));
        break;
    case MediaAccess::Denied:
        m_cameraMessage->setText(tr("The camera could not be used: access was denied. Allow camera access in the "
                                    "computer's settings or close other programs that use it, or hold the visit "
                                    "with audio only."));
        break;
    case MediaAccess::Granted: m_cameraMessage->clear(); break;
    }
    const bool cameraUsable = m_devices.cameraAccess() == MediaAccess::Granted;
    m_cameraMessage->setVisible(!cameraUsable);
    if (!cameraUsable) {
        // Offer audio only: chosen for the user, who can see why.
        const QSignalBlocker blocker(m_audioOnly);
        m_audioOnly->setChecked(true);
    }
    m_audioOnly->setEnabled(cameraUsable);
    m_preview->setVisible(cameraUsable && !m_audioOnly->isChecked());

    switch (m_devices.microphoneAccess()) {
    case MediaAccess::NonePresent:
        m_microphoneMessage->setText(
            tr("No microphone was found. Connect a headset, or call the patient by phone instead."));
        break;
    case MediaAccess::Denied:
        m_microphoneMessage->setText(tr("The microphone could not be used: access was denied. Allow microphone "
                                        "access in the computer's settings, or call the patient by phone instead."));
        break;
    case MediaAccess::Granted: m_microphoneMessage->clear(); break;
    }
    const bool microphoneUsable = m_devices.microphoneAccess() == MediaAccess::Granted;
    m_microphoneMessage->setVisible(!microphoneUsable);
    m_level->setEnabled(microphoneUsable);
    m_phone->setVisible(!microphoneUsable);
    m_continue->setEnabled(microphoneUsable);
    if (!microphoneUsable)
        m_phone->setDefault(true);
}

void PreCallCheckDialog::restartPreview()
{
    m_devices.stopPreview();
    const bool show = m_devices.cameraAccess() == MediaAccess::Granted && !m_audioOnly->isChecked()
        && m_camera->currentIndex() >= 0;
    m_preview->setVisible(show);
    if (show)
        m_devices.startPreview(m_camera->currentData().toString(), m_preview);
}

void PreCallCheckDialog::restartLevel()
{
    m_devices.stopLevel();
    m_level->setValue(0);
    if (m_devices.microphoneAccess() != MediaAccess::NonePresent && m_microphone->currentIndex() >= 0)
        m_devices.startLevel(m_microphone->currentData().toString());
}

DeviceChoice PreCallCheckDialog::choice() const
{
    DeviceChoice choice;
    choice.audioOnly = m_audioOnly->isChecked() || m_camera->currentIndex() < 0;
    choice.cameraId = choice.audioOnly ? QString() : m_camera->currentData().toString();
    choice.microphoneId = m_microphone->currentData().toString();
    choice.outputId = m_output->currentData().toString();
    return choice;
}

DeviceChoice PreCallCheckDialog::rememberedChoice()
{
    QSettings settings;
    return DeviceChoice{settings.value(kCameraKey).toString(), settings.value(kMicrophoneKey).toString(),
                        settings.value(kOutputKey).toString(), settings.value(kAudioOnlyKey, false).toBool()};
}

void PreCallCheckDialog::remember(const DeviceChoice &choice)
{
    QSettings settings;
    // An audio-only choice forced by a missing camera keeps the camera remembered before.
    if (!choice.cameraId.isEmpty())
        settings.setValue(kCameraKey, choice.cameraId);
    if (!choice.microphoneId.isEmpty())
        settings.setValue(kMicrophoneKey, choice.microphoneId);
    if (!choice.outputId.isEmpty())
        settings.setValue(kOutputKey, choice.outputId);
    settings.setValue(kAudioOnlyKey, choice.audioOnly);
}

void PreCallCheckDialog::accept()
{
    DeviceChoice chosen = choice();
    // Audio only because there is no usable camera is not a preference to keep.
    if (m_devices.cameraAccess() != MediaAccess::Granted)
        chosen.audioOnly = rememberedChoice().audioOnly;
    remember(chosen);
    QDialog::accept();
}

void PreCallCheckDialog::done(int result)
{
    // Release the camera and microphone before the call window asks for them.
    m_devices.stopPreview();
    m_devices.stopLevel();
    m_stopped = true;
    QDialog::done(result);
}

} // namespace nara::video
