// The visit workflow on SQLite and PostgreSQL: booking (visit, item, participants), the times the
// waiting room and the call leave, the rules (≤ 4 participants, no admission without a waiting
// patient, an ended visit refuses everything, phone_instead before a call), access, the change-log
// rows (the unit's and a cross-unit participant's), and the visit invitation's expiry and revocation.

#include "../storage/authfixture.h"

#include "inbox/core/inboxrepository.h"
#include "portal/server/invitations.h"
#include "storage/core/transactionguard.h"
#include "sync/core/changelog.h"
#include "video/core/visitrepository.h"
#include "video/core/visitworkflow.h"

#include <QJsonArray>
#include <QTest>

using namespace nara;
using namespace nara::video;

namespace {
constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
} // namespace

class TestVisitWorkflow : public QObject, public test::AuthRepositoryFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::addStorageBackends(); }
    void init();
    void cleanup() { closeDatabase(); }
    void bookingCreatesVisitAndItem();
    void jsonRoundTrip();
    void timesThroughWaitingRoomAndCall();
    void admitNeedsAWaitingPatient();
    void endedVisitRefusesEverything();
    void phoneInsteadBeforeTheCall();
    void consultCallWithoutPatient();
    void atMostFourParticipants();
    void badBookings_data();
    void badBookings();
    void accessIsUnitOrParticipant();
    void changeLogReachesTheCrossUnitParticipant();
    void visitInvitationExpires();
    void revokedInvitationsStopWorking();
    void startUpEmptiesWaitingRooms();

private:
    VisitWorkflow::Booked book(const QString &patientId, const QStringList &others,
                               const QString &by = u"åsa.öberg"_qs);
    QList<QJsonObject> visible(const QString &username);
    VisitWorkflow workflow() { return VisitWorkflow(*m_db); }
    qint64 m_startsAt = 0;
};

void TestVisitWorkflow::init()
{
    openDatabase(QStringLiteral("visits"));
    seed();
    auth::AccountRepository accounts(*m_db);
    auto transaction = storage::TransactionGuard::begin(*m_db);
    VERIFY_OK(transaction);
    for (const char *id : {"s-x1", "s-x2", "s-x3"})
        VERIFY_OK(accounts.addStaff(
            {QString::fromLatin1(id), QString::fromLatin1(id), QString::fromLatin1(id), u"gp"_qs, {u"u-asa"_qs}, true},
            kHash));
    VERIFY_OK(
        accounts.addStaff({u"s-vera"_qs, u"vera"_qs, u"Vera Växjö"_qs, u"nurse"_qs, {u"u-vaxjo"_qs}, true}, kHash));
    VERIFY_OK(transaction->commit());
    m_startsAt = m_clock.nowMs() + 2 * kHour;
}

VisitWorkflow::Booked TestVisitWorkflow::book(const QString &patientId, const QStringList &others, const QString &by)
{
    auto transaction = storage::TransactionGuard::begin(*m_db);
    auto booked = workflow().book(staffCaller(by), {patientId, others, m_startsAt, u"Uppföljning eksem"_qs, {}},
                                  m_clock.nowMs());
    if (!booked) {
        qWarning() << "booking failed:" << booked.error().message;
        return {};
    }
    (void)transaction->commit();
    return *booked;
}

QList<QJsonObject> TestVisitWorkflow::visible(const QString &username)
{
    const auth::Caller caller = staffCaller(username);
    auto page = sync::ChangeLog(*m_db).read(0, 1000, caller.unitIds, caller.id);
    QList<QJsonObject> changes;
    if (page)
        for (const QJsonValue &change : page->changes)
            changes.append(change.toObject());
    return changes;
}

