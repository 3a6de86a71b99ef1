#include "call/ui/callwindow.h"

#include "call/ui/callbridge.h"
#include "call/ui/callpage.h"
#include "call/ui/callsidepanel.h"
#include "call/ui/signallingclient.h"
#include "sync/core/restjobs.h"

#include <QAudioDevice>
#include <QCameraDevice>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMediaDevices>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>
#include <QWebChannel>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>

namespace nara::call {

namespace {

constexpr int kMediaTimeoutMs = 20000;

QString toJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject fromJson(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString cameraLabel(const QString &id)
{
    if (id.isEmpty())
        return {};
    const QList<QCameraDevice> cameras = QMediaDevices::videoInputs();
    for (const QCameraDevice &camera : cameras)
        if (QString::fromUtf8(camera.id()) == id)
            return camera.description();
    return {};
}

QString microphoneLabel(const QString &id)
{
    if (id.isEmpty())
        return {};
    const QList<QAudioDevice> microphones = QMediaDevices::audioInputs();
    for (const QAudioDevice &microphone : microphones)
        if (QString::fromUtf8(microphone.id()) == id)
            return microphone.description();
    return {};
}

} // namespace

CallWindow::CallWindow(const CallSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("callWindow"));
    setWindowTitle(tr("Video visit"));
    m_audioOnly = settings.audioOnly;
    m_network = new QNetworkAccessManager(this);
    m_bridge = new CallBridge(this);
    m_signalling = new SignallingClient(QUrl(settings.serverUrl), settings.token, settings.visitId, this);

    buildUi();

    auto *profile = new QWebEngineProfile(this); // off the record: nothing of the call is kept
    m_page = new CallPage(profile, this);
    m_page->settings()->setAttribute(QWebEngineSettings::PlaybackRequiresUserGesture, false);
    m_page->settings()->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    m_channel = new QWebChannel(this);
    m_channel->registerObject(QStringLiteral("bridge"), m_bridge);
    m_page->setWebChannel(m_channel);
    m_view->setPage(m_page);

    connect(m_bridge, &CallBridge::pageLoaded, this, &CallWindow::onPageLoaded);
    connect(m_bridge, &CallBridge::mediaOpened, this, &CallWindow::onMediaOpened);
    connect(m_bridge, &CallBridge::outgoing, this, [this](const QString &json) { m_signalling->send(fromJson(json)); });
    connect(m_bridge, &CallBridge::peerStateChanged, this, &CallWindow::onPeerState);
    connect(m_bridge, &CallBridge::devicesListed, this, &CallWindow::onDevices);
    connect(m_bridge, &CallBridge::statsArrived, this, [this](int id, const QString &json) {
        if (auto callback = m_statsCallbacks.take(id))
            callback(fromJson(json));
    });
    connect(m_bridge, &CallBridge::cameraSwitched, this, &CallWindow::showCameraState);
    connect(m_bridge, &CallBridge::mediaFailed, this, [this](const QString &what) {
        m_mediaNote
            = what == u"camera" ? tr("The camera could not be started.") : tr("The microphone could not be started.");
        refreshStatus();
    });
    connect(m_signalling, &SignallingClient::frameReceived, this, &CallWindow::onFrame);
    connect(m_signalling, &SignallingClient::connectionChanged, this, &CallWindow::onSignallingChanged);

    // Join even if the page never manages to open any device.
    QTimer::singleShot(kMediaTimeoutMs, this, [this] {
        if (!m_mediaReady && !m_finished)
            m_signalling->start({});
    });

    m_page->load(CallPage::pageUrl());
    refreshStatus();
}

CallWindow::~CallWindow()
{
    if (!m_finished)
        m_signalling->leave();
    // The page must go before its profile.
    m_view->setPage(nullptr);
    delete m_page;
}

QString CallWindow::visitId() const
{
    return m_settings.visitId;
}

void CallWindow::buildUi()
{
    m_view = new QWebEngineView(this);
    m_view->setObjectName(QStringLiteral("callVideo"));
    m_view->setAccessibleName(tr("Video from the call"));
    m_view->setMinimumSize(480, 360);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("callStatus"));
    m_status->setAccessibleName(tr("Call status"));
    m_status->setWordWrap(true);

