#pragma once

#include <QObject>
#include <QString>

namespace nara::call {

// The object the call page sees as `bridge` over QWebChannel. Frames and commands travel as JSON
// text; CallWindow decides what they mean. Slots are called by the page, signals reach it.
class CallBridge final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallBridge)
public:
    explicit CallBridge(QObject *parent = nullptr)
        : QObject(parent)
    {
    }

public Q_SLOTS:
    void pageReady() { Q_EMIT pageLoaded(); }
    void mediaReady(const QString &json) { Q_EMIT mediaOpened(json); }
    void send(const QString &json) { Q_EMIT outgoing(json); }
    void peerState(const QString &peerId, const QString &state) { Q_EMIT peerStateChanged(peerId, state); }
    void statsReady(int id, const QString &json) { Q_EMIT statsArrived(id, json); }
    void devices(const QString &json) { Q_EMIT devicesListed(json); }
    void cameraChanged(bool on) { Q_EMIT cameraSwitched(on); }
    void mediaProblem(const QString &what) { Q_EMIT mediaFailed(what); }
    void log(const QString &text);

Q_SIGNALS:
    // To the page.
    void configure(const QString &json);
    void frame(const QString &json);
    void command(const QString &json);

    // To CallWindow (from the page).
    void pageLoaded();
    void mediaOpened(const QString &json);
    void outgoing(const QString &json);
    void peerStateChanged(const QString &peerId, const QString &state);
    void statsArrived(int id, const QString &json);
    void devicesListed(const QString &json);
    void cameraSwitched(bool on);
    void mediaFailed(const QString &what);
};

} // namespace nara::call
