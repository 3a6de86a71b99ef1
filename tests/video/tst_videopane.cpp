#include "../sync/fakeapiserver.h"
#include "../workstation/inboxfixtures.h"
#include "fakeclock.h"
#include "fakemediadevices.h"
#include "video/ui/aftercalldialog.h"
#include "video/ui/precallcheckdialog.h"
#include "video/ui/videopane.h"
#include "video/ui/visitbooking.h"
#include "workstation/ui/dialogs.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace nara;
using namespace nara::video;
using nara::test::FakeMediaDevices;
using nara::test::RecordingSink;

namespace {

// 26 Nov 2025 10:00 local time: the visit starts at 10:15, the patient arrived at 10:02.
qint64 localMs(int hour, int minute)
{
    return QDateTime(QDate(2025, 11, 26), QTime(hour, minute)).toMSecsSinceEpoch();
}

QJsonObject visitJson(const QString &state)
{
    const bool waiting = state == u"waiting";
    return QJsonObject{
        {QStringLiteral("id"), QStringLiteral("v1")},
        {QStringLiteral("itemId"), QStringLiteral("item-v1")},
        {QStringLiteral("unitId"), QStringLiteral("unit-1")},
        {QStringLiteral("patientId"), QStringLiteral("p1")},
        {QStringLiteral("reason"), QStringLiteral("Återbesök knäträning")},
        {QStringLiteral("startsAt"), localMs(10, 15)},
        {QStringLiteral("bookedAt"), localMs(8, 0)},
        {QStringLiteral("bookedBy"), QStringLiteral("me")},
        {QStringLiteral("participants"),
         QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("staff")},
                                {QStringLiteral("id"), QStringLiteral("me")},
                                {QStringLiteral("name"), QStringLiteral("Anna Andersson")},
                                {QStringLiteral("role"), QStringLiteral("physiotherapist")}},
                    QJsonObject{{QStringLiteral("kind"), QStringLiteral("staff")},
                                {QStringLiteral("id"), QStringLiteral("s9")},
                                {QStringLiteral("name"), QStringLiteral("Kim Kommun")},
                                {QStringLiteral("role"), QStringLiteral("municipal_nurse")}},
                    QJsonObject{{QStringLiteral("kind"), QStringLiteral("patient")},
                                {QStringLiteral("id"), QStringLiteral("p1")},
                                {QStringLiteral("name"), QStringLiteral("Tolvan Tolvansson")}}}},
        {QStringLiteral("state"), state},
        {QStringLiteral("patientArrivedAt"), waiting ? localMs(10, 2) : 0},
        {QStringLiteral("patientWaitingSince"), waiting ? localMs(10, 2) : 0},
        {QStringLiteral("readiness"),
         waiting ? QJsonValue(QJsonObject{{QStringLiteral("camera"), true}, {QStringLiteral("microphone"), false}})
                 : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("admittedAt"), 0},
        {QStringLiteral("endedAt"), 0},
        {QStringLiteral("outcome"), QString()},
        {QStringLiteral("note"), QString()},
        {QStringLiteral("version"), 3}};
}

std::optional<Visit> visitFrom(const QJsonObject &json)
{
    auto visit = Visit::fromJson(json);
    return visit ? std::optional<Visit>(*visit) : std::nullopt;
}

} // namespace

class TestVideoPane : public QObject
{
    Q_OBJECT

private:
    test::FakeClock m_clock;
    std::unique_ptr<FakeMediaDevices> m_devices;
    std::unique_ptr<RecordingSink> m_sink;
    std::unique_ptr<VideoPane> m_pane;

