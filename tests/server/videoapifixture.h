#pragma once

// The fixture of the video scenario tests (tst_api_video, tst_api_video_refusals): a nara-server
// with the demo region, ICE servers and TURN credentials; staff and portal sessions; booking;
// a client of the /api/v1/events WebSocket; the audit log.
#include "apifixture.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QWebSocket>

#include <algorithm>

namespace nara::test {

inline constexpr qint64 kHour = 60 * 60 * 1000;

// One end of /api/v1/events: keeps every frame it receives, and finds them by type.
class CallClient
{
public:
    CallClient()
    {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, [this](const QString &text) {
            m_frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
    }

    bool open(const QUrl &server, const QByteArray &token)
    {
        QUrl url = server;
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/api/v1/events"));
        url.setQuery(QStringLiteral("token=") + QString::fromUtf8(token));
        QSignalSpy connected(&m_socket, &QWebSocket::connected);
        m_socket.open(url);
        return connected.wait(5000);
    }
    void send(const QJsonObject &frame)
    {
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    }
    void sendRaw(const QString &text) { m_socket.sendTextMessage(text); }
    void join(const QString &visit, const QJsonObject &readiness = {})
    {
        QJsonObject frame{{QStringLiteral("type"), QStringLiteral("join")}, {QStringLiteral("visit"), visit}};
        if (!readiness.isEmpty())
            frame.insert(QStringLiteral("readiness"), readiness);
        send(frame);
    }
    // The next unseen frame of `type` (waits up to `ms`); empty if none came.
    QJsonObject next(const QString &type, int ms = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            for (qsizetype i = 0; i < m_frames.size(); ++i)
                if (m_frames.at(i).value(QStringLiteral("type")).toString() == type)
                    return m_frames.takeAt(i);
            if (timer.elapsed() > ms)
                return {};
            QTest::qWait(20);
        }
    }
    // True when no frame of `type` arrives within `ms`.
    bool none(const QString &type, int ms = 400) { return next(type, ms).isEmpty(); }
    bool sawAny(const QString &type) const
    {
        return std::any_of(m_frames.begin(), m_frames.end(),
                           [&](const QJsonObject &f) { return f.value(QStringLiteral("type")).toString() == type; });
    }
    void close()
    {
        QSignalSpy closed(&m_socket, &QWebSocket::disconnected);
        m_socket.close();
        closed.wait(3000);
    }
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    // Waits until the server has closed the socket; true if it did within `ms`.
    bool waitClosed(int ms = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_socket.state() != QAbstractSocket::UnconnectedState && timer.elapsed() < ms)
            QTest::qWait(20);
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }
    QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    int count(const QString &type) const
    {
        return int(std::count_if(m_frames.begin(), m_frames.end(), [&](const QJsonObject &f) {
            return f.value(QStringLiteral("type")).toString() == type;
        }));
    }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
};

inline QJsonObject signalTo(const QString &visit, const QString &peer, const QJsonObject &data)
{
    return {{QStringLiteral("type"), QStringLiteral("signal")},
            {QStringLiteral("visit"), visit},
            {QStringLiteral("to"), peer},
            {QStringLiteral("data"), data}};
}

inline QStringList peerIds(const QJsonArray &peers)
{
    QStringList ids;
    for (const QJsonValue &peer : peers)
        ids.append(peer.toObject().value(QStringLiteral("id")).toString());
    ids.sort();
    return ids;
}

// Mixed into a test class next to QObject: startServer() from initTestCase(), m_server.terminate()
// from cleanupTestCase(). Each test executable starts a server of its own.
class VideoApiFixture
{
protected:
    struct Booked
    {
        QJsonObject visit;
        QJsonObject item;
        QJsonObject invitation;
    };

    // Starts the server and logs in anna and lena (Falkenberg's side of a visit) and karin (Teleborg),
    // and learns the Falkenberg patients anna may see. A failure fails initTestCase (QTest then skips
    // the rest); callers doing more check QTest::currentTestFailed() first.
    void startServer()
    {
        QVERIFY2(m_server.start(), m_server.output().constData());
        TestHttp http(m_server.url());
        m_anna = http.login(QStringLiteral("anna"));
        m_lena = TestHttp(m_server.url()).login(QStringLiteral("lena"));
        m_karin = TestHttp(m_server.url()).login(QStringLiteral("karin"));
        QVERIFY(!m_anna.isEmpty() && !m_lena.isEmpty() && !m_karin.isEmpty());
        for (const QJsonObject &change : syncAll(http))
            if (change.value(QStringLiteral("entity")).toString() == u"patient")
                m_patients.append(change.value(QStringLiteral("id")).toString());
        m_patients.removeDuplicates();
        QVERIFY(m_patients.size() > 10);
    }

