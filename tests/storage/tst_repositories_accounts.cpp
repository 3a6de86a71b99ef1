// The account repository (units, staff, patients, care relations, personnummer) and the access
// policy built on those care relations, against real storage: every scenario runs once on SQLite and
// once on PostgreSQL (global data rows sqlite/postgres).
#include "auth/core/accesspolicy.h"
#include "auth/core/accountrepository.h"
#include "authfixture.h"
#include "repositoryfixture.h"
#include "storage/core/transactionguard.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace nara;
using namespace nara::auth;
using namespace nara::storage;
using nara::test::describe;

class TestRepositoriesAccounts : public QObject, public test::AuthRepositoryFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::addStorageBackends(); }
    void init();
    void cleanup() { closeDatabase(); }

    void unitsStaffAndPatientsRoundTrip();
    void colleaguesAreActiveStaffOfTheUnits();
    void invalidStaffRefused_data();
    void invalidStaffRefused();
    void duplicateUsernameRefusedWithoutPartialRows();
    void unknownUnitRefusedWithoutPartialRows();
    void invalidPersonnummerRefused_data();
    void invalidPersonnummerRefused();
    void validPersonnummerForms_data();
    void validPersonnummerForms();
    void duplicatePersonnummerRefused();

    void accessPolicyPatients_data();
    void accessPolicyPatients();
    void accessPolicyItems_data();
    void accessPolicyItems();
};

void TestRepositoriesAccounts::init()
{
    openDatabase(u"repo-accounts"_qs);
    m_clock.setMs(1'764'000'000'000);
}

// ---- accounts ----------------------------------------------------------------------------------

