// The auth repositories (accounts, sessions, audit log, access policy) against real storage:
// every scenario runs once on SQLite and once on PostgreSQL (global data rows sqlite/postgres).
#include "auth/core/accesspolicy.h"
#include "auth/core/accountrepository.h"
#include "auth/core/auditlog.h"
#include "auth/core/sessionstore.h"
#include "fakeclock.h"
#include "storage/core/database.h"
#include "storage/core/migrator.h"
#include "storage/core/transactionguard.h"
#include "storagebackends.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace nara;
using namespace nara::auth;
using namespace nara::storage;

namespace {

// A fixed "today" for resolving short personnummer forms.
const QDate kToday(2025, 11, 24);
const QString kHash = QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA"); // never checked here

QString describe(const Error &error)
{
    return errorCodeName(error.code) + QStringLiteral(": ") + error.message;
}

} // namespace

// QVERIFY2 on a Result, with the error's text on failure.
#define VERIFY_OK(expr)                                                                                               \
    do {                                                                                                              \
        const auto &_r = (expr);                                                                                      \
        QVERIFY2(_r.has_value(), qPrintable(_r.has_value() ? QString() : describe(_r.error())));                    \
    } while (false)

class TestRepositoriesAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::addStorageBackends(); }
    void init();
    void cleanup();

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

    void sessionValidatesAndTouches();
    void sessionIdleExpiry_data();
    void sessionIdleExpiry();
    void sessionAbsoluteExpiry_data();
    void sessionAbsoluteExpiry();
    void sessionRevoke();
    void sessionRejectsBadTokens_data();
    void sessionRejectsBadTokens();

    void auditAppendManyInTransactionVerifies();
    void auditRolledBackAppendLeavesNoRow();
    void auditTamperDetected_data();
    void auditTamperDetected();
    void auditPatientExtract();

    void accessPolicyPatients_data();
    void accessPolicyPatients();
    void accessPolicyItems_data();
    void accessPolicyItems();

private:
    int count(const QString &table);
    // Two units, three staff, three patients and their care relations.
    void seed();
    Caller staffCaller(const QString &username);

    QTemporaryDir m_dir;
    std::optional<Database> m_db;
    QString m_schema;
    test::FakeClock m_clock;
};

void TestRepositoriesAuth::init()
{
    QFETCH_GLOBAL(QString, backend);
    auto config = test::configFor(backend, m_dir);
    QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
    m_schema = config->schema;
    auto db = Database::open(*config, QStringLiteral("repo-auth-%1").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    m_db.emplace(std::move(*db));
    auto migrated = Migrator(*m_db).migrate();
    QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().message));
    m_clock.setMs(1'764'000'000'000);
}

void TestRepositoriesAuth::cleanup()
{
    // A passing test's PostgreSQL schema goes; a failing one's stays for a look.
    if (m_db && !m_schema.isEmpty() && !QTest::currentTestFailed()) {
        (void)m_db->executeDirect(QStringLiteral("SET client_min_messages TO warning"));
        (void)m_db->executeDirect(QStringLiteral("DROP SCHEMA ") + m_schema + QStringLiteral(" CASCADE"));
    }
    m_db.reset();
    m_schema.clear();
}

int TestRepositoriesAuth::count(const QString &table)
{
    auto n = m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM ") + table);
    if (!n) {
        qWarning() << "count" << table << n.error().message;
        return -1;
    }
    return n->toInt();
}