    template<typename T> T *find(const char *name) const
    {
        auto *widget = m_pane->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no widget %s", name);
        return widget;
    }
    void show(const QString &state)
    {
        m_pane->showVisit(QStringLiteral("item-v1"), QStringLiteral("Återbesök knäträning"),
                          QStringLiteral("Tolvan Tolvansson, 19121212-1212"), visitFrom(visitJson(state)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("nara-test"));
        QCoreApplication::setApplicationName(QStringLiteral("videopane"));
    }

    void init()
    {
        QSettings().clear();
        workstation::Dialogs::clearAnswers();
        workstation::Dialogs::setNonInteractive(true);
        m_clock.setMs(localMs(10, 5));
        m_devices = std::make_unique<FakeMediaDevices>();
        m_sink = std::make_unique<RecordingSink>();
        m_pane = std::make_unique<VideoPane>(*m_devices, *m_sink, m_clock);
        m_pane->setStaffUnits({QStringLiteral("unit-0"), QStringLiteral("unit-1")}); // the visit's unit among mine
        // Nothing may block: a dialog the test did not expect is cancelled.
        m_pane->setDialogRunner([](QDialog &) { return int(QDialog::Rejected); });
    }

    void cleanup()
    {
        m_pane.reset();
        m_sink.reset();
        m_devices.reset();
        QCOMPARE(workstation::Dialogs::queuedAnswers(), 0);
    }

    void waitingPatientShowsTimeAndReadiness()
    {
        show(QStringLiteral("waiting"));
        auto *waiting = find<QLabel>("waitingLabel");
        QVERIFY(!waiting->isHidden());
        QVERIFY2(waiting->text().startsWith(QStringLiteral("Patient waiting since 10:02")),
                 qPrintable(waiting->text()));
        QVERIFY(waiting->text().contains(QStringLiteral("camera ✓")));
        QVERIFY(waiting->text().contains(QStringLiteral("microphone ✗")));
        const QString details = find<QLabel>("videoDetails")->text();
        QVERIFY2(details.contains(QStringLiteral("Time: 10:15")), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("Tolvan Tolvansson, 19121212-1212")));
        QVERIFY(details.contains(QStringLiteral("Anna Andersson, Kim Kommun")));
        QVERIFY(details.contains(QStringLiteral("waiting room")));
        QVERIFY(find<QPushButton>("admitPatientButton")->isEnabled());
        QVERIFY(find<QPushButton>("joinCallButton")->isEnabled());
        QVERIFY(find<QPushButton>("phoneInsteadButton")->isEnabled());

        // The patient leaves the waiting room: the pane follows (the host hands the new version in).
        show(QStringLiteral("booked"));
        QVERIFY(waiting->isHidden());
        QVERIFY(!find<QPushButton>("admitPatientButton")->isEnabled());
        QVERIFY(!m_pane->findChild<QAction *>(QStringLiteral("admitPatientButtonAction"))->isEnabled());
        QVERIFY(find<QLabel>("videoDetails")->text().contains(QStringLiteral("Status: booked")));
    }