void TestVisitWorkflow::bookingCreatesVisitAndItem()
{
    const auto booked = book(u"p-asa"_qs, {u"s-ake"_qs});
    const Visit &visit = booked.visit;
    QVERIFY(!visit.id.isEmpty());
    QCOMPARE(visit.unitId, u"u-asa"_qs);
    QCOMPARE(visit.patientId, u"p-asa"_qs);
    QCOMPARE(visit.bookedBy, u"s-asa"_qs);
    QCOMPARE(visit.bookedAt, m_clock.nowMs());
    QCOMPARE(visit.startsAt, m_startsAt);
    QCOMPARE(visit.state(), u"booked"_qs);
    QCOMPARE(visit.participants.size(), 3);
    QCOMPARE(visit.participants.at(0).peerId(), u"staff:s-asa"_qs);
    QCOMPARE(visit.participants.at(0).name, u"Åsa Öberg"_qs);
    QCOMPARE(visit.participants.at(1).peerId(), u"staff:s-ake"_qs);
    QCOMPARE(visit.participants.at(1).role, u"dermatologist"_qs);
    QCOMPARE(visit.participants.at(2).peerId(), u"patient:p-asa"_qs);
    QCOMPARE(visit.participants.at(2).name, u"Tolvan Tolvansson"_qs);

    const inbox::InboxItem &item = booked.item;
    QCOMPARE(item.id, visit.itemId);
    QCOMPARE(int(item.kind), int(inbox::Kind::Video));
    QCOMPARE(item.dueAt, m_startsAt);
    QCOMPARE(item.ownerId, u"s-asa"_qs);
    QCOMPARE(item.title, u"Uppföljning eksem"_qs);
    QCOMPARE(item.unitId, u"u-asa"_qs);
    QCOMPARE(item.patientId, u"p-asa"_qs);
    QCOMPARE(int(item.state), int(inbox::State::Claimed));

    auto stored = VisitRepository(*m_db).byId(visit.id);
    VERIFY_OK(stored);
    QVERIFY(stored->has_value());
    QCOMPARE(**stored, visit);
    auto byItem = VisitRepository(*m_db).byItemId(item.id);
    VERIFY_OK(byItem);
    QCOMPARE(byItem->value().id, visit.id);
    auto storedItem = inbox::InboxRepository(*m_db).byId(item.id);
    VERIFY_OK(storedItem);
    QCOMPARE(storedItem->value(), item);
}

void TestVisitWorkflow::jsonRoundTrip()
{
    Visit visit = book(u"p-asa"_qs, {}).visit;
    visit.readiness = Readiness{true, false};
    visit.patientArrivedAt = 5;
    visit.outcome = Outcome::FollowUp;
    const QJsonObject json = visit.toJson();
    // The contract's field names and "0 for not yet".
    for (const char *key : {"id", "itemId", "unitId", "patientId", "reason", "startsAt", "bookedAt", "bookedBy",
                            "participants", "state", "patientArrivedAt", "patientWaitingSince", "readiness",
                            "admittedAt", "endedAt", "outcome", "note", "version"})
        QVERIFY2(json.contains(QString::fromLatin1(key)), key);
    QCOMPARE(json.value(u"admittedAt"_qs).toInteger(-1), 0);
    QCOMPARE(json.value(u"outcome"_qs).toString(), u"follow_up"_qs);
    QCOMPARE(json.value(u"participants"_qs).toArray().at(1).toObject().value(u"kind"_qs).toString(), u"patient"_qs);
    QVERIFY(!json.value(u"participants"_qs).toArray().at(1).toObject().contains(u"role"_qs));
    auto back = Visit::fromJson(json);
    VERIFY_OK(back);
    QCOMPARE(*back, visit);
    QVERIFY(!Visit::fromJson(QJsonObject{{u"id"_qs, u"x"_qs}}));
}

