#pragma once

#include "video/ui/mediadevices.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace nara::video {

// Before a call: choose camera, microphone and loudspeaker, see the camera's picture, watch the
// microphone's level and hear a test sound (DESIGN.md §5). Says plainly when a device is missing
// or refused, and offers audio only (no camera) or a phone call instead (no microphone).
// The choice is remembered (QSettings, group "video") and preselected next time.
class PreCallCheckDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreCallCheckDialog)
public:
    // done() with this code: the user chose to phone the patient instead.
    static constexpr int PhoneInstead = 2;

    explicit PreCallCheckDialog(MediaDevices &devices, QWidget *parent = nullptr);
    ~PreCallCheckDialog() override;

    DeviceChoice choice() const;
    // What the user chose last time (or empty ids: the defaults).
    static DeviceChoice rememberedChoice();
    static void remember(const DeviceChoice &choice);

    void accept() override;
    void done(int result) override;

private:
    void fillDevices();
    void updateMessages();
    void restartPreview();
    void restartLevel();

    MediaDevices &m_devices;
    QComboBox *m_camera = nullptr;
    QWidget *m_preview = nullptr;
    QLabel *m_cameraMessage = nullptr;
    QCheckBox *m_audioOnly = nullptr;
    QComboBox *m_microphone = nullptr;
    QProgressBar *m_level = nullptr;
    QLabel *m_microphoneMessage = nullptr;
    QComboBox *m_output = nullptr;
    QPushButton *m_testSound = nullptr;
    QPushButton *m_phone = nullptr;
    QPushButton *m_continue = nullptr;
    bool m_stopped = false;
};

} // namespace nara::video