void TestRepositoriesAuth::seed()
{
    AccountRepository accounts(*m_db);
    auto transaction = TransactionGuard::begin(*m_db);
    VERIFY_OK(transaction);
    VERIFY_OK(accounts.addUnit({u"u-asa"_qs, u"Vårdcentralen Åsa"_qs, u"care_centre"_qs, u"Halland"_qs}));
    VERIFY_OK(accounts.addUnit({u"u-vaxjo"_qs, u"Hudmottagningen Växjö"_qs, u"dermatology"_qs, u"Kronoberg"_qs}));
    VERIFY_OK(accounts.addUnit({u"u-ljungby"_qs, u"Hemsjukvården Ljungby"_qs, u"municipal"_qs, u"Kronoberg"_qs}));
    VERIFY_OK(accounts.addStaff({u"s-asa"_qs, u"åsa.öberg"_qs, u"Åsa Öberg"_qs, u"nurse"_qs, {u"u-asa"_qs}, true}, kHash));
    VERIFY_OK(accounts.addStaff({u"s-ake"_qs, u"åke.ärlig"_qs, u"Åke Ärlig"_qs, u"dermatologist"_qs, {u"u-vaxjo"_qs}, true},
                                kHash));
    VERIFY_OK(accounts.addStaff({u"s-bo"_qs, u"bo.both"_qs, u"Bo Båda"_qs, u"gp"_qs, {u"u-vaxjo"_qs, u"u-asa"_qs}, true},
                                kHash));
    VERIFY_OK(accounts.addStaff({u"s-admin"_qs, u"admin"_qs, u"Admin Ljungby"_qs, u"admin"_qs, {u"u-ljungby"_qs}, true},
                                kHash));
    VERIFY_OK(accounts.addPatient({u"p-asa"_qs, u"19121212-1212"_qs, u"Tolvan Tolvansson"_qs, u"+46701234567"_qs}, kToday));
    VERIFY_OK(accounts.addPatient({u"p-vaxjo"_qs, u"19811218-9876"_qs, u"Märta Ödmark"_qs, {}}, kToday));
    VERIFY_OK(accounts.addPatient({u"p-both"_qs, u"194501011235"_qs, u"Göran Älvsjö"_qs, {}}, kToday));
    VERIFY_OK(accounts.addCareRelation(u"p-asa"_qs, u"u-asa"_qs));
    VERIFY_OK(accounts.addCareRelation(u"p-vaxjo"_qs, u"u-vaxjo"_qs));
    VERIFY_OK(accounts.addCareRelation(u"p-both"_qs, u"u-asa"_qs));
    VERIFY_OK(accounts.addCareRelation(u"p-both"_qs, u"u-vaxjo"_qs));
    VERIFY_OK(transaction->commit());
}

Caller TestRepositoriesAuth::staffCaller(const QString &username)
{
    auto account = AccountRepository(*m_db).staffByUsername(username);
    Caller caller;
    if (!account || !account->has_value())
        return caller;
    caller.kind = Caller::Kind::Staff;
    caller.id = (*account)->id;
    caller.username = (*account)->username;
    caller.displayName = (*account)->displayName;
    caller.role = (*account)->role;
    caller.unitIds = (*account)->unitIds;
    caller.client = u"workstation"_qs;
    return caller;
}

// ---- accounts ----------------------------------------------------------------------------------

void TestRepositoriesAuth::unitsStaffAndPatientsRoundTrip()
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

void TestRepositoriesAuth::colleaguesAreActiveStaffOfTheUnits()
{
    seed();
    if (QTest::currentTestFailed())
        return;
    AccountRepository accounts(*m_db);
    VERIFY_OK(accounts.addStaff({u"s-gone"_qs, u"gunnel.gone"_qs, u"Gunnel Slutat"_qs, u"nurse"_qs, {u"u-asa"_qs}, false},
                                kHash));

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

void TestRepositoriesAuth::invalidStaffRefused_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("hash");
    QTest::newRow("unknown role") << "kalle" << "surgeon" << kHash;
    QTest::newRow("empty role") << "kalle" << "" << kHash;
    QTest::newRow("empty user name") << "" << "nurse" << kHash;
    QTest::newRow("65 characters") << QString(65, u'å') << "nurse" << kHash;
    QTest::newRow("no password hash") << "kalle" << "nurse" << QString();
}

void TestRepositoriesAuth::invalidStaffRefused()
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

