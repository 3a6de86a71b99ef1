// Dermatology referrals in storage, on SQLite and on the PostgreSQL of ./nara.sh test
// (NARA_TEST_PG_URL), with a fake clock: sending (the dermatology pool's item, due in working days,
// the care relation and the change log of both units), the two life cycles (send → answer →
// acknowledge; ask for more → images → answer) with the sender's item and the display names of who
// did each step (for the other unit, which does not know them), refusals by state, version, unit and
// role, and bad input that stores nothing.

#include "referralsfixture.h"

#include "inbox/core/inboxrepository.h"
#include "referrals/core/referralrepository.h"
#include "sync/core/changelog.h"

#include <QJsonArray>
#include <QTest>

using namespace nara;
using namespace nara::referrals;

class TestReferralWorkflow : public QObject, public test::ReferralsFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::addStorageBackends(); }
    void init() { openReferrals(QStringLiteral("referrals")); }
    void cleanup() { closeDatabase(); }
    void sendOpensTheDermatologyItem();
    void urgentIsDueSooner();
    void answerThenAcknowledge();
    void askForMoreThenImagesThenAnswer();
    void wrongStateIsAConflict();
    void staleVersionIsAConflict();
    void otherUnitsAndRolesAreRefused();
    void badSendsStoreNothing();
    void atMostTwelveImages();

private:
    inbox::InboxItem item(const QString &id);
    Referral stored(const QString &id);
    // The newest payload of each entity of `name` a unit's staff see.
    QHash<QString, QJsonObject> synced(const QString &unit, const QString &name);
    Result<Referral> answer(const QString &id, const QString &management = u"none"_qs,
                            std::optional<qint64> version = std::nullopt);
};

inbox::InboxItem TestReferralWorkflow::item(const QString &id)
{
    auto found = inbox::InboxRepository(*m_db).byId(id);
    return found && found->has_value() ? **found : inbox::InboxItem{};
}

Referral TestReferralWorkflow::stored(const QString &id)
{
    auto found = ReferralRepository(*m_db).byId(id);
    return found && found->has_value() ? **found : Referral{};
}

QHash<QString, QJsonObject> TestReferralWorkflow::synced(const QString &unit, const QString &name)
{
    QHash<QString, QJsonObject> entities;
    auto page = sync::ChangeLog(*m_db).read(0, 5000, {unit}, QString());
    if (page)
        for (const QJsonValue &change : page->changes)
            if (change.toObject().value(u"entity"_qs).toString() == name)
                entities.insert(change.toObject().value(u"id"_qs).toString(),
                                change.toObject().value(u"data"_qs).toObject());
    return entities;
}

Result<Referral> TestReferralWorkflow::answer(const QString &id, const QString &management,
                                              std::optional<qint64> version)
{
    AnswerInput input;
    input.description = u"Oregelbundet pigmenterad förändring, asymmetrisk."_qs;
    input.diagnosis = *diagnosisByCode(u"C43.9"_qs);
    input.management = management;
    input.followUpMonths = management == u"follow_up" ? 6 : 0;
    input.version = version;
    return as(u"åke.ärlig"_qs, [&](const auth::Caller &caller) { return workflow().answer(caller, id, input); });
}

