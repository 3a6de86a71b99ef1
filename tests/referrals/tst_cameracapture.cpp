// Taking a photo for a referral (issue 5): the dialog waits until the camera is ready, gives up with
// a message after the (injected) timeout, says so when there is no camera (this machine has none:
// the real Qt Multimedia source is asked too), lets the sender choose the device and hands the
// picture to the image list, which processes it like a file and dates it by the clock.

#include "fakeclock.h"
#include "referrals/ui/cameracapturedialog.h"
#include "referrals/ui/qtcamerasource.h"
#include "referrals/ui/referralimagelist.h"
#include "referraltestimages.h"

#include <QCameraDevice>
#include <QComboBox>
#include <QLabel>
#include <QMediaDevices>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace nara;
using namespace nara::referrals;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// What a fake camera did, shared with the test after the dialog took ownership of the camera.
struct CameraLog
{
    QStringList started; // the ids start() was called with
    int stopped = 0;
    int captures = 0;
};

// A camera as the test wants it: ready at once or never, failing, or without any device.
class FakeCamera final : public CameraSource
{
public:
    enum class Behaviour { ReadyAtOnce, ReadyLater, NeverReady, Fails };

    FakeCamera(QList<CameraInfo> cameras, Behaviour behaviour, std::shared_ptr<CameraLog> log)
        : m_cameras(std::move(cameras))
        , m_behaviour(behaviour)
        , m_log(std::move(log))
    {
    }

    QList<CameraInfo> cameras() const override { return m_cameras; }
    void start(const QString &cameraId, QWidget *) override
    {
        m_log->started.append(cameraId);
        if (m_behaviour == Behaviour::ReadyAtOnce)
            m_ready = true;
        else if (m_behaviour == Behaviour::ReadyLater)
            QTimer::singleShot(0, this, [this] {
                m_ready = true;
                Q_EMIT readyForCaptureChanged(true);
            });
        else if (m_behaviour == Behaviour::Fails)
            QTimer::singleShot(0, this, [this] { Q_EMIT failed(u"Device or resource busy"_s); });
    }
    void stop() override
    {
        ++m_log->stopped;
        m_ready = false;
    }
    bool isReadyForCapture() const override { return m_ready; }
    void capture() override
    {
        ++m_log->captures;
        QTimer::singleShot(0, this, [this] { Q_EMIT imageCaptured(test::skinPattern(640, 480, 42)); });
    }

private:
    QList<CameraInfo> m_cameras;
    Behaviour m_behaviour;
    std::shared_ptr<CameraLog> m_log;
    bool m_ready = false;
};

const QList<CameraInfo> kTwoCameras{{u"usb-1"_s, u"Integrated Camera"_s, false}, {u"usb-2"_s, u"DermLite DL5"_s, true}};

template<typename T> T *child(QWidget &parent, const QString &name)
{
    auto *widget = parent.findChild<T *>(name);
    if (!widget)
        qWarning("no widget %s", qPrintable(name));
    return widget;
}

} // namespace

class TestCameraCapture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noCameraSaysSo();
    void realSourceOnThisMachine();
    void givesUpAfterTheTimeout();
    void defaultTimeoutIsTenSeconds();
    void waitsUntilReadyThenCaptures();
    void cameraProblemIsSaid();
    void senderChoosesTheDevice();
    void capturedPictureJoinsTheImageList();
};

void TestCameraCapture::noCameraSaysSo()
{
    auto log = std::make_shared<CameraLog>();
    CameraCaptureDialog dialog(
        std::make_unique<FakeCamera>(QList<CameraInfo>{}, FakeCamera::Behaviour::ReadyAtOnce, log));
    QCOMPARE(dialog.statusText(),
             u"No camera was found. Connect a camera or dermatoscope, or import the pictures from files."_s);
    QVERIFY(!child<QPushButton>(dialog, u"takePhotoButton"_s)->isEnabled());
    QVERIFY(!child<QComboBox>(dialog, u"cameraDevice"_s)->isEnabled());
    QVERIFY(log->started.isEmpty());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!child<QPushButton>(dialog, u"cameraRetryButton"_s)->isVisible()); // nothing to try again
    QVERIFY(child<QLabel>(dialog, u"cameraStatus"_s)->isVisible());
}

void TestCameraCapture::realSourceOnThisMachine()
{
    // Qt Multimedia's own view of the machine decides what the dialog must say.
    const bool hasCamera = !QMediaDevices::videoInputs().isEmpty();
    CameraCaptureDialog dialog(std::make_unique<QtCameraSource>(), nullptr, 50ms);
    QCOMPARE(child<QComboBox>(dialog, u"cameraDevice"_s)->count(), int(QMediaDevices::videoInputs().size()));
    if (!hasCamera) {
        QVERIFY(dialog.statusText().startsWith(u"No camera was found."_s));
        QVERIFY(!child<QPushButton>(dialog, u"takePhotoButton"_s)->isEnabled());
    } else {
        QTRY_VERIFY(dialog.isReadyForCapture() || dialog.statusText().startsWith(u"The camera"_s));
    }
}