void TestVisitWorkflow::timesThroughWaitingRoomAndCall()
{
    const Visit visit = book(u"p-asa"_qs, {u"s-ake"_qs}).visit;
    const qint64 t1 = m_clock.nowMs() + 90 * kMinute;
    auto arrived = workflow().patientArrived(visit.id, Readiness{true, true}, t1);
    VERIFY_OK(arrived);
    QCOMPARE(arrived->state(), u"waiting"_qs);
    QCOMPARE(arrived->patientArrivedAt, t1);
    QCOMPARE(arrived->patientWaitingSince, t1);
    QCOMPARE(arrived->readiness, std::optional<Readiness>(Readiness{true, true}));

    // The patient closes the page: the wait ends, the first arrival stays.
    auto left = workflow().patientLeftWaitingRoom(visit.id, t1 + kMinute);
    VERIFY_OK(left);
    QCOMPARE(left->state(), u"booked"_qs);
    QCOMPARE(left->patientWaitingSince, 0);
    QCOMPARE(left->patientArrivedAt, t1);

    const qint64 t3 = t1 + 5 * kMinute;
    auto back = workflow().patientArrived(visit.id, Readiness{false, true}, t3);
    VERIFY_OK(back);
    QCOMPARE(back->patientWaitingSince, t3);
    QCOMPARE(back->patientArrivedAt, t1);
    QCOMPARE(back->readiness->camera, false);
    // A second join while waiting (a new socket) keeps the wait's start.
    auto again = workflow().patientArrived(visit.id, std::nullopt, t3 + kMinute);
    VERIFY_OK(again);
    QCOMPARE(again->patientWaitingSince, t3);

    const qint64 t4 = t3 + 3 * kMinute;
    auto admitted = workflow().admit(staffCaller(u"åke.ärlig"_qs), visit.id, t4); // a participant of another unit
    VERIFY_OK(admitted);
    QCOMPARE(admitted->state(), u"in_call"_qs);
    QCOMPARE(admitted->admittedAt, t4);
    QCOMPARE(admitted->patientWaitingSince, 0);
    QCOMPARE(int(inbox::InboxRepository(*m_db).byId(visit.itemId)->value().state), int(inbox::State::InProgress));

    // Rejoining after a drop changes nothing: the patient is back in the call.
    auto rejoined = workflow().patientArrived(visit.id, Readiness{true, true}, t4 + kMinute);
    VERIFY_OK(rejoined);
    QCOMPARE(rejoined->state(), u"in_call"_qs);
    QCOMPARE(rejoined->version, admitted->version);

    const qint64 t5 = t4 + 20 * kMinute;
    auto ended
        = workflow().end(staffCaller(u"åsa.öberg"_qs), visit.id, Outcome::FollowUp, u" Ny kontroll om 3 v "_qs, t5);
    VERIFY_OK(ended);
    QCOMPARE(ended->state(), u"ended"_qs);
    QCOMPARE(ended->endedAt, t5);
    QCOMPARE(int(ended->outcome), int(Outcome::FollowUp));
    QCOMPARE(ended->note, u"Ny kontroll om 3 v"_qs);
    QCOMPARE(ended->bookedAt, visit.bookedAt);
    QCOMPARE(ended->patientArrivedAt, t1);
    QCOMPARE(ended->admittedAt, t4);
    const auto item = inbox::InboxRepository(*m_db).byId(visit.itemId)->value();
    QCOMPARE(int(item.state), int(inbox::State::Done));

    auto stored = VisitRepository(*m_db).byId(visit.id);
    QCOMPARE(stored->value(), *ended);
}

void TestVisitWorkflow::admitNeedsAWaitingPatient()
{
    const Visit visit = book(u"p-asa"_qs, {}).visit;
    auto refused = workflow().admit(staffCaller(u"åsa.öberg"_qs), visit.id, m_clock.nowMs());
    QVERIFY(!refused);
    QCOMPARE(int(refused.error().code), int(ErrorCode::Conflict));
    VERIFY_OK(workflow().patientArrived(visit.id, std::nullopt, m_clock.nowMs()));
    VERIFY_OK(workflow().admit(staffCaller(u"åsa.öberg"_qs), visit.id, m_clock.nowMs()));
    auto twice = workflow().admit(staffCaller(u"åsa.öberg"_qs), visit.id, m_clock.nowMs());
    QCOMPARE(int(twice.error().code), int(ErrorCode::Conflict));
}

void TestVisitWorkflow::endedVisitRefusesEverything()
{
    const Visit visit = book(u"p-asa"_qs, {}).visit;
    VERIFY_OK(workflow().end(staffCaller(u"åsa.öberg"_qs), visit.id, Outcome::PhoneInstead, {}, m_clock.nowMs()));
    const auth::Caller asa = staffCaller(u"åsa.öberg"_qs);
    QCOMPARE(int(workflow().patientArrived(visit.id, std::nullopt, m_clock.nowMs()).error().code),
             int(ErrorCode::Conflict));
    QCOMPARE(int(workflow().admit(asa, visit.id, m_clock.nowMs()).error().code), int(ErrorCode::Conflict));
    QCOMPARE(int(workflow().end(asa, visit.id, Outcome::PhoneInstead, {}, m_clock.nowMs()).error().code),
             int(ErrorCode::Conflict));
    // Still readable.
    VERIFY_OK(workflow().visit(asa, visit.id));
}

