#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>

namespace nara::test {

// The staff part of the contract's signalling (docs/api/contract.md, issue 3), in process: join,
// signal, chat, leave; joined, peer-joined, peer-left. Tokens name the peers. No waiting room.
class FakeSignallingHub final : public QObject
{
    Q_OBJECT
public:
    struct Person
    {
        QString id; // "staff:<id>"
        QString name;
    };

    FakeSignallingHub()
        : m_server(QStringLiteral("hub"), QWebSocketServer::NonSecureMode)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection())
                adopt(socket);
        });
    }

    ~FakeSignallingHub() override
    {
        for (const QPointer<QWebSocket> &socket : std::as_const(m_sockets))
            if (socket) {
                socket->disconnect(this);
                delete socket.data();
            }
    }

    void addPerson(const QString &token, const Person &person) { m_people.insert(token, person); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    int joins() const { return m_joins; }
    int chats() const { return m_chats; }

private:
    void adopt(QWebSocket *socket)
    {
        const QByteArray bearer = socket->request().rawHeader("Authorization");
        const Person person = m_people.value(QString::fromUtf8(bearer.mid(7)));
        if (person.id.isEmpty()) {
            socket->close();
            socket->deleteLater();
            return;
        }
        m_sockets.append(socket);
        connect(socket, &QWebSocket::textMessageReceived, this, [this, socket, person](const QString &text) {
            onFrame(socket, person, QJsonDocument::fromJson(text.toUtf8()).object());
        });
        connect(socket, &QWebSocket::disconnected, this, [this, socket, person] {
            if (m_joined.value(person.id) == socket)
                drop(person.id);
            socket->deleteLater();
        });
    }

    void send(QWebSocket *socket, const QJsonObject &frame)
    {
        socket->sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    }

    void drop(const QString &peerId)
    {
        m_joined.remove(peerId);
        for (QWebSocket *other : std::as_const(m_joined))
            send(other,
                 {{QStringLiteral("type"), QStringLiteral("peer-left")},
                  {QStringLiteral("visit"), m_visit},
                  {QStringLiteral("peer"), peerId}});
    }

    void onFrame(QWebSocket *socket, const Person &person, const QJsonObject &frame)
    {
        const QString type = frame.value(QStringLiteral("type")).toString();
        m_visit = frame.value(QStringLiteral("visit")).toString();
        if (type == u"join") {
            ++m_joins;
            QJsonArray peers;
            for (auto it = m_joined.cbegin(); it != m_joined.cend(); ++it)
                if (it.key() != person.id)
                    peers.append(QJsonObject{{QStringLiteral("id"), it.key()},
                                             {QStringLiteral("name"), nameOf(it.key())},
                                             {QStringLiteral("kind"), QStringLiteral("staff")}});
            if (QWebSocket *old = m_joined.value(person.id); old && old != socket)
                old->close();
            m_joined.insert(person.id, socket);
            send(socket,
                 {{QStringLiteral("type"), QStringLiteral("joined")},
                  {QStringLiteral("visit"), m_visit},
                  {QStringLiteral("self"), person.id},
                  {QStringLiteral("admitted"), true},
                  {QStringLiteral("peers"), peers},
                  {QStringLiteral("iceServers"), QJsonArray()}});
            for (auto it = m_joined.cbegin(); it != m_joined.cend(); ++it)
                if (it.key() != person.id)
                    send(*it,
                         {{QStringLiteral("type"), QStringLiteral("peer-joined")},
                          {QStringLiteral("visit"), m_visit},
                          {QStringLiteral("peer"),
                           QJsonObject{{QStringLiteral("id"), person.id},
                                       {QStringLiteral("name"), person.name},
                                       {QStringLiteral("kind"), QStringLiteral("staff")}}}});
        } else if (type == u"signal") {
            if (QWebSocket *to = m_joined.value(frame.value(QStringLiteral("to")).toString()))
                send(to,
                     {{QStringLiteral("type"), QStringLiteral("signal")},
                      {QStringLiteral("visit"), m_visit},
                      {QStringLiteral("from"), person.id},
                      {QStringLiteral("data"), frame.value(QStringLiteral("data"))}});
        } else if (type == u"chat") {
            ++m_chats;
            for (auto it = m_joined.cbegin(); it != m_joined.cend(); ++it)
                send(*it,
                     {{QStringLiteral("type"), QStringLiteral("chat")},
                      {QStringLiteral("visit"), m_visit},
                      {QStringLiteral("from"), person.id},
                      {QStringLiteral("name"), person.name},
                      {QStringLiteral("text"), frame.value(QStringLiteral("text"))},
                      {QStringLiteral("at"), 0}});
        } else if (type == u"leave") {
            if (m_joined.value(person.id) == socket)
                drop(person.id);
        }
    }

    QString nameOf(const QString &peerId) const
    {
        for (const Person &person : m_people)
            if (person.id == peerId)
                return person.name;
        return {};
    }

    QWebSocketServer m_server;
    QHash<QString, Person> m_people; // by token
    QHash<QString, QWebSocket *> m_joined; // by peer id
    QList<QPointer<QWebSocket>> m_sockets;
    QString m_visit;
    int m_joins = 0;
    int m_chats = 0;
};

} // namespace nara::test
