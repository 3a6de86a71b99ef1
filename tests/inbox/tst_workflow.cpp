// Claim arbitration, release, assignment, close and reopen against a migrated SQLite database,
// and the change-log entries each write leaves for sync.

#include "../auth/authdatabase.h"

#include "inbox/core/inboxrepository.h"
#include "inbox/core/itemworkflow.h"
#include "inbox/core/lifecycle.h"

#include <QSqlQuery>
#include <QTest>

using namespace nara;
using namespace nara::inbox;

namespace {

constexpr qint64 kNow = 1'764'000'000'000;

auth::Caller staff(const QString &id, const QString &unit, const QString &role = QStringLiteral("nurse"))
{
    auth::Caller caller;
    caller.id = id;
    caller.displayName = id;
    caller.role = role;
    caller.unitIds = {unit};
    return caller;
}

} // namespace

class TestWorkflow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_db.reset(); }
    void claimIsArbitrated();
    void anotherUnitSeesNothing();
    void releaseAndAssign();
    void closeAndReopen();
    void markReadIsPerStaff();
    void everyWriteIsLogged();

private:
    qint64 changes(const QString &entity);
    std::unique_ptr<test::AuthDatabase> m_db;
    const QString m_item = QStringLiteral("item-1");
    const auth::Caller m_anna = staff(QStringLiteral("s-anna"), QStringLiteral("u-north"));
    const auth::Caller m_cecilia = staff(QStringLiteral("s-cecilia"), QStringLiteral("u-north"));
    const auth::Caller m_bo = staff(QStringLiteral("s-bo"), QStringLiteral("u-south"));
};

void TestWorkflow::init()
{
    m_db = std::make_unique<test::AuthDatabase>();
    QVERIFY(m_db->open());
    QVERIFY(m_db->seed());
    QVERIFY(auth::AccountRepository(m_db->db())
                .addStaff({QStringLiteral("s-cecilia"),
                           QStringLiteral("cecilia"),
                           QStringLiteral("Cecilia Ek"),
                           QStringLiteral("nurse"),
                           {QStringLiteral("u-north")},
                           true},
                          QStringLiteral("x"))
                .has_value());
    InboxItem item;
    item.id = m_item;
    item.priority = Priority::Urgent;
    item.priorityReason = QStringLiteral("Feber sedan fem dagar");
    item.unitId = QStringLiteral("u-north");
    item.patientId = QStringLiteral("p-north");
    item.title = QStringLiteral("Feber");
    item.createdAt = item.updatedAt = item.lastActivityAt = kNow;
    item.dueAt = dueAtFor(item.kind, item.priority, kNow);
    QVERIFY(InboxRepository(m_db->db()).insert(item).has_value());
    auto stored = InboxRepository(m_db->db()).byId(m_item);
    QVERIFY(stored && stored->has_value());
    QCOMPARE(**stored, item);
}