void TestVisitWorkflow::phoneInsteadBeforeTheCall()
{
    const Visit visit = book(u"p-asa"_qs, {u"s-ake"_qs}).visit;
    const auth::Caller asa = staffCaller(u"åsa.öberg"_qs);
    QCOMPARE(int(workflow().end(asa, visit.id, Outcome::Done, {}, m_clock.nowMs()).error().code),
             int(ErrorCode::Conflict));
    QCOMPARE(int(workflow().end(asa, visit.id, Outcome::None, {}, m_clock.nowMs()).error().code),
             int(ErrorCode::InvalidInput));
    QCOMPARE(
        int(workflow().end(asa, visit.id, Outcome::PhoneInstead, QString(2001, u'x'), m_clock.nowMs()).error().code),
        int(ErrorCode::InvalidInput));
    // Only staff of the unit end a visit; a participant of another unit may not.
    QCOMPARE(int(workflow()
                     .end(staffCaller(u"åke.ärlig"_qs), visit.id, Outcome::PhoneInstead, {}, m_clock.nowMs())
                     .error()
                     .code),
             int(ErrorCode::Forbidden));
    m_clock.advanceMs(kMinute);
    auto ended = workflow().end(asa, visit.id, Outcome::PhoneInstead, u"Ringde upp"_qs, m_clock.nowMs());
    VERIFY_OK(ended);
    QCOMPARE(ended->admittedAt, 0);
    QCOMPARE(ended->endedAt, m_clock.nowMs());
    QCOMPARE(int(inbox::InboxRepository(*m_db).byId(visit.itemId)->value().state), int(inbox::State::Done));
}

void TestVisitWorkflow::consultCallWithoutPatient()
{
    const auto booked = book({}, {u"s-ake"_qs, u"s-x1"_qs, u"s-x2"_qs});
    QCOMPARE(booked.visit.participants.size(), 4);
    QVERIFY(!booked.visit.patient());
    QVERIFY(booked.item.patientId.isEmpty());
    QCOMPARE(booked.visit.toJson().value(u"patientId"_qs), QJsonValue());
    // No patient: no waiting room; any outcome ends it.
    QCOMPARE(int(workflow().patientArrived(booked.visit.id, std::nullopt, m_clock.nowMs()).error().code),
             int(ErrorCode::NotFound));
    VERIFY_OK(workflow().end(staffCaller(u"åsa.öberg"_qs), booked.visit.id, Outcome::Done, {}, m_clock.nowMs()));
}

void TestVisitWorkflow::atMostFourParticipants()
{
    // The booker, two colleagues and the patient: four. The booker named again does not count.
    const auto four = book(u"p-asa"_qs, {u"s-x1"_qs, u"s-asa"_qs, u"s-x2"_qs, u"s-x1"_qs});
    QCOMPARE(four.visit.participants.size(), 4);
    auto transaction = storage::TransactionGuard::begin(*m_db);
    auto five = workflow().book(staffCaller(u"åsa.öberg"_qs),
                                {u"p-asa"_qs, {u"s-x1"_qs, u"s-x2"_qs, u"s-x3"_qs}, m_startsAt, u"r"_qs, {}},
                                m_clock.nowMs());
    QVERIFY(!five);
    QCOMPARE(int(five.error().code), int(ErrorCode::InvalidInput));
    auto fiveStaff = workflow().book(staffCaller(u"åsa.öberg"_qs),
                                     {{}, {u"s-x1"_qs, u"s-x2"_qs, u"s-x3"_qs, u"s-ake"_qs}, m_startsAt, u"r"_qs, {}},
                                     m_clock.nowMs());
    QCOMPARE(int(fiveStaff.error().code), int(ErrorCode::InvalidInput));
}

