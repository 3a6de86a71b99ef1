// End to end: a real nara-server, a real workstation (sync engine, cache, main window, offscreen)
// and the patient portal's API, as a nurse and a patient would use them.

#include "apifixture.h"
#include "foundation/core/clock.h"
#include "serverdatabase.h"
#include "sync/core/syncengine.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/inboxmodel.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/logindialog.h"
#include "workstation/ui/loginservice.h"
#include "workstation/ui/mainwindow.h"
#include "workstation/ui/workstation.h"
#include "workstationlogin.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace nara;
using namespace nara::test;
using namespace nara::workstation;

namespace {
const char kSmsSecret[] = "e2e-sms-secret-0123456789";
}

class TestWorkstationE2e : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nurseLogsInClaimsAndReplies();
    void portalMessageArrivesByPush();
    void smsBloodPressureBecomesRedAlert();
    void cleanupTestCase() { m_server.terminate(); }

private:
    LoginSession logIn(const QString &username);
    bool threadHas(InboxStore &store, const QString &itemId, const QString &body, bool pending);

    QTemporaryDir m_dir;
    ServerProcess m_server{{QStringLiteral("--demo"), QStringLiteral("--sms-secret"), QString::fromLatin1(kSmsSecret),
                            QStringLiteral("--sms-outbox"), m_dir.filePath(QStringLiteral("sms-outbox.jsonl"))}};
    SystemClock m_clock;
};

void TestWorkstationE2e::initTestCase()
{
    Dialogs::setNonInteractive(true);
    QVERIFY2(m_server.start(), m_server.output().constData());
}

// Logs in through the real login dialog and service, as a person would.
LoginSession TestWorkstationE2e::logIn(const QString &username)
{
    return logInThroughDialog(m_server.url(), username);
}

bool TestWorkstationE2e::threadHas(InboxStore &store, const QString &itemId, const QString &body, bool pending)
{
    const QList<ThreadEntry> thread = store.thread(itemId);
    return std::any_of(thread.begin(), thread.end(), [&](const ThreadEntry &entry) {
        return entry.message.body == body && entry.pending == pending;
    });
}

