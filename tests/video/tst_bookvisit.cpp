#include "../sync/fakeapiserver.h"
#include "fakeclock.h"
#include "video/ui/bookvisitdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTimeEdit>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace nara;
using namespace nara::video;
using nara::test::FakeServer;

namespace {

const QString kUrl = QStringLiteral("http://127.0.0.1:8080/portal/#invitation=abc123");

QByteArray directoryAnswer()
{
    // As GET /api/v1/staff/directory answers (docs/api/contract.md): unit names per member.
    const auto member = [](const char *id, const char *name, const char *role, const QString &unit) {
        return QJsonObject{{QStringLiteral("id"), QString::fromLatin1(id)},
                           {QStringLiteral("displayName"), QString::fromLatin1(name)},
                           {QStringLiteral("role"), QString::fromLatin1(role)},
                           {QStringLiteral("unitIds"), QJsonArray{QStringLiteral("u")}},
                           {QStringLiteral("units"), QJsonArray{unit}}};
    };
    const QJsonObject answer{
        {QStringLiteral("staff"),
         QJsonArray{member("me", "Anna Andersson", "nurse", QStringLiteral("Vårdcentralen Falkenberg")),
                    member("s2", "Bo Berg", "gp", QStringLiteral("Vårdcentralen Falkenberg")),
                    member("s9", "Kim Kommun", "municipal_nurse", QStringLiteral("Hemsjukvården Falkenberg"))}}};
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}

QByteArray bookedAnswer(qint64 expiresAt)
{
    const QJsonObject answer{
        {QStringLiteral("visit"),
         QJsonObject{{QStringLiteral("id"), QStringLiteral("v1")}, {QStringLiteral("itemId"), QStringLiteral("i1")}}},
        {QStringLiteral("item"), QJsonObject{{QStringLiteral("id"), QStringLiteral("i1")}}},
        {QStringLiteral("invitation"),
         QJsonObject{{QStringLiteral("url"), kUrl},
                     {QStringLiteral("token"), QStringLiteral("abc123")},
                     {QStringLiteral("expiresAt"), expiresAt}}}};
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}

QList<PatientChoice> patients()
{
    return {{QStringLiteral("p1"), QStringLiteral("Tolvan Tolvansson"), QStringLiteral("19121212-1212")},
            {QStringLiteral("p2"), QStringLiteral("Elsa Exempel"), QStringLiteral("19400101-0002")}};
}

QList<Colleague> cachedColleagues()
{
    return {{QStringLiteral("me"), QStringLiteral("Anna Andersson"), QStringLiteral("nurse"), {}},
            {QStringLiteral("s2"), QStringLiteral("Bo Berg"), QStringLiteral("gp"), {}}};
}

QListWidgetItem *entry(QListWidget *list, const QString &startsWith)
{
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->text().startsWith(startsWith))
            return list->item(i);
    return nullptr;
}

int visibleRows(QListWidget *list)
{
    int rows = 0;
    for (int i = 0; i < list->count(); ++i)
        rows += list->item(i)->isHidden() ? 0 : 1;
    return rows;
}

} // namespace

class TestBookVisit : public QObject
{
    Q_OBJECT

private:
    test::FakeClock m_clock;

    template<typename T> static T *child(QWidget &parent, const char *name)
    {
        auto *widget = parent.findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no widget %s", name);
        return widget;
    }

private Q_SLOTS:
    void init() { m_clock.setMs(QDateTime::currentMSecsSinceEpoch()); }