void TestVisitWorkflow::badBookings_data()
{
    QTest::addColumn<QString>("patient");
    QTest::addColumn<QStringList>("others");
    QTest::addColumn<qint64>("startsAt");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<int>("code");
    const qint64 t = 1'764'007'200'000;
    QTest::newRow("empty reason") << u"p-asa"_qs << QStringList{} << t << u"  "_qs << QString()
                                  << int(ErrorCode::InvalidInput);
    QTest::newRow("long reason") << u"p-asa"_qs << QStringList{} << t << QString(201, u'r') << QString()
                                 << int(ErrorCode::InvalidInput);
    QTest::newRow("no time") << u"p-asa"_qs << QStringList{} << qint64(0) << u"r"_qs << QString()
                             << int(ErrorCode::InvalidInput);
    QTest::newRow("unknown colleague") << u"p-asa"_qs << QStringList{u"s-nobody"_qs} << t << u"r"_qs << QString()
                                       << int(ErrorCode::InvalidInput);
    QTest::newRow("another unit's patient")
        << u"p-vaxjo"_qs << QStringList{} << t << u"r"_qs << QString() << int(ErrorCode::NotFound);
    QTest::newRow("unknown patient") << u"p-nobody"_qs << QStringList{} << t << u"r"_qs << QString()
                                     << int(ErrorCode::NotFound);
    QTest::newRow("not the caller's unit")
        << u"p-asa"_qs << QStringList{} << t << u"r"_qs << u"u-vaxjo"_qs << int(ErrorCode::NotFound);
}

void TestVisitWorkflow::badBookings()
{
    QFETCH(QString, patient);
    QFETCH(QStringList, others);
    QFETCH(qint64, startsAt);
    QFETCH(QString, reason);
    QFETCH(QString, unit);
    QFETCH(int, code);
    auto transaction = storage::TransactionGuard::begin(*m_db);
    auto booked
        = workflow().book(staffCaller(u"åsa.öberg"_qs), {patient, others, startsAt, reason, unit}, m_clock.nowMs());
    QVERIFY(!booked);
    QCOMPARE(int(booked.error().code), code);
    QCOMPARE(count(u"visits"_qs), 0);
}

void TestVisitWorkflow::accessIsUnitOrParticipant()
{
    // Bo works in both units: a visit for the patient both units know lands in the unit he names.
    auto transaction = storage::TransactionGuard::begin(*m_db);
    auto inVaxjo = workflow().book(staffCaller(u"bo.both"_qs), {u"p-both"_qs, {}, m_startsAt, u"r"_qs, u"u-vaxjo"_qs},
                                   m_clock.nowMs());
    VERIFY_OK(inVaxjo);
    QCOMPARE(inVaxjo->visit.unitId, u"u-vaxjo"_qs);
    VERIFY_OK(transaction->commit());

    const Visit visit = book(u"p-asa"_qs, {u"s-ake"_qs}).visit;
    VERIFY_OK(workflow().visit(staffCaller(u"åsa.öberg"_qs), visit.id)); // booker
    VERIFY_OK(workflow().visit(staffCaller(u"s-x1"_qs), visit.id)); // staff of the unit
    VERIFY_OK(workflow().visit(staffCaller(u"åke.ärlig"_qs), visit.id)); // participant of another unit
    QCOMPARE(int(workflow().visit(staffCaller(u"vera"_qs), visit.id).error().code), int(ErrorCode::NotFound));
    QCOMPARE(int(workflow().visit(staffCaller(u"admin"_qs), visit.id).error().code), int(ErrorCode::NotFound));
    QCOMPARE(int(workflow().visit(staffCaller(u"admin"_qs), u"no-such-visit"_qs).error().code),
             int(ErrorCode::NotFound));
    QCOMPARE(int(workflow().admit(staffCaller(u"vera"_qs), visit.id, m_clock.nowMs()).error().code),
             int(ErrorCode::NotFound));
    QCOMPARE(
        int(workflow().end(staffCaller(u"vera"_qs), visit.id, Outcome::PhoneInstead, {}, m_clock.nowMs()).error().code),
        int(ErrorCode::NotFound));
    auth::Caller patient;
    patient.kind = auth::Caller::Kind::Patient;
    patient.id = u"p-asa"_qs;
    VERIFY_OK(workflow().visit(patient, visit.id));
    patient.id = u"p-both"_qs;
    QCOMPARE(int(workflow().visit(patient, visit.id).error().code), int(ErrorCode::NotFound));
}