void TestReferralWorkflow::sendOpensTheDermatologyItem()
{
    QCOMPARE(rows(u"SELECT COUNT(*) FROM care_relations WHERE patient_id = 'p-asa' AND unit_id = 'u-vaxjo'"_qs), 0);
    auto sent = sendOne();
    VERIFY_OK(sent);
    QCOMPARE(toString(sent->state), toString(ReferralState::Sent));
    QCOMPARE(sent->version, 1);
    QCOMPARE(sent->fromUnitId, u"u-asa"_qs);
    QCOMPARE(sent->toUnitId, u"u-vaxjo"_qs);
    QCOMPARE(sent->sentBy, u"s-asa"_qs);
    QCOMPARE(sent->sentByName, u"Åsa Öberg"_qs);
    QCOMPARE(sent->bodySite.display, u"Vänster underarm"_qs);
    QCOMPARE(sent->images.size(), 2);
    QCOMPARE(sent->images.at(0).view, u"overview"_qs);
    QCOMPARE(sent->images.at(1).takenAt, 1000);
    QCOMPARE(sent->images.at(1).width, 1200);
    QCOMPARE(sent->images.at(1).addedAt, kWednesday);
    QVERIFY(sent->senderItemId.isEmpty());
    // Wednesday 09:00 + 5 working days: the next Wednesday 09:00.
    QCOMPARE(sent->dueAt, kWednesday + 7 * kDay);

    const inbox::InboxItem pooled = item(sent->itemId);
    QCOMPARE(inbox::toString(pooled.kind), inbox::toString(inbox::Kind::Referral));
    QCOMPARE(inbox::toString(pooled.state), inbox::toString(inbox::State::New));
    QCOMPARE(pooled.unitId, u"u-vaxjo"_qs);
    QVERIFY(pooled.ownerId.isEmpty());
    QCOMPARE(pooled.patientId, u"p-asa"_qs);
    QCOMPARE(pooled.title, u"Hudremiss: Vänster underarm"_qs);
    QCOMPARE(inbox::toString(pooled.priority), inbox::toString(inbox::Priority::Routine));
    QCOMPARE(pooled.dueAt, sent->dueAt);

    // The dermatology unit now knows the patient, and both units see the referral.
    QCOMPARE(rows(u"SELECT COUNT(*) FROM care_relations WHERE patient_id = 'p-asa' AND unit_id = 'u-vaxjo'"_qs), 1);
    QVERIFY(synced(u"u-vaxjo"_qs, u"patient"_qs).contains(u"p-asa"_qs));
    for (const QString &unit : {u"u-asa"_qs, u"u-vaxjo"_qs}) {
        const QJsonObject entity = synced(unit, u"referral"_qs).value(sent->id);
        QCOMPARE(entity.value(u"state"_qs).toString(), u"sent"_qs);
        QCOMPARE(entity.value(u"itemId"_qs).toString(), sent->itemId);
        QCOMPARE(entity.value(u"sentByName"_qs).toString(), u"Åsa Öberg"_qs);
        QCOMPARE(entity.value(u"fhir"_qs).toObject().value(u"media"_qs).toArray().size(), 2);
    }
    QVERIFY(synced(u"u-vaxjo"_qs, u"inbox_item"_qs).contains(sent->itemId));
    QVERIFY(!synced(u"u-teleborg"_qs, u"referral"_qs).contains(sent->id));
    QCOMPARE(rows(u"SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND object = ? AND patient_id = 'p-asa'"_qs,
                  {QString(u"referral:"_qs + sent->id)}),
             1);
    // What is stored reads back the same.
    QCOMPARE(stored(sent->id).toJson(), sent->toJson());
}

void TestReferralWorkflow::urgentIsDueSooner()
{
    const QString image = upload(u"s-bo"_qs, u"urgent"_qs);
    m_clock.setMs(kWednesday + 3 * kDay); // Saturday 09:00
    auto urgent = as(u"bo.both"_qs, [&](const auth::Caller &caller) {
        return workflow().send(caller, newReferral(u"p-both"_qs, {image}, u"u-vaxjo"_qs, ReferralPriority::Urgent));
    });
    VERIFY_OK(urgent);
    QCOMPARE(urgent->fromUnitId, u"u-asa"_qs); // the care centre of the two units the GP shares with the patient
    QCOMPARE(urgent->dueAt, kWednesday + 6 * kDay); // Monday, Tuesday: Tuesday 09:00
    QCOMPARE(inbox::toString(item(urgent->itemId).priority), inbox::toString(inbox::Priority::Urgent));

    // With one working day configured, urgent referrals are due in one too.
    const QString second = upload(u"s-bo"_qs, u"second"_qs);
    auto sooner = as(u"bo.both"_qs, [&](const auth::Caller &caller) {
        return workflow(1).send(caller, newReferral(u"p-both"_qs, {second}, u"u-vaxjo"_qs, ReferralPriority::Urgent));
    });
    VERIFY_OK(sooner);
    QCOMPARE(sooner->dueAt, kWednesday + 5 * kDay); // Monday 09:00
}