void TestRepositoriesAccounts::unitsStaffAndPatientsRoundTrip()
{
    seed();
    if (QTest::currentTestFailed())
        return;
    AccountRepository accounts(*m_db);

    auto unit = accounts.unitById(u"u-vaxjo"_qs);
    VERIFY_OK(unit);
    QVERIFY(unit->has_value());
    QCOMPARE((*unit)->name, u"Hudmottagningen Växjö"_qs);
    QCOMPARE((*unit)->kind, u"dermatology"_qs);
    QCOMPARE((*unit)->region, u"Kronoberg"_qs);
    QVERIFY(!accounts.unitById(u"u-nowhere"_qs)->has_value());

    // Unit ids come back sorted, each once, whatever order they were given in.
    auto bo = accounts.staffByUsername(u"bo.both"_qs);
    VERIFY_OK(bo);
    QVERIFY(bo->has_value());
    QCOMPARE((*bo)->id, u"s-bo"_qs);
    QCOMPARE((*bo)->displayName, u"Bo Båda"_qs);
    QCOMPARE((*bo)->role, u"gp"_qs);
    QCOMPARE((*bo)->unitIds, (QStringList{u"u-asa"_qs, u"u-vaxjo"_qs}));
    QVERIFY((*bo)->active);

    auto asa = accounts.staffById(u"s-asa"_qs);
    VERIFY_OK(asa);
    QVERIFY(asa->has_value());
    QCOMPARE((*asa)->username, u"åsa.öberg"_qs);
    QCOMPARE((*asa)->displayName, u"Åsa Öberg"_qs);
    QCOMPARE((*asa)->unitIds, QStringList{u"u-asa"_qs});
    // The unicode user name is found by equality.
    auto byName = accounts.staffByUsername(u"åsa.öberg"_qs);
    VERIFY_OK(byName);
    QVERIFY(byName->has_value());
    QCOMPARE((*byName)->id, u"s-asa"_qs);
    QVERIFY(!accounts.staffByUsername(u"asa.oberg"_qs)->has_value());
    QVERIFY(!accounts.staffById(u"s-nobody"_qs)->has_value());

    auto credentials = accounts.credentialsByUsername(u"åke.ärlig"_qs);
    VERIFY_OK(credentials);
    QVERIFY(credentials->has_value());
    QCOMPARE((*credentials)->passwordHash, kHash);
    QCOMPARE((*credentials)->account.displayName, u"Åke Ärlig"_qs);

    auto units = accounts.unitsOf(u"s-bo"_qs);
    VERIFY_OK(units);
    QCOMPARE(units->size(), 2);
    QCOMPARE(units->at(0).name, u"Vårdcentralen Åsa"_qs);
    QCOMPARE(units->at(1).name, u"Hudmottagningen Växjö"_qs);
    QVERIFY(accounts.unitsOf(u"s-nobody"_qs)->isEmpty());

    // A new account without an id gets one.
    auto fresh = accounts.addStaff({{}, u"östen.ång"_qs, u"Östen Ång"_qs, u"physio"_qs, {u"u-asa"_qs}, false}, kHash);
    VERIFY_OK(fresh);
    QVERIFY(!fresh->id.isEmpty());
    auto freshRead = accounts.staffById(fresh->id);
    VERIFY_OK(freshRead);
    QVERIFY(freshRead->has_value());
    QCOMPARE((*freshRead)->username, u"östen.ång"_qs);
    QVERIFY(!(*freshRead)->active); // inactive survives the round trip (stored as 0)

    // Patients: the 12-digit form is stored, names keep their åäö, no phone reads back empty.
    auto tolvan = accounts.patientById(u"p-asa"_qs);
    VERIFY_OK(tolvan);
    QVERIFY(tolvan->has_value());
    QCOMPARE((*tolvan)->personalNumber, u"191212121212"_qs);
    QCOMPARE((*tolvan)->name, u"Tolvan Tolvansson"_qs);
    QCOMPARE((*tolvan)->phone, u"+46701234567"_qs);
    auto marta = accounts.patientByPersonalNumber(u"198112189876"_qs);
    VERIFY_OK(marta);
    QVERIFY(marta->has_value());
    QCOMPARE((*marta)->id, u"p-vaxjo"_qs);
    QCOMPARE((*marta)->name, u"Märta Ödmark"_qs);
    QVERIFY((*marta)->phone.isEmpty());
    QVERIFY(!accounts.patientByPersonalNumber(u"19811218-9876"_qs)->has_value()); // only the 12-digit form
    QVERIFY(!accounts.patientById(u"p-nobody"_qs)->has_value());
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM patients WHERE phone IS NULL"))->toInt(), 2);

    auto fresher = accounts.addPatient({{}, u"200102034568"_qs, u"Åsa-Märta Öhrn"_qs, {}}, kToday);
    VERIFY_OK(fresher);
    QVERIFY(!fresher->id.isEmpty());
    QCOMPARE(accounts.patientById(fresher->id)->value().name, u"Åsa-Märta Öhrn"_qs);

    QCOMPARE(accounts.patientUnits(u"p-both"_qs).value(), (QStringList{u"u-asa"_qs, u"u-vaxjo"_qs}));
    QCOMPARE(accounts.patientUnits(u"p-asa"_qs).value(), QStringList{u"u-asa"_qs});
    QVERIFY(accounts.patientUnits(fresher->id)->isEmpty());
    // A care relation is there once.
    auto twice = accounts.addCareRelation(u"p-asa"_qs, u"u-asa"_qs);
    QVERIFY(!twice);
    QCOMPARE(twice.error().code, ErrorCode::Storage);
    // …and only to things that exist.
    auto dangling = accounts.addCareRelation(u"p-asa"_qs, u"u-nowhere"_qs);
    QVERIFY(!dangling);
    QCOMPARE(dangling.error().code, ErrorCode::Storage);
    QCOMPARE(count(u"care_relations"_qs), 4);

    // JSON forms of the contract.
    const QJsonObject json = (*bo)->toJson();
    QCOMPARE(json.value(u"username").toString(), u"bo.both"_qs);
    QCOMPARE(json.value(u"unitIds").toArray().size(), 2);
    QVERIFY(!json.contains(u"passwordHash"));
    QCOMPARE((*tolvan)->toJson().value(u"personalNumber").toString(), u"191212121212"_qs);
    QVERIFY(!(*tolvan)->toJson().contains(u"phone"));
}