void TestVisitWorkflow::changeLogReachesTheCrossUnitParticipant()
{
    const Visit visit = book(u"p-asa"_qs, {u"s-ake"_qs}).visit;
    VERIFY_OK(workflow().patientArrived(visit.id, Readiness{true, true}, m_clock.nowMs()));

    const auto entities = [](const QList<QJsonObject> &changes, const QString &id) {
        QStringList found;
        for (const QJsonObject &change : changes)
            if (change.value(u"id"_qs).toString() == id)
                found.append(change.value(u"entity"_qs).toString());
        return found;
    };
    // The unit's staff: the visit twice (booked, waiting) and its item.
    const QList<QJsonObject> asa = visible(u"s-x1"_qs);
    QCOMPARE(entities(asa, visit.id), (QStringList{u"visit"_qs, u"visit"_qs}));
    QCOMPARE(entities(asa, visit.itemId), QStringList{u"inbox_item"_qs});
    // Åke (Växjö) sees the visit, its item and the patient through rows of his own.
    const QList<QJsonObject> ake = visible(u"åke.ärlig"_qs);
    QCOMPARE(entities(ake, visit.id), (QStringList{u"visit"_qs, u"visit"_qs}));
    QCOMPARE(entities(ake, visit.itemId), QStringList{u"inbox_item"_qs});
    QCOMPARE(entities(ake, u"p-asa"_qs), QStringList{u"patient"_qs});
    QCOMPARE(ake.last().value(u"data"_qs).toObject().value(u"state"_qs).toString(), u"waiting"_qs);
    // Vera, his colleague in Växjö, sees none of it.
    const QList<QJsonObject> vera = visible(u"vera"_qs);
    QVERIFY(entities(vera, visit.id).isEmpty());
    QVERIFY(entities(vera, visit.itemId).isEmpty());
    QVERIFY(entities(vera, u"p-asa"_qs).isEmpty());
    auto rows = m_db->scalar(u"SELECT COUNT(*) FROM change_log WHERE entity = 'visit' AND unit_id = 'u-vaxjo' "
                             "AND staff_id = 's-ake'"_qs);
    VERIFY_OK(rows);
    QCOMPARE(rows->toInt(), 2);

    // The end closes the item, and Åke hears of that too.
    VERIFY_OK(workflow().admit(staffCaller(u"åsa.öberg"_qs), visit.id, m_clock.nowMs()));
    VERIFY_OK(workflow().end(staffCaller(u"åsa.öberg"_qs), visit.id, Outcome::Done, {}, m_clock.nowMs()));
    QJsonObject lastItem;
    for (const QJsonObject &change : visible(u"åke.ärlig"_qs))
        if (change.value(u"id"_qs).toString() == visit.itemId)
            lastItem = change.value(u"data"_qs).toObject();
    QCOMPARE(lastItem.value(u"state"_qs).toString(), u"done"_qs);
}

void TestVisitWorkflow::visitInvitationExpires()
{
    const Visit visit = book(u"p-asa"_qs, {}).visit;
    portal::Invitations invitations(*m_db, m_clock);
    const auth::Caller asa = staffCaller(u"åsa.öberg"_qs);
    const qint64 until = visit.startsAt + 24 * kHour;
    auto transaction = storage::TransactionGuard::begin(*m_db);
    auto first = invitations.create(asa, u"p-asa"_qs, visit.itemId, until);
    VERIFY_OK(first);
    QCOMPARE(first->expiresAt, until);
    auto second = invitations.create(asa, u"p-asa"_qs, visit.itemId, until);
    VERIFY_OK(second);
    QCOMPARE(int(invitations.create(asa, u"p-asa"_qs, visit.itemId, m_clock.nowMs()).error().code),
             int(ErrorCode::InvalidInput));
    // Another unit's staff cannot invite to it.
    QCOMPARE(int(invitations.create(staffCaller(u"vera"_qs), u"p-asa"_qs, visit.itemId, until).error().code),
             int(ErrorCode::NotFound));
    VERIFY_OK(transaction->commit());

    // Just before the end the link works once; after it, not at all.
    m_clock.setMs(until - 1);
    auto session = invitations.exchange(first->token);
    VERIFY_OK(session);
    QCOMPARE(session->patientId, u"p-asa"_qs);
    QCOMPARE(int(invitations.exchange(first->token).error().code), int(ErrorCode::NotFound)); // used
    m_clock.setMs(until);
    QCOMPARE(int(invitations.exchange(second->token).error().code), int(ErrorCode::NotFound)); // expired
}

