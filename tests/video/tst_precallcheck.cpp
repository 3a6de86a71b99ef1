#include "fakemediadevices.h"
#include "video/ui/precallcheckdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTest>

using namespace nara;
using namespace nara::video;
using nara::test::FakeMediaDevices;

class TestPreCallCheck : public QObject
{
    Q_OBJECT

private:
    template<typename T> static T *child(QWidget &parent, const char *name)
    {
        auto *widget = parent.findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no widget %s", name);
        return widget;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("nara-test"));
        QCoreApplication::setApplicationName(QStringLiteral("precallcheck"));
    }

    void init() { QSettings().clear(); }

    void devicesListedAndPreviewStarted()
    {
        FakeMediaDevices devices;
        PreCallCheckDialog dialog(devices);
        auto *camera = child<QComboBox>(dialog, "cameraCombo");
        auto *microphone = child<QComboBox>(dialog, "microphoneCombo");
        auto *output = child<QComboBox>(dialog, "outputCombo");
        QVERIFY(camera && microphone && output);
        QCOMPARE(camera->count(), 2);
        QCOMPARE(microphone->count(), 2);
        QCOMPARE(output->count(), 2);
        QCOMPARE(camera->currentText(), QStringLiteral("Inbyggd kamera")); // the system default
        // The preview and the level meter run on the chosen devices.
        QCOMPARE(devices.previewCamera, QStringLiteral("cam-built-in"));
        QCOMPARE(devices.levelMicrophone, QStringLiteral("mic-built-in"));
        QVERIFY(devices.previewLabel);
        QVERIFY(child<QWidget>(dialog, "cameraPreview")->isAncestorOf(devices.previewLabel));
        QVERIFY(child<QLabel>(dialog, "cameraMessage")->isHidden());
        QVERIFY(child<QLabel>(dialog, "microphoneMessage")->isHidden());
        QVERIFY(child<QPushButton>(dialog, "phoneInsteadButton")->isHidden());
        QVERIFY(child<QPushButton>(dialog, "continueButton")->isEnabled());

        camera->setCurrentIndex(1);
        QCOMPARE(devices.previewCamera, QStringLiteral("cam-usb"));
        microphone->setCurrentIndex(1);
        QCOMPARE(devices.levelMicrophone, QStringLiteral("mic-headset"));
        devices.setLevel(0.42);
        QCOMPARE(child<QProgressBar>(dialog, "microphoneLevel")->value(), 42);

        output->setCurrentIndex(1);
        QTest::mouseClick(child<QPushButton>(dialog, "testSoundButton"), Qt::LeftButton);
        QCOMPARE(devices.soundsPlayed, QStringList{QStringLiteral("out-headset")});

        // Audio only stops the preview and says so in the result.
        child<QCheckBox>(dialog, "audioOnlyCheck")->setChecked(true);
        QVERIFY(devices.previewCamera.isEmpty());
        const DeviceChoice choice = dialog.choice();
        QVERIFY(choice.audioOnly);
        QVERIFY(choice.cameraId.isEmpty());
        QCOMPARE(choice.microphoneId, QStringLiteral("mic-headset"));
        QCOMPARE(choice.outputId, QStringLiteral("out-headset"));

        // Closing releases the devices for the call.
        QTest::mouseClick(child<QPushButton>(dialog, "continueButton"), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(devices.previewCamera.isEmpty());
        QVERIFY(devices.levelMicrophone.isEmpty());
    }

    void noCameraOffersAudioOnly()
    {
        FakeMediaDevices devices;
        devices.cameraList.clear();
        PreCallCheckDialog dialog(devices);
        auto *message = child<QLabel>(dialog, "cameraMessage");
        QVERIFY(!message->isHidden());
        QVERIFY2(message->text().contains(QStringLiteral("No camera")), qPrintable(message->text()));
        QVERIFY(message->text().contains(QStringLiteral("audio only")));
        QVERIFY(child<QCheckBox>(dialog, "audioOnlyCheck")->isChecked());
        QVERIFY(!child<QComboBox>(dialog, "cameraCombo")->isEnabled());
        QVERIFY(child<QWidget>(dialog, "cameraPreview")->isHidden());
        QCOMPARE(devices.previewStarts, 0);
        // The microphone is fine: the visit can go ahead with audio only.
        QVERIFY(child<QPushButton>(dialog, "continueButton")->isEnabled());
        QVERIFY(dialog.choice().audioOnly);
    }

    void noMicrophoneOffersPhone()
    {
        FakeMediaDevices devices;
        devices.microphoneList.clear();
        PreCallCheckDialog dialog(devices);
        auto *message = child<QLabel>(dialog, "microphoneMessage");
        QVERIFY(!message->isHidden());
        QVERIFY2(message->text().contains(QStringLiteral("No microphone")), qPrintable(message->text()));
        QVERIFY(message->text().contains(QStringLiteral("phone")));
        auto *phone = child<QPushButton>(dialog, "phoneInsteadButton");
        QVERIFY(!phone->isHidden());
        QVERIFY(!child<QPushButton>(dialog, "continueButton")->isEnabled());
        QTest::mouseClick(phone, Qt::LeftButton);
        QCOMPARE(dialog.result(), PreCallCheckDialog::PhoneInstead);
    }

    void permissionDenied()
    {
        FakeMediaDevices devices;
        devices.cameraDenied = true;
        PreCallCheckDialog dialog(devices);
        auto *cameraMessage = child<QLabel>(dialog, "cameraMessage");
        QVERIFY(!cameraMessage->isHidden());
        QVERIFY2(cameraMessage->text().contains(QStringLiteral("denied")), qPrintable(cameraMessage->text()));
        QVERIFY(child<QCheckBox>(dialog, "audioOnlyCheck")->isChecked());
        QVERIFY(devices.previewCamera.isEmpty());

        // The microphone is refused while the dialog is open (the system asked, the user said no).
        auto *microphoneMessage = child<QLabel>(dialog, "microphoneMessage");
        QVERIFY(microphoneMessage->isHidden());
        devices.denyMicrophone(true);
        QVERIFY(!microphoneMessage->isHidden());
        QVERIFY(microphoneMessage->text().contains(QStringLiteral("denied")));
        QVERIFY(!child<QPushButton>(dialog, "phoneInsteadButton")->isHidden());

        // Allowed again: the messages go.
        devices.denyMicrophone(false);
        QVERIFY(microphoneMessage->isHidden());
    }

    void rememberedChoiceIsPreselected()
    {
        FakeMediaDevices devices;
        {
            PreCallCheckDialog first(devices);
            child<QComboBox>(first, "cameraCombo")->setCurrentIndex(1);
            child<QComboBox>(first, "microphoneCombo")->setCurrentIndex(1);
            child<QComboBox>(first, "outputCombo")->setCurrentIndex(1);
            first.accept();
        }
        const DeviceChoice remembered = PreCallCheckDialog::rememberedChoice();
        QCOMPARE(remembered.cameraId, QStringLiteral("cam-usb"));
        QCOMPARE(remembered.microphoneId, QStringLiteral("mic-headset"));
        QVERIFY(!remembered.audioOnly);

        PreCallCheckDialog second(devices);
        QCOMPARE(child<QComboBox>(second, "cameraCombo")->currentData().toString(), QStringLiteral("cam-usb"));
        QCOMPARE(child<QComboBox>(second, "microphoneCombo")->currentData().toString(), QStringLiteral("mic-headset"));
        QCOMPARE(child<QComboBox>(second, "outputCombo")->currentData().toString(), QStringLiteral("out-headset"));
        QCOMPARE(devices.previewCamera, QStringLiteral("cam-usb"));

        // A remembered camera that is gone: the default is chosen instead.
        devices.cameraList.removeLast();
        PreCallCheckDialog third(devices);
        QCOMPARE(child<QComboBox>(third, "cameraCombo")->currentData().toString(), QStringLiteral("cam-built-in"));
        // Cancelling remembers nothing.
        child<QComboBox>(third, "microphoneCombo")->setCurrentIndex(0);
        third.reject();
        QCOMPARE(PreCallCheckDialog::rememberedChoice().microphoneId, QStringLiteral("mic-headset"));
    }

    void controlsHaveAccessibleNames()
    {
        FakeMediaDevices devices;
        PreCallCheckDialog dialog(devices);
        for (const char *name : {"cameraCombo", "cameraPreview", "audioOnlyCheck", "microphoneCombo", "microphoneLevel",
                                 "outputCombo", "testSoundButton", "continueButton", "phoneInsteadButton"}) {
            QWidget *widget = child<QWidget>(dialog, name);
            QVERIFY2(widget, name);
            QVERIFY2(!widget->accessibleName().isEmpty(), name);
        }
    }
};

QTEST_MAIN(TestPreCallCheck)
#include "tst_precallcheck.moc"
