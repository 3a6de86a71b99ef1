#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QToolButton;
class QWebChannel;
class QWebEngineView;

namespace nara::call {

class CallBridge;
class CallPage;
class CallSidePanel;
class SignallingClient;

// What a call needs to know; handed in by the workstation (no globals).
struct CallSettings
{
    QString serverUrl; // "http://127.0.0.1:8080": the signalling socket is <serverUrl>/api/v1/events
    QString token; // the staff member's bearer token
    QString visitId;
    QString selfName; // shown under the local video
    QString cameraId; // QCameraDevice::id() chosen in the pre-call check; empty: the default
    QString microphoneId; // QAudioDevice::id(); empty: the default
    bool audioOnly = false; // no camera, or the user chose audio only
};

// The in-call window (DESIGN.md §5): a QWebEngineView on qrc:/call/call.html (a secure context),
// a QWebChannel bridge, signalling through the server's WebSocket; mute, camera off, hang up,
// device switch and a text chat beside the video; up to four participants (mesh).
// Implemented in callwindow.cpp (modules/call/ui).
class CallWindow : public QWidget
{
    Q_OBJECT
public:
    explicit CallWindow(const CallSettings &settings, QWidget *parent = nullptr);
    ~CallWindow() override;

    QString visitId() const;

    // For tests and the quality indicator: the page's per-peer summary (connectionState, audio and
    // video bytesSent/bytesReceived from getStats()), keyed by peer id; an empty object when the
    // page is not running.
    void requestStats(std::function<void(const QJsonObject &)> callback);
    // Per remote peer id ("staff:<id>", "patient:<id>"): RTCPeerConnection.connectionState.
    QHash<QString, QString> connectionStates() const { return m_peerStates; }
    QString selfPeerId() const { return m_selfPeerId; }
    QString statusText() const;
    bool isSignallingConnected() const;
    bool isMediaReady() const { return m_mediaReady; }
    bool isAudioOnly() const { return m_audioOnly; }
    SignallingClient *signalling() const { return m_signalling; }
    // How often the server answered `join` (the first join, then every rejoin).
    int joinCount() const { return m_joinCount; }

public Q_SLOTS:
    void hangUp();
    void setMuted(bool muted);
    void setCameraOn(bool on);
    // Lets the waiting patient in (POST /api/v1/visits/<id>/admit).
    void admitPatient();
    // Sends a line to everyone in the call (chat frame, not stored).
    void sendChat(const QString &text);

Q_SIGNALS:
    // The user hung up, or the visit was ended by a colleague (outcome then set).
    void finished(const QString &outcome);
    // Someone is in the waiting room (forwarded from signalling, for the pane and the tray).
    void patientWaiting(const QString &patientName, qint64 since);
    // A remote peer's connection state changed (see connectionStates()).
    void connectionStatesChanged();
    // The page opened the camera and microphone (or found it could not).
    void mediaReady();

protected:
    // Closing the window hangs up (finished("") once), so the visit pane never waits for a call
    // that is gone.
    void closeEvent(QCloseEvent *event) override;

private:
    struct Participant
    {
        QString name;
        QString kind; // staff | patient
        bool waiting = false;
    };

    void buildUi();
    void onPageLoaded();
    void onMediaOpened(const QString &json);
    void onFrame(const QJsonObject &frame);
    void onSignallingChanged(bool connected, bool retrying);
    void onPeerState(const QString &peerId, const QString &state);
    void onDevices(const QString &json);
    void toPage(const QJsonObject &command);
    // The camera button says what it will do next; no command to the page.
    void showCameraState(bool on);
    void setStatus(const QString &text);
    void refreshParticipants();
    void refreshStatus();
    void finish(const QString &outcome);

    CallSettings m_settings;
    CallBridge *m_bridge = nullptr;
    QWebChannel *m_channel = nullptr;
    CallPage *m_page = nullptr;
    QWebEngineView *m_view = nullptr;
    SignallingClient *m_signalling = nullptr;
    QNetworkAccessManager *m_network = nullptr;

    QLabel *m_status = nullptr;
    QToolButton *m_mute = nullptr;
    QToolButton *m_camera = nullptr;
    QComboBox *m_cameraPicker = nullptr;
    QComboBox *m_microphonePicker = nullptr;
    QPushButton *m_admit = nullptr;
    QPushButton *m_hangUp = nullptr;
    CallSidePanel *m_side = nullptr;

    QString m_selfPeerId;
    QHash<QString, Participant> m_people; // remote peers and the waiting patient, by peer id
    QHash<QString, QString> m_peerStates;
    QHash<int, std::function<void(const QJsonObject &)>> m_statsCallbacks;
    int m_nextStatsId = 1;
    int m_joinCount = 0;
    QString m_mediaNote;
    QString m_problem;
    bool m_pageLoaded = false;
    bool m_mediaReady = false;
    bool m_audioOnly = false;
    bool m_finished = false;
    bool m_ended = false;
};

} // namespace nara::call