void TestRepositoriesAuth::duplicateUsernameRefusedWithoutPartialRows()
{
    AccountRepository accounts(*m_db);
    VERIFY_OK(accounts.addUnit({u"u1"_qs, u"Vårdcentralen Ängelholm"_qs, u"care_centre"_qs, u"Skåne"_qs}));
    VERIFY_OK(accounts.addUnit({u"u2"_qs, u"Vårdcentralen Höör"_qs, u"care_centre"_qs, u"Skåne"_qs}));

    // Two accounts in one transaction, the second a duplicate: the failure rolls back both.
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        VERIFY_OK(accounts.addStaff({u"s1"_qs, u"märta"_qs, u"Märta Ek"_qs, u"nurse"_qs, {u"u1"_qs, u"u2"_qs}, true}, kHash));
        auto duplicate =
            accounts.addStaff({u"s2"_qs, u"märta"_qs, u"Märta Ås"_qs, u"gp"_qs, {u"u1"_qs}, true}, kHash);
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
        VERIFY_OK(accounts.addStaff({u"s1"_qs, u"märta"_qs, u"Märta Ek"_qs, u"nurse"_qs, {u"u1"_qs, u"u2"_qs}, true}, kHash));
        VERIFY_OK(transaction->commit());
    }
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        auto duplicate =
            accounts.addStaff({u"s2"_qs, u"märta"_qs, u"Märta Ås"_qs, u"gp"_qs, {u"u1"_qs}, true}, kHash);
        QVERIFY(!duplicate);
        QVERIFY2(duplicate.error().code == ErrorCode::Storage || duplicate.error().code == ErrorCode::Conflict,
                 qPrintable(describe(duplicate.error())));
    }
    QCOMPARE(count(u"staff"_qs), 1);
    QCOMPARE(count(u"staff_units"_qs), 2);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM staff_units WHERE staff_id = ?"), {u"s2"_qs})->toInt(), 0);
    auto kept = accounts.staffByUsername(u"märta"_qs);
    VERIFY_OK(kept);
    QCOMPARE(kept->value().id, u"s1"_qs);
    QCOMPARE(kept->value().displayName, u"Märta Ek"_qs);

    // Same id, other name: refused as well.
    auto sameId = accounts.addStaff({u"s1"_qs, u"märta2"_qs, u"Märta Två"_qs, u"gp"_qs, {}, true}, kHash);
    QVERIFY(!sameId);
    QCOMPARE(count(u"staff"_qs), 1);
}

void TestRepositoriesAuth::unknownUnitRefusedWithoutPartialRows()
{
    AccountRepository accounts(*m_db);
    VERIFY_OK(accounts.addUnit({u"u1"_qs, u"Vårdcentralen Ängelholm"_qs, u"care_centre"_qs, u"Skåne"_qs}));
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        // The staff row goes in, then the link to the unknown unit fails (foreign key).
        auto added = accounts.addStaff({u"s1"_qs, u"örjan"_qs, u"Örjan Ö"_qs, u"nurse"_qs, {u"u1"_qs, u"u9"_qs}, true},
                                       kHash);
        QVERIFY(!added);
        QCOMPARE(added.error().code, ErrorCode::Storage);
    }
    QCOMPARE(count(u"staff"_qs), 0);
    QCOMPARE(count(u"staff_units"_qs), 0);
}

void TestRepositoriesAuth::invalidPersonnummerRefused_data()
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

void TestRepositoriesAuth::invalidPersonnummerRefused()
{
    QFETCH(QString, personalNumber);
    AccountRepository accounts(*m_db);
    auto added = accounts.addPatient({{}, personalNumber, u"Örjan Åström"_qs, {}}, kToday);
    QVERIFY(!added);
    QCOMPARE(added.error().code, ErrorCode::InvalidInput);
    QCOMPARE(count(u"patients"_qs), 0);
}

void TestRepositoriesAuth::validPersonnummerForms_data()
{
    QTest::addColumn<QString>("personalNumber");
    QTest::addColumn<QString>("stored");
    QTest::newRow("long with dash") << "19121212-1212" << "191212121212";
    QTest::newRow("short with dash") << "811218-9876" << "198112189876";
    QTest::newRow("short, a hundred or older") << "121212+1212" << "191212121212";
    QTest::newRow("samordningsnummer") << "198507711235" << "198507711235";
}

void TestRepositoriesAuth::validPersonnummerForms()
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

void TestRepositoriesAuth::duplicatePersonnummerRefused()
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

// ---- sessions ----------------------------------------------------------------------------------