    void booksAndShowsTheLink()
    {
        FakeServer server;
        const qint64 expiresAt = m_clock.nowMs() + 48 * 3600'000;
        server.handler = [expiresAt](const FakeServer::Request &request) {
            if (request.method == "GET" && request.target == "/api/v1/staff/directory")
                return FakeServer::Response{200, directoryAnswer()};
            if (request.method == "POST" && request.target == "/api/v1/visits")
                return FakeServer::Response{201, bookedAnswer(expiresAt)};
            return FakeServer::Response{404, test::problem(QStringLiteral("not-found"), 404)};
        };
        VisitBooking booking(server.url(), QStringLiteral("token-1"));
        BookVisitDialog dialog(patients(), cachedColleagues(), &booking, m_clock, QStringLiteral("me"));
        QSignalSpy booked(&dialog, &BookVisitDialog::visitBooked);
        auto *participants = child<QListWidget>(dialog, "participantList");
        // The cached colleague first (never oneself), then every unit's from the directory.
        QCOMPARE(participants->count(), 1);
        QTRY_COMPARE(participants->count(), 2);
        QVERIFY(entry(participants, QStringLiteral("Kim Kommun (municipal nurse, Hemsjukvården Falkenberg)")));
        QVERIFY(!entry(participants, QStringLiteral("Anna Andersson")));

        // The patient, found by personnummer without the dash.
        QTest::keyClicks(child<QLineEdit>(dialog, "patientSearch"), QStringLiteral("191212121212"));
        auto *patientList = child<QListWidget>(dialog, "patientList");
        QCOMPARE(visibleRows(patientList), 1);
        QCOMPARE(patientList->currentItem()->text(), QStringLiteral("Tolvan Tolvansson, 19121212-1212"));

        QTest::keyClicks(child<QLineEdit>(dialog, "participantSearch"), QStringLiteral("hemsjuk"));
        QCOMPARE(visibleRows(participants), 1);
        entry(participants, QStringLiteral("Kim Kommun"))->setCheckState(Qt::Checked);
        const QDateTime startsAt = QDateTime::currentDateTime().addDays(1);
        child<QDateTimeEdit>(dialog, "startsAtEdit")->setDateTime(startsAt);
        QTest::keyClicks(child<QLineEdit>(dialog, "reasonEdit"), QStringLiteral("Samordning efter utskrivning"));

        QTest::mouseClick(child<QPushButton>(dialog, "bookButton"), Qt::LeftButton);
        QTRY_COMPARE(booked.size(), 1);
        const auto visit = booked.first().first().value<BookedVisit>();
        QCOMPARE(visit.visitId, QStringLiteral("v1"));
        QCOMPARE(visit.itemId, QStringLiteral("i1"));
        QCOMPARE(visit.invitationUrl, kUrl);

        // What was sent.
        const FakeServer::Request *post = nullptr;
        for (const FakeServer::Request &request : std::as_const(server.requests))
            if (request.method == "POST")
                post = &request;
        QVERIFY(post);
        QCOMPARE(post->headers.value("authorization"), QByteArray("Bearer token-1"));
        QVERIFY(!post->headers.value("idempotency-key").isEmpty());
        const QJsonObject body = QJsonDocument::fromJson(post->body).object();
        QCOMPARE(body.value(QStringLiteral("patientId")).toString(), QStringLiteral("p1"));
        QCOMPARE(body.value(QStringLiteral("participantIds")).toArray(), QJsonArray{QStringLiteral("s9")});
        QCOMPARE(body.value(QStringLiteral("reason")).toString(), QStringLiteral("Samordning efter utskrivning"));
        QCOMPARE(
            body.value(QStringLiteral("startsAt")).toInteger(),
            QDateTime(startsAt.date(), QTime(startsAt.time().hour(), startsAt.time().minute())).toMSecsSinceEpoch());

        // The link, with a Copy button; the inputs are done with.
        auto *link = child<QLineEdit>(dialog, "visitLink");
        QVERIFY(!child<QWidget>(dialog, "bookingResult")->isHidden());
        QCOMPARE(link->text(), kUrl);
        QVERIFY(link->isReadOnly());
        QVERIFY(child<QPushButton>(dialog, "bookButton")->isHidden());
        QVERIFY(!child<QLineEdit>(dialog, "reasonEdit")->isEnabled());
        QTest::mouseClick(child<QPushButton>(dialog, "copyVisitLink"), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), kUrl);
        QVERIFY(dialog.statusText().contains(QStringLiteral("copied")));
    }

    void offlineKeepsTheInput()
    {
        // A port nobody listens on: the server cannot be reached.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
        closed.close();

        VisitBooking booking(url, QStringLiteral("token-1"));
        BookVisitDialog dialog(patients(), cachedColleagues(), &booking, m_clock, QStringLiteral("me"));
        QSignalSpy booked(&dialog, &BookVisitDialog::visitBooked);
        dialog.selectPatient(QStringLiteral("p2"));
        auto *participants = child<QListWidget>(dialog, "participantList");
        QCOMPARE(participants->count(), 1); // the cached colleagues, the directory being out of reach
        participants->item(0)->setCheckState(Qt::Checked);
        // keyClicks types Latin-1 only: the Swedish text is set.
        child<QLineEdit>(dialog, "reasonEdit")->setText(QStringLiteral("Uppföljning blodtryck"));
        QTest::mouseClick(child<QPushButton>(dialog, "bookButton"), Qt::LeftButton);
        QTRY_VERIFY(dialog.statusText().contains(QStringLiteral("cannot be reached")));
        QVERIFY(dialog.statusText().contains(QStringLiteral("Nothing you entered is lost")));
        QCOMPARE(booked.size(), 0);
        // Everything is still there, and booking can be tried again.
        QCOMPARE(child<QLineEdit>(dialog, "reasonEdit")->text(), QStringLiteral("Uppföljning blodtryck"));
        QCOMPARE(dialog.request().patientId, QStringLiteral("p2"));
        QCOMPARE(dialog.request().participantIds, QStringList{QStringLiteral("s2")});
        QVERIFY(child<QPushButton>(dialog, "bookButton")->isEnabled());
        QVERIFY(child<QLineEdit>(dialog, "reasonEdit")->isEnabled());
        QVERIFY(child<QWidget>(dialog, "bookingResult")->isHidden());
        QVERIFY(!dialog.isBooked());
    }

    void retryOfTheSameBookingKeepsItsKey()
    {
        FakeServer server;
        int posts = 0;
        server.handler = [&posts](const FakeServer::Request &request) {
            if (request.method != "POST")
                return FakeServer::Response{404, test::problem(QStringLiteral("not-found"), 404)};
            if (++posts == 1)
                return FakeServer::Response{503, test::problem(QStringLiteral("unavailable"), 503)};
            return FakeServer::Response{201, bookedAnswer(0)};
        };
        VisitBooking booking(server.url(), QStringLiteral("token-1"));
        BookVisitDialog dialog(patients(), cachedColleagues(), &booking, m_clock, QStringLiteral("me"));
        dialog.selectPatient(QStringLiteral("p1"));
        child<QLineEdit>(dialog, "reasonEdit")->setText(QStringLiteral("Återbesök"));
        QTest::mouseClick(child<QPushButton>(dialog, "bookButton"), Qt::LeftButton);
        QTRY_VERIFY(dialog.statusText().contains(QStringLiteral("not booked")));
        QTRY_VERIFY(child<QPushButton>(dialog, "bookButton")->isEnabled());
        QTest::mouseClick(child<QPushButton>(dialog, "bookButton"), Qt::LeftButton);
        QTRY_VERIFY(dialog.isBooked());
        QList<QByteArray> keys;
        for (const FakeServer::Request &request : std::as_const(server.requests))
            if (request.method == "POST")
                keys.append(request.headers.value("idempotency-key"));
        QCOMPARE(keys.size(), 2);
        QCOMPARE(keys.at(0), keys.at(1));
    }

    void retryAfterALostAnswerSaysSo()
    {
        // The first attempt reached the server but no answer came back; the retry (same key) gets 409.
        FakeServer server;
        int posts = 0;
        server.handler = [&posts](const FakeServer::Request &request) {
            if (request.method != "POST")
                return FakeServer::Response{404, test::problem(QStringLiteral("not-found"), 404)};
            if (++posts == 1)
                return FakeServer::Response{502, QByteArray("bad gateway"), "text/plain"};
            return FakeServer::Response{409, test::problem(QStringLiteral("conflict"), 409)};
        };
        VisitBooking booking(server.url(), QStringLiteral("token-1"));
        BookVisitDialog dialog(patients(), cachedColleagues(), &booking, m_clock, QStringLiteral("me"));
        dialog.selectPatient(QStringLiteral("p1"));
        QTest::keyClicks(child<QLineEdit>(dialog, "reasonEdit"), QStringLiteral("Kontroll"));
        QTest::mouseClick(child<QPushButton>(dialog, "bookButton"), Qt::LeftButton);
        QTRY_VERIFY(child<QPushButton>(dialog, "bookButton")->isEnabled());
        QTest::mouseClick(child<QPushButton>(dialog, "bookButton"), Qt::LeftButton);
        QTRY_VERIFY(dialog.statusText().contains(QStringLiteral("answer was lost")));
        QCOMPARE(posts, 2);
        QVERIFY(!dialog.isBooked());
    }

    void checksBeforeSending()
    {
        FakeServer server;
        VisitBooking booking(server.url(), QStringLiteral("token-1"));
        QList<Colleague> many = cachedColleagues();
        for (int i = 3; i <= 5; ++i)
            many.append({QStringLiteral("s%1").arg(i), QStringLiteral("Kollega %1").arg(i), {}, {}});
        server.handler = [](const FakeServer::Request &) {
            return FakeServer::Response{503, test::problem(QStringLiteral("unavailable"), 503)};
        };
        BookVisitDialog dialog(patients(), many, &booking, m_clock, QStringLiteral("me"));
        auto *book = child<QPushButton>(dialog, "bookButton");
        // No reason.
        QTest::mouseClick(book, Qt::LeftButton);
        QVERIFY(dialog.statusText().contains(QStringLiteral("reason")));
        // Staff only, but nobody chosen.
        QTest::keyClicks(child<QLineEdit>(dialog, "reasonEdit"), QStringLiteral("Konsultation"));
        QCOMPARE(dialog.request().patientId, QString()); // "no patient" is the first choice
        QTest::mouseClick(book, Qt::LeftButton);
        QVERIFY(dialog.statusText().contains(QStringLiteral("at least one colleague")));
        // Too many: me, the patient and three colleagues.
        dialog.selectPatient(QStringLiteral("p1"));
        auto *participants = child<QListWidget>(dialog, "participantList");
        for (int i = 0; i < 3; ++i)
            participants->item(i)->setCheckState(Qt::Checked);
        QTest::mouseClick(book, Qt::LeftButton);
        QVERIFY(dialog.statusText().contains(QStringLiteral("at most 4")));
        // In the past.
        participants->item(0)->setCheckState(Qt::Unchecked);
        child<QDateTimeEdit>(dialog, "startsAtEdit")->setDateTime(QDateTime::currentDateTime().addDays(-1));
        QTest::mouseClick(book, Qt::LeftButton);
        QVERIFY(dialog.statusText().contains(QStringLiteral("passed")));
        QVERIFY(book->isEnabled()); // a booking on its way disables the button
        // Made valid, the booking goes out and the server's refusal comes back: the only POST the
        // server has seen by then, so none of the refused attempts above was sent.
        child<QDateTimeEdit>(dialog, "startsAtEdit")->setDateTime(QDateTime::currentDateTime().addDays(1));
        QTest::mouseClick(book, Qt::LeftButton);
        QVERIFY(!book->isEnabled());
        QTRY_VERIFY2(dialog.statusText().contains(QStringLiteral("not booked")), qPrintable(dialog.statusText()));
        const auto posts = std::count_if(server.requests.cbegin(), server.requests.cend(),
                                         [](const FakeServer::Request &request) { return request.method == "POST"; });
        QCOMPARE(posts, 1);
    }

    void withoutServerSaysSo()
    {
        BookVisitDialog dialog(patients(), cachedColleagues(), nullptr, m_clock, QStringLiteral("me"));
        dialog.selectPatient(QStringLiteral("p1"));
        child<QLineEdit>(dialog, "reasonEdit")->setText(QStringLiteral("Återbesök"));
        QTest::mouseClick(child<QPushButton>(dialog, "bookButton"), Qt::LeftButton);
        QVERIFY(dialog.statusText().contains(QStringLiteral("needs a connection")));
        QCOMPARE(child<QLineEdit>(dialog, "reasonEdit")->text(), QStringLiteral("Återbesök"));
        for (const char *name : {"patientSearch", "patientList", "participantSearch", "participantList", "startsAtEdit",
                                 "reasonEdit", "bookButton", "visitLink", "copyVisitLink"}) {
            QWidget *widget = child<QWidget>(dialog, name);
            QVERIFY2(widget && !widget->accessibleName().isEmpty(), name);
        }
    }
};

QTEST_MAIN(TestBookVisit)
#include "tst_bookvisit.moc"
