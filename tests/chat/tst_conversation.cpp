// Threads against a migrated SQLite database: staff replies and notes, patient messages, new
// threads, what the patient sees, and the change-log entries sync sends.

#include "../auth/authdatabase.h"

#include "chat/core/chatrepository.h"
#include "chat/core/conversation.h"
#include "inbox/core/inboxrepository.h"
#include "inbox/core/itemworkflow.h"

#include <QSqlQuery>
#include <QTest>

using namespace nara;
using namespace nara::chat;
using inbox::State;

namespace {

constexpr qint64 kNow = 1'764'000'000'000;

auth::Caller staff(const QString &id, const QString &unit)
{
    auth::Caller caller;
    caller.id = id;
    caller.displayName = QStringLiteral("Sköterska ") + id;
    caller.role = QStringLiteral("nurse");
    caller.unitIds = {unit};
    return caller;
}

auth::Caller patient(const QString &id)
{
    auth::Caller caller;
    caller.kind = auth::Caller::Kind::Patient;
    caller.id = id;
    caller.displayName = QStringLiteral("Tolvan");
    return caller;
}

} // namespace

class TestConversation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_db.reset(); }
    void staffStartsAThread();
    void patientAnswersAndStaffNotesStayInternal();
    void replyOnColleaguesItemIsRefused();
    void patientReopensADoneThread();
    void patientWithoutThreadStartsOne();
    void messageIdIsIdempotent();
    void otherUnitsAndPatientsSeeNothing();

private:
    std::unique_ptr<test::AuthDatabase> m_db;
    QString m_item;
    const auth::Caller m_anna = staff(QStringLiteral("s-anna"), QStringLiteral("u-north"));
    const auth::Caller m_bo = staff(QStringLiteral("s-bo"), QStringLiteral("u-south"));
    const auth::Caller m_tolvan = patient(QStringLiteral("p-north"));
};

void TestConversation::init()
{
    m_db = std::make_unique<test::AuthDatabase>();
    QVERIFY(m_db->open());
    QVERIFY(m_db->seed());
    auto started = Conversation(m_db->db())
                       .startAsStaff(m_anna, QStringLiteral("p-north"), QStringLiteral("Provsvar"),
                                     QStringLiteral("Hej! Dina provsvar är klara."), kNow);
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    m_item = started->item.id;
}

void TestConversation::staffStartsAThread()
{
    auto item = inbox::InboxRepository(m_db->db()).byId(m_item);
    QVERIFY(item && item->has_value());
    QCOMPARE(toString((*item)->state), QStringLiteral("waiting"));
    QCOMPARE(toString((*item)->waitingOn), QStringLiteral("patient"));
    QCOMPARE((*item)->ownerId, m_anna.id);
    QCOMPARE((*item)->unitId, QStringLiteral("u-north"));
    QVERIFY(!(*item)->priorityReason.isEmpty());
    // Not for a patient of another unit, and not with an empty body.
    QCOMPARE(Conversation(m_db->db())
                 .startAsStaff(m_anna, QStringLiteral("p-south"), QStringLiteral("t"), QStringLiteral("b"), kNow)
                 .error()
                 .code,
             ErrorCode::NotFound);
    QCOMPARE(Conversation(m_db->db())
                 .startAsStaff(m_anna, QStringLiteral("p-north"), QStringLiteral("t"), QStringLiteral(" "), kNow)
                 .error()
                 .code,
             ErrorCode::InvalidInput);
}

void TestConversation::patientAnswersAndStaffNotesStayInternal()
{
    Conversation conversation(m_db->db());
    QVERIFY(conversation.postAsStaff(m_anna, m_item, {{}, QStringLiteral("INTERN: kolla journalen"), true}, kNow + 1));
    auto answered = conversation.postAsPatient(m_tolvan, m_item, QStringLiteral("Tack!"), kNow + 2);
    QVERIFY(answered);
    QCOMPARE(toString(answered->item.state), QStringLiteral("in_progress"));
    QCOMPARE(answered->message.authorName, QStringLiteral("Tolvan"));
    auto forPatient = conversation.messages(m_tolvan, m_item);
    QVERIFY(forPatient);
    QCOMPARE(forPatient->size(), 2);
    for (const ChatMessage &m : *forPatient)
        QVERIFY(!m.staffOnly);
    auto forStaff = conversation.messages(m_anna, m_item);
    QVERIFY(forStaff);
    QCOMPARE(forStaff->size(), 3);
    QCOMPARE(forStaff->at(1).body, QStringLiteral("INTERN: kolla journalen"));
    // The owner replies: waiting on the patient again.
    auto replied = conversation.postAsStaff(m_anna, m_item, {{}, QStringLiteral("Varsågod"), false}, kNow + 3);
    QVERIFY(replied);
    QCOMPARE(toString(replied->item.state), QStringLiteral("waiting"));
    QCOMPARE(replied->item.lastActivityAt, kNow + 3);
    // Every message reached the change log of the item's unit.
    QCOMPARE(m_db->db()
                 .scalar(QStringLiteral(
                     "SELECT COUNT(*) FROM change_log WHERE entity = 'chat_message' AND unit_id = 'u-north'"))
                 ->toLongLong(),
             4);
}