void TestRepositoriesAccounts::colleaguesAreActiveStaffOfTheUnits()
{
    seed();
    if (QTest::currentTestFailed())
        return;
    AccountRepository accounts(*m_db);
    VERIFY_OK(accounts.addStaff(
        {u"s-gone"_qs, u"gunnel.gone"_qs, u"Gunnel Slutat"_qs, u"nurse"_qs, {u"u-asa"_qs}, false}, kHash));

    auto asa = accounts.colleagues({u"u-asa"_qs});
    VERIFY_OK(asa);
    QStringList ids;
    for (const StaffAccount &account : *asa)
        ids.append(account.id);
    // By display name (byte order on both backends here: "Bo" < "Å"); inactive Gunnel is left out.
    QCOMPARE(ids, (QStringList{u"s-bo"_qs, u"s-asa"_qs}));
    QCOMPARE(asa->at(0).unitIds, (QStringList{u"u-asa"_qs, u"u-vaxjo"_qs}));

    auto both = accounts.colleagues({u"u-asa"_qs, u"u-vaxjo"_qs});
    VERIFY_OK(both);
    QCOMPARE(both->size(), 3); // Bo once, although in both units
    QVERIFY(accounts.colleagues({})->isEmpty());
    QVERIFY(accounts.colleagues({u"u-nowhere"_qs})->isEmpty());
}

void TestRepositoriesAccounts::invalidStaffRefused_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("hash");
    QTest::newRow("unknown role") << "kalle"
                                  << "surgeon" << kHash;
    QTest::newRow("empty role") << "kalle"
                                << "" << kHash;
    QTest::newRow("empty user name") << ""
                                     << "nurse" << kHash;
    QTest::newRow("65 characters") << QString(65, u'å') << "nurse" << kHash;
    QTest::newRow("no password hash") << "kalle"
                                      << "nurse" << QString();
}

void TestRepositoriesAccounts::invalidStaffRefused()
{
    QFETCH(QString, username);
    QFETCH(QString, role);
    QFETCH(QString, hash);
    AccountRepository accounts(*m_db);
    VERIFY_OK(accounts.addUnit({u"u1"_qs, u"Vårdcentralen"_qs, u"care_centre"_qs, u"Halland"_qs}));
    auto added = accounts.addStaff({{}, username, u"Kalle Änka"_qs, role, {u"u1"_qs}, true}, hash);
    QVERIFY(!added);
    QCOMPARE(added.error().code, ErrorCode::InvalidInput);
    QCOMPARE(count(u"staff"_qs), 0);
    QCOMPARE(count(u"staff_units"_qs), 0);
    // 64 characters is still fine.
    if (qstrcmp(QTest::currentDataTag(), "65 characters") == 0)
        VERIFY_OK(accounts.addStaff({{}, QString(64, u'å'), u"Lång"_qs, u"nurse"_qs, {u"u1"_qs}, true}, kHash));
}