// What POST /api/v1/visits/{id}/invitation does before it creates a new link: the patient's unused
// links to the visit's item stop working; a used one, and the patient's other links, are untouched.
void TestVisitWorkflow::revokedInvitationsStopWorking()
{
    const Visit visit = book(u"p-asa"_qs, {}).visit;
    portal::Invitations invitations(*m_db, m_clock);
    const auth::Caller asa = staffCaller(u"åsa.öberg"_qs);
    const qint64 until = visit.startsAt + 24 * kHour;
    auto transaction = storage::TransactionGuard::begin(*m_db);
    auto used = invitations.create(asa, u"p-asa"_qs, visit.itemId, until);
    VERIFY_OK(used);
    VERIFY_OK(invitations.exchange(used->token));
    auto first = invitations.create(asa, u"p-asa"_qs, visit.itemId, until);
    VERIFY_OK(first);
    auto second = invitations.create(asa, u"p-asa"_qs, visit.itemId, until);
    VERIFY_OK(second);
    auto plain = invitations.create(asa, u"p-asa"_qs, {});
    VERIFY_OK(plain);
    auto revoked = invitations.revokeUnused(u"p-asa"_qs, visit.itemId);
    VERIFY_OK(revoked);
    QCOMPARE(*revoked, 2);
    auto fresh = invitations.create(asa, u"p-asa"_qs, visit.itemId, until);
    VERIFY_OK(fresh);
    VERIFY_OK(transaction->commit());

    QCOMPARE(int(invitations.exchange(first->token).error().code), int(ErrorCode::NotFound));
    QCOMPARE(int(invitations.exchange(second->token).error().code), int(ErrorCode::NotFound));
    VERIFY_OK(invitations.exchange(fresh->token));
    VERIFY_OK(invitations.exchange(plain->token));
    QCOMPARE(int(invitations.revokeUnused(u"p-asa"_qs, {}).error().code), int(ErrorCode::InvalidInput));
}

void TestVisitWorkflow::startUpEmptiesWaitingRooms()
{
    const Visit waiting = book(u"p-asa"_qs, {}).visit;
    const Visit admitted = book(u"p-asa"_qs, {}).visit;
    const Visit booked = book(u"p-asa"_qs, {}).visit;
    const qint64 t = m_clock.nowMs();
    VERIFY_OK(workflow().patientArrived(waiting.id, std::nullopt, t));
    VERIFY_OK(workflow().patientArrived(admitted.id, std::nullopt, t));
    VERIFY_OK(workflow().admit(staffCaller(u"åsa.öberg"_qs), admitted.id, t));
    auto emptied = workflow().emptyWaitingRooms(t + kMinute);
    VERIFY_OK(emptied);
    QCOMPARE(*emptied, 1);
    const auto stored = [&](const QString &id) {
        return VisitRepository(*m_db).byId(id)->value();
    };
    QCOMPARE(stored(waiting.id).patientWaitingSince, 0);
    QCOMPARE(stored(waiting.id).patientArrivedAt, t);
    QCOMPARE(stored(waiting.id).state(), u"booked"_qs);
    QCOMPARE(stored(admitted.id).state(), u"in_call"_qs);
    QCOMPARE(stored(booked.id).version, booked.version);
    QCOMPARE(*workflow().emptyWaitingRooms(t + 2 * kMinute), 0);
}

QTEST_GUILESS_MAIN(TestVisitWorkflow)
#include "tst_visitworkflow.moc"