    auto toolButton = [this](const QString &name, const QString &text, const QKeySequence &keys) {
        auto *button = new QToolButton(this);
        button->setObjectName(name);
        button->setText(text);
        button->setAccessibleName(text);
        button->setCheckable(true);
        button->setShortcut(keys);
        button->setToolTip(text + QStringLiteral(" (") + keys.toString(QKeySequence::NativeText) + u')');
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return button;
    };
    m_mute = toolButton(QStringLiteral("callMute"), tr("Mute the microphone"), QKeySequence(tr("Ctrl+D")));
    m_camera = toolButton(QStringLiteral("callCamera"), tr("Turn the camera off"), QKeySequence(tr("Ctrl+E")));
    connect(m_mute, &QToolButton::toggled, this, &CallWindow::setMuted);
    connect(m_camera, &QToolButton::toggled, this, [this](bool off) { setCameraOn(!off); });

    m_cameraPicker = new QComboBox(this);
    m_cameraPicker->setObjectName(QStringLiteral("callCameraPicker"));
    m_cameraPicker->setAccessibleName(tr("Camera"));
    m_cameraPicker->setToolTip(tr("Choose camera"));
    m_microphonePicker = new QComboBox(this);
    m_microphonePicker->setObjectName(QStringLiteral("callMicrophonePicker"));
    m_microphonePicker->setAccessibleName(tr("Microphone"));
    m_microphonePicker->setToolTip(tr("Choose microphone"));
    connect(m_cameraPicker, &QComboBox::activated, this, [this](int index) {
        toPage({{QStringLiteral("cmd"), QStringLiteral("selectCamera")},
                {QStringLiteral("deviceId"), m_cameraPicker->itemData(index).toString()}});
    });
    connect(m_microphonePicker, &QComboBox::activated, this, [this](int index) {
        toPage({{QStringLiteral("cmd"), QStringLiteral("selectMicrophone")},
                {QStringLiteral("deviceId"), m_microphonePicker->itemData(index).toString()}});
    });

    m_admit = new QPushButton(tr("Let the patient in"), this);
    m_admit->setObjectName(QStringLiteral("callAdmit"));
    m_admit->setAccessibleName(tr("Let the patient in"));
    m_admit->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    m_admit->setVisible(false);
    connect(m_admit, &QPushButton::clicked, this, &CallWindow::admitPatient);

    m_hangUp = new QPushButton(tr("Hang up"), this);
    m_hangUp->setObjectName(QStringLiteral("callHangUp"));
    m_hangUp->setAccessibleName(tr("Hang up"));
    m_hangUp->setShortcut(QKeySequence(tr("Ctrl+Shift+H")));
    m_hangUp->setToolTip(tr("Hang up (%1)").arg(m_hangUp->shortcut().toString(QKeySequence::NativeText)));
    m_hangUp->setStyleSheet(QStringLiteral("QPushButton { background: #a4000f; color: white; padding: 4px 14px; }"));
    connect(m_hangUp, &QPushButton::clicked, this, &CallWindow::hangUp);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_mute);
    controls->addWidget(m_camera);
    controls->addWidget(m_cameraPicker, 1);
    controls->addWidget(m_microphonePicker, 1);
    controls->addStretch();
    controls->addWidget(m_admit);
    controls->addWidget(m_hangUp);

    auto *videoSide = new QWidget(this);
    auto *videoLayout = new QVBoxLayout(videoSide);
    videoLayout->setContentsMargins(0, 0, 0, 0);
    videoLayout->addWidget(m_status);
    videoLayout->addWidget(m_view, 1);
    videoLayout->addLayout(controls);

    m_side = new CallSidePanel(this);
    m_side->setMinimumWidth(fontMetrics().averageCharWidth() * 34); // names and chat lines stay readable
    connect(m_side, &CallSidePanel::chatSubmitted, this, &CallWindow::sendChat);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("callSplitter"));
    splitter->addWidget(videoSide);
    splitter->addWidget(m_side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    refreshParticipants();
}

void CallWindow::onPageLoaded()
{
    m_pageLoaded = true;
    Q_EMIT m_bridge->configure(toJson({{QStringLiteral("visit"), m_settings.visitId},
                                       {QStringLiteral("selfName"), m_settings.selfName},
                                       {QStringLiteral("audioOnly"), m_settings.audioOnly},
                                       {QStringLiteral("cameraLabel"), cameraLabel(m_settings.cameraId)},
                                       {QStringLiteral("microphoneLabel"), microphoneLabel(m_settings.microphoneId)}}));
}