void TestRepositoriesAccounts::duplicateUsernameRefusedWithoutPartialRows()
{
    AccountRepository accounts(*m_db);
    VERIFY_OK(accounts.addUnit({u"u1"_qs, u"Vårdcentralen Ängelholm"_qs, u"care_centre"_qs, u"Skåne"_qs}));
    VERIFY_OK(accounts.addUnit({u"u2"_qs, u"Vårdcentralen Höör"_qs, u"care_centre"_qs, u"Skåne"_qs}));

    // Two accounts in one transaction, the second a duplicate: the failure rolls back both.
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        VERIFY_OK(
            accounts.addStaff({u"s1"_qs, u"märta"_qs, u"Märta Ek"_qs, u"nurse"_qs, {u"u1"_qs, u"u2"_qs}, true}, kHash));
        auto duplicate = accounts.addStaff({u"s2"_qs, u"märta"_qs, u"Märta Ås"_qs, u"gp"_qs, {u"u1"_qs}, true}, kHash);
        QVERIFY(!duplicate);
        QVERIFY2(duplicate.error().code == ErrorCode::Storage || duplicate.error().code == ErrorCode::Conflict,
                 qPrintable(describe(duplicate.error())));
        // no commit: the guard rolls back
    }
    QCOMPARE(count(u"staff"_qs), 0);
    QCOMPARE(count(u"staff_units"_qs), 0);

    // The connection is usable after the failed transaction (PostgreSQL aborts it), and a committed
    // account keeps its name: the duplicate leaves no rows of its own.
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        VERIFY_OK(
            accounts.addStaff({u"s1"_qs, u"märta"_qs, u"Märta Ek"_qs, u"nurse"_qs, {u"u1"_qs, u"u2"_qs}, true}, kHash));
        VERIFY_OK(transaction->commit());
    }
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        auto duplicate = accounts.addStaff({u"s2"_qs, u"märta"_qs, u"Märta Ås"_qs, u"gp"_qs, {u"u1"_qs}, true}, kHash);
        QVERIFY(!duplicate);
        QVERIFY2(duplicate.error().code == ErrorCode::Storage || duplicate.error().code == ErrorCode::Conflict,
                 qPrintable(describe(duplicate.error())));
    }
    QCOMPARE(count(u"staff"_qs), 1);
    QCOMPARE(count(u"staff_units"_qs), 2);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM staff_units WHERE staff_id = ?"), {u"s2"_qs})->toInt(),
             0);
    auto kept = accounts.staffByUsername(u"märta"_qs);
    VERIFY_OK(kept);
    QCOMPARE(kept->value().id, u"s1"_qs);
    QCOMPARE(kept->value().displayName, u"Märta Ek"_qs);

    // Same id, other name: refused as well.
    auto sameId = accounts.addStaff({u"s1"_qs, u"märta2"_qs, u"Märta Två"_qs, u"gp"_qs, {}, true}, kHash);
    QVERIFY(!sameId);
    QCOMPARE(count(u"staff"_qs), 1);
}

void TestRepositoriesAccounts::unknownUnitRefusedWithoutPartialRows()
{
    AccountRepository accounts(*m_db);
    VERIFY_OK(accounts.addUnit({u"u1"_qs, u"Vårdcentralen Ängelholm"_qs, u"care_centre"_qs, u"Skåne"_qs}));
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        // The staff row goes in, then the link to the unknown unit fails (foreign key).
        auto added
            = accounts.addStaff({u"s1"_qs, u"örjan"_qs, u"Örjan Ö"_qs, u"nurse"_qs, {u"u1"_qs, u"u9"_qs}, true}, kHash);
        QVERIFY(!added);
        QCOMPARE(added.error().code, ErrorCode::Storage);
    }
    QCOMPARE(count(u"staff"_qs), 0);
    QCOMPARE(count(u"staff_units"_qs), 0);
}

void TestRepositoriesAccounts::invalidPersonnummerRefused_data()
{
    QTest::addColumn<QString>("personalNumber");
    QTest::newRow("wrong check digit") << "19121212-1213";
    QTest::newRow("short wrong check digit") << "121212-1213";
    QTest::newRow("too short") << "1212121212 1";
    QTest::newRow("nine digits") << "121212121";
    QTest::newRow("too long") << "1912121212120";
    QTest::newRow("letters") << "19121212-12A2";
    QTest::newRow("no such date") << "19810230-1234";
    QTest::newRow("month 13") << "19811318-9876";
    QTest::newRow("in the future") << "20991212-1212";
    QTest::newRow("empty") << "";
    QTest::newRow("sql") << "'; DROP TABLE patients; --";
}

void TestRepositoriesAccounts::invalidPersonnummerRefused()
{
    QFETCH(QString, personalNumber);
    AccountRepository accounts(*m_db);
    auto added = accounts.addPatient({{}, personalNumber, u"Örjan Åström"_qs, {}}, kToday);
    QVERIFY(!added);
    QCOMPARE(added.error().code, ErrorCode::InvalidInput);
    QCOMPARE(count(u"patients"_qs), 0);
}