void TestReferralWorkflow::answerThenAcknowledge()
{
    auto sent = sendOne();
    VERIFY_OK(sent);
    m_clock.advanceMs(kHour);
    auto answered = answer(sent->id, u"cancer_pathway"_qs, sent->version);
    VERIFY_OK(answered);
    QCOMPARE(toString(answered->state), toString(ReferralState::Answered));
    QCOMPARE(answered->version, 2);
    QVERIFY(answered->answer);
    QCOMPARE(answered->answer->diagnosis.code, u"C43.9"_qs);
    QCOMPARE(answered->answer->answeredBy, u"s-ake"_qs);
    QCOMPARE(answered->answer->answeredByName, u"Åke Ärlig"_qs);
    QCOMPARE(answered->answer->answeredAt, kWednesday + kHour);
    QCOMPARE(inbox::toString(item(sent->itemId).state), inbox::toString(inbox::State::Done));

    const inbox::InboxItem news = item(answered->senderItemId);
    QCOMPARE(news.unitId, u"u-asa"_qs);
    QCOMPARE(inbox::toString(news.kind), inbox::toString(inbox::Kind::Referral));
    QCOMPARE(inbox::toString(news.state), inbox::toString(inbox::State::Claimed));
    QCOMPARE(news.ownerId, u"s-asa"_qs);
    QCOMPARE(news.title, u"Svar på hudremiss: Vänster underarm"_qs);
    QCOMPARE(inbox::toString(news.priority), inbox::toString(inbox::Priority::Urgent)); // the cancer pathway
    const QJsonObject atSender = synced(u"u-asa"_qs, u"referral"_qs).value(sent->id);
    QCOMPARE(atSender.value(u"state"_qs).toString(), u"answered"_qs);
    QCOMPARE(atSender.value(u"answer"_qs).toObject().value(u"answeredByName"_qs).toString(), u"Åke Ärlig"_qs);
    QCOMPARE(synced(u"u-vaxjo"_qs, u"referral"_qs).value(sent->id).value(u"state"_qs).toString(), u"answered"_qs);

    // Any staff member of the sending unit acknowledges ("patient informed").
    auto acknowledged = as(u"bo.both"_qs, [&](const auth::Caller &caller) {
        return workflow().acknowledge(caller, sent->id, AcknowledgeInput{answered->version});
    });
    VERIFY_OK(acknowledged);
    QCOMPARE(toString(acknowledged->state), toString(ReferralState::Acknowledged));
    QCOMPARE(acknowledged->acknowledgedBy, u"s-bo"_qs);
    QCOMPARE(acknowledged->acknowledgedByName, u"Bo Båda"_qs);
    QCOMPARE(synced(u"u-vaxjo"_qs, u"referral"_qs).value(sent->id).value(u"acknowledgedByName"_qs).toString(),
             u"Bo Båda"_qs);
    QCOMPARE(inbox::toString(item(answered->senderItemId).state), inbox::toString(inbox::State::Done));
    QCOMPARE(stored(sent->id).toJson(), acknowledged->toJson());
    QCOMPARE(rows(u"SELECT COUNT(*) FROM audit_log WHERE action = 'update' AND object = ?"_qs,
                  {QString(u"referral:"_qs + sent->id)}),
             2);
}

