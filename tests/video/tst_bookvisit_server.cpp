// Booking a video visit from the dialog against a real nara-server --demo: the staff directory of
// every unit, POST /api/v1/visits, and the invitation link shown; then the visit as the server has it.
#include "fakeclock.h"
#include "serverprocess.h"
#include "testhttp.h"
#include "video/ui/bookvisitdialog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace nara;
using namespace nara::video;

class TestBookVisitServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void booksAgainstTheServer()
    {
        test::ServerProcess server;
        QVERIFY2(server.start(), server.output().constData());
        test::TestHttp http(server.url());
        const QByteArray token = http.login(QStringLiteral("anna"));
        QVERIFY(!token.isEmpty());

        // A patient anna's units know, from what /sync gives her.
        const test::HttpReply page = http.get(QStringLiteral("/api/v1/sync?since=0&limit=5000"));
        QCOMPARE(page.status, 200);
        PatientChoice patient;
        const QJsonArray changes = page.json().value(QStringLiteral("changes")).toArray();
        for (const QJsonValue &change : changes) {
            if (change[QStringLiteral("entity")].toString() != u"patient")
                continue;
            const QJsonObject data = change[QStringLiteral("data")].toObject();
            patient = {data.value(QStringLiteral("id")).toString(), data.value(QStringLiteral("name")).toString(),
                       data.value(QStringLiteral("personalNumber")).toString()};
            break;
        }
        QVERIFY(!patient.id.isEmpty());
        const QString me
            = http.get(QStringLiteral("/api/v1/me")).json()[QStringLiteral("staff")][QStringLiteral("id")].toString();
        QVERIFY(!me.isEmpty());

        test::FakeClock clock;
        clock.setMs(QDateTime::currentMSecsSinceEpoch());
        VisitBooking booking(server.url(), QString::fromLatin1(token));
        BookVisitDialog dialog({patient}, {}, &booking, clock, me);
        QSignalSpy booked(&dialog, &BookVisitDialog::visitBooked);
        auto *participants = dialog.findChild<QListWidget *>(QStringLiteral("participantList"));
        QTRY_VERIFY_WITH_TIMEOUT(participants->count() > 1, 10000); // every unit's staff but me
        // A colleague of another unit: the directory names units.
        QListWidgetItem *colleague = nullptr;
        for (int i = 0; i < participants->count() && !colleague; ++i)
            if (participants->item(i)->text().contains(u'('))
                colleague = participants->item(i);
        QVERIFY(colleague);
        colleague->setCheckState(Qt::Checked);
        dialog.selectPatient(patient.id);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("reasonEdit")),
                         QStringLiteral("Samordnat besok"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("bookButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(booked.size(), 1, 15000);
        const auto visit = booked.first().first().value<BookedVisit>();
        QVERIFY(!visit.visitId.isEmpty());
        QVERIFY(!visit.itemId.isEmpty());
        QVERIFY2(visit.invitationUrl.contains(QStringLiteral("/portal")), qPrintable(visit.invitationUrl));
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("visitLink"))->text(), visit.invitationUrl);

        const test::HttpReply stored = http.get(QStringLiteral("/api/v1/visits/") + visit.visitId);
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.json().value(QStringLiteral("reason")).toString(), QStringLiteral("Samordnat besok"));
        QCOMPARE(stored.json().value(QStringLiteral("patientId")).toString(), patient.id);
        QCOMPARE(stored.json().value(QStringLiteral("participants")).toArray().size(), 3); // me, colleague, patient
        QCOMPARE(stored.json().value(QStringLiteral("state")).toString(), QStringLiteral("booked"));
    }
};

QTEST_MAIN(TestBookVisitServer)
#include "tst_bookvisit_server.moc"