void TestRepositoriesAccounts::validPersonnummerForms_data()
{
    QTest::addColumn<QString>("personalNumber");
    QTest::addColumn<QString>("stored");
    QTest::newRow("long with dash") << "19121212-1212"
                                    << "191212121212";
    QTest::newRow("short with dash") << "811218-9876"
                                     << "198112189876";
    QTest::newRow("short, a hundred or older") << "121212+1212"
                                               << "191212121212";
    QTest::newRow("samordningsnummer") << "198507711235"
                                       << "198507711235";
}

void TestRepositoriesAccounts::validPersonnummerForms()
{
    QFETCH(QString, personalNumber);
    QFETCH(QString, stored);
    AccountRepository accounts(*m_db);
    auto added = accounts.addPatient({{}, personalNumber, u"Ärla Öst"_qs, {}}, kToday);
    VERIFY_OK(added);
    QCOMPARE(added->personalNumber, stored);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT personal_number FROM patients WHERE id = ?"), {added->id})->toString(),
             stored);
    // An empty name is refused even with a valid number.
    auto nameless = accounts.addPatient({{}, personalNumber, u"  "_qs, {}}, kToday);
    QVERIFY(!nameless);
    QCOMPARE(nameless.error().code, ErrorCode::InvalidInput);
}

void TestRepositoriesAccounts::duplicatePersonnummerRefused()
{
    AccountRepository accounts(*m_db);
    VERIFY_OK(accounts.addPatient({u"p1"_qs, u"19121212-1212"_qs, u"Tolvan"_qs, {}}, kToday));
    // The same person in another spelling is the same 12 digits ("+": a hundred years or older).
    auto again = accounts.addPatient({u"p2"_qs, u"121212+1212"_qs, u"Tolvan Igen"_qs, {}}, kToday);
    QVERIFY(!again);
    QVERIFY2(again.error().code == ErrorCode::Storage || again.error().code == ErrorCode::Conflict,
             qPrintable(describe(again.error())));
    QCOMPARE(count(u"patients"_qs), 1);
}

// ---- access policy -----------------------------------------------------------------------------

void TestRepositoriesAccounts::accessPolicyPatients_data()
{
    QTest::addColumn<QString>("callerKind"); // staff username, or "patient:<id>", or "units:<a,b>"
    QTest::addColumn<QString>("patientId");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("own unit's patient") << "åsa.öberg"
                                        << "p-asa" << true;
    QTest::newRow("patient in both units") << "åsa.öberg"
                                           << "p-both" << true;
    QTest::newRow("other unit's patient") << "åsa.öberg"
                                          << "p-vaxjo" << false;
    QTest::newRow("other unit's patient, seen from there") << "åke.ärlig"
                                                           << "p-vaxjo" << true;
    QTest::newRow("Åsa's patient, from Växjö") << "åke.ärlig"
                                               << "p-asa" << false;
    QTest::newRow("two units: first") << "bo.both"
                                      << "p-asa" << true;
    QTest::newRow("two units: second") << "bo.both"
                                       << "p-vaxjo" << true;
    QTest::newRow("admin without relation") << "admin"
                                            << "p-asa" << false;
    QTest::newRow("unknown patient") << "åsa.öberg"
                                     << "p-nobody" << false;
    QTest::newRow("empty patient id") << "åsa.öberg"
                                      << "" << false;
    QTest::newRow("staff without units") << "units:"
                                         << "p-asa" << false;
    QTest::newRow("unknown unit") << "units:u-nowhere"
                                  << "p-asa" << false;
    QTest::newRow("patient: self") << "patient:p-asa"
                                   << "p-asa" << true;
    QTest::newRow("patient: someone else") << "patient:p-asa"
                                           << "p-both" << false;
    QTest::newRow("patient: no id") << "patient:"
                                    << "" << false;
}