void TestRepositoriesAuth::sessionValidatesAndTouches()
{
    SessionStore sessions(*m_db, m_clock);
    const qint64 start = m_clock.nowMs();
    auto created = sessions.create(u"staff"_qs, u"s-åsa"_qs);
    VERIFY_OK(created);
    QCOMPARE(created->token.size(), 43);
    QCOMPARE(created->tokenHash, SessionStore::hashToken(created->token.toLatin1()));
    QCOMPARE(created->expiresAt, start + sessions.settings().staffAbsoluteMs);
    // Only the hash is stored.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE token_hash = ?"), {created->token})->toInt(), 0);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE token_hash = ?"), {created->tokenHash})->toInt(),
             1);

    auto record = sessions.validate(created->token.toLatin1());
    VERIFY_OK(record);
    QCOMPARE(record->subjectKind, u"staff"_qs);
    QCOMPARE(record->subjectId, u"s-åsa"_qs);
    QVERIFY(record->isStaff());
    QCOMPARE(record->createdAt, start);
    QCOMPARE(record->lastSeenAt, start);
    QCOMPARE(record->expiresAt, created->expiresAt);

    auto lastSeen = [&] {
        return m_db->scalar(QStringLiteral("SELECT last_seen_at FROM sessions WHERE token_hash = ?"), {created->tokenHash})
            ->toLongLong();
    };
    // Within the touch interval nothing is written…
    m_clock.advanceSeconds(30);
    record = sessions.validate(created->token.toLatin1());
    VERIFY_OK(record);
    QCOMPARE(record->lastSeenAt, start);
    QCOMPARE(lastSeen(), start);
    // …after it, last_seen_at moves.
    m_clock.advanceSeconds(31);
    record = sessions.validate(created->token.toLatin1());
    VERIFY_OK(record);
    QCOMPARE(record->lastSeenAt, m_clock.nowMs());
    QCOMPARE(lastSeen(), m_clock.nowMs());

    // Two sessions do not mix.
    auto other = sessions.create(u"patient"_qs, u"p-1"_qs);
    VERIFY_OK(other);
    QVERIFY(other->token != created->token);
    auto otherRecord = sessions.validate(other->token.toLatin1());
    VERIFY_OK(otherRecord);
    QCOMPARE(otherRecord->subjectId, u"p-1"_qs);
    QVERIFY(!otherRecord->isStaff());

    auto unknownKind = sessions.create(u"robot"_qs, u"r-1"_qs);
    QVERIFY(!unknownKind);
    QVERIFY(!sessions.create(u"staff"_qs, QString()));
    QCOMPARE(count(u"sessions"_qs), 2);
}

void TestRepositoriesAuth::sessionIdleExpiry_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("idleMs");
    QTest::newRow("staff: 15 minutes") << "staff" << qint64(15 * 60 * 1000);
    QTest::newRow("patient: 30 minutes") << "patient" << qint64(30 * 60 * 1000);
}

void TestRepositoriesAuth::sessionIdleExpiry()
{
    QFETCH(QString, kind);
    QFETCH(qint64, idleMs);
    SessionStore sessions(*m_db, m_clock);
    auto created = sessions.create(kind, u"subject-1"_qs);
    VERIFY_OK(created);
    const QByteArray token = created->token.toLatin1();

    // Active use keeps it alive past the idle limit (all of this within the absolute limit)…
    for (int i = 0; i < 2; ++i) {
        m_clock.advanceMs(idleMs - 1000);
        VERIFY_OK(sessions.validate(token));
    }
    // …exactly the idle limit is still fine…
    m_clock.advanceMs(idleMs);
    VERIFY_OK(sessions.validate(token));
    // …one millisecond more is not.
    m_clock.advanceMs(idleMs + 1);
    auto expired = sessions.validate(token);
    QVERIFY(!expired);
    QCOMPARE(expired.error().code, ErrorCode::Unauthenticated);
    // A failed validation does not touch the session back to life.
    QVERIFY(!sessions.validate(token));
}

void TestRepositoriesAuth::sessionAbsoluteExpiry_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("absoluteMs");
    QTest::newRow("staff: 12 hours") << "staff" << qint64(12) * 60 * 60 * 1000;
    QTest::newRow("patient: 2 hours") << "patient" << qint64(2) * 60 * 60 * 1000;
}

void TestRepositoriesAuth::sessionAbsoluteExpiry()
{
    QFETCH(QString, kind);
    QFETCH(qint64, absoluteMs);
    SessionStore sessions(*m_db, m_clock);
    const qint64 start = m_clock.nowMs();
    auto created = sessions.create(kind, u"subject-1"_qs);
    VERIFY_OK(created);
    QCOMPARE(created->expiresAt, start + absoluteMs);
    const QByteArray token = created->token.toLatin1();
    // Used every 10 minutes, it lives until the absolute limit and not a millisecond longer.
    const qint64 step = 10 * 60 * 1000;
    while (m_clock.nowMs() + step < created->expiresAt) {
        m_clock.advanceMs(step);
        VERIFY_OK(sessions.validate(token));
    }
    m_clock.setMs(created->expiresAt - 1);
    VERIFY_OK(sessions.validate(token));
    m_clock.setMs(created->expiresAt);
    auto expired = sessions.validate(token);
    QVERIFY(!expired);
    QCOMPARE(expired.error().code, ErrorCode::Unauthenticated);
}