qint64 TestWorkflow::changes(const QString &entity)
{
    return m_db->db()
        .scalar(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = ?"), {entity})
        ->toLongLong();
}

void TestWorkflow::claimIsArbitrated()
{
    ItemWorkflow workflow(m_db->db());
    auto claimed = workflow.claim(m_anna, m_item, kNow + 1);
    QVERIFY(claimed);
    QCOMPARE(toString(claimed->state), toString(State::Claimed));
    QCOMPARE(claimed->ownerId, m_anna.id);
    QCOMPARE(claimed->claimedAt, kNow + 1);
    QCOMPARE(claimed->version, 2);
    // Again: harmless, nothing changes.
    auto again = workflow.claim(m_anna, m_item, kNow + 2);
    QVERIFY(again);
    QCOMPARE(again->version, 2);
    // A colleague is told who holds it.
    auto refused = workflow.claim(m_cecilia, m_item, kNow + 3);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    const QJsonObject heldBy = refused.error().details.value(QStringLiteral("heldBy")).toObject();
    QCOMPARE(heldBy.value(QStringLiteral("id")).toString(), m_anna.id);
    QCOMPARE(heldBy.value(QStringLiteral("displayName")).toString(), QStringLiteral("Anna Nurse"));
    // Nor may she release, close or assign it.
    QCOMPARE(workflow.release(m_cecilia, m_item, kNow).error().code, ErrorCode::Conflict);
    QCOMPARE(workflow.close(m_cecilia, m_item, kNow).error().code, ErrorCode::Conflict);
    QCOMPARE(workflow.assign(m_cecilia, m_item, m_cecilia.id, kNow).error().code, ErrorCode::Conflict);
}

void TestWorkflow::anotherUnitSeesNothing()
{
    ItemWorkflow workflow(m_db->db());
    QCOMPARE(workflow.item(m_bo, m_item).error().code, ErrorCode::NotFound);
    QCOMPARE(workflow.claim(m_bo, m_item, kNow).error().code, ErrorCode::NotFound);
    QCOMPARE(workflow.markRead(m_bo, m_item, kNow).error().code, ErrorCode::NotFound);
    QCOMPARE(workflow.claim(m_anna, QStringLiteral("nope"), kNow).error().code, ErrorCode::NotFound);
}

void TestWorkflow::releaseAndAssign()
{
    ItemWorkflow workflow(m_db->db());
    QCOMPARE(workflow.release(m_anna, m_item, kNow).error().code, ErrorCode::Conflict); // new: nothing to release
    QVERIFY(workflow.claim(m_anna, m_item, kNow));
    auto released = workflow.release(m_anna, m_item, kNow + 10);
    QVERIFY(released);
    QCOMPARE(toString(released->state), toString(State::New));
    QVERIFY(released->ownerId.isEmpty());
    QCOMPARE(released->claimedAt, 0);
    // Assigning: only active staff of the item's unit.
    QCOMPARE(workflow.assign(m_anna, m_item, m_bo.id, kNow).error().code, ErrorCode::InvalidInput);
    QCOMPARE(workflow.assign(m_anna, m_item, QStringLiteral("nobody"), kNow).error().code, ErrorCode::InvalidInput);
    auto assigned = workflow.assign(m_anna, m_item, m_cecilia.id, kNow + 20);
    QVERIFY(assigned);
    QCOMPARE(toString(assigned->state), toString(State::Claimed));
    QCOMPARE(assigned->ownerId, m_cecilia.id);
    // Cecilia hands it back to anna: owner changes, state stays.
    auto handedBack = workflow.assign(m_cecilia, m_item, m_anna.id, kNow + 30);
    QVERIFY(handedBack);
    QCOMPARE(handedBack->ownerId, m_anna.id);
    QCOMPARE(toString(handedBack->state), toString(State::Claimed));
}

void TestWorkflow::closeAndReopen()
{
    ItemWorkflow workflow(m_db->db());
    auto closed = workflow.close(m_anna, m_item, kNow + 5);
    QVERIFY(closed);
    QCOMPARE(toString(closed->state), toString(State::Done));
    QCOMPARE(closed->ownerId, m_anna.id);
    QCOMPARE(workflow.claim(m_cecilia, m_item, kNow).error().code, ErrorCode::Conflict);
    QCOMPARE(workflow.close(m_anna, m_item, kNow).error().code, ErrorCode::Conflict);
    QCOMPARE(workflow.assign(m_anna, m_item, m_cecilia.id, kNow).error().code, ErrorCode::Conflict);
    QCOMPARE(workflow.reopen(m_cecilia, m_item, QStringLiteral("  "), kNow).error().code, ErrorCode::InvalidInput);
    QCOMPARE(workflow.reopen(m_cecilia, m_item, QString(501, u'x'), kNow).error().code, ErrorCode::InvalidInput);
    const qint64 later = kNow + 3600 * 1000;
    auto reopened = workflow.reopen(m_cecilia, m_item, QStringLiteral("Patienten ringde igen"), later);
    QVERIFY(reopened);
    QCOMPARE(toString(reopened->state), toString(State::InProgress));
    QCOMPARE(reopened->ownerId, m_cecilia.id);
    QCOMPARE(reopened->dueAt, dueAtFor(Kind::Chat, Priority::Urgent, later));
    QCOMPARE(workflow.reopen(m_cecilia, m_item, QStringLiteral("igen"), later).error().code, ErrorCode::Conflict);
}

void TestWorkflow::markReadIsPerStaff()
{
    ItemWorkflow workflow(m_db->db());
    auto read = workflow.markRead(m_anna, m_item, kNow + 7);
    QVERIFY(read);
    QCOMPARE(read->readAt, kNow + 7);
    QVERIFY(workflow.markRead(m_anna, m_item, kNow + 8)); // again: updated in place
    QCOMPARE(m_db->db()
                 .scalar(QStringLiteral("SELECT read_at FROM inbox_reads WHERE item_id = ? AND staff_id = ?"),
                         {m_item, m_anna.id})
                 ->toLongLong(),
             kNow + 8);
    QCOMPARE(m_db->db()
                 .scalar(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'inbox_read' AND staff_id = ?"),
                         {m_anna.id})
                 ->toLongLong(),
             2);
}

void TestWorkflow::everyWriteIsLogged()
{
    ItemWorkflow workflow(m_db->db());
    QCOMPARE(changes(QStringLiteral("inbox_item")), 1); // the insert
    QVERIFY(workflow.claim(m_anna, m_item, kNow + 1));
    QVERIFY(workflow.claim(m_anna, m_item, kNow + 2)); // no change, no entry
    QVERIFY(workflow.close(m_anna, m_item, kNow + 3));
    QCOMPARE(changes(QStringLiteral("inbox_item")), 3);
    auto last = m_db->db().query(QStringLiteral("SELECT unit_id, payload FROM change_log ORDER BY seq DESC LIMIT 1"));
    QVERIFY(last && last->next());
    QCOMPARE(last->value(0).toString(), QStringLiteral("u-north"));
    QVERIFY(last->value(1).toString().contains(u"\"state\":\"done\""));
    QVERIFY(last->value(1).toString().contains(u"\"version\":3"));
}

QTEST_GUILESS_MAIN(TestWorkflow)
#include "tst_workflow.moc"