void TestReferralWorkflow::askForMoreThenImagesThenAnswer()
{
    auto sent = sendOne();
    VERIFY_OK(sent);
    auto asked = as(u"åke.ärlig"_qs, [&](const auth::Caller &caller) {
        return workflow().requestInfo(caller, sent->id, InfoRequestInput{u"En dermatoskopibild, tack."_qs, {}});
    });
    VERIFY_OK(asked);
    QCOMPARE(toString(asked->state), toString(ReferralState::NeedsInfo));
    QCOMPARE(asked->infoRequests.size(), 1);
    QCOMPARE(asked->infoRequests.at(0).askedBy, u"s-ake"_qs);
    QCOMPARE(asked->infoRequests.at(0).askedByName, u"Åke Ärlig"_qs);
    const inbox::InboxItem waiting = item(sent->itemId);
    QCOMPARE(inbox::toString(waiting.state), inbox::toString(inbox::State::Waiting));
    QCOMPARE(inbox::toString(waiting.waitingOn), inbox::toString(inbox::WaitingOn::Colleague));
    const QString senderItem = asked->senderItemId;
    QCOMPARE(item(senderItem).title, u"Komplettering begärd: Vänster underarm"_qs);
    QCOMPARE(item(senderItem).ownerId, u"s-asa"_qs);

    m_clock.advanceMs(kDay);
    const QString dermoscopy = upload(u"s-asa"_qs, u"dermoscopy"_qs);
    auto completed = as(u"åsa.öberg"_qs, [&](const auth::Caller &caller) {
        return workflow().addImages(caller, sent->id,
                                    AddedImagesInput{{{dermoscopy, u"dermoscopy"_qs, 0}}, u"Bifogar bild."_qs, 2});
    });
    VERIFY_OK(completed);
    QCOMPARE(toString(completed->state), toString(ReferralState::Sent));
    QCOMPARE(completed->images.size(), 3);
    QCOMPARE(completed->images.at(2).id, dermoscopy);
    QCOMPARE(completed->images.at(2).addedAt, kWednesday + kDay);
    QCOMPARE(completed->infoRequests.at(0).reply, u"Bifogar bild."_qs);
    QCOMPARE(completed->infoRequests.at(0).repliedBy, u"s-asa"_qs);
    QCOMPARE(completed->infoRequests.at(0).repliedByName, u"Åsa Öberg"_qs);
    QCOMPARE(completed->infoRequests.at(0).askedByName, u"Åke Ärlig"_qs); // kept
    QCOMPARE(stored(sent->id).toJson(), completed->toJson());
    QCOMPARE(inbox::toString(item(senderItem).state), inbox::toString(inbox::State::Done));
    QCOMPARE(inbox::toString(item(sent->itemId).state),
             inbox::toString(inbox::State::New)); // back in the pool: nobody had claimed it

    auto answered = answer(sent->id, u"follow_up"_qs);
    VERIFY_OK(answered);
    QCOMPARE(answered->senderItemId, senderItem); // the same item, reopened
    QCOMPARE(inbox::toString(item(senderItem).state), inbox::toString(inbox::State::Claimed));
    QCOMPARE(item(senderItem).title, u"Svar på hudremiss: Vänster underarm"_qs);
    QCOMPARE(inbox::toString(item(senderItem).priority), inbox::toString(inbox::Priority::Routine));
    QCOMPARE(answered->answer->followUpMonths, 6);
    auto reread = Referral::fromJson(answered->toJson());
    VERIFY_OK(reread);
    QCOMPARE(reread->toJson(), answered->toJson());
}