void CallWindow::onMediaOpened(const QString &json)
{
    const QJsonObject media = fromJson(json);
    m_mediaReady = true;
    m_audioOnly = media.value(QStringLiteral("audioOnly")).toBool();
    const bool camera = media.value(QStringLiteral("camera")).toBool();
    const bool microphone = media.value(QStringLiteral("microphone")).toBool();
    const QString warning = media.value(QStringLiteral("warning")).toString();
    const QString error = media.value(QStringLiteral("error")).toString();
    if (error == u"denied")
        m_mediaNote = tr("Camera and microphone are blocked – the others can neither see nor hear you.");
    else if (!microphone)
        m_mediaNote = tr("No microphone found – the others cannot hear you.");
    else if (warning == u"camera-denied")
        m_mediaNote = tr("The camera is blocked – the call is audio only.");
    else if (!camera && !m_settings.audioOnly)
        m_mediaNote = tr("No camera found – the call is audio only.");
    showCameraState(camera);
    m_signalling->start({{QStringLiteral("camera"), camera}, {QStringLiteral("microphone"), microphone}});
    refreshStatus();
    Q_EMIT mediaReady();
}

void CallWindow::onFrame(const QJsonObject &frame)
{
    const QString type = frame.value(QStringLiteral("type")).toString();
    bool forward = true;
    if (type == u"joined") {
        m_selfPeerId = frame.value(QStringLiteral("self")).toString();
        m_problem.clear();
        QHash<QString, Participant> people;
        for (auto it = m_people.cbegin(); it != m_people.cend(); ++it)
            if (it->waiting)
                people.insert(it.key(), *it);
        const QJsonArray peers = frame.value(QStringLiteral("peers")).toArray();
        for (const QJsonValue &value : peers) {
            const QJsonObject peer = value.toObject();
            people.insert(
                peer.value(QStringLiteral("id")).toString(),
                {peer.value(QStringLiteral("name")).toString(), peer.value(QStringLiteral("kind")).toString()});
        }
        m_people = people;
        m_peerStates.clear();
        ++m_joinCount;
        Q_EMIT connectionStatesChanged();
    } else if (type == u"peer-joined") {
        const QJsonObject peer = frame.value(QStringLiteral("peer")).toObject();
        const QString kind = peer.value(QStringLiteral("kind")).toString();
        if (kind == u"patient") { // the patient left the waiting room
            for (auto it = m_people.begin(); it != m_people.end();)
                it = it->waiting ? m_people.erase(it) : std::next(it);
            m_admit->setVisible(false);
        }
        m_people.insert(peer.value(QStringLiteral("id")).toString(),
                        {peer.value(QStringLiteral("name")).toString(), kind});
    } else if (type == u"peer-left") {
        const QJsonValue peer = frame.value(QStringLiteral("peer"));
        const QString id = peer.isObject() ? peer.toObject().value(QStringLiteral("id")).toString() : peer.toString();
        m_people.remove(id);
        // The waiting patient left the waiting room: nobody is left to let in.
        if (std::none_of(m_people.cbegin(), m_people.cend(), [](const Participant &p) { return p.waiting; }))
            m_admit->setVisible(false);
        if (m_peerStates.remove(id))
            Q_EMIT connectionStatesChanged();
    } else if (type == u"waiting") {
        const QJsonObject patient = frame.value(QStringLiteral("patient")).toObject();
        const QString name = patient.value(QStringLiteral("name")).toString();
        const qint64 since = frame.value(QStringLiteral("since")).toInteger();
        QString id = patient.value(QStringLiteral("id")).toString();
        if (!id.startsWith(u"patient:"))
            id.prepend(QStringLiteral("patient:"));
        m_people.insert(id, {name, QStringLiteral("patient"), true});
        m_admit->setVisible(true);
        forward = false;
        Q_EMIT patientWaiting(name, since);
    } else if (type == u"chat") {
        forward = false;
        if (frame.value(QStringLiteral("from")).toString() != m_selfPeerId)
            m_side->appendChat(frame.value(QStringLiteral("name")).toString(),
                               frame.value(QStringLiteral("text")).toString(),
                               frame.value(QStringLiteral("at")).toInteger());
    } else if (type == u"ended") {
        m_ended = true;
        m_admit->setVisible(false);
        Q_EMIT m_bridge->frame(toJson(frame));
        toPage({{QStringLiteral("cmd"), QStringLiteral("leave")}});
        m_signalling->leave();
        refreshParticipants();
        refreshStatus();
        finish(frame.value(QStringLiteral("outcome")).toString());
        return;
    } else if (type == u"error") {
        forward = false;
        const int status = frame.value(QStringLiteral("status")).toInt();
        m_problem = status == 404
            ? tr("You cannot join this visit (it has ended or is unknown).")
            : tr("The server rejected a message: %1").arg(frame.value(QStringLiteral("title")).toString());
        if (status == 404 && m_selfPeerId.isEmpty())
            m_signalling->leave(); // refused at join: retrying will not help
    }
    if (forward)
        Q_EMIT m_bridge->frame(toJson(frame));
    refreshParticipants();
    refreshStatus();
}