    // Anna books a visit an hour from now: with the patient (if any) and the other participants.
    Booked book(const QString &patientId, const QStringList &participants = {})
    {
        TestHttp anna(m_server.url());
        anna.setToken(m_anna);
        QJsonObject body{{QStringLiteral("startsAt"), QDateTime::currentMSecsSinceEpoch() + kHour},
                         {QStringLiteral("reason"), QStringLiteral("Videobesök: uppföljning")},
                         {QStringLiteral("participantIds"), QJsonArray::fromStringList(participants)}};
        if (!patientId.isEmpty())
            body.insert(QStringLiteral("patientId"), patientId);
        const HttpReply reply = anna.postJson(QStringLiteral("/api/v1/visits"), body);
        if (reply.status != 201) {
            qWarning() << "booking:" << reply.status << reply.body;
            return {};
        }
        const QJsonObject json = reply.json();
        return {json.value(QStringLiteral("visit")).toObject(), json.value(QStringLiteral("item")).toObject(),
                json.value(QStringLiteral("invitation")).toObject()};
    }

    // The portal session a patient gets for an invitation's token; empty if refused.
    QByteArray patientSession(const QString &invitationToken)
    {
        const HttpReply reply = TestHttp(m_server.url())
                                    .postJson(QStringLiteral("/api/v1/portal/session"),
                                              QJsonObject{{QStringLiteral("invitation"), invitationToken}});
        return reply.status == 200 ? reply.json().value(QStringLiteral("token")).toString().toUtf8() : QByteArray();
    }

    // Rows of the audit log with this action, object and outcome; -1 if the database cannot be read.
    int auditRows(const QString &action, const QString &object, const QString &outcome = QStringLiteral("ok"))
    {
        int count = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("audit-video"));
            db.setDatabaseName(m_server.dataDir() + QStringLiteral("/nara.db"));
            if (db.open()) {
                QSqlQuery query(db);
                query.prepare(
                    QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ? AND object = ? AND outcome = ?"));
                query.addBindValue(action);
                query.addBindValue(object);
                query.addBindValue(outcome);
                if (query.exec() && query.next())
                    count = query.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("audit-video"));
        return count;
    }

    // startServer(), then anna's and lena's ids from the directory (for tests that do not learn them
    // in a test of their own, as tst_api_video's directory test does).
    void startServerKnowingStaff()
    {
        startServer();
        if (QTest::currentTestFailed())
            return;
        m_annaId = staffId(QStringLiteral("Anna Lindqvist"));
        m_lenaId = staffId(QStringLiteral("Lena Berg"));
        QVERIFY(!m_annaId.isEmpty() && !m_lenaId.isEmpty());
    }

    // The staff id of someone in the staff directory (as anna sees it), by display name; empty if absent.
    QString staffId(const QString &displayName)
    {
        TestHttp anna(m_server.url());
        anna.setToken(m_anna);
        const HttpReply reply = anna.get(QStringLiteral("/api/v1/staff/directory"));
        if (reply.status != 200)
            return {};
        for (const QJsonValue &value : reply.json().value(QStringLiteral("staff")).toArray())
            if (value.toObject().value(QStringLiteral("displayName")).toString() == displayName)
                return value.toObject().value(QStringLiteral("id")).toString();
        return {};
    }

    // Four workers: the sockets of one call land on different worker threads, so frames cross them.
    ServerProcess m_server{{QStringLiteral("--demo"), QStringLiteral("--workers"), QStringLiteral("4"),
                            QStringLiteral("--ice-server"),
                            QStringLiteral("stun:stun.example.se:3478,turn:turn.example.se:3478"),
                            QStringLiteral("--turn-secret"), QStringLiteral("north-secret")}};
    QByteArray m_anna;
    QByteArray m_lena;
    QByteArray m_karin;
    QString m_annaId;
    QString m_lenaId;
    QStringList m_patients; // Falkenberg patients anna may see
};

} // namespace nara::test