void TestReferralWorkflow::wrongStateIsAConflict()
{
    auto sent = sendOne();
    VERIFY_OK(sent);
    const auto acknowledgeEarly = as(u"åsa.öberg"_qs, [&](const auth::Caller &caller) {
        return workflow().acknowledge(caller, sent->id, AcknowledgeInput{});
    });
    QVERIFY(!acknowledgeEarly);
    QCOMPARE(acknowledgeEarly.error().code, ErrorCode::Conflict);
    QCOMPARE(acknowledgeEarly.error().details.value(u"state"_qs).toString(), u"sent"_qs);
    const QString image = upload(u"s-asa"_qs, u"more"_qs);
    const auto imagesUnasked = as(u"åsa.öberg"_qs, [&](const auth::Caller &caller) {
        return workflow().addImages(caller, sent->id, AddedImagesInput{{{image, u"overview"_qs, 0}}, u"Här"_qs, {}});
    });
    QCOMPARE(imagesUnasked.error().code, ErrorCode::Conflict);
    VERIFY_OK(answer(sent->id));
    const auto again = answer(sent->id);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QCOMPARE(again.error().details.value(u"state"_qs).toString(), u"answered"_qs);
    const auto askAfter = as(u"åke.ärlig"_qs, [&](const auth::Caller &caller) {
        return workflow().requestInfo(caller, sent->id, InfoRequestInput{u"Fler bilder?"_qs, {}});
    });
    QCOMPARE(askAfter.error().code, ErrorCode::Conflict);
    QCOMPARE(stored(sent->id).version, 2);
}

void TestReferralWorkflow::staleVersionIsAConflict()
{
    auto sent = sendOne();
    VERIFY_OK(sent);
    const auto stale = answer(sent->id, u"none"_qs, 7);
    QVERIFY(!stale);
    QCOMPARE(stale.error().code, ErrorCode::Conflict);
    QCOMPARE(stale.error().details.value(u"version"_qs).toInteger(), 1);
    QCOMPARE(toString(stored(sent->id).state), toString(ReferralState::Sent));
    QCOMPARE(inbox::toString(item(sent->itemId).state), inbox::toString(inbox::State::New));
}

void TestReferralWorkflow::otherUnitsAndRolesAreRefused()
{
    auto sent = sendOne();
    VERIFY_OK(sent);
    struct Attempt
    {
        QString username;
        bool answering;
        ErrorCode expected;
    };
    const QList<Attempt> attempts{
        {u"tora.tele"_qs, false, ErrorCode::NotFound}, // a GP of another care centre
        {u"tora.tele"_qs, true, ErrorCode::NotFound},
        {u"lars.lund"_qs, true, ErrorCode::NotFound}, // a dermatologist of another clinic
        {u"admin"_qs, true, ErrorCode::NotFound}, // an admin of neither unit
        {u"åsa.öberg"_qs, true, ErrorCode::Forbidden}, // the sender cannot answer
        {u"bo.both"_qs, true, ErrorCode::Forbidden}, // a GP of the dermatology unit is no dermatologist
        {u"åke.ärlig"_qs, false, ErrorCode::Forbidden}, // the dermatologist cannot acknowledge
    };
    for (const Attempt &attempt : attempts) {
        const auto result = as(attempt.username, [&](const auth::Caller &caller) {
            return attempt.answering ? workflow().requestInfo(caller, sent->id, InfoRequestInput{u"?"_qs, {}})
                                     : workflow().acknowledge(caller, sent->id, AcknowledgeInput{});
        });
        QVERIFY2(!result, qPrintable(attempt.username));
        QCOMPARE(result.error().code, attempt.expected);
    }
    const auto unknown = as(u"åke.ärlig"_qs, [&](const auth::Caller &caller) {
        return workflow().requestInfo(caller, u"no-such-referral"_qs, InfoRequestInput{u"?"_qs, {}});
    });
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    QCOMPARE(stored(sent->id).version, 1);
}