void TestRepositoriesAuth::sessionRevoke()
{
    SessionStore sessions(*m_db, m_clock);
    auto first = sessions.create(u"staff"_qs, u"s-1"_qs);
    auto second = sessions.create(u"staff"_qs, u"s-1"_qs);
    auto third = sessions.create(u"staff"_qs, u"s-1"_qs);
    auto others = sessions.create(u"staff"_qs, u"s-2"_qs);
    auto patient = sessions.create(u"patient"_qs, u"s-1"_qs); // same id, other kind
    VERIFY_OK(first);
    VERIFY_OK(second);
    VERIFY_OK(third);
    VERIFY_OK(others);
    VERIFY_OK(patient);

    m_clock.advanceSeconds(5);
    VERIFY_OK(sessions.revoke(first->tokenHash));
    auto revoked = sessions.validate(first->token.toLatin1());
    QVERIFY(!revoked);
    QCOMPARE(revoked.error().code, ErrorCode::Unauthenticated);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT revoked_at FROM sessions WHERE token_hash = ?"), {first->tokenHash})
                 ->toLongLong(),
             m_clock.nowMs());
    // Revoking again keeps the first time; revoking an unknown hash is no error.
    m_clock.advanceSeconds(5);
    VERIFY_OK(sessions.revoke(first->tokenHash));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT revoked_at FROM sessions WHERE token_hash = ?"), {first->tokenHash})
                 ->toLongLong(),
             m_clock.nowMs() - 5000);
    VERIFY_OK(sessions.revoke(QString(64, u'0')));

    // revokeAll counts only the sessions it ended.
    auto ended = sessions.revokeAll(u"staff"_qs, u"s-1"_qs);
    VERIFY_OK(ended);
    QCOMPARE(*ended, 2);
    QVERIFY(!sessions.validate(second->token.toLatin1()));
    QVERIFY(!sessions.validate(third->token.toLatin1()));
    VERIFY_OK(sessions.validate(others->token.toLatin1()));
    VERIFY_OK(sessions.validate(patient->token.toLatin1()));
    QCOMPARE(sessions.revokeAll(u"staff"_qs, u"s-1"_qs).value(), 0);
    QCOMPARE(sessions.revokeAll(u"patient"_qs, u"s-1"_qs).value(), 1);
    QVERIFY(!sessions.validate(patient->token.toLatin1()));
}

void TestRepositoriesAuth::sessionRejectsBadTokens_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("unknown") << QByteArray("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    QTest::newRow("too long") << QByteArray(129, 'a');
    QTest::newRow("the hash instead of the token") << QByteArray("HASH");
    QTest::newRow("sql") << QByteArray("' OR '1'='1");
}

void TestRepositoriesAuth::sessionRejectsBadTokens()
{
    QFETCH(QByteArray, token);
    SessionStore sessions(*m_db, m_clock);
    auto created = sessions.create(u"staff"_qs, u"s-1"_qs);
    VERIFY_OK(created);
    if (token == "HASH")
        token = created->tokenHash.toLatin1();
    auto record = sessions.validate(token);
    QVERIFY(!record);
    QCOMPARE(record.error().code, ErrorCode::Unauthenticated);
    VERIFY_OK(sessions.validate(created->token.toLatin1()));
}

// ---- audit log ---------------------------------------------------------------------------------

namespace {

AuditEntry entryNumber(int i, qint64 at)
{
    AuditEntry entry;
    entry.at = at + i;
    entry.userId = i % 3 == 0 ? u"s-asa"_qs : u"s-bo"_qs;
    entry.role = i % 3 == 0 ? u"nurse"_qs : u"gp"_qs;
    entry.unitId = u"u-asa"_qs;
    entry.patientId = i % 5 == 0 ? QString() : QStringLiteral("p-%1").arg(i % 4);
    entry.action = i % 2 ? u"read"_qs : u"update"_qs;
    entry.object = QStringLiteral("inbox_item:ärende-%1").arg(i);
    entry.reason = i % 7 == 0 ? u"Nödåtkomst: medvetslös patient, åtgärd krävs"_qs : QString();
    entry.client = u"workstation"_qs;
    entry.outcome = i % 11 == 0 ? u"denied"_qs : u"ok"_qs;
    return entry;
}

} // namespace