void TestRepositoriesAccounts::accessPolicyPatients()
{
    QFETCH(QString, callerKind);
    QFETCH(QString, patientId);
    QFETCH(bool, allowed);
    seed();
    if (QTest::currentTestFailed())
        return;
    Caller caller;
    if (callerKind.startsWith(u"patient:")) {
        caller.kind = Caller::Kind::Patient;
        caller.id = callerKind.mid(8);
    } else if (callerKind.startsWith(u"units:")) {
        caller.kind = Caller::Kind::Staff;
        caller.id = u"s-x"_qs;
        caller.role = u"nurse"_qs;
        caller.unitIds = callerKind.mid(6).split(u',', Qt::SkipEmptyParts);
    } else {
        caller = staffCaller(callerKind);
        QVERIFY(!caller.id.isEmpty());
    }
    auto decision = AccessPolicy(*m_db).requirePatient(caller, patientId);
    if (allowed) {
        VERIFY_OK(decision);
    } else {
        QVERIFY(!decision);
        // Never Forbidden: another unit's patient must not be confirmed to exist.
        QCOMPARE(decision.error().code, ErrorCode::NotFound);
    }
}

void TestRepositoriesAccounts::accessPolicyItems_data()
{
    QTest::addColumn<QString>("callerKind");
    QTest::addColumn<QString>("itemId");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("own unit's item") << "åsa.öberg"
                                     << "i-asa" << true;
    QTest::newRow("other unit's item") << "åsa.öberg"
                                       << "i-vaxjo" << false;
    QTest::newRow("two units") << "bo.both"
                               << "i-vaxjo" << true;
    QTest::newRow("unknown item") << "åsa.öberg"
                                  << "i-nobody" << false;
    QTest::newRow("empty id") << "åsa.öberg"
                              << "" << false;
    QTest::newRow("patient: own item") << "patient:p-both"
                                       << "i-vaxjo" << true;
    QTest::newRow("patient: someone else's") << "patient:p-asa"
                                             << "i-vaxjo" << false;
}

void TestRepositoriesAccounts::accessPolicyItems()
{
    QFETCH(QString, callerKind);
    QFETCH(QString, itemId);
    QFETCH(bool, allowed);
    seed();
    if (QTest::currentTestFailed())
        return;
    const QString insert = QStringLiteral(
        "INSERT INTO inbox_items (id, kind, state, priority, priority_reason, unit_id, patient_id, title, "
        "created_at, updated_at, due_at, last_activity_at) VALUES (?, 'chat', 'new', 'routine', 'Rutin', ?, ?, ?, ?, "
        "?, ?, ?)");
    const qint64 now = m_clock.nowMs();
    VERIFY_OK(
        m_db->execute(insert, {u"i-asa"_qs, u"u-asa"_qs, u"p-asa"_qs, u"Förnyelse av recept"_qs, now, now, now, now}));
    VERIFY_OK(m_db->execute(insert, {u"i-vaxjo"_qs, u"u-vaxjo"_qs, u"p-both"_qs, u"Hudutslag"_qs, now, now, now, now}));
    Caller caller;
    if (callerKind.startsWith(u"patient:")) {
        caller.kind = Caller::Kind::Patient;
        caller.id = callerKind.mid(8);
    } else {
        caller = staffCaller(callerKind);
        QVERIFY(!caller.id.isEmpty());
    }
    AccessPolicy policy(*m_db);
    auto decision = policy.requireItem(caller, itemId);
    if (allowed) {
        VERIFY_OK(decision);
    } else {
        QVERIFY(!decision);
        QCOMPARE(decision.error().code, ErrorCode::NotFound);
    }
    if (caller.isStaff()) {
        QVERIFY(policy.hasRole(caller, {u"nurse", u"gp"}) == (caller.role == u"nurse" || caller.role == u"gp"));
        QVERIFY(!policy.hasRole(caller, {u"admin"}));
    } else {
        QVERIFY(!policy.hasRole(caller, {u"nurse", u"gp", u"patient"}));
    }
}

QTEST_GUILESS_MAIN(TestRepositoriesAccounts)
#include "tst_repositories_accounts.moc"