void TestReferralWorkflow::badSendsStoreNothing()
{
    const QString mine = upload(u"s-asa"_qs, u"mine"_qs);
    const QString theirs = upload(u"s-bo"_qs, u"theirs"_qs);
    const int relations = rows(u"SELECT COUNT(*) FROM care_relations"_qs);
    struct Attempt
    {
        QString username;
        NewReferral input;
        ErrorCode expected;
        QString field;
    };
    const QList<Attempt> attempts{
        {u"åke.ärlig"_qs, newReferral(u"p-both"_qs, {mine}), ErrorCode::Forbidden, {}}, // a dermatologist
        {u"åsa.öberg"_qs, newReferral(u"p-vaxjo"_qs, {mine}), ErrorCode::NotFound, {}}, // not her patient
        {u"åsa.öberg"_qs, newReferral(u"p-asa"_qs, {mine}, u"u-teleborg"_qs), ErrorCode::InvalidInput, u"toUnitId"_qs},
        {u"åsa.öberg"_qs, newReferral(u"p-asa"_qs, {mine}, u"u-nowhere"_qs), ErrorCode::InvalidInput, u"toUnitId"_qs},
        {u"åsa.öberg"_qs, newReferral(u"p-asa"_qs, {mine, theirs}), ErrorCode::InvalidInput, u"images[1].id"_qs},
        {u"åsa.öberg"_qs, newReferral(u"p-asa"_qs, {QString(64, u'c')}), ErrorCode::InvalidInput, u"images[0].id"_qs},
    };
    for (const Attempt &attempt : attempts) {
        const auto result
            = as(attempt.username, [&](const auth::Caller &caller) { return workflow().send(caller, attempt.input); });
        QVERIFY(!result);
        QCOMPARE(result.error().code, attempt.expected);
        QCOMPARE(result.error().details.value(u"field"_qs).toString(), attempt.field);
    }
    QCOMPARE(count(u"referrals"_qs), 0);
    QCOMPARE(count(u"referral_images"_qs), 0);
    QCOMPARE(count(u"inbox_items"_qs), 0);
    QCOMPARE(rows(u"SELECT COUNT(*) FROM care_relations"_qs), relations);
}

void TestReferralWorkflow::atMostTwelveImages()
{
    QStringList six;
    for (int i = 0; i < 6; ++i)
        six.append(upload(u"s-asa"_qs, u"first-"_qs + QString::number(i)));
    auto sent = as(u"åsa.öberg"_qs,
                   [&](const auth::Caller &caller) { return workflow().send(caller, newReferral(u"p-asa"_qs, six)); });
    VERIFY_OK(sent);
    const auto ask = [&] {
        return as(u"åke.ärlig"_qs, [&](const auth::Caller &caller) {
            return workflow().requestInfo(caller, sent->id, InfoRequestInput{u"Fler bilder."_qs, {}});
        });
    };
    const auto add = [&](const QList<ImageChoice> &images) {
        return as(u"åsa.öberg"_qs, [&](const auth::Caller &caller) {
            return workflow().addImages(caller, sent->id, AddedImagesInput{images, u"Här."_qs, {}});
        });
    };
    VERIFY_OK(ask());
    const auto again = add({{six.at(2), u"overview"_qs, 0}});
    QCOMPARE(again.error().details.value(u"field"_qs).toString(), u"images[0].id"_qs);
    QList<ImageChoice> more;
    for (int i = 0; i < 6; ++i)
        more.append({upload(u"s-asa"_qs, u"second-"_qs + QString::number(i)), u"close_up"_qs, 0});
    VERIFY_OK(add(more));
    VERIFY_OK(ask());
    const auto thirteenth = add({{upload(u"s-asa"_qs, u"thirteenth"_qs), u"close_up"_qs, 0}});
    QCOMPARE(thirteenth.error().code, ErrorCode::InvalidInput);
    QCOMPARE(thirteenth.error().details.value(u"field"_qs).toString(), u"images"_qs);
    QCOMPARE(stored(sent->id).images.size(), 12);
    QCOMPARE(toString(stored(sent->id).state), toString(ReferralState::NeedsInfo));
}

QTEST_GUILESS_MAIN(TestReferralWorkflow)
#include "tst_referralworkflow.moc"
