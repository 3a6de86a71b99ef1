#include "call/ui/signallingclient.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkRequest>

namespace nara::call {

Q_LOGGING_CATEGORY(lcSignalling, "nara.call.signalling")

namespace {

constexpr int kPingIntervalMs = 5000;
constexpr int kSilenceLimitMs = 15000;
constexpr int kMaxRetryDelayMs = 5000;

QUrl eventsUrl(QUrl server)
{
    server.setScheme(server.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    QString path = server.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    server.setPath(path + QStringLiteral("/api/v1/events"));
    return server;
}

} // namespace

SignallingClient::SignallingClient(QUrl server, QString token, QString visitId, QObject *parent)
    : QObject(parent)
    , m_url(eventsUrl(std::move(server)))
    , m_token(std::move(token))
    , m_visitId(std::move(visitId))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SignallingClient::open);
    m_keepAlive.setInterval(kPingIntervalMs);
    connect(&m_keepAlive, &QTimer::timeout, this, &SignallingClient::checkAlive);
    connect(&m_socket, &QWebSocket::connected, this, &SignallingClient::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &SignallingClient::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &SignallingClient::onText);
    connect(&m_socket, &QWebSocket::pong, this, [this] { m_lastPong.restart(); });
}

SignallingClient::~SignallingClient()
{
    m_stopped = true;
    m_socket.disconnect(this);
    m_socket.abort();
}

void SignallingClient::start(const QJsonObject &readiness)
{
    m_readiness = readiness;
    if (m_started)
        return;
    m_started = true;
    open();
}

void SignallingClient::open()
{
    if (m_stopped)
        return;
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    qCDebug(lcSignalling) << "opening" << m_url.toDisplayString();
    m_socket.open(request);
}

void SignallingClient::onConnected()
{
    if (m_attempt > 0)
        ++m_reconnects;
    m_attempt = 0;
    m_lastPong.restart();
    m_keepAlive.start();
    QJsonObject join{{QStringLiteral("type"), QStringLiteral("join")}, {QStringLiteral("visit"), m_visitId}};
    if (!m_readiness.isEmpty())
        join.insert(QStringLiteral("readiness"), m_readiness);
    send(join);
    Q_EMIT connectionChanged(true, false);
}

void SignallingClient::onDisconnected()
{
    m_keepAlive.stop();
    if (m_stopped) {
        Q_EMIT connectionChanged(false, false);
        return;
    }
    const int delay = qMin(kMaxRetryDelayMs, 500 << qMin(m_attempt, 4));
    ++m_attempt;
    qCDebug(lcSignalling) << "socket closed:" << m_socket.closeReason() << "- retrying in" << delay << "ms";
    m_retry.start(delay);
    Q_EMIT connectionChanged(false, true);
}

void SignallingClient::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(QStringLiteral("type")).toString();
    if (type.isEmpty() || type == u"seq")
        return; // sync hints are the sync engine's business
    const QString visit = frame.value(QStringLiteral("visit")).toString();
    if (!visit.isEmpty() && visit != m_visitId)
        return; // another visit's call (a colleague's window)
    Q_EMIT frameReceived(frame);
}

bool SignallingClient::send(const QJsonObject &frame)
{
    if (!isConnected())
        return false;
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    return true;
}

void SignallingClient::leave()
{
    if (m_stopped)
        return;
    send({{QStringLiteral("type"), QStringLiteral("leave")}, {QStringLiteral("visit"), m_visitId}});
    m_stopped = true;
    m_retry.stop();
    m_keepAlive.stop();
    m_socket.close();
}

void SignallingClient::dropConnection()
{
    m_socket.abort();
}

void SignallingClient::checkAlive()
{
    if (m_lastPong.elapsed() > kSilenceLimitMs) {
        qCDebug(lcSignalling) << "no pong for" << m_lastPong.elapsed() << "ms: reconnecting";
        m_socket.abort();
        return;
    }
    m_socket.ping();
}

} // namespace nara::call