void TestRepositoriesAuth::auditAppendManyInTransactionVerifies()
{
    AuditLog log(*m_db);
    auto empty = log.verify();
    VERIFY_OK(empty);
    QVERIFY(empty->intact);
    QCOMPARE(empty->rows, 0);

    const int rows = 250;
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        for (int i = 0; i < rows; ++i)
            VERIFY_OK(log.append(entryNumber(i, m_clock.nowMs())));
        VERIFY_OK(transaction->commit());
    }
    // A second batch continues the chain.
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        for (int i = rows; i < rows + 10; ++i)
            VERIFY_OK(log.append(entryNumber(i, m_clock.nowMs())));
        VERIFY_OK(transaction->commit());
    }
    auto verified = log.verify();
    VERIFY_OK(verified);
    QVERIFY(verified->intact);
    QCOMPARE(verified->rows, rows + 10);
    QCOMPARE(verified->firstBrokenSeq, 0);
    // Each row links to the one before it.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log a JOIN audit_log b ON b.seq = "
                                         "(SELECT MIN(seq) FROM audit_log c WHERE c.seq > a.seq) "
                                         "WHERE b.prev_hash = a.hash"))
                 ->toInt(),
             rows + 9);
    // Empty fields are stored as NULL.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE reason = ''"))->toInt(), 0);

    // An audit row needs an action.
    AuditEntry noAction = entryNumber(1, 0);
    noAction.action.clear();
    QVERIFY(!log.append(noAction));
}

void TestRepositoriesAuth::auditRolledBackAppendLeavesNoRow()
{
    AuditLog log(*m_db);
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        VERIFY_OK(log.append(entryNumber(1, m_clock.nowMs())));
        VERIFY_OK(transaction->commit());
    }
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        VERIFY_OK(log.append(entryNumber(2, m_clock.nowMs())));
        VERIFY_OK(log.append(entryNumber(3, m_clock.nowMs())));
        QCOMPARE(count(u"audit_log"_qs), 3);
    } // rolled back
    QCOMPARE(count(u"audit_log"_qs), 1);
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        VERIFY_OK(log.append(entryNumber(4, m_clock.nowMs())));
        VERIFY_OK(transaction->commit());
    }
    auto verified = log.verify();
    VERIFY_OK(verified);
    QVERIFY(verified->intact);
    QCOMPARE(verified->rows, 2);
}

void TestRepositoriesAuth::auditTamperDetected_data()
{
    QTest::addColumn<QString>("tamper");    // SQL with one ? for the target seq
    QTest::addColumn<int>("target");        // 0-based row index
    QTest::addColumn<int>("brokenAt");      // 0-based row index expected as firstBrokenSeq, -1: intact
    QTest::addColumn<int>("rowsAfter");
    QTest::newRow("outcome changed") << "UPDATE audit_log SET outcome = 'ok' WHERE seq = ?" << 11 << 11 << 40;
    QTest::newRow("time moved") << "UPDATE audit_log SET at = at + 1 WHERE seq = ?" << 17 << 17 << 40;
    QTest::newRow("user swapped") << "UPDATE audit_log SET user_id = 's-nobody' WHERE seq = ?" << 0 << 0 << 40;
    QTest::newRow("patient erased") << "UPDATE audit_log SET patient_id = NULL WHERE seq = ?" << 39 << 39 << 40;
    QTest::newRow("reason added") << "UPDATE audit_log SET reason = 'påhittad' WHERE seq = ?" << 20 << 20 << 40;
    QTest::newRow("row deleted") << "DELETE FROM audit_log WHERE seq = ?" << 25 << 26 << 39;
    QTest::newRow("first row deleted") << "DELETE FROM audit_log WHERE seq = ?" << 0 << 1 << 39;
    QTest::newRow("hash replaced") << QString(QStringLiteral("UPDATE audit_log SET hash = '") + QString(64, u'a')
                                              + QStringLiteral("' WHERE seq = ?"))
                                   << 30 << 30 << 40;
    QTest::newRow("prev_hash replaced") << "UPDATE audit_log SET prev_hash = hash WHERE seq = ?" << 5 << 5 << 40;
    QTest::newRow("NULL to empty is no change") << "UPDATE audit_log SET reason = '' WHERE seq = ? AND reason IS NULL"
                                                << 1 << -1 << 40;
}