void CallWindow::onSignallingChanged(bool connected, bool retrying)
{
    Q_UNUSED(connected);
    Q_UNUSED(retrying);
    refreshStatus();
}

void CallWindow::onPeerState(const QString &peerId, const QString &state)
{
    if (state == u"closed")
        m_peerStates.remove(peerId);
    else
        m_peerStates.insert(peerId, state);
    refreshParticipants();
    refreshStatus();
    Q_EMIT connectionStatesChanged();
}

void CallWindow::onDevices(const QString &json)
{
    const QJsonObject answer = fromJson(json);
    const QJsonObject current = answer.value(QStringLiteral("current")).toObject();
    const QJsonArray devices = answer.value(QStringLiteral("devices")).toArray();
    auto fill = [&](QComboBox *box, const QString &kind, const QString &selected, const QString &unnamed) {
        const QSignalBlocker blocker(box);
        box->clear();
        for (const QJsonValue &value : devices) {
            const QJsonObject device = value.toObject();
            if (device.value(QStringLiteral("kind")).toString() != kind)
                continue;
            const QString label = device.value(QStringLiteral("label")).toString();
            box->addItem(label.isEmpty() ? unnamed.arg(box->count() + 1) : label,
                         device.value(QStringLiteral("deviceId")).toString());
        }
        const int index = box->findData(selected);
        if (index >= 0)
            box->setCurrentIndex(index);
        box->setEnabled(box->count() > 1);
    };
    fill(m_cameraPicker, QStringLiteral("videoinput"), current.value(QStringLiteral("camera")).toString(),
         tr("Camera %1"));
    fill(m_microphonePicker, QStringLiteral("audioinput"), current.value(QStringLiteral("microphone")).toString(),
         tr("Microphone %1"));
}

void CallWindow::toPage(const QJsonObject &command)
{
    if (m_pageLoaded)
        Q_EMIT m_bridge->command(toJson(command));
}

void CallWindow::requestStats(std::function<void(const QJsonObject &)> callback)
{
    if (!m_pageLoaded || m_finished) {
        callback({});
        return;
    }
    const int id = m_nextStatsId++;
    m_statsCallbacks.insert(id, std::move(callback));
    toPage({{QStringLiteral("cmd"), QStringLiteral("stats")}, {QStringLiteral("id"), id}});
}

bool CallWindow::isSignallingConnected() const
{
    return m_signalling->isConnected();
}

QString CallWindow::statusText() const
{
    return m_status->text();
}

void CallWindow::setStatus(const QString &text)
{
    if (m_status->text() != text)
        m_status->setText(text);
}

void CallWindow::refreshStatus()
{
    QString text;
    const bool patientWaits
        = std::any_of(m_people.cbegin(), m_people.cend(), [](const Participant &p) { return p.waiting; });
    const bool anyConnected = std::any_of(m_peerStates.cbegin(), m_peerStates.cend(),
                                          [](const QString &state) { return state == u"connected"; });
    if (m_ended)
        text = tr("The visit has ended.");
    else if (m_finished)
        text = tr("You have left the call.");
    else if (!m_problem.isEmpty())
        text = m_problem;
    else if (!m_signalling->isConnected())
        text = m_selfPeerId.isEmpty() ? tr("Connecting…") : tr("Connection lost – reconnecting…");
    else if (patientWaits)
        text = tr("The patient is waiting in the waiting room");
    else if (anyConnected)
        text = tr("Connected");
    else if (!m_peerStates.isEmpty())
        text = tr("Connecting to the others…");
    else
        text = tr("Waiting for the other participants…");
    if (!m_mediaNote.isEmpty() && !m_ended)
        text += QStringLiteral(" · ") + m_mediaNote;
    setStatus(text);
}

