#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace nara::call {

// The call's signalling channel: a WebSocket to <server>/api/v1/events with the staff member's
// bearer token. Sends `join` for the visit as soon as it is connected, and again after every
// reconnect (the server replaces the old socket: rejoin). Reconnects with a growing delay when the
// socket drops, and notices a silent (half-open) socket by its missing pongs.
class SignallingClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignallingClient)
public:
    SignallingClient(QUrl server, QString token, QString visitId, QObject *parent = nullptr);
    ~SignallingClient() override;

    // Opens the socket and joins with this readiness ({"camera","microphone"}).
    void start(const QJsonObject &readiness);
    // Sends a frame now; false when the socket is not open (signals are not worth queueing).
    bool send(const QJsonObject &frame);
    // Sends `leave`, closes the socket and stops reconnecting.
    void leave();
    // Drops the socket as a broken network would (it reconnects and rejoins).
    void dropConnection();

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    int reconnects() const { return m_reconnects; }

Q_SIGNALS:
    void frameReceived(const QJsonObject &frame);
    // connected: the socket is open; otherwise retrying says whether a new attempt is planned.
    void connectionChanged(bool connected, bool retrying);

private:
    void open();
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void checkAlive();

    QUrl m_url;
    QString m_token;
    QString m_visitId;
    QJsonObject m_readiness;
    QWebSocket m_socket;
    QTimer m_retry;
    QTimer m_keepAlive;
    QElapsedTimer m_lastPong;
    int m_attempt = 0;
    int m_reconnects = 0;
    bool m_started = false;
    bool m_stopped = false;
};

} // namespace nara::call
