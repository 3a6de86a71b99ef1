// The in-call window with real WebRTC between two CallWindows in one process (Chromium's fake
// camera and microphone), signalling through an in-process hub that speaks the contract's frames.

#include "call/ui/callwindow.h"
#include "call/ui/signallingclient.h"
#include "callprobe.h"
#include "fakesignallinghub.h"

#include <QApplication>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace nara;
using namespace nara::call;
using namespace nara::test;

class TestCallWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoStaffTalkChatMuteRejoinAndHangUp();
    void threeWayMeshConnectsEveryPair();
    void audioOnlyThenCameraOnWithoutRenegotiation();
    void admitButtonFollowsTheWaitingRoom();

private:
    std::unique_ptr<CallWindow> open(const QString &token, const QString &name,
                                     const QString &visit = QStringLiteral("visit-1"), bool audioOnly = false)
    {
        CallSettings settings;
        settings.audioOnly = audioOnly;
        settings.serverUrl = m_hub.url();
        settings.token = token;
        settings.visitId = visit;
        settings.selfName = name;
        auto window = std::make_unique<CallWindow>(settings);
        window->resize(900, 600);
        window->show();
        return window;
    }

    FakeSignallingHub m_hub;
};

void TestCallWindow::twoStaffTalkChatMuteRejoinAndHangUp()
{
    m_hub.addPerson(QStringLiteral("tok-anna"), {QStringLiteral("staff:anna"), QStringLiteral("Anna Lindqvist")});
    m_hub.addPerson(QStringLiteral("tok-erik"), {QStringLiteral("staff:erik"), QStringLiteral("Erik Johansson")});
    const QString anna = QStringLiteral("staff:anna");
    const QString erik = QStringLiteral("staff:erik");

    auto first = open(QStringLiteral("tok-anna"), QStringLiteral("Anna Lindqvist"));
    QTRY_VERIFY_WITH_TIMEOUT(first->isMediaReady(), 30000);
    QVERIFY(!first->isAudioOnly()); // the fake camera works
    QTRY_COMPARE_WITH_TIMEOUT(first->selfPeerId(), anna, 10000);
    QCOMPARE(first->findChild<QLabel *>(QStringLiteral("callStatus"))->text(),
             QStringLiteral("Waiting for the other participants…"));

    auto second = open(QStringLiteral("tok-erik"), QStringLiteral("Erik Johansson"));
    QTRY_COMPARE_WITH_TIMEOUT(first->connectionStates().value(erik), QStringLiteral("connected"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(second->connectionStates().value(anna), QStringLiteral("connected"), 30000);
    QCOMPARE(first->statusText(), QStringLiteral("Connected"));

    // Audio and video flow both ways, on both ends.
    const MediaBytes annaStart = MediaBytes::of(callStats(*first), erik);
    const MediaBytes erikStart = MediaBytes::of(callStats(*second), anna);
    QTRY_VERIFY_WITH_TIMEOUT(MediaBytes::of(callStats(*first), erik).allGrewSince(annaStart), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(MediaBytes::of(callStats(*second), anna).allGrewSince(erikStart), 30000);
    qInfo("anna <- erik: %s", qPrintable(MediaBytes::of(callStats(*first), erik).toString()));
    qInfo("erik <- anna: %s", qPrintable(MediaBytes::of(callStats(*second), anna).toString()));

    // Chat beside the call.
    auto *input = first->findChild<QLineEdit *>(QStringLiteral("callChatInput"));
    input->setText(QStringLiteral("Hör du mig?"));
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_VERIFY(second->findChild<QPlainTextEdit *>(QStringLiteral("callChatLog"))
                    ->toPlainText()
                    .contains(QStringLiteral("Anna Lindqvist: Hör du mig?")));

    // Mute and camera off keep the connection; the buttons say what they will do next.
    auto *mute = first->findChild<QToolButton *>(QStringLiteral("callMute"));
    mute->click();
    QCOMPARE(mute->text(), QStringLiteral("Unmute the microphone"));
    auto *camera = first->findChild<QToolButton *>(QStringLiteral("callCamera"));
    camera->click();
    QCOMPARE(camera->text(), QStringLiteral("Turn the camera on"));
    camera->click(); // camera on again: a new track through replaceTrack, no renegotiation
    QTRY_COMPARE_WITH_TIMEOUT(camera->text(), QStringLiteral("Turn the camera off"), 10000);
    const MediaBytes afterSwitch = MediaBytes::of(callStats(*second), anna);
    QTRY_VERIFY_WITH_TIMEOUT(MediaBytes::of(callStats(*second), anna).videoReceived > afterSwitch.videoReceived + 1000,
                             30000);

    // The network drops under Erik: he reconnects, rejoins, and Anna offers again.
    const int joins = second->joinCount();
    second->signalling()->dropConnection();
    QTRY_VERIFY_WITH_TIMEOUT(second->joinCount() > joins, 20000);
    QCOMPARE(second->signalling()->reconnects(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(second->connectionStates().value(anna), QStringLiteral("connected"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(first->connectionStates().value(erik), QStringLiteral("connected"), 30000);
    const MediaBytes rejoined = MediaBytes::of(callStats(*second), anna);
    QTRY_VERIFY_WITH_TIMEOUT(MediaBytes::of(callStats(*second), anna).allGrewSince(rejoined), 30000);

    // Hang up (Ctrl+Shift+H): finished once, and the other side sees the peer leave.
    QSignalSpy finished(second.get(), &CallWindow::finished);
    second->findChild<QPushButton *>(QStringLiteral("callHangUp"))->click();
    QCOMPARE(finished.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!first->connectionStates().contains(erik), 10000);
    QTRY_COMPARE(first->statusText(), QStringLiteral("Waiting for the other participants…"));
}

void TestCallWindow::threeWayMeshConnectsEveryPair()
{
    m_hub.addPerson(QStringLiteral("tok-lena"), {QStringLiteral("staff:lena"), QStringLiteral("Lena Berg")});
    const QStringList peers{QStringLiteral("staff:anna"), QStringLiteral("staff:erik"), QStringLiteral("staff:lena")};
    const QString visit = QStringLiteral("visit-2");
    std::vector<std::unique_ptr<CallWindow>> windows;
    windows.push_back(open(QStringLiteral("tok-anna"), QStringLiteral("Anna Lindqvist"), visit));
    windows.push_back(open(QStringLiteral("tok-erik"), QStringLiteral("Erik Johansson"), visit));
    windows.push_back(open(QStringLiteral("tok-lena"), QStringLiteral("Lena Berg"), visit));
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            if (i != j)
                QTRY_COMPARE_WITH_TIMEOUT(windows[i]->connectionStates().value(peers[j]), QStringLiteral("connected"),
                                          30000);
    for (int i = 0; i < 3; ++i) {
        const QString other = peers[(i + 1) % 3];
        const MediaBytes before = MediaBytes::of(callStats(*windows[i]), other);
        QTRY_VERIFY_WITH_TIMEOUT(MediaBytes::of(callStats(*windows[i]), other).allGrewSince(before), 30000);
    }
    auto *participants = windows[0]->findChild<QListWidget *>(QStringLiteral("callParticipants"));
    QCOMPARE(participants->count(), 3);
    QVERIFY(participants->item(1)->text().endsWith(QStringLiteral("connected")));
}

void TestCallWindow::audioOnlyThenCameraOnWithoutRenegotiation()
{
    const QString anna = QStringLiteral("staff:anna");
    const QString erik = QStringLiteral("staff:erik");
    const QString visit = QStringLiteral("visit-3");
    auto withVideo = open(QStringLiteral("tok-anna"), QStringLiteral("Anna Lindqvist"), visit);
    auto audioOnly = open(QStringLiteral("tok-erik"), QStringLiteral("Erik Johansson"), visit, true);
    QTRY_VERIFY_WITH_TIMEOUT(audioOnly->isMediaReady(), 30000);
    QVERIFY(audioOnly->isAudioOnly());
    auto *camera = audioOnly->findChild<QToolButton *>(QStringLiteral("callCamera"));
    QVERIFY(camera->isChecked()); // "camera off"
    QTRY_COMPARE_WITH_TIMEOUT(audioOnly->connectionStates().value(anna), QStringLiteral("connected"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(withVideo->connectionStates().value(erik), QStringLiteral("connected"), 30000);

    // Audio both ways; video only towards the audio-only side.
    const MediaBytes start = MediaBytes::of(callStats(*audioOnly), anna);
    QTRY_VERIFY_WITH_TIMEOUT(MediaBytes::of(callStats(*audioOnly), anna).videoReceived > start.videoReceived
                                 && MediaBytes::of(callStats(*audioOnly), anna).audioSent > start.audioSent
                                 && MediaBytes::of(callStats(*audioOnly), anna).audioReceived > start.audioReceived,
                             30000);
    QCOMPARE(MediaBytes::of(callStats(*audioOnly), anna).videoSent, 0.0);

    // Camera on: the new track goes out on the existing video transceiver.
    camera->click();
    QTRY_VERIFY_WITH_TIMEOUT(!camera->isChecked(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(MediaBytes::of(callStats(*audioOnly), anna).videoSent > 1000, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(MediaBytes::of(callStats(*withVideo), erik).videoReceived > 1000, 30000);
    QCOMPARE(withVideo->connectionStates().value(erik), QStringLiteral("connected"));
}

void TestCallWindow::admitButtonFollowsTheWaitingRoom()
{
    // The hub has no waiting room: its frames are handed to the window the way the signalling
    // client hands on what the server sends.
    m_hub.addPerson(QStringLiteral("tok-lena"), {QStringLiteral("staff:lena"), QStringLiteral("Lena Berg")});
    auto window = open(QStringLiteral("tok-lena"), QStringLiteral("Lena Berg"), QStringLiteral("visit-wait"));
    QTRY_COMPARE_WITH_TIMEOUT(window->selfPeerId(), QStringLiteral("staff:lena"), 30000);
    auto *admit = window->findChild<QPushButton *>(QStringLiteral("callAdmit"));
    QVERIFY(admit->isHidden());
    const auto frame = [&window](QJsonObject json) {
        json.insert(QStringLiteral("visit"), QStringLiteral("visit-wait"));
        Q_EMIT window->signalling()->frameReceived(json);
    };
    const QJsonObject waiting{{QStringLiteral("type"), QStringLiteral("waiting")},
                              {QStringLiteral("since"), 1},
                              {QStringLiteral("patient"),
                               QJsonObject{{QStringLiteral("id"), QStringLiteral("patient:p1")},
                                           {QStringLiteral("name"), QStringLiteral("Tolvan")}}}};
    const auto left = [](const QString &peer) {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("peer-left")}, {QStringLiteral("peer"), peer}};
    };

    frame(waiting);
    QVERIFY(!admit->isHidden());
    QCOMPARE(window->statusText(), QStringLiteral("The patient is waiting in the waiting room"));
    // A colleague leaving changes nothing: the patient still waits.
    frame(left(QStringLiteral("staff:someone")));
    QVERIFY(!admit->isHidden());
    // The patient leaves the waiting room: nobody is left to let in.
    frame(left(QStringLiteral("patient:p1")));
    QVERIFY(admit->isHidden());
    QVERIFY(!window->statusText().contains(QStringLiteral("waiting room")));

    // Back again, then let in by a colleague (the patient joins the call): the button goes too.
    frame(waiting);
    QVERIFY(!admit->isHidden());
    frame({{QStringLiteral("type"), QStringLiteral("peer-joined")},
           {QStringLiteral("peer"),
            QJsonObject{{QStringLiteral("id"), QStringLiteral("patient:p1")},
                        {QStringLiteral("name"), QStringLiteral("Tolvan")},
                        {QStringLiteral("kind"), QStringLiteral("patient")}}}});
    QVERIFY(admit->isHidden());
}

int main(int argc, char **argv)
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestCallWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_callwindow.moc"
