// Video visits reach the workstation through /sync: a real nara-server --demo, the real Workstation
// (cache, sync engine on its thread, bridge, store, main window). A visit booked elsewhere shows up
// in the inbox with its time; the patient's arrival (signalling) turns into "waiting since" and a
// notice; admitting from the pane is an online request to the server.
#include "serverprocess.h"
#include "testhttp.h"
#include "video/ui/videopane.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/inboxmodel.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/mainwindow.h"
#include "workstation/ui/workstation.h"

#include "foundation/core/clock.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace nara;
using namespace nara::workstation;
using test::HttpReply;
using test::ServerProcess;
using test::TestHttp;

class TestVideoSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Dialogs::setNonInteractive(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), m_server.output().constData());
    }

    void bookedVisitArrivesAndPatientWaits()
    {
        TestHttp anna(m_server.url());
        const QByteArray token = anna.login(QStringLiteral("anna"));
        QVERIFY(!token.isEmpty());
        const QJsonObject me = anna.get(QStringLiteral("/api/v1/me")).json().value(QStringLiteral("staff")).toObject();

        LoginSession session;
        session.server = m_server.url();
        session.token = QString::fromLatin1(token);
        session.staff
            = {me.value(QStringLiteral("id")).toString(), me.value(QStringLiteral("username")).toString(),
               me.value(QStringLiteral("displayName")).toString(), me.value(QStringLiteral("role")).toString()};
        auto station
            = Workstation::open(session, m_clock, {m_dir.filePath(QStringLiteral("anna.sqlite")), 30'000, true});
        QVERIFY2(station, qPrintable(station ? QString() : station.error().message));
        Workstation &ws = **station;
        ws.start();
        QTRY_VERIFY_WITH_TIMEOUT(ws.store().count() > 100, 30'000);

        // A patient of anna's units, and a visit booked for in an hour (as another workstation would).
        QString patientId;
        for (const auto &[id, info] : ws.store().patients().asKeyValueRange()) {
            patientId = id;
            break;
        }
        QVERIFY(!patientId.isEmpty());
        const qint64 startsAt = (QDateTime::currentMSecsSinceEpoch() / 60'000 + 60) * 60'000;
        const HttpReply booked = anna.postJson(QStringLiteral("/api/v1/visits"),
                                               {{QStringLiteral("patientId"), patientId},
                                                {QStringLiteral("participantIds"), QJsonArray()},
                                                {QStringLiteral("startsAt"), startsAt},
                                                {QStringLiteral("reason"), QStringLiteral("Videoåterbesök")}});
        QCOMPARE(booked.status, 201);
        const QString visitId = booked.json()[QStringLiteral("visit")][QStringLiteral("id")].toString();
        const QString itemId = booked.json()[QStringLiteral("visit")][QStringLiteral("itemId")].toString();
        const QString invitation = booked.json()[QStringLiteral("invitation")][QStringLiteral("token")].toString();
        QVERIFY(!visitId.isEmpty() && !itemId.isEmpty() && !invitation.isEmpty());

        // Through /sync into the cache and the store: the row shows the visit's time.
        QTRY_VERIFY_WITH_TIMEOUT(!ws.store().visitForItem(itemId).isEmpty(), 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(ws.store().indexOf(itemId) >= 0, 30'000);
        InboxModel *model = ws.window().inboxModel();
        const QModelIndex title = model->index(ws.store().indexOf(itemId), InboxModel::Title);
        QCOMPARE(title.data().toString(),
                 video::VideoPane::timeText(startsAt, m_clock.nowMs()) + QStringLiteral("  Videoåterbesök"));
        QVERIFY(ws.window().openItem(itemId));
        QCOMPARE(ws.window().videoPane()->visitId(), visitId);

        // The patient opens the link and enters the waiting room (the portal's signalling).
        TestHttp portal(m_server.url());
        const HttpReply portalSession
            = portal.post(QStringLiteral("/api/v1/portal/session"),
                          QJsonDocument(QJsonObject{{QStringLiteral("invitation"), invitation}}).toJson());
        QCOMPARE(portalSession.status, 200);
        const QString patientToken = portalSession.json().value(QStringLiteral("token")).toString();
        QSignalSpy urgent(&ws.window(), &MainWindow::urgentItemArrived);
        QWebSocket socket;
        QUrl events = m_server.url();
        events.setScheme(QStringLiteral("ws"));
        events.setPath(QStringLiteral("/api/v1/events"));
        events.setQuery(QStringLiteral("token=") + patientToken);
        socket.open(events);
        QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::ConnectedState, 10'000);
        socket.sendTextMessage(QString::fromUtf8(
            QJsonDocument(
                QJsonObject{{QStringLiteral("type"), QStringLiteral("join")},
                            {QStringLiteral("visit"), visitId},
                            {QStringLiteral("readiness"),
                             QJsonObject{{QStringLiteral("camera"), true}, {QStringLiteral("microphone"), true}}}})
                .toJson()));

        // The waiting patient reaches the pane, the row and the notice path.
        auto *waiting = ws.window().videoPane()->findChild<QLabel *>(QStringLiteral("waitingLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(!waiting->isHidden(), 30'000);
        QVERIFY2(waiting->text().contains(QStringLiteral("camera ✓, microphone ✓")), qPrintable(waiting->text()));
        QVERIFY(model->index(ws.store().indexOf(itemId), InboxModel::State)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("waiting since")));
        QTRY_COMPARE_WITH_TIMEOUT(urgent.size(), 1, 10'000); // anna booked it: she takes part
        QCOMPARE(urgent.first().first().toString(), itemId);

        // Admit from the pane: an online request (never the outbox), then a pull.
        ws.window().show();
        QVERIFY(QTest::qWaitForWindowExposed(&ws.window()));
        auto *admit = ws.window().videoPane()->findChild<QPushButton *>(QStringLiteral("admitPatientButton"));
        QVERIFY(admit->isEnabled());
        QTest::mouseClick(admit, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            anna.get(QStringLiteral("/api/v1/visits/") + visitId).json().value(QStringLiteral("state")).toString(),
            QStringLiteral("in_call"), 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(waiting->isHidden(), 30'000);
        socket.close();
        ws.stop();
    }

private:
    ServerProcess m_server;
    QTemporaryDir m_dir;
    SystemClock m_clock;
};

QTEST_MAIN(TestVideoSync)
#include "tst_videosync.moc"
