#pragma once

#include "video/ui/mediadevices.h"

#include <QLabel>
#include <QLayout>
#include <QPointer>
#include <QVBoxLayout>

namespace nara::test {

// Cameras, microphones and loudspeakers from a script, for the pre-call check and the visit pane.
// Records what the dialog asked for; the level and the access state are driven by the test.
class FakeMediaDevices final : public video::MediaDevices
{
public:
    using MediaDevices::MediaDevices;

    QList<video::MediaDevice> cameras() const override { return cameraList; }
    QList<video::MediaDevice> microphones() const override { return microphoneList; }
    QList<video::MediaDevice> outputs() const override { return outputList; }
    video::MediaAccess cameraAccess() const override
    {
        return cameraList.isEmpty() ? video::MediaAccess::NonePresent
                                    : (cameraDenied ? video::MediaAccess::Denied : video::MediaAccess::Granted);
    }
    video::MediaAccess microphoneAccess() const override
    {
        return microphoneList.isEmpty() ? video::MediaAccess::NonePresent
                                        : (microphoneDenied ? video::MediaAccess::Denied : video::MediaAccess::Granted);
    }
    void startPreview(const QString &cameraId, QWidget *container) override
    {
        previewCamera = cameraId;
        ++previewStarts;
        if (!container->layout())
            new QVBoxLayout(container);
        if (!previewLabel) {
            previewLabel = new QLabel(container);
            previewLabel->setObjectName(QStringLiteral("fakePreview"));
            previewLabel->setAlignment(Qt::AlignCenter);
            previewLabel->setStyleSheet(QStringLiteral("color: white; background: #35536b;"));
            container->layout()->addWidget(previewLabel);
        }
        previewLabel->setText(QStringLiteral("[%1]").arg(cameraId));
        previewLabel->show();
    }
    void stopPreview() override
    {
        previewCamera.clear();
        if (previewLabel)
            previewLabel->hide();
    }
    void startLevel(const QString &microphoneId) override { levelMicrophone = microphoneId; }
    void stopLevel() override { levelMicrophone.clear(); }
    void playTestSound(const QString &outputId) override { soundsPlayed.append(outputId); }

    void setLevel(qreal level) { Q_EMIT microphoneLevel(level); }
    void denyCamera(bool denied)
    {
        cameraDenied = denied;
        Q_EMIT accessChanged();
    }
    void denyMicrophone(bool denied)
    {
        microphoneDenied = denied;
        Q_EMIT accessChanged();
    }

    static QList<video::MediaDevice> standardCameras()
    {
        return {{QStringLiteral("cam-built-in"), QStringLiteral("Inbyggd kamera"), true},
                {QStringLiteral("cam-usb"), QStringLiteral("USB-kamera"), false}};
    }
    static QList<video::MediaDevice> standardMicrophones()
    {
        return {{QStringLiteral("mic-built-in"), QStringLiteral("Inbyggd mikrofon"), true},
                {QStringLiteral("mic-headset"), QStringLiteral("Headset"), false}};
    }
    static QList<video::MediaDevice> standardOutputs()
    {
        return {{QStringLiteral("out-speakers"), QStringLiteral("Högtalare"), true},
                {QStringLiteral("out-headset"), QStringLiteral("Headset"), false}};
    }

    QList<video::MediaDevice> cameraList = standardCameras();
    QList<video::MediaDevice> microphoneList = standardMicrophones();
    QList<video::MediaDevice> outputList = standardOutputs();
    bool cameraDenied = false;
    bool microphoneDenied = false;
    QString previewCamera; // empty: no preview running
    int previewStarts = 0;
    QString levelMicrophone; // empty: not listening
    QStringList soundsPlayed;
    QPointer<QLabel> previewLabel;
};

} // namespace nara::test