void TestWorkstationE2e::nurseLogsInClaimsAndReplies()
{
    const LoginSession session = logIn(QStringLiteral("anna"));
    QVERIFY(!session.token.isEmpty());
    auto station = Workstation::open(session, m_clock, {m_dir.filePath(QStringLiteral("anna-1.sqlite")), 30'000, true});
    QVERIFY2(station, qPrintable(station ? QString() : station.error().message));
    Workstation &ws = **station;
    ws.start();
    MainWindow &window = ws.window();
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(ws.store().count() > 100, 20000);

    // Find a new chat in the pool with the search field, as a nurse would.
    QString itemId;
    for (int row = 0; row < ws.store().count() && itemId.isEmpty(); ++row) {
        const auto &item = ws.store().row(row).item;
        if (item.kind == inbox::Kind::Chat && item.state == inbox::State::New && !item.patientId.isEmpty())
            itemId = item.id;
    }
    QVERIFY(!itemId.isEmpty());
    auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchField"));
    QVERIFY(search);
    QVERIFY(window.openItem(itemId));
    QCOMPARE(window.currentItemId(), itemId);

    // Claim (C), reply and send (Ctrl+Return).
    window.action(MainWindow::Action::Claim)->trigger();
    QCOMPARE(inbox::toString(ws.store().item(itemId)->state), QStringLiteral("claimed"));
    auto *reply = window.findChild<QPlainTextEdit *>(QStringLiteral("replyEdit"));
    QVERIFY(reply);
    // Typed as a person types: the single-letter shortcuts (C, E, R…) must not steal the keys.
    const QString text = QStringLiteral("Hej! Ring oss i morgon, %1").arg(m_clock.nowMs());
    reply->setFocus();
    QTest::keyClicks(reply, text);
    QCOMPARE(reply->toPlainText(), text);
    QCOMPARE(inbox::toString(ws.store().item(itemId)->state), QStringLiteral("claimed"));
    QTest::keyClick(reply, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(threadHas(ws.store(), itemId, text, true)); // shown at once, marked as sending

    // The server arbitrates: the claim holds and the reply arrives exactly once.
    QTRY_VERIFY_WITH_TIMEOUT(threadHas(ws.store(), itemId, text, false), 15000);
    TestHttp erik(m_server.url());
    QVERIFY(!erik.login(QStringLiteral("erik")).isEmpty());
    QCOMPARE(erik.postJson(QStringLiteral("/api/v1/items/%1/claim").arg(itemId), {}).status, 409);
    const HttpReply messages = erik.get(QStringLiteral("/api/v1/items/%1/messages").arg(itemId));
    int copies = 0;
    for (const QJsonValue &m : messages.json().value(QStringLiteral("messages")).toArray())
        copies += m.toObject().value(QStringLiteral("body")).toString() == text;
    QCOMPARE(copies, 1);
    QTRY_COMPARE_WITH_TIMEOUT(inbox::toString(ws.store().item(itemId)->state), QStringLiteral("waiting"), 10000);
    ws.stop();
}

void TestWorkstationE2e::portalMessageArrivesByPush()
{
    const LoginSession session = logIn(QStringLiteral("anna"));
    QVERIFY(!session.token.isEmpty());
    // Polling every ten minutes: anything that arrives within the test came by push.
    auto station
        = Workstation::open(session, m_clock, {m_dir.filePath(QStringLiteral("anna-2.sqlite")), 600'000, true});
    QVERIFY(station);
    Workstation &ws = **station;
    ws.start();
    QTRY_VERIFY_WITH_TIMEOUT(ws.store().count() > 100, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(
        ws.window().findChild<QLabel *>(QStringLiteral("syncStatus"))->property("syncState").toString(),
        QStringLiteral("online"), 10000);

    // A patient with an open chat gets an invitation from the workstation and writes from the portal.
    QString itemId;
    QString patientId;
    for (int row = 0; row < ws.store().count() && itemId.isEmpty(); ++row) {
        const auto &item = ws.store().row(row).item;
        if (item.kind == inbox::Kind::Chat && item.state == inbox::State::Waiting && !item.patientId.isEmpty()) {
            itemId = item.id;
            patientId = item.patientId;
        }
    }
    QVERIFY(!itemId.isEmpty());
    MainWindow &window = ws.window();
    QVERIFY(window.openItem(itemId));
    QSignalSpy invited(&window, &MainWindow::invitationCreated);
    window.action(MainWindow::Action::InvitePatient)->trigger(); // I
    QTRY_COMPARE_WITH_TIMEOUT(invited.size(), 1, 10000);
    const QUrl link(invited.first().first().toString());
    QCOMPARE(link.path(), QStringLiteral("/portal/"));
    QCOMPARE(link.port(), m_server.port());
    // What the patient's browser does with the link (resources/portal/app.js).
    TestHttp patient(m_server.url());
    QCOMPARE(patient.get(QStringLiteral("/portal/")).status, 200);
    const HttpReply portalSession
        = patient.postJson(QStringLiteral("/api/v1/portal/session"), {{QStringLiteral("invitation"), link.fragment()}});
    QCOMPARE(portalSession.status, 200);
    patient.setToken(portalSession.json().value(QStringLiteral("token")).toString().toUtf8());

    const QString text = QStringLiteral("Jag mår bättre nu, tack! %1").arg(m_clock.nowMs());
    QElapsedTimer latency;
    latency.start();
    QCOMPARE(patient.postJson(QStringLiteral("/api/v1/portal/messages"), {{QStringLiteral("body"), text}}).status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(threadHas(ws.store(), itemId, text, false), 10000);
    qInfo("portal message reached the workstation's inbox after %lld ms (push; polling is every 10 min)",
          latency.elapsed());
    // The patient's answer moves the item back to the clinician.
    QTRY_COMPARE_WITH_TIMEOUT(inbox::toString(ws.store().item(itemId)->state), QStringLiteral("in_progress"), 5000);
    ws.stop();
}

// A patient texts their blood pressure from home; the SMS gateway calls the webhook; the nurse's
// running workstation gets a red alert by push and shows it in the alert pane.
void TestWorkstationE2e::smsBloodPressureBecomesRedAlert()
{
    // A Falkenberg patient (anna's unit) with a phone number no one else has, from the server's database.
    QString patientId;
    QString phone;
    {
        const ServerDatabase db(m_server.dataDir());
        QSqlQuery query = db.query(QStringLiteral(
            "SELECT p.id, p.phone FROM patients p JOIN care_relations r ON r.patient_id = p.id "
            "WHERE r.unit_id = 'unit-falkenberg' AND p.phone IS NOT NULL AND (SELECT COUNT(*) FROM care_relations o "
            "WHERE o.patient_id = p.id) = 1 AND (SELECT COUNT(*) FROM patients q WHERE q.phone = p.phone) = 1 "
            "AND NOT EXISTS (SELECT 1 FROM inbox_items c WHERE c.patient_id = p.id AND c.kind = 'chat' "
            "AND c.state <> 'done') "
            "ORDER BY p.id LIMIT 1"));
        QVERIFY2(query.next(), qPrintable(db.errorText()));
        patientId = query.value(0).toString();
        phone = query.value(1).toString();
    }
    QVERIFY(!patientId.isEmpty());

    const LoginSession session = logIn(QStringLiteral("anna"));
    QVERIFY(!session.token.isEmpty());
    // Polling every ten minutes: the alert must come by push.
    auto station
        = Workstation::open(session, m_clock, {m_dir.filePath(QStringLiteral("anna-3.sqlite")), 600'000, true});
    QVERIFY(station);
    Workstation &ws = **station;
    ws.start();
    ws.window().show();
    QTRY_VERIFY_WITH_TIMEOUT(ws.store().count() > 100, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(
        ws.window().findChild<QLabel *>(QStringLiteral("syncStatus"))->property("syncState").toString(),
        QStringLiteral("online"), 10000);
    const auto alertItemOf = [&ws, &patientId]() -> QString {
        for (int row = 0; row < ws.store().count(); ++row) {
            const auto &item = ws.store().row(row).item;
            if (item.kind == inbox::Kind::Alert && item.patientId == patientId)
                return item.id;
        }
        return {};
    };
    QVERIFY(alertItemOf().isEmpty());

    QByteArrayList fields;
    for (const auto &[name, value] : {std::pair{"from", phone}, std::pair{"to", QStringLiteral("71234")},
                                      std::pair{"message", QStringLiteral("BT 182/95")}})
        fields.append(QByteArray(name) + '=' + QUrl::toPercentEncoding(value));
    const HttpReply reply = TestHttp(m_server.url())
                                .post(QStringLiteral("/api/v1/sms/inbound"), fields.join('&'),
                                      {{"Content-Type", "application/x-www-form-urlencoded"},
                                       {"X-Nara-Sms-Secret", QByteArray(kSmsSecret)}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("alerted"));

    QTRY_VERIFY_WITH_TIMEOUT(!alertItemOf().isEmpty(), 10000);
    const QString itemId = alertItemOf();
    const auto item = ws.store().item(itemId);
    QVERIFY(item);
    QCOMPARE(inbox::toString(item->priority), QStringLiteral("asap"));
    QVERIFY2(item->title.contains(QStringLiteral("182/95")), qPrintable(item->title));
    QVERIFY(item->priorityReason.contains(QStringLiteral("röd gräns")));
    // The alert and its measurement arrive as records with the item.
    QTRY_VERIFY_WITH_TIMEOUT(!ws.store().records(QStringLiteral("alert"), patientId).isEmpty(), 5000);
    const QJsonObject alert = ws.store().records(QStringLiteral("alert"), patientId).first();
    QCOMPARE(alert.value(QStringLiteral("severity")).toString(), QStringLiteral("red"));
    QCOMPARE(alert.value(QStringLiteral("itemId")).toString(), itemId);
    QVERIFY(!ws.store().records(QStringLiteral("measurement"), patientId).isEmpty());

    // The nurse opens it: the alert pane shows the red alert.
    QVERIFY(ws.window().openItem(itemId));
    auto *pane = ws.window().findChild<QWidget *>(QStringLiteral("alertPane"));
    QVERIFY(pane);
    QTRY_VERIFY(pane->isVisible());

    // The patient has no open chat: "contact the patient" starts one with a first message, and the
    // new chat opens once the server has it.
    const QString text
        = QStringLiteral("Hej! Vi har sett ditt blodtryck och ringer dig i dag. %1").arg(m_clock.nowMs());
    Dialogs::setNextAnswer(text);
    auto *contact = pane->findChild<QPushButton *>(QStringLiteral("contactPatientButton"));
    QVERIFY(contact);
    contact->click();
    QTRY_VERIFY_WITH_TIMEOUT(ws.window().currentItemId() != itemId, 10000);
    const auto chat = ws.store().item(ws.window().currentItemId());
    QVERIFY(chat);
    QVERIFY(chat->kind == inbox::Kind::Chat);
    QCOMPARE(chat->patientId, patientId);
    QTRY_VERIFY_WITH_TIMEOUT(threadHas(ws.store(), chat->id, text, false), 10000);
    ws.stop();
}

QTEST_MAIN(TestWorkstationE2e)
#include "tst_workstation_e2e.moc"