void TestRepositoriesAuth::auditTamperDetected()
{
    QFETCH(QString, tamper);
    QFETCH(int, target);
    QFETCH(int, brokenAt);
    QFETCH(int, rowsAfter);
    AuditLog log(*m_db);
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        for (int i = 0; i < 40; ++i)
            VERIFY_OK(log.append(entryNumber(i, m_clock.nowMs())));
        VERIFY_OK(transaction->commit());
    }
    QList<qint64> seqs;
    {
        auto rows = m_db->query(QStringLiteral("SELECT seq FROM audit_log ORDER BY seq"));
        VERIFY_OK(rows);
        while (rows->next())
            seqs.append(rows->value(0).toLongLong());
    }
    QCOMPARE(seqs.size(), 40);
    QVERIFY(log.verify()->intact);

    auto changed = m_db->execute(tamper, {seqs.at(target)});
    VERIFY_OK(changed);
    QCOMPARE(*changed, 1);

    auto verified = log.verify();
    VERIFY_OK(verified);
    QCOMPARE(verified->rows, rowsAfter);
    if (brokenAt < 0) {
        QVERIFY(verified->intact);
        QCOMPARE(verified->firstBrokenSeq, 0);
    } else {
        QVERIFY(!verified->intact);
        QCOMPARE(verified->firstBrokenSeq, seqs.at(brokenAt));
    }
}

void TestRepositoriesAuth::auditPatientExtract()
{
    seed();
    if (QTest::currentTestFailed())
        return;
    AuditLog log(*m_db);
    const Caller asa = staffCaller(u"åsa.öberg"_qs);
    const Caller bo = staffCaller(u"bo.both"_qs);
    QCOMPARE(asa.id, u"s-asa"_qs);
    Caller patient;
    patient.kind = Caller::Kind::Patient;
    patient.id = u"p-both"_qs;
    patient.displayName = u"Göran Älvsjö"_qs;
    patient.client = u"portal"_qs;
    const qint64 t0 = m_clock.nowMs();
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        VERIFY_OK(log.append(asa, t0, u"read"_qs, u"inbox_item:i1"_qs, u"p-both"_qs));
        VERIFY_OK(log.append(asa, t0 + 1, u"read"_qs, u"inbox_item:i2"_qs, u"p-asa"_qs)); // another patient
        VERIFY_OK(log.append(bo, t0 + 2, u"update"_qs, u"chat_message:m1"_qs, u"p-both"_qs));
        VERIFY_OK(log.append(asa, t0 + 3, u"export"_qs, u"journal"_qs, u"p-both"_qs, u"denied"_qs));
        VERIFY_OK(log.append(patient, t0 + 4, u"read"_qs, u"inbox_item:i1"_qs, u"p-both"_qs));
        VERIFY_OK(log.append(asa, t0 + 5, u"login"_qs, {}, {}));
        VERIFY_OK(transaction->commit());
    }
    QVERIFY(log.verify()->intact);

    auto extract = log.extractForPatient(u"p-both"_qs);
    VERIFY_OK(extract);
    QCOMPARE(extract->size(), 4);
    const QJsonObject first = extract->at(0).toObject();
    QCOMPARE(first.value(u"at").toInteger(), t0);
    QCOMPARE(first.value(u"unitId").toString(), u"u-asa"_qs);
    QCOMPARE(first.value(u"unitName").toString(), u"Vårdcentralen Åsa"_qs);
    QCOMPARE(first.value(u"userId").toString(), u"s-asa"_qs);
    QCOMPARE(first.value(u"userName").toString(), u"Åsa Öberg"_qs);
    QCOMPARE(first.value(u"role").toString(), u"nurse"_qs);
    QCOMPARE(first.value(u"action").toString(), u"read"_qs);
    QCOMPARE(first.value(u"object").toString(), u"inbox_item:i1"_qs);
    QCOMPARE(first.value(u"outcome").toString(), u"ok"_qs);

    const QJsonObject second = extract->at(1).toObject();
    QCOMPARE(second.value(u"userName").toString(), u"Bo Båda"_qs);
    QCOMPARE(second.value(u"unitId").toString(), u"u-asa"_qs); // Bo's first unit by id
    QCOMPARE(second.value(u"role").toString(), u"gp"_qs);
    QCOMPARE(second.value(u"action").toString(), u"update"_qs);

    const QJsonObject third = extract->at(2).toObject();
    QCOMPARE(third.value(u"action").toString(), u"export"_qs);
    QCOMPARE(third.value(u"outcome").toString(), u"denied"_qs);

    // The patient's own read: no unit, role "patient", no staff name.
    const QJsonObject own = extract->at(3).toObject();
    QCOMPARE(own.value(u"role").toString(), u"patient"_qs);
    QCOMPARE(own.value(u"userId").toString(), u"p-both"_qs);
    QCOMPARE(own.value(u"unitId").toString(), QString());
    QCOMPARE(own.value(u"unitName").toString(), QString());
    QCOMPARE(own.value(u"userName").toString(), QString());

    QCOMPARE(log.extractForPatient(u"p-asa"_qs)->size(), 1);
    QCOMPARE(log.extractForPatient(u"p-vaxjo"_qs)->size(), 0);
    QCOMPARE(log.extractForPatient(QString())->size(), 0); // the login row has no patient
}