void TestCameraCapture::givesUpAfterTheTimeout()
{
    auto log = std::make_shared<CameraLog>();
    CameraCaptureDialog dialog(std::make_unique<FakeCamera>(kTwoCameras, FakeCamera::Behaviour::NeverReady, log),
                               nullptr, 30ms);
    QCOMPARE(dialog.statusText(), u"Starting the camera…"_s);
    QVERIFY(!child<QPushButton>(dialog, u"takePhotoButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(dialog, u"cameraRetryButton"_s)->isVisibleTo(&dialog));
    QSignalSpy status(&dialog, &CameraCaptureDialog::statusChanged);
    QVERIFY(status.wait());
    QCOMPARE(dialog.statusText(),
             u"The camera did not respond within 1 second(s). Check that it is connected and "
             u"not used by another program, then try again."_s);
    QVERIFY(!child<QPushButton>(dialog, u"takePhotoButton"_s)->isEnabled());
    QVERIFY(child<QPushButton>(dialog, u"cameraRetryButton"_s)->isVisibleTo(&dialog));
    QVERIFY(log->stopped >= 1);

    // Trying again starts the camera again, and gives up again.
    QTest::mouseClick(child<QPushButton>(dialog, u"cameraRetryButton"_s), Qt::LeftButton);
    QCOMPARE(log->started.size(), 2);
    QCOMPARE(dialog.statusText(), u"Starting the camera…"_s);
    QVERIFY(status.wait());
    QVERIFY(dialog.statusText().startsWith(u"The camera did not respond"_s));
}

void TestCameraCapture::defaultTimeoutIsTenSeconds()
{
    QCOMPARE(CameraCaptureDialog::kDefaultReadyTimeout, 10'000ms);
}

void TestCameraCapture::waitsUntilReadyThenCaptures()
{
    auto log = std::make_shared<CameraLog>();
    CameraCaptureDialog dialog(std::make_unique<FakeCamera>(kTwoCameras, FakeCamera::Behaviour::ReadyLater, log));
    auto *take = child<QPushButton>(dialog, u"takePhotoButton"_s);
    QVERIFY(!take->isEnabled()); // not before the camera says it is ready
    QTRY_VERIFY(dialog.isReadyForCapture());
    QVERIFY(take->isEnabled());
    QCOMPARE(dialog.statusText(), u"The camera is ready."_s);

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(take, Qt::LeftButton);
    QVERIFY(!take->isEnabled()); // one picture at a time
    QVERIFY(accepted.wait());
    QCOMPARE(log->captures, 1);
    QCOMPARE(dialog.capturedImage().size(), QSize(640, 480));
    QCOMPARE(dialog.cameraDescription(), u"DermLite DL5"_s);
}

void TestCameraCapture::cameraProblemIsSaid()
{
    auto log = std::make_shared<CameraLog>();
    CameraCaptureDialog dialog(std::make_unique<FakeCamera>(kTwoCameras, FakeCamera::Behaviour::Fails, log));
    QSignalSpy status(&dialog, &CameraCaptureDialog::statusChanged);
    QVERIFY(status.wait());
    QCOMPARE(dialog.statusText(),
             u"The camera reported a problem: Device or resource busy. Check that it is "
             u"connected and not used by another program, then try again."_s);
    QVERIFY(child<QPushButton>(dialog, u"cameraRetryButton"_s)->isVisibleTo(&dialog));
    QVERIFY(!child<QPushButton>(dialog, u"takePhotoButton"_s)->isEnabled());
}

void TestCameraCapture::senderChoosesTheDevice()
{
    auto log = std::make_shared<CameraLog>();
    CameraCaptureDialog dialog(std::make_unique<FakeCamera>(kTwoCameras, FakeCamera::Behaviour::ReadyAtOnce, log));
    auto *device = child<QComboBox>(dialog, u"cameraDevice"_s);
    QCOMPARE(device->count(), 2);
    QCOMPARE(device->currentText(), u"DermLite DL5"_s); // the system's default
    QCOMPARE(log->started, QStringList{u"usb-2"_s});
    QVERIFY(dialog.isReadyForCapture());
    device->setCurrentIndex(0);
    QCOMPARE(log->started, (QStringList{u"usb-2"_s, u"usb-1"_s}));
    QVERIFY(dialog.isReadyForCapture());
    QCOMPARE(dialog.cameraDescription(), u"Integrated Camera"_s);
}

void TestCameraCapture::capturedPictureJoinsTheImageList()
{
    test::FakeClock clock(1'764'000'123'000);
    ReferralImageList list(clock);
    auto log = std::make_shared<CameraLog>();
    list.setCameraSourceFactory(
        [log] { return std::make_unique<FakeCamera>(kTwoCameras, FakeCamera::Behaviour::ReadyLater, log); });
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    auto *captureButton = child<QPushButton>(list, u"captureImageButton"_s);
    QTest::mouseClick(captureButton, Qt::LeftButton);
    auto *dialog = list.findChild<CameraCaptureDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!captureButton->isEnabled()); // one camera dialog at a time
    QTRY_VERIFY(dialog->isReadyForCapture());
    QSignalSpy finished(&list, &ReferralImageList::processingFinished);
    QTest::mouseClick(child<QPushButton>(*dialog, u"takePhotoButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(30'000));

    QCOMPARE(list.count(), 1);
    const DraftImage image = list.images().constFirst();
    QCOMPARE(image.takenAt, clock.nowMs());
    QCOMPARE(image.sourceName, u"DermLite DL5"_s);
    QCOMPARE(image.processed.width, 640);
    QCOMPARE(image.view, u"overview"_s);
    QTRY_VERIFY(!list.findChild<CameraCaptureDialog *>()); // closed and deleted
    QVERIFY(captureButton->isEnabled());
}

QTEST_MAIN(TestCameraCapture)
#include "tst_cameracapture.moc"
