#include "auth/core/accesspolicy.h"
#include "authdatabase.h"

#include <QTest>

using namespace nara;
using nara::auth::AccessPolicy;
using nara::auth::Caller;

class TestAccessPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_database.reset(); }

    void staffPatients_data();
    void staffPatients();
    void patientSeesOnlyThemselves();
    void items_data();
    void items();
    void roles();

private:
    static Caller staff(const QString &role, const QStringList &units);
    static Caller patient(const QString &id);

    std::optional<test::AuthDatabase> m_database;
};

Caller TestAccessPolicy::staff(const QString &role, const QStringList &units)
{
    Caller caller;
    caller.kind = Caller::Kind::Staff;
    caller.id = QStringLiteral("s-x");
    caller.role = role;
    caller.unitIds = units;
    return caller;
}

Caller TestAccessPolicy::patient(const QString &id)
{
    Caller caller;
    caller.kind = Caller::Kind::Patient;
    caller.id = id;
    return caller;
}

void TestAccessPolicy::init()
{
    m_database.emplace();
    QVERIFY(m_database->open());
    QVERIFY(m_database->seed());
    // One item per unit, each about that unit's patient.
    for (const auto &[item, unit, patientId] :
         {std::tuple{"i-north", "u-north", "p-north"}, std::tuple{"i-south", "u-south", "p-south"}}) {
        auto done = m_database->db().execute(
            QStringLiteral("INSERT INTO inbox_items (id, kind, state, priority, priority_reason, unit_id, patient_id, "
                           "title, created_at, updated_at, due_at, last_activity_at) "
                           "VALUES (?, 'chat', 'new', 'routine', '', ?, ?, 'Fråga', 1, 1, 1, 1)"),
            {QString::fromLatin1(item), QString::fromLatin1(unit), QString::fromLatin1(patientId)});
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
    }
}

void TestAccessPolicy::staffPatients_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QStringList>("units");
    QTest::addColumn<QString>("patientId");
    QTest::addColumn<bool>("visible");

    const QStringList north{QStringLiteral("u-north")};
    const QStringList both{QStringLiteral("u-north"), QStringLiteral("u-south")};
    QTest::newRow("own unit's patient") << "nurse" << north << "p-north" << true;
    QTest::newRow("other unit's patient") << "nurse" << north << "p-south" << false;
    QTest::newRow("second unit's patient") << "gp" << both << "p-south" << true;
    QTest::newRow("unknown patient") << "nurse" << both << "p-nobody" << false;
    QTest::newRow("no units") << "nurse" << QStringList() << "p-north" << false;
    QTest::newRow("admin, other unit") << "admin" << north << "p-south" << false;
    QTest::newRow("empty id") << "nurse" << north << "" << false;
}

void TestAccessPolicy::staffPatients()
{
    QFETCH(QString, role);
    QFETCH(QStringList, units);
    QFETCH(QString, patientId);
    QFETCH(bool, visible);
    auto allowed = AccessPolicy(m_database->db()).requirePatient(staff(role, units), patientId);
    QCOMPARE(allowed.has_value(), visible);
    if (!visible) {
        // Another unit's patient and a patient who does not exist look the same.
        QCOMPARE(allowed.error().code, ErrorCode::NotFound);
        QCOMPARE(allowed.error().message, QStringLiteral("No such patient."));
    }
}

void TestAccessPolicy::patientSeesOnlyThemselves()
{
    AccessPolicy policy(m_database->db());
    QVERIFY(policy.requirePatient(patient(QStringLiteral("p-north")), QStringLiteral("p-north")));
    auto other = policy.requirePatient(patient(QStringLiteral("p-north")), QStringLiteral("p-south"));
    QVERIFY(!other);
    QCOMPARE(other.error().code, ErrorCode::NotFound);
}

void TestAccessPolicy::items_data()
{
    QTest::addColumn<bool>("isPatient");
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("itemId");
    QTest::addColumn<bool>("visible");

    QTest::newRow("staff, own unit's item") << false << "u-north"
                                            << "i-north" << true;
    QTest::newRow("staff, other unit's item") << false << "u-north"
                                              << "i-south" << false;
    QTest::newRow("staff, unknown item") << false << "u-north"
                                         << "i-none" << false;
    QTest::newRow("patient, own item") << true << "p-south"
                                       << "i-south" << true;
    QTest::newRow("patient, someone else's item") << true << "p-south"
                                                  << "i-north" << false;
}

void TestAccessPolicy::items()
{
    QFETCH(bool, isPatient);
    QFETCH(QString, who);
    QFETCH(QString, itemId);
    QFETCH(bool, visible);
    const Caller caller = isPatient ? patient(who) : staff(QStringLiteral("nurse"), {who});
    auto allowed = AccessPolicy(m_database->db()).requireItem(caller, itemId);
    QCOMPARE(allowed.has_value(), visible);
    if (!visible)
        QCOMPARE(allowed.error().code, ErrorCode::NotFound);
}

void TestAccessPolicy::roles()
{
    AccessPolicy policy(m_database->db());
    QVERIFY(policy.hasRole(staff(QStringLiteral("admin"), {}), {u"admin"}));
    QVERIFY(policy.hasRole(staff(QStringLiteral("gp"), {}), {u"nurse", u"gp"}));
    QVERIFY(!policy.hasRole(staff(QStringLiteral("nurse"), {}), {u"admin"}));
    QVERIFY(!policy.hasRole(patient(QStringLiteral("p-north")), {u"admin", u"nurse"}));
}

QTEST_GUILESS_MAIN(TestAccessPolicy)
#include "tst_accesspolicy.moc"
