// End to end: a video visit with real WebRTC. A real nara-server (--demo); the patient is a
// QWebEnginePage on the server's portal (invitation link → pre-call check → waiting room → call);
// the staff are real CallWindows. Chromium's fake camera and microphone; media flows over the
// machine's own host candidates.
//
// Documentation screenshots (tools/docs-screenshots.sh): with NARA_SCREENSHOT_DIR set, the test
// also saves portal-precall.png, portal-waiting.png, call.png and portal-call.png there.

#include "apifixture.h"
#include "call/ui/callwindow.h"
#include "call/ui/signallingclient.h"
#include "callprobe.h"
#include "portalbrowser.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTranslator>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>

#include <algorithm>

using namespace nara;
using namespace nara::call;
using namespace nara::test;

namespace {

// The call window's text as the user reads it (Swedish when the screenshots install the translator).
QString callText(const char *source)
{
    return QCoreApplication::translate("nara::call::CallWindow", source);
}

// The visit page's phase ("precheck", "waiting", "call", …) and its last WebRTC statistics.
QString phase(PatientBrowser &patient)
{
    return patient.js(QStringLiteral("window.naraVisit ? naraVisit.phase() : ''")).toString();
}

QJsonObject stats(PatientBrowser &patient)
{
    patient.js(QStringLiteral("naraVisit.lastStats = null; naraVisit.refreshStats()"));
    QString json;
    (void)QTest::qWaitFor(
        [&] {
            json = patient.js(QStringLiteral("JSON.stringify(naraVisit.lastStats)")).toString();
            return !json.isEmpty() && json != u"null";
        },
        10000);
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

// The width of the first remote video in a CallWindow's page (0: no frame yet).
int remoteVideoWidth(CallWindow &window)
{
    auto *view = window.findChild<QWebEngineView *>(QStringLiteral("callVideo"));
    if (!view || !view->page())
        return 0;
    int width = 0;
    bool done = false;
    view->page()->runJavaScript(QStringLiteral("(document.querySelector('.tile.remote video') || {}).videoWidth || 0"),
                                [&](const QVariant &value) {
                                    width = value.toInt();
                                    done = true;
                                });
    (void)QTest::qWaitFor([&] { return done; }, 10000);
    return width;
}

} // namespace

class TestVideoCallE2e : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void patientChecksDevicesAndWaits();
    void nurseAdmitsAndTheyTalk();
    void doctorJoinsThreeWay();
    void patientReloadsAndRejoins();
    void visitEndsForEveryone();
    void cleanupTestCase();

private:
    std::unique_ptr<CallWindow> openCall(const QByteArray &token, const QString &name);
    // Audio and video bytes grow both ways between a staff window and `peer`.
    bool flowsWith(CallWindow &window, const QString &peer);
    bool patientFlowsWith(const QString &peer);

    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_anna;
    QByteArray m_annaToken;
    QByteArray m_erikToken;
    QString m_visitId;
    QString m_patientPeer;
    QString m_invitationUrl;
    std::unique_ptr<PatientBrowser> m_patient;
    std::unique_ptr<CallWindow> m_annaCall;
    std::unique_ptr<CallWindow> m_erikCall;
};

const QString kAnnaPeer = QStringLiteral("staff:staff-anna");
const QString kErikPeer = QStringLiteral("staff:staff-erik");

void TestVideoCallE2e::initTestCase()
{
    QVERIFY2(m_server.start(), m_server.output().constData());
    m_anna = std::make_unique<TestHttp>(m_server.url());
    m_annaToken = m_anna->login(QStringLiteral("anna"));
    QVERIFY(!m_annaToken.isEmpty());
    TestHttp erik(m_server.url());
    m_erikToken = erik.login(QStringLiteral("erik"));
    QVERIFY(!m_erikToken.isEmpty());

    // A demo patient of Anna's care centre.
    QString patientId;
    for (const QJsonObject &item : itemsIn(syncAll(*m_anna)))
        if (item.value(QStringLiteral("unitId")).toString() == kFalkenberg
            && !item.value(QStringLiteral("patientId")).toString().isEmpty()) {
            patientId = item.value(QStringLiteral("patientId")).toString();
            break;
        }
    QVERIFY(!patientId.isEmpty());

    const HttpReply booked
        = m_anna->postJson(QStringLiteral("/api/v1/visits"),
                           {{QStringLiteral("patientId"), patientId},
                            {QStringLiteral("participantIds"), QJsonArray{QStringLiteral("staff-erik")}},
                            {QStringLiteral("startsAt"), QDateTime::currentMSecsSinceEpoch() + 10 * 60 * 1000},
                            {QStringLiteral("reason"), QStringLiteral("Återbesök efter knäoperation")}});
    QCOMPARE(booked.status, 201);
    const QJsonObject answer = booked.json();
    m_visitId = answer.value(QStringLiteral("visit")).toObject().value(QStringLiteral("id")).toString();
    m_invitationUrl = answer.value(QStringLiteral("invitation")).toObject().value(QStringLiteral("url")).toString();
    QVERIFY(!m_visitId.isEmpty());
    QVERIFY2(m_invitationUrl.contains(QStringLiteral("/portal/#")), qPrintable(m_invitationUrl));
    m_patientPeer = QStringLiteral("patient:") + patientId;
}