void CallWindow::refreshParticipants()
{
    QList<CallSidePanel::Row> rows{{QString(), tr("%1 (you)").arg(m_settings.selfName)}};
    for (auto it = m_people.cbegin(); it != m_people.cend(); ++it) {
        QString state;
        if (it->waiting) {
            state = tr("in the waiting room");
        } else {
            const QString connection = m_peerStates.value(it.key());
            if (connection == u"connected")
                state = tr("connected");
            else if (connection == u"disconnected")
                state = tr("interrupted");
            else if (connection == u"failed")
                state = tr("no connection");
            else
                state = tr("connecting");
        }
        rows.append({it.key(), tr("%1 – %2").arg(it->name.isEmpty() ? tr("Unknown") : it->name, state)});
    }
    m_side->setParticipants(rows);
}

void CallWindow::setMuted(bool muted)
{
    if (m_mute->isChecked() != muted) {
        m_mute->setChecked(muted); // comes back here through toggled
        return;
    }
    m_mute->setText(muted ? tr("Unmute the microphone") : tr("Mute the microphone"));
    m_mute->setAccessibleName(m_mute->text());
    m_mute->setToolTip(m_mute->text() + QStringLiteral(" (") + m_mute->shortcut().toString(QKeySequence::NativeText)
                       + u')');
    toPage({{QStringLiteral("cmd"), QStringLiteral("mute")}, {QStringLiteral("on"), muted}});
}

void CallWindow::setCameraOn(bool on)
{
    showCameraState(on);
    toPage({{QStringLiteral("cmd"), QStringLiteral("camera")}, {QStringLiteral("on"), on}});
}

void CallWindow::showCameraState(bool on)
{
    {
        const QSignalBlocker blocker(m_camera);
        m_camera->setChecked(!on);
    }
    m_camera->setText(on ? tr("Turn the camera off") : tr("Turn the camera on"));
    m_camera->setAccessibleName(m_camera->text());
    m_camera->setToolTip(m_camera->text() + QStringLiteral(" (")
                         + m_camera->shortcut().toString(QKeySequence::NativeText) + u')');
}

void CallWindow::admitPatient()
{
    sync::PendingWrite write;
    write.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    write.path = QStringLiteral("/api/v1/visits/%1/admit").arg(m_settings.visitId);
    write.body = "{}";
    auto *job = new sync::SendWriteJob(m_network, {QUrl(m_settings.serverUrl), m_settings.token}, write, this);
    job->setMaxAttempts(3);
    m_admit->setEnabled(false);
    connect(job, &sync::ApiJob::finished, this, [this, job] {
        m_admit->setEnabled(true);
        if (!job->result()) {
            m_problem = tr("The patient could not be let in: %1").arg(job->result().error().message);
            refreshStatus();
            QTimer::singleShot(5000, this, [this] {
                m_problem.clear();
                refreshStatus();
            });
        }
    });
    job->start();
}

void CallWindow::sendChat(const QString &text)
{
    if (!m_signalling->send({{QStringLiteral("type"), QStringLiteral("chat")},
                             {QStringLiteral("visit"), m_settings.visitId},
                             {QStringLiteral("text"), text}})) {
        m_side->appendNote(tr("Not sent – no connection right now."));
        return;
    }
    m_side->appendChat(tr("You"), text);
    m_side->clearInput();
}

void CallWindow::hangUp()
{
    if (m_finished)
        return;
    toPage({{QStringLiteral("cmd"), QStringLiteral("leave")}});
    m_signalling->leave();
    finish(QString());
}

void CallWindow::closeEvent(QCloseEvent *event)
{
    hangUp();
    QWidget::closeEvent(event);
}

void CallWindow::finish(const QString &outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    for (auto &callback : m_statsCallbacks)
        callback({});
    m_statsCallbacks.clear();
    m_hangUp->setEnabled(false);
    m_side->setChatEnabled(false);
    refreshStatus();
    Q_EMIT finished(outcome);
}

} // namespace nara::call