    void admitIsAnOnlineRequest()
    {
        show(QStringLiteral("waiting"));
        auto *admit = find<QPushButton>("admitPatientButton");
        auto *status = find<QLabel>("videoStatus");

        // Without a server: said so, and nothing is queued to fire later.
        QTest::mouseClick(admit, Qt::LeftButton);
        QVERIFY2(status->text().contains(QStringLiteral("needs a connection")), qPrintable(status->text()));
        QCOMPARE(m_sink->writes.size(), 0);

        test::FakeServer server;
        bool refuse = false;
        server.handler = [&refuse](const test::FakeServer::Request &request) {
            if (request.method == "POST" && request.target == "/api/v1/visits/v1/admit") {
                if (refuse)
                    return test::FakeServer::Response{409, test::problem(QStringLiteral("conflict"), 409)};
                return test::FakeServer::Response{200, QByteArrayLiteral("{\"visit\":{\"id\":\"v1\"}}")};
            }
            return test::FakeServer::Response{404, test::problem(QStringLiteral("not-found"), 404)};
        };
        VisitBooking booking(server.url(), QStringLiteral("token-1"));
        m_pane->setBooking(&booking);
        QSignalSpy admitted(m_pane.get(), &VideoPane::admitted);
        QTest::mouseClick(admit, Qt::LeftButton);
        QVERIFY(!admit->isEnabled()); // on its way: not a second time
        QCOMPARE(status->text(), QStringLiteral("The patient is being let in…"));
        QTRY_COMPARE(admitted.size(), 1);
        QCOMPARE(admitted.first().at(0).toString(), QStringLiteral("v1"));
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(server.requests.first().method, QByteArray("POST"));
        const QByteArray key = server.requests.first().headers.value("idempotency-key");
        QVERIFY(!key.isEmpty());
        QCOMPARE(status->text(), QStringLiteral("The patient is let in."));
        QVERIFY(admit->isEnabled()); // still waiting here until the next sync says otherwise
        QCOMPARE(m_sink->writes.size(), 0); // online only, never through the outbox

        // The same from the keyboard, with a key of its own.
        m_pane->show();
        m_pane->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_pane.get()));
        QTest::keyClick(m_pane.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(admitted.size(), 2);
        QCOMPARE(server.requests.size(), 2);
        QVERIFY(server.requests.last().headers.value("idempotency-key") != key);

        // The server refuses (the patient had left): the pane says why.
        refuse = true;
        m_pane->admit();
        QTRY_VERIFY2(status->text().startsWith(QStringLiteral("The patient was not let in:")),
                     qPrintable(status->text()));
        QVERIFY2(status->text().contains(QStringLiteral("Title conflict")),
                 qPrintable(status->text())); // the server's words
        QCOMPARE(admitted.size(), 2);
        QVERIFY(admit->isEnabled());

        // The server cannot be reached: needs a connection, nothing queued.
        VisitBooking unreachable(QUrl(QStringLiteral("http://127.0.0.1:1")), QStringLiteral("token-1"));
        m_pane->setBooking(&unreachable);
        m_pane->admit();
        QTRY_VERIFY2(status->text().contains(QStringLiteral("needs a connection")), qPrintable(status->text()));
        QVERIFY(admit->isEnabled());
        QCOMPARE(admitted.size(), 2);
        QCOMPARE(m_sink->writes.size(), 0);

        // Not waiting: nothing to admit.
        m_pane->setBooking(&booking);
        show(QStringLiteral("booked"));
        status->clear();
        m_pane->admit();
        QTest::keyClick(m_pane.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(status->text().isEmpty());
        m_pane->setBooking(nullptr);
        QCOMPARE(server.requests.size(), 3);
    }

    void phoneInsteadEndsTheVisit()
    {
        show(QStringLiteral("waiting"));
        QSignalSpy ended(m_pane.get(), &VideoPane::endSubmitted);
        QTest::mouseClick(find<QPushButton>("phoneInsteadButton"), Qt::LeftButton);
        QCOMPARE(m_sink->writes.size(), 1);
        QCOMPARE(m_sink->writes.first().path, QStringLiteral("/api/v1/visits/v1/end"));
        QCOMPARE(RecordingSink::body(m_sink->writes.first()),
                 QJsonObject({{QStringLiteral("outcome"), QStringLiteral("phone_instead")}}));
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.first().at(1).toString(), QStringLiteral("phone_instead"));

        // The server refuses it in the end (a colleague ended it first): the pane says so; others' refusals not.
        m_pane->writeRejected(QStringLiteral("someone-elses"), QStringLiteral("Conflict"));
        QVERIFY(!find<QLabel>("videoStatus")->text().contains(QStringLiteral("Conflict")));
        m_pane->writeRejected(m_sink->writes.first().id, QStringLiteral("The visit has ended"));
        QCOMPARE(find<QLabel>("videoStatus")->text(),
                 QStringLiteral("The server refused the change: The visit has ended"));
    }

    void visitChangesWhileADialogIsOpen()
    {
        // Each dialog runs an event loop of its own, in which sync hands the pane another item, no
        // visit, or its visit ended. What the dialog asked for applies to the visit it was opened
        // for, only while the pane still shows it and it has not ended; otherwise it is dropped.
        QJsonObject other = visitJson(QStringLiteral("waiting"));
        other.insert(QStringLiteral("id"), QStringLiteral("v2"));
        other.insert(QStringLiteral("itemId"), QStringLiteral("item-v2"));
        QJsonObject ended = visitJson(QStringLiteral("ended"));
        ended.insert(QStringLiteral("outcome"), QStringLiteral("done"));
        ended.insert(QStringLiteral("endedAt"), localMs(10, 4));
        const QList<std::function<void()>> changes = {
            [&] { m_pane->showVisit(QStringLiteral("item-v2"), QStringLiteral("Konsultation"), {}, visitFrom(other)); },
            [&] { m_pane->showVisit(QStringLiteral("item-v1"), QStringLiteral("Återbesök"), {}, std::nullopt); },
            [&] { m_pane->showVisit(QStringLiteral("item-v1"), QStringLiteral("Återbesök"), {}, visitFrom(ended)); },
            [&] { m_pane->showVisit({}, {}, {}, std::nullopt); },
        };
        QSignalSpy endSubmitted(m_pane.get(), &VideoPane::endSubmitted);
        QSignalSpy join(m_pane.get(), &VideoPane::joinRequested);
        auto *status = find<QLabel>("videoStatus");
        int dialogs = 0;
        for (const std::function<void()> &change : changes) {
            // The after-call dialog, accepted (outcome done) after the change.
            show(QStringLiteral("waiting"));
            m_pane->setDialogRunner([&](QDialog &dialog) {
                ++dialogs;
                if (!qobject_cast<AfterCallDialog *>(&dialog))
                    return int(QDialog::Rejected);
                change();
                return int(QDialog::Accepted);
            });
            m_pane->endVisit();
            QVERIFY2(status->text().contains(QStringLiteral("nothing was done")), qPrintable(status->text()));

            // The pre-call check's "phone instead".
            show(QStringLiteral("waiting"));
            m_pane->setDialogRunner([&](QDialog &dialog) {
                ++dialogs;
                if (!qobject_cast<PreCallCheckDialog *>(&dialog))
                    return int(QDialog::Rejected);
                change();
                return int(PreCallCheckDialog::PhoneInstead);
            });
            m_pane->runPreCallCheck();
            QVERIFY2(status->text().contains(QStringLiteral("nothing was done")), qPrintable(status->text()));

            // Join, whose first pre-call check is accepted after the change.
            show(QStringLiteral("waiting"));
            m_pane->setDialogRunner([&](QDialog &dialog) {
                ++dialogs;
                auto *check = qobject_cast<PreCallCheckDialog *>(&dialog);
                if (!check)
                    return int(QDialog::Rejected);
                change();
                QTest::mouseClick(check->findChild<QPushButton *>(QStringLiteral("continueButton")), Qt::LeftButton);
                return check->result();
            });
            m_pane->join();
            QVERIFY2(status->text().contains(QStringLiteral("nothing was done")), qPrintable(status->text()));
        }
        QCOMPARE(dialogs, 12);
        QCOMPARE(m_sink->writes.size(), 0); // no end for v2, none for the vanished or ended v1
        QCOMPARE(endSubmitted.size(), 0);
        QCOMPARE(join.size(), 0);

        // Another item shown: the pane says why nothing happened.
        show(QStringLiteral("waiting"));
        m_pane->setDialogRunner([&](QDialog &) {
            changes.first()();
            return int(QDialog::Accepted);
        });
        m_pane->endVisit();
        QCOMPARE(m_pane->visitId(), QStringLiteral("v2"));
        QVERIFY2(status->text().contains(QStringLiteral("changed while the dialog was open")),
                 qPrintable(status->text()));
        QCOMPARE(m_sink->writes.size(), 0);

        // A new version of the same visit (readiness changed) is still that visit: the end is sent.
        show(QStringLiteral("waiting"));
        m_pane->setDialogRunner([&](QDialog &) {
            QJsonObject newer = visitJson(QStringLiteral("waiting"));
            newer.insert(QStringLiteral("version"), 4);
            newer.insert(QStringLiteral("readiness"),
                         QJsonObject{{QStringLiteral("camera"), true}, {QStringLiteral("microphone"), true}});
            m_pane->showVisit(QStringLiteral("item-v1"), QStringLiteral("Återbesök knäträning"), {}, visitFrom(newer));
            return int(QDialog::Accepted);
        });
        m_pane->endVisit();
        QCOMPARE(m_sink->writes.size(), 1);
        QCOMPARE(m_sink->writes.first().path, QStringLiteral("/api/v1/visits/v1/end"));
        QCOMPARE(m_sink->writes.first().itemId, QStringLiteral("item-v1"));
        QCOMPARE(endSubmitted.size(), 1);
        QCOMPARE(endSubmitted.first().at(0).toString(), QStringLiteral("v1"));
    }

    void afterCallDialogSubmitsNoteAndOutcome()
    {
        show(QStringLiteral("waiting"));
        int shown = 0;
        m_pane->setDialogRunner([&shown](QDialog &dialog) {
            ++shown;
            auto *after = qobject_cast<AfterCallDialog *>(&dialog);
            if (!after)
                return int(QDialog::Rejected);
            QTest::mouseClick(after->findChild<QRadioButton *>(QStringLiteral("outcomeFollowUp")), Qt::LeftButton);
            QTest::keyClicks(after->findChild<QPlainTextEdit *>(QStringLiteral("afterCallNote")),
                             QStringLiteral("Ökar belastningen, ny kontroll om två veckor."));
            QTest::mouseClick(after->findChild<QPushButton *>(QStringLiteral("endVisitButton")), Qt::LeftButton);
            return after->result();
        });
        QTest::mouseClick(find<QPushButton>("endVisitButton"), Qt::LeftButton);
        QCOMPARE(shown, 1);
        QCOMPARE(m_sink->writes.size(), 1);
        QCOMPARE(m_sink->writes.first().path, QStringLiteral("/api/v1/visits/v1/end"));
        QCOMPARE(
            RecordingSink::body(m_sink->writes.first()),
            QJsonObject({{QStringLiteral("outcome"), QStringLiteral("follow_up")},
                         {QStringLiteral("note"), QStringLiteral("Ökar belastningen, ny kontroll om två veckor.")}}));

        // Cancelled through the workstation's dialog wrapper: nothing is sent.
        m_pane->setDialogRunner(&workstation::Dialogs::run);
        workstation::Dialogs::setNextAnswer(false);
        m_pane->endVisit();
        QCOMPARE(m_sink->writes.size(), 1);
        // Accepted as it stands: outcome done, no note.
        workstation::Dialogs::setNextAnswer(true);
        m_pane->endVisit();
        QCOMPARE(m_sink->writes.size(), 2);
        QCOMPARE(RecordingSink::body(m_sink->writes.last()),
                 QJsonObject({{QStringLiteral("outcome"), QStringLiteral("done")}}));
    }

    void joinStartsWithThePreCallCheck()
    {
        show(QStringLiteral("booked"));
        QSignalSpy join(m_pane.get(), &VideoPane::joinRequested);
        int checks = 0;
        m_pane->setDialogRunner([&checks, this](QDialog &dialog) {
            auto *check = qobject_cast<PreCallCheckDialog *>(&dialog);
            if (!check)
                return int(QDialog::Rejected);
            ++checks;
            // The preview runs while the check is open.
            if (m_devices->previewCamera != QStringLiteral("cam-built-in"))
                return int(QDialog::Rejected);
            check->findChild<QComboBox *>(QStringLiteral("microphoneCombo"))->setCurrentIndex(1);
            QTest::mouseClick(check->findChild<QPushButton *>(QStringLiteral("continueButton")), Qt::LeftButton);
            return check->result();
        });
        QTest::mouseClick(find<QPushButton>("joinCallButton"), Qt::LeftButton);
        QCOMPARE(checks, 1);
        QCOMPARE(join.size(), 1);
        QCOMPARE(join.first().at(0).toString(), QStringLiteral("v1"));
        const auto devices = join.first().at(1).value<DeviceChoice>();
        QCOMPARE(devices.cameraId, QStringLiteral("cam-built-in"));
        QCOMPARE(devices.microphoneId, QStringLiteral("mic-headset"));
        QVERIFY(!devices.audioOnly);
        QVERIFY(m_devices->previewCamera.isEmpty()); // released for the call window

        // Checked once for this visit: joining again goes straight in.
        m_pane->join();
        QCOMPARE(checks, 1);
        QCOMPARE(join.size(), 2);

        // In a call: no second join, no phone fallback.
        m_pane->setInCall(true);
        QVERIFY(!find<QPushButton>("joinCallButton")->isEnabled());
        QVERIFY(!find<QPushButton>("phoneInsteadButton")->isEnabled());
        m_pane->join();
        QCOMPARE(join.size(), 2);
        m_pane->setInCall(false);

        // The pre-call check's "phone instead" ends the visit that way.
        m_pane->setDialogRunner([](QDialog &) { return int(PreCallCheckDialog::PhoneInstead); });
        QTest::mouseClick(find<QPushButton>("preCallCheckButton"), Qt::LeftButton);
        QCOMPARE(m_sink->writes.size(), 1);
        QCOMPARE(RecordingSink::body(m_sink->writes.first()).value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("phone_instead"));
    }

    void endedOrUnknownVisitOffersNothing()
    {
        m_pane->showVisit(QStringLiteral("item-v1"), QStringLiteral("Återbesök"), {}, std::nullopt);
        QVERIFY(find<QLabel>("videoDetails")->text().contains(QStringLiteral("not arrived yet")));
        for (const char *name :
             {"preCallCheckButton", "joinCallButton", "admitPatientButton", "phoneInsteadButton", "endVisitButton"})
            QVERIFY2(!find<QPushButton>(name)->isEnabled(), name);

        QJsonObject ended = visitJson(QStringLiteral("ended"));
        ended.insert(QStringLiteral("outcome"), QStringLiteral("physical_visit"));
        ended.insert(QStringLiteral("endedAt"), localMs(10, 40));
        ended.insert(QStringLiteral("note"), QStringLiteral("Bokar besök på mottagningen."));
        m_pane->showVisit(QStringLiteral("item-v1"), QStringLiteral("Återbesök"), {}, visitFrom(ended));
        const QString details = find<QLabel>("videoDetails")->text();
        QVERIFY2(details.contains(QStringLiteral("ended 10:40 (physical visit needed)")), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("Bokar besök på mottagningen.")));
        for (const char *name :
             {"preCallCheckButton", "joinCallButton", "admitPatientButton", "phoneInsteadButton", "endVisitButton"})
            QVERIFY2(!find<QPushButton>(name)->isEnabled(), name);
        m_pane->endVisit();
        m_pane->phoneInstead();
        QCOMPARE(m_sink->writes.size(), 0);
    }

    void newLinkForThePatient()
    {
        show(QStringLiteral("booked"));
        QVERIFY(!find<QPushButton>("newLinkButton")->isEnabled()); // no server
        test::FakeServer server;
        server.handler = [](const test::FakeServer::Request &request) {
            if (request.method == "POST" && request.target == "/api/v1/visits/v1/invitation")
                return test::FakeServer::Response{
                    201,
                    QByteArrayLiteral("{\"url\":\"http://nara.example/portal/#invitation=new\",\"token\":\"new\","
                                      "\"expiresAt\":1}")};
            return test::FakeServer::Response{404, test::problem(QStringLiteral("not-found"), 404)};
        };
        VisitBooking booking(server.url(), QStringLiteral("token-1"));
        m_pane->setBooking(&booking);
        QVERIFY(find<QPushButton>("newLinkButton")->isEnabled());
        QVERIFY(find<QWidget>("patientLinkRow")->isHidden());
        QTest::mouseClick(find<QPushButton>("newLinkButton"), Qt::LeftButton);
        QTRY_VERIFY(!find<QWidget>("patientLinkRow")->isHidden());
        QCOMPARE(find<QLineEdit>("patientLink")->text(), QStringLiteral("http://nara.example/portal/#invitation=new"));
        QCOMPARE(server.requests.size(), 1);
        QVERIFY(!server.requests.first().headers.value("idempotency-key").isEmpty());
        QCOMPARE(m_sink->writes.size(), 0); // online only, never through the outbox

        // A consult without a patient has nobody to send a link to.
        QJsonObject consult = visitJson(QStringLiteral("booked"));
        consult.insert(QStringLiteral("patientId"), QJsonValue::Null);
        m_pane->showVisit(QStringLiteral("item-v2"), QStringLiteral("Konsultation"), {}, visitFrom(consult));
        QVERIFY(!find<QPushButton>("newLinkButton")->isEnabled());
        QVERIFY(find<QWidget>("patientLinkRow")->isHidden());
        m_pane->setBooking(nullptr);
    }

    void participantFromAnotherUnitJoinsOnly()
    {
        // A municipal nurse taking part from her own unit: the server would refuse her admitting,
        // ending, phoning instead and new links (403/404), so the pane does not offer them.
        m_pane->setStaffUnits({QStringLiteral("unit-kommun")});
        show(QStringLiteral("waiting"));
        QVERIFY(!m_pane->worksInVisitUnit());
        QVERIFY(!find<QLabel>("waitingLabel")->isHidden()); // she still sees who is waiting
        QVERIFY(find<QPushButton>("preCallCheckButton")->isEnabled());
        QVERIFY(find<QPushButton>("joinCallButton")->isEnabled());
        for (const char *name : {"admitPatientButton", "phoneInsteadButton", "endVisitButton", "newLinkButton"}) {
            QVERIFY2(!find<QPushButton>(name)->isEnabled(), name);
            QVERIFY2(!m_pane->findChild<QAction *>(QString::fromLatin1(name) + QStringLiteral("Action"))->isEnabled(),
                     name);
        }
        test::FakeServer server;
        VisitBooking booking(server.url(), QStringLiteral("token-1"));
        m_pane->setBooking(&booking);
        QVERIFY(!find<QPushButton>("newLinkButton")->isEnabled());

        // Called directly (after a call, from the pre-call check's "phone instead"): nothing is sent.
        m_pane->admit();
        m_pane->phoneInstead();
        m_pane->endVisit();
        m_pane->newPatientLink();
        m_pane->setDialogRunner([](QDialog &dialog) {
            return qobject_cast<PreCallCheckDialog *>(&dialog) ? int(PreCallCheckDialog::PhoneInstead)
                                                               : int(QDialog::Rejected);
        });
        m_pane->runPreCallCheck();
        QVERIFY(find<QLabel>("videoStatus")->text().contains(QStringLiteral("care unit")));
        QCOMPARE(m_sink->writes.size(), 0);
        QCOMPARE(server.requests.size(), 0);

        // Joining works as for anyone taking part.
        QSignalSpy join(m_pane.get(), &VideoPane::joinRequested);
        m_pane->setDialogRunner([](QDialog &dialog) {
            auto *check = qobject_cast<PreCallCheckDialog *>(&dialog);
            if (!check)
                return int(QDialog::Rejected);
            QTest::mouseClick(check->findChild<QPushButton *>(QStringLiteral("continueButton")), Qt::LeftButton);
            return check->result();
        });
        QTest::mouseClick(find<QPushButton>("joinCallButton"), Qt::LeftButton);
        QCOMPARE(join.size(), 1);

        // Her units arrive later or change (a sync of her staff entity): the pane follows.
        m_pane->setStaffUnits({QStringLiteral("unit-kommun"), QStringLiteral("unit-1")});
        QVERIFY(find<QPushButton>("admitPatientButton")->isEnabled());
        QVERIFY(find<QPushButton>("endVisitButton")->isEnabled());
        QVERIFY(find<QPushButton>("newLinkButton")->isEnabled());
        m_pane->setStaffUnits({});
        QVERIFY(!find<QPushButton>("endVisitButton")->isEnabled());
        m_pane->setBooking(nullptr);
    }

    void controlsHaveNamesAndShortcuts()
    {
        show(QStringLiteral("waiting"));
        for (const char *name : {"videoDetails", "waitingLabel", "preCallCheckButton", "joinCallButton",
                                 "admitPatientButton", "phoneInsteadButton", "endVisitButton"}) {
            QWidget *widget = find<QWidget>(name);
            QVERIFY2(widget, name);
            QVERIFY2(!widget->accessibleName().isEmpty(), name);
        }
        QCOMPARE(m_pane->shortcutActions().size(), 6);
        for (QAction *action : m_pane->shortcutActions())
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->objectName()));
    }
};

QTEST_MAIN(TestVideoPane)
#include "tst_videopane.moc"