std::unique_ptr<CallWindow> TestVideoCallE2e::openCall(const QByteArray &token, const QString &name)
{
    CallSettings settings;
    settings.serverUrl = m_server.url().toString();
    settings.token = QString::fromLatin1(token);
    settings.visitId = m_visitId;
    settings.selfName = name;
    auto window = std::make_unique<CallWindow>(settings);
    window->resize(900, 600);
    window->show();
    return window;
}

bool TestVideoCallE2e::flowsWith(CallWindow &window, const QString &peer)
{
    const MediaBytes before = MediaBytes::of(callStats(window), peer);
    return QTest::qWaitFor([&] { return MediaBytes::of(callStats(window), peer).allGrewSince(before); }, 30000);
}

bool TestVideoCallE2e::patientFlowsWith(const QString &peer)
{
    const MediaBytes before = MediaBytes::of(stats(*m_patient), peer);
    return QTest::qWaitFor([&] { return MediaBytes::of(stats(*m_patient), peer).allGrewSince(before); }, 30000);
}

void TestVideoCallE2e::patientChecksDevicesAndWaits()
{
    // The link's host is the one the booking request used (127.0.0.1:<port>): a secure context.
    m_patient = std::make_unique<PatientBrowser>(m_server.url());
    m_patient->open(QUrl(m_invitationUrl));
    QTRY_VERIFY_WITH_TIMEOUT(m_patient->loaded(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(phase(*m_patient), QStringLiteral("precheck"), 15000);
    QVERIFY(m_patient->text(QStringLiteral("visit-when")).contains(QStringLiteral("knäoperation")));

    m_patient->click(QStringLiteral("precheck-start"));
    QTRY_VERIFY_WITH_TIMEOUT(m_patient->visible(QStringLiteral("precheck-devices")), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_patient->text(QStringLiteral("precheck-message")).startsWith(QStringLiteral("Ser du dig själv")), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_patient->js(QStringLiteral("document.getElementById('precheck-preview').videoWidth > 0")).toBool(), 15000);
    // The fake microphone beeps: the level meter (an AnalyserNode) sees it.
    QTRY_COMPARE_WITH_TIMEOUT(m_patient->js(QStringLiteral("naraVisit.meterState()")).toString(),
                              QStringLiteral("running"), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(m_patient->js(QStringLiteral("naraVisit.meterPeak()")).toInt() > 0, 15000);
    m_patient->screenshot(QStringLiteral("portal-precall.png"), 1200, 1000);
    m_patient->click(QStringLiteral("precheck-done"));
    QTRY_COMPARE_WITH_TIMEOUT(phase(*m_patient), QStringLiteral("waiting"), 15000);
    QCOMPARE(m_patient->text(QStringLiteral("waiting-text")),
             QStringLiteral("Du är i väntrummet. Vårdpersonalen släpper in dig när det är dags."));
    QVERIFY(m_patient->text(QStringLiteral("waiting-time")).startsWith(QStringLiteral("Ditt besök är bokat till")));
    m_patient->screenshot(QStringLiteral("portal-waiting.png"), 1200, 1000);

    // The server knows: the visit is waiting, with the patient's readiness.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_anna->get(QStringLiteral("/api/v1/visits/") + m_visitId).json().value(QStringLiteral("state")).toString()
            == u"waiting",
        15000);
    const QJsonObject visit = m_anna->get(QStringLiteral("/api/v1/visits/") + m_visitId).json();
    QVERIFY(visit.value(QStringLiteral("readiness")).toObject().value(QStringLiteral("camera")).toBool());
    QVERIFY(visit.value(QStringLiteral("readiness")).toObject().value(QStringLiteral("microphone")).toBool());
}

void TestVideoCallE2e::nurseAdmitsAndTheyTalk()
{
    QVERIFY(m_patient);
    m_annaCall = openCall(m_annaToken, QStringLiteral("Anna Lindqvist"));
    QSignalSpy waiting(m_annaCall.get(), &CallWindow::patientWaiting);
    QTRY_VERIFY_WITH_TIMEOUT(m_annaCall->isMediaReady(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_annaCall->selfPeerId(), kAnnaPeer, 15000);

    // Anna hears that the patient waits, and lets them in from the call window (REST admit).
    QTRY_COMPARE_WITH_TIMEOUT(m_annaCall->statusText(), callText("The patient is waiting in the waiting room"), 15000);
    QVERIFY(!waiting.isEmpty());
    QVERIFY(waiting.first().at(1).toLongLong() > 0); // waiting since
    auto *admit = m_annaCall->findChild<QPushButton *>(QStringLiteral("callAdmit"));
    QVERIFY(admit && admit->isVisible());
    admit->click();
    QTRY_COMPARE_WITH_TIMEOUT(
        m_anna->get(QStringLiteral("/api/v1/visits/") + m_visitId).json().value(QStringLiteral("state")).toString(),
        QStringLiteral("in_call"), 15000);

    QTRY_COMPARE_WITH_TIMEOUT(phase(*m_patient), QStringLiteral("call"), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_annaCall->connectionStates().value(m_patientPeer), QStringLiteral("connected"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(peerState(stats(*m_patient), kAnnaPeer), QStringLiteral("connected"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_annaCall->statusText(), callText("Connected"), 10000);

    QVERIFY(flowsWith(*m_annaCall, m_patientPeer));
    QVERIFY(patientFlowsWith(kAnnaPeer));
    qInfo("anna <-> patient, at anna:   %s",
          qPrintable(MediaBytes::of(callStats(*m_annaCall), m_patientPeer).toString()));
    qInfo("anna <-> patient, at patient: %s", qPrintable(MediaBytes::of(stats(*m_patient), kAnnaPeer).toString()));
    // Chat beside the call, both ways.
    auto *input = m_annaCall->findChild<QLineEdit *>(QStringLiteral("callChatInput"));
    input->setText(QStringLiteral("Hej! Hör du mig?"));
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_patient->text(QStringLiteral("call-chat-log")).contains(QStringLiteral("Anna Lindqvist: Hej! Hör du mig?")),
        10000);
    m_patient->js(QStringLiteral("document.getElementById('call-chat-text').value = 'Ja, tydligt.';"
                                 "document.getElementById('call-chat-send').click()"));
    QTRY_VERIFY_WITH_TIMEOUT(m_annaCall->findChild<QPlainTextEdit *>(QStringLiteral("callChatLog"))
                                 ->toPlainText()
                                 .contains(QStringLiteral(": Ja, tydligt.")),
                             10000);
    if (!screenshotDir().isEmpty()) { // both videos show, the chat has a line each way
        QTRY_VERIFY_WITH_TIMEOUT(remoteVideoWidth(*m_annaCall) > 0, 15000);
        m_annaCall->resize(1200, 700); // room for the participants and the chat beside the video
        saveScreenshot(m_annaCall.get(), QStringLiteral("call.png"), 1000);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_patient->js(QStringLiteral("(document.querySelector('#call-grid .remote video') || {}).videoWidth > 0"))
                .toBool(),
            15000);
        m_patient->screenshot(QStringLiteral("portal-call.png"), 1200, 1000);
    }

    // The patient turns the camera off and on again and mutes: the connection stays, video comes back.
    m_patient->click(QStringLiteral("call-camera"));
    QTRY_COMPARE_WITH_TIMEOUT(m_patient->text(QStringLiteral("call-camera")), QStringLiteral("Slå på kameran"), 10000);
    m_patient->click(QStringLiteral("call-camera"));
    QTRY_COMPARE_WITH_TIMEOUT(m_patient->text(QStringLiteral("call-camera")), QStringLiteral("Stäng av kameran"),
                              10000);
    m_patient->click(QStringLiteral("call-mute"));
    QCOMPARE(m_patient->text(QStringLiteral("call-mute")), QStringLiteral("Slå på mikrofonen"));
    QVERIFY(flowsWith(*m_annaCall, m_patientPeer));
    QCOMPARE(m_annaCall->connectionStates().value(m_patientPeer), QStringLiteral("connected"));

    QTRY_VERIFY_WITH_TIMEOUT(
        m_patient->js(QStringLiteral("(document.querySelector('#call-grid .remote video') || {}).videoWidth > 0"))
            .toBool(),
        15000);
}

void TestVideoCallE2e::doctorJoinsThreeWay()
{
    QVERIFY(m_annaCall);
    m_erikCall = openCall(m_erikToken, QStringLiteral("Erik Johansson"));
    // Those already in the call (Anna and the patient) offer to Erik: three pairs.
    QTRY_COMPARE_WITH_TIMEOUT(m_erikCall->connectionStates().value(kAnnaPeer), QStringLiteral("connected"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_erikCall->connectionStates().value(m_patientPeer), QStringLiteral("connected"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_annaCall->connectionStates().value(kErikPeer), QStringLiteral("connected"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(peerState(stats(*m_patient), kErikPeer), QStringLiteral("connected"), 30000);

    QVERIFY(flowsWith(*m_erikCall, kAnnaPeer));
    QVERIFY(flowsWith(*m_erikCall, m_patientPeer));
    QVERIFY(patientFlowsWith(kErikPeer));
    qInfo("erik <-> patient, at erik: %s",
          qPrintable(MediaBytes::of(callStats(*m_erikCall), m_patientPeer).toString()));
    qInfo("erik <-> anna, at erik:    %s", qPrintable(MediaBytes::of(callStats(*m_erikCall), kAnnaPeer).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(
        m_patient->js(QStringLiteral("document.querySelectorAll('#call-grid .remote').length")).toInt(), 2, 15000);
}

void TestVideoCallE2e::patientReloadsAndRejoins()
{
    QVERIFY(m_erikCall);
    // The socket drops: the portal reconnects and joins again, still admitted.
    const int joins = m_patient->js(QStringLiteral("naraVisit.joins()")).toInt();
    m_patient->js(QStringLiteral("naraVisit.dropSocket()"));
    QTRY_VERIFY_WITH_TIMEOUT(m_patient->js(QStringLiteral("naraVisit.joins()")).toInt() > joins, 20000);
    QCOMPARE(phase(*m_patient), QStringLiteral("call"));
    QTRY_COMPARE_WITH_TIMEOUT(peerState(stats(*m_patient), kAnnaPeer), QStringLiteral("connected"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(peerState(stats(*m_patient), kErikPeer), QStringLiteral("connected"), 30000);

    // The page is reloaded (the tab's session and checked devices survive): straight back in.
    m_patient->reload();
    QTRY_VERIFY_WITH_TIMEOUT(m_patient->loaded(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(phase(*m_patient), QStringLiteral("call"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(peerState(stats(*m_patient), kAnnaPeer), QStringLiteral("connected"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(peerState(stats(*m_patient), kErikPeer), QStringLiteral("connected"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_annaCall->connectionStates().value(m_patientPeer), QStringLiteral("connected"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_erikCall->connectionStates().value(m_patientPeer), QStringLiteral("connected"), 30000);
    QVERIFY(patientFlowsWith(kAnnaPeer));
    QVERIFY(flowsWith(*m_annaCall, m_patientPeer));

    // A staff member's socket drops too: the window reconnects and rejoins.
    const int erikJoins = m_erikCall->joinCount();
    m_erikCall->signalling()->dropConnection();
    QTRY_VERIFY_WITH_TIMEOUT(m_erikCall->joinCount() > erikJoins, 20000);
    QVERIFY(m_erikCall->signalling()->reconnects() >= 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_erikCall->connectionStates().value(kAnnaPeer), QStringLiteral("connected"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_erikCall->connectionStates().value(m_patientPeer), QStringLiteral("connected"), 30000);
}

void TestVideoCallE2e::visitEndsForEveryone()
{
    QVERIFY(m_erikCall);
    QSignalSpy annaFinished(m_annaCall.get(), &CallWindow::finished);
    QSignalSpy erikFinished(m_erikCall.get(), &CallWindow::finished);
    const HttpReply ended = m_anna->postJson(QStringLiteral("/api/v1/visits/%1/end").arg(m_visitId),
                                             {{QStringLiteral("outcome"), QStringLiteral("follow_up")}});
    QCOMPARE(ended.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(annaFinished.count(), 1, 15000);
    QCOMPARE(annaFinished.first().first().toString(), QStringLiteral("follow_up"));
    QTRY_COMPARE_WITH_TIMEOUT(erikFinished.count(), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(phase(*m_patient), QStringLiteral("ended"), 15000);
    QCOMPARE(m_annaCall->statusText(), callText("The visit has ended."));
}

void TestVideoCallE2e::cleanupTestCase()
{
    m_erikCall.reset();
    m_annaCall.reset();
    m_patient.reset();
    m_server.terminate();
}

int main(int argc, char **argv)
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    // Screenshots for the user guide show the workstation as users see it: in Swedish.
    QTranslator swedish;
    if (!screenshotDir().isEmpty() && swedish.load(QStringLiteral(":/i18n/nara_sv")))
        QApplication::installTranslator(&swedish);
    TestVideoCallE2e test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_video_call_e2e.moc"