// ---- access policy -----------------------------------------------------------------------------

void TestRepositoriesAuth::accessPolicyPatients_data()
{
    QTest::addColumn<QString>("callerKind"); // staff username, or "patient:<id>", or "units:<a,b>"
    QTest::addColumn<QString>("patientId");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("own unit's patient") << "åsa.öberg" << "p-asa" << true;
    QTest::newRow("patient in both units") << "åsa.öberg" << "p-both" << true;
    QTest::newRow("other unit's patient") << "åsa.öberg" << "p-vaxjo" << false;
    QTest::newRow("other unit's patient, seen from there") << "åke.ärlig" << "p-vaxjo" << true;
    QTest::newRow("Åsa's patient, from Växjö") << "åke.ärlig" << "p-asa" << false;
    QTest::newRow("two units: first") << "bo.both" << "p-asa" << true;
    QTest::newRow("two units: second") << "bo.both" << "p-vaxjo" << true;
    QTest::newRow("admin without relation") << "admin" << "p-asa" << false;
    QTest::newRow("unknown patient") << "åsa.öberg" << "p-nobody" << false;
    QTest::newRow("empty patient id") << "åsa.öberg" << "" << false;
    QTest::newRow("staff without units") << "units:" << "p-asa" << false;
    QTest::newRow("unknown unit") << "units:u-nowhere" << "p-asa" << false;
    QTest::newRow("patient: self") << "patient:p-asa" << "p-asa" << true;
    QTest::newRow("patient: someone else") << "patient:p-asa" << "p-both" << false;
    QTest::newRow("patient: no id") << "patient:" << "" << false;
}

void TestRepositoriesAuth::accessPolicyPatients()
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

void TestRepositoriesAuth::accessPolicyItems_data()
{
    QTest::addColumn<QString>("callerKind");
    QTest::addColumn<QString>("itemId");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("own unit's item") << "åsa.öberg" << "i-asa" << true;
    QTest::newRow("other unit's item") << "åsa.öberg" << "i-vaxjo" << false;
    QTest::newRow("two units") << "bo.both" << "i-vaxjo" << true;
    QTest::newRow("unknown item") << "åsa.öberg" << "i-nobody" << false;
    QTest::newRow("empty id") << "åsa.öberg" << "" << false;
    QTest::newRow("patient: own item") << "patient:p-both" << "i-vaxjo" << true;
    QTest::newRow("patient: someone else's") << "patient:p-asa" << "i-vaxjo" << false;
}

void TestRepositoriesAuth::accessPolicyItems()
{
    QFETCH(QString, callerKind);
    QFETCH(QString, itemId);
    QFETCH(bool, allowed);
    seed();
    if (QTest::currentTestFailed())
        return;
    const QString insert = QStringLiteral(
        "INSERT INTO inbox_items (id, kind, state, priority, priority_reason, unit_id, patient_id, title, "
        "created_at, updated_at, due_at, last_activity_at) VALUES (?, 'chat', 'new', 'routine', 'Rutin', ?, ?, ?, ?, ?, ?, ?)");
    const qint64 now = m_clock.nowMs();
    VERIFY_OK(m_db->execute(insert, {u"i-asa"_qs, u"u-asa"_qs, u"p-asa"_qs, u"Förnyelse av recept"_qs, now, now, now, now}));
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

QTEST_GUILESS_MAIN(TestRepositoriesAuth)
#include "tst_repositories_auth.moc"
