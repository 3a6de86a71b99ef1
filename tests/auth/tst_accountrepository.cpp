#include "auth/core/accountrepository.h"
#include "authdatabase.h"

#include <QTest>

using namespace nara;
using nara::auth::AccountRepository;
using nara::auth::Patient;
using nara::auth::StaffAccount;

class TestAccountRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_database.reset(); }

    void addsPatient_data();
    void addsPatient();
    void refusesInvalidPersonalNumber_data();
    void refusesInvalidPersonalNumber();
    void refusesUnknownRole_data();
    void refusesUnknownRole();
    void findsStaff();
    void unitsAndColleagues();
    void patientUnits();

private:
    std::optional<test::AuthDatabase> m_database;
};

static const QDate kToday(2026, 1, 15);

void TestAccountRepository::init()
{
    m_database.emplace();
    QVERIFY(m_database->open());
    QVERIFY(m_database->seed());
}

void TestAccountRepository::addsPatient_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("stored");
    QTest::newRow("short personnummer") << "121212-1212"
                                        << "201212121212";
    QTest::newRow("samordningsnummer") << "701063-2391"
                                       << "197010632391";
}

void TestAccountRepository::addsPatient()
{
    QFETCH(QString, input);
    QFETCH(QString, stored);
    AccountRepository accounts(m_database->db());
    auto added = accounts.addPatient(
        {QString(), input, QStringLiteral("Test Testsson"), QStringLiteral("+46701234567")}, kToday);
    QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
    QVERIFY(!added->id.isEmpty());
    QCOMPARE(added->personalNumber, stored);
    auto found = accounts.patientById(added->id);
    QVERIFY(found && found->has_value());
    QCOMPARE((*found)->personalNumber, stored);
    QCOMPARE((*found)->phone, QStringLiteral("+46701234567"));
    auto byNumber = accounts.patientByPersonalNumber(stored);
    QVERIFY(byNumber && byNumber->has_value());
    QCOMPARE((*byNumber)->id, added->id);
    QCOMPARE(added->toJson().value(QStringLiteral("personalNumber")).toString(), stored);
}

void TestAccountRepository::refusesInvalidPersonalNumber_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("wrong check digit") << "19121212-1213";
    QTest::newRow("no such date") << "19121312-1212";
    QTest::newRow("letters") << "abcdefgh-ijkl";
    QTest::newRow("too short") << "1212-1212";
    QTest::newRow("empty") << "";
}

void TestAccountRepository::refusesInvalidPersonalNumber()
{
    QFETCH(QString, input);
    AccountRepository accounts(m_database->db());
    auto added = accounts.addPatient({QString(), input, QStringLiteral("X"), {}}, kToday);
    QVERIFY(!added);
    QCOMPARE(added.error().code, ErrorCode::InvalidInput);
    QCOMPARE(m_database->db().scalar(QStringLiteral("SELECT COUNT(*) FROM patients"))->toInt(), 2);
}

void TestAccountRepository::refusesUnknownRole_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("accepted");
    for (const QString &role : AccountRepository::kRoles)
        QTest::newRow(qPrintable(role)) << role << true;
    QTest::newRow("root") << "root" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("Admin (case)") << "Admin" << false;
}

void TestAccountRepository::refusesUnknownRole()
{
    QFETCH(QString, role);
    QFETCH(bool, accepted);
    AccountRepository accounts(m_database->db());
    StaffAccount account{QString(), QStringLiteral("new-") + role, QStringLiteral("New"),
                         role,      {QStringLiteral("u-north")},   true};
    auto added = accounts.addStaff(account, QStringLiteral("$argon2id$x"));
    QCOMPARE(added.has_value(), accepted);
    if (!accepted)
        QCOMPARE(added.error().code, ErrorCode::InvalidInput);
}

void TestAccountRepository::findsStaff()
{
    AccountRepository accounts(m_database->db());
    auto anna = accounts.credentialsByUsername(QStringLiteral("anna"));
    QVERIFY(anna && anna->has_value());
    QCOMPARE((*anna)->account.id, QStringLiteral("s-anna"));
    QCOMPARE((*anna)->account.displayName, QStringLiteral("Anna Nurse"));
    QCOMPARE((*anna)->account.unitIds, QStringList{QStringLiteral("u-north")});
    QCOMPARE((*anna)->passwordHash, QStringLiteral("x"));
    QVERIFY((*anna)->account.active);
    auto byName = accounts.staffByUsername(QStringLiteral("anna"));
    QVERIFY(byName && byName->has_value());
    QCOMPARE((*byName)->role, QStringLiteral("nurse"));
    auto byId = accounts.staffById(QStringLiteral("s-bo"));
    QVERIFY(byId && byId->has_value());
    QCOMPARE((*byId)->username, QStringLiteral("bo"));
    auto nobody = accounts.staffByUsername(QStringLiteral("nobody"));
    QVERIFY(nobody && !nobody->has_value());
    const QJsonObject json = (*byId)->toJson();
    QCOMPARE(json.keys(),
             (QStringList{QStringLiteral("displayName"), QStringLiteral("id"), QStringLiteral("role"),
                          QStringLiteral("unitIds"), QStringLiteral("username")}));
}

void TestAccountRepository::unitsAndColleagues()
{
    AccountRepository accounts(m_database->db());
    auto units = accounts.unitsOf(QStringLiteral("s-anna"));
    QVERIFY(units);
    QCOMPARE(units->size(), 1);
    QCOMPARE(units->first().name, QStringLiteral("VC Norr"));
    QCOMPARE(units->first().region, QStringLiteral("Halland"));
    auto unit = accounts.unitById(QStringLiteral("u-south"));
    QVERIFY(unit && unit->has_value());
    QCOMPARE((*unit)->kind, QStringLiteral("care_centre"));
    QVERIFY(!accounts.unitById(QStringLiteral("u-none"))->has_value());

    auto north = accounts.colleagues({QStringLiteral("u-north")});
    QVERIFY(north);
    QStringList names;
    for (const StaffAccount &account : std::as_const(*north))
        names.append(account.username);
    QCOMPARE(names, (QStringList{QStringLiteral("admin"), QStringLiteral("anna")})); // by display name
    auto both = accounts.colleagues({QStringLiteral("u-north"), QStringLiteral("u-south")});
    QVERIFY(both);
    QCOMPARE(both->size(), 3);
    QVERIFY(accounts.colleagues({})->isEmpty());
}

void TestAccountRepository::patientUnits()
{
    AccountRepository accounts(m_database->db());
    QVERIFY(accounts.addCareRelation(QStringLiteral("p-north"), QStringLiteral("u-south")));
    QCOMPARE(accounts.patientUnits(QStringLiteral("p-north")).value(),
             (QStringList{QStringLiteral("u-north"), QStringLiteral("u-south")}));
    QVERIFY(accounts.patientUnits(QStringLiteral("p-none"))->isEmpty());
}

QTEST_GUILESS_MAIN(TestAccountRepository)
#include "tst_accountrepository.moc"
