// The visit entity on its own (no database): the state the times give, isWaiting() that the
// workstation's pane and notices use, and that fromJson reads a newer server's visit (fields it
// does not know are ignored) but refuses a malformed one.

#include "video/core/visit.h"

#include <QJsonArray>
#include <QTest>

using namespace nara;
using namespace nara::video;

namespace {

QJsonObject visitJson()
{
    Visit visit;
    visit.id = QStringLiteral("v1");
    visit.itemId = QStringLiteral("item-v1");
    visit.unitId = QStringLiteral("unit-1");
    visit.patientId = QStringLiteral("p1");
    visit.startsAt = 1000;
    visit.participants
        = {{VisitParticipant::Kind::Staff, QStringLiteral("s1"), QStringLiteral("Anna"), QStringLiteral("nurse")},
           {VisitParticipant::Kind::Patient, QStringLiteral("p1"), QStringLiteral("Tolvan"), {}}};
    return visit.toJson();
}

} // namespace

class TestVisit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stateAndWaiting_data()
    {
        QTest::addColumn<qint64>("waitingSince");
        QTest::addColumn<qint64>("admittedAt");
        QTest::addColumn<qint64>("endedAt");
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("waiting");
        QTest::addColumn<bool>("inCall");
        QTest::newRow("booked") << 0LL << 0LL << 0LL << u"booked"_qs << false << false;
        QTest::newRow("waiting") << 5LL << 0LL << 0LL << u"waiting"_qs << true << false;
        QTest::newRow("in call") << 0LL << 7LL << 0LL << u"in_call"_qs << false << true;
        // Back in the waiting room after dropping out of the call: still in the call.
        QTest::newRow("in call, waiting again") << 9LL << 7LL << 0LL << u"in_call"_qs << false << true;
        QTest::newRow("ended") << 0LL << 7LL << 8LL << u"ended"_qs << false << false;
        QTest::newRow("ended while waiting") << 5LL << 0LL << 8LL << u"ended"_qs << false << false;
    }

    void stateAndWaiting()
    {
        QFETCH(qint64, waitingSince);
        QFETCH(qint64, admittedAt);
        QFETCH(qint64, endedAt);
        QFETCH(QString, state);
        QFETCH(bool, waiting);
        QFETCH(bool, inCall);
        Visit visit;
        visit.patientWaitingSince = waitingSince;
        visit.admittedAt = admittedAt;
        visit.endedAt = endedAt;
        QCOMPARE(visit.state(), state);
        QCOMPARE(visit.isWaiting(), waiting);
        QCOMPARE(visit.isInCall(), inCall);
        QCOMPARE(visit.isEnded(), endedAt != 0);
    }

    void unknownFieldsAreIgnored_data()
    {
        QTest::addColumn<QJsonObject>("json");
        const QJsonObject plain = visitJson();
        QTest::newRow("as sent") << plain;
        QJsonObject top = plain;
        top.insert(QStringLiteral("recordingConsent"), true);
        top.insert(QStringLiteral("room"), QJsonObject{{QStringLiteral("name"), QStringLiteral("r1")}});
        QTest::newRow("new top-level fields") << top;
        QJsonObject participant = plain;
        QJsonArray participants = participant.value(QStringLiteral("participants")).toArray();
        QJsonObject staff = participants.at(0).toObject();
        staff.insert(QStringLiteral("unitIds"), QJsonArray{QStringLiteral("unit-1")});
        participants.replace(0, staff);
        participant.insert(QStringLiteral("participants"), participants);
        QTest::newRow("new participant field") << participant;
        QJsonObject readiness = plain;
        readiness.insert(QStringLiteral("readiness"),
                         QJsonObject{{QStringLiteral("camera"), true},
                                     {QStringLiteral("microphone"), true},
                                     {QStringLiteral("speaker"), false}});
        QTest::newRow("new readiness field") << readiness;
    }

    void unknownFieldsAreIgnored()
    {
        QFETCH(QJsonObject, json);
        const auto visit = Visit::fromJson(json);
        QVERIFY2(visit, visit ? "" : qPrintable(visit.error().message));
        QCOMPARE(visit->id, QStringLiteral("v1"));
        QCOMPARE(visit->itemId, QStringLiteral("item-v1"));
        QCOMPARE(visit->unitId, QStringLiteral("unit-1"));
        QCOMPARE(visit->participants.size(), 2);
        QVERIFY(visit->hasStaff(QStringLiteral("s1")));
        QCOMPARE(visit->patient()->name, QStringLiteral("Tolvan"));
        QCOMPARE(visit->state(), QStringLiteral("booked"));
        QVERIFY(!visit->isWaiting());
    }

    void malformedIsRefused_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QJsonObject noId = visitJson();
        noId.remove(QStringLiteral("id"));
        QTest::newRow("no id") << noId;
        QJsonObject noItem = visitJson();
        noItem.remove(QStringLiteral("itemId"));
        QTest::newRow("no item id") << noItem;
        QJsonObject noParticipants = visitJson();
        noParticipants.remove(QStringLiteral("participants"));
        QTest::newRow("no participants") << noParticipants;
    }

    void malformedIsRefused()
    {
        QFETCH(QJsonObject, json);
        QVERIFY(!Visit::fromJson(json));
    }
};

QTEST_GUILESS_MAIN(TestVisit)
#include "tst_visit.moc"