void TestConversation::replyOnColleaguesItemIsRefused()
{
    QVERIFY(auth::AccountRepository(m_db->db())
                .addStaff({QStringLiteral("s-cecilia"),
                           QStringLiteral("cecilia"),
                           QStringLiteral("Cecilia Ek"),
                           QStringLiteral("nurse"),
                           {QStringLiteral("u-north")},
                           true},
                          QStringLiteral("x"))
                .has_value());
    const auth::Caller cecilia = staff(QStringLiteral("s-cecilia"), QStringLiteral("u-north"));
    Conversation conversation(m_db->db());
    auto refused = conversation.postAsStaff(cecilia, m_item, {{}, QStringLiteral("Hej"), false}, kNow + 1);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    QCOMPARE(refused.error().details.value(QStringLiteral("heldBy")).toObject().value(QStringLiteral("id")).toString(),
             m_anna.id);
    // A note for colleagues is fine.
    QVERIFY(conversation.postAsStaff(cecilia, m_item, {{}, QStringLiteral("Ringde patienten"), true}, kNow + 2));
}

void TestConversation::patientReopensADoneThread()
{
    QVERIFY(inbox::ItemWorkflow(m_db->db()).close(m_anna, m_item, kNow + 1));
    auto written
        = Conversation(m_db->db()).postAsPatient(m_tolvan, m_item, QStringLiteral("Jag har fått ont igen"), kNow + 2);
    QVERIFY(written);
    QCOMPARE(toString(written->item.state), QStringLiteral("new"));
    QVERIFY(written->item.ownerId.isEmpty());
    // Staff may not reply to a done thread without reopening it.
    QVERIFY(inbox::ItemWorkflow(m_db->db()).close(m_anna, m_item, kNow + 3));
    QCOMPARE(
        Conversation(m_db->db()).postAsStaff(m_anna, m_item, {{}, QStringLiteral("Hej"), false}, kNow + 4).error().code,
        ErrorCode::Conflict);
}

void TestConversation::patientWithoutThreadStartsOne()
{
    auto started = Conversation(m_db->db())
                       .startAsPatient(patient(QStringLiteral("p-south")),
                                       QStringLiteral("Hej, jag behöver förnya mitt recept."), kNow);
    QVERIFY(started);
    QCOMPARE(started->item.unitId, QStringLiteral("u-south"));
    QCOMPARE(toString(started->item.state), QStringLiteral("new"));
    QVERIFY(started->item.ownerId.isEmpty());
    QCOMPARE(started->item.patientId, QStringLiteral("p-south"));
    auto open = inbox::InboxRepository(m_db->db()).newestOpenChatOf(QStringLiteral("p-south"));
    QVERIFY(open && open->has_value());
    QCOMPARE((*open)->id, started->item.id);
}

void TestConversation::messageIdIsIdempotent()
{
    Conversation conversation(m_db->db());
    const Conversation::StaffMessage note{QStringLiteral("msg-1"), QStringLiteral("Anteckning"), true};
    auto first = conversation.postAsStaff(m_anna, m_item, note, kNow + 1);
    QVERIFY(first);
    QCOMPARE(first->message.id, QStringLiteral("msg-1"));
    auto again = conversation.postAsStaff(m_anna, m_item, note, kNow + 2);
    QVERIFY(again);
    QVERIFY(again->replayed);
    QCOMPARE(again->message.createdAt, kNow + 1);
    QCOMPARE(conversation.postAsStaff(m_anna, m_item, {QStringLiteral("msg-1"), QStringLiteral("Annat"), true}, kNow)
                 .error()
                 .code,
             ErrorCode::Conflict);
    QCOMPARE(conversation.postAsStaff(m_anna, m_item, {QStringLiteral("bad id!"), QStringLiteral("x"), true}, kNow)
                 .error()
                 .code,
             ErrorCode::InvalidInput);
}

void TestConversation::otherUnitsAndPatientsSeeNothing()
{
    Conversation conversation(m_db->db());
    QCOMPARE(conversation.messages(m_bo, m_item).error().code, ErrorCode::NotFound);
    QCOMPARE(conversation.messages(patient(QStringLiteral("p-south")), m_item).error().code, ErrorCode::NotFound);
    QCOMPARE(conversation.postAsStaff(m_bo, m_item, {{}, QStringLiteral("x"), true}, kNow).error().code,
             ErrorCode::NotFound);
    QCOMPARE(
        conversation.postAsPatient(patient(QStringLiteral("p-south")), m_item, QStringLiteral("x"), kNow).error().code,
        ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestConversation)
#include "tst_conversation.moc"
