#include "auth/core/accountrepository.h"

#include "foundation/core/ids.h"
#include "foundation/core/personnummer.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace nara::auth {

namespace {

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace

QString placeholders(qsizetype count)
{
    QString text;
    text.reserve(count * 3);
    for (qsizetype i = 0; i < count; ++i)
        text += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return text;
}

QJsonObject CareUnit::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("region"), region}};
}

QJsonObject StaffAccount::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("username"), username},
            {QStringLiteral("displayName"), displayName},
            {QStringLiteral("role"), role},
            {QStringLiteral("unitIds"), QJsonArray::fromStringList(unitIds)}};
}

QJsonObject Patient::toJson() const
{
    return {
        {QStringLiteral("id"), id}, {QStringLiteral("personalNumber"), personalNumber}, {QStringLiteral("name"), name}};
}

Result<void> AccountRepository::addUnit(const CareUnit &unit)
{
    if (unit.id.isEmpty() || unit.name.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("A care unit needs an id and a name."));
    auto done
        = m_database.execute(QStringLiteral("INSERT INTO care_units (id, name, kind, region) VALUES (?, ?, ?, ?)"),
                             {unit.id, unit.name, unit.kind, unit.region});
    if (!done)
        return fail(done.error());
    return {};
}

Result<StaffAccount> AccountRepository::addStaff(const StaffAccount &account, const QString &passwordHash)
{
    if (!kRoles.contains(account.role))
        return fail(ErrorCode::InvalidInput, QStringLiteral("Unknown role %1.").arg(account.role));
    if (account.username.isEmpty() || account.username.size() > 64)
        return fail(ErrorCode::InvalidInput, QStringLiteral("A user name has 1 to 64 characters."));
    if (passwordHash.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("A staff account needs a password hash."));
    StaffAccount stored = account;
    if (stored.id.isEmpty())
        stored.id = newId();
    stored.unitIds.removeDuplicates();
    stored.unitIds.sort();
    auto inserted = m_database.execute(
        QStringLiteral("INSERT INTO staff (id, username, display_name, role, password_hash, active) "
                       "VALUES (?, ?, ?, ?, ?, ?)"),
        {stored.id, stored.username, stored.displayName, stored.role, passwordHash, stored.active ? 1 : 0});
    if (!inserted)
        return fail(inserted.error());
    for (const QString &unitId : std::as_const(stored.unitIds)) {
        auto linked = m_database.execute(QStringLiteral("INSERT INTO staff_units (staff_id, unit_id) VALUES (?, ?)"),
                                         {stored.id, unitId});
        if (!linked)
            return fail(linked.error());
    }
    return stored;
}

Result<Patient> AccountRepository::addPatient(const Patient &patient, QDate today)
{
    auto identity = PersonalIdentity::parse(patient.personalNumber, today);
    if (!identity)
        return fail(identity.error());
    if (patient.name.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("A patient needs a name."));
    Patient stored = patient;
    stored.personalNumber = identity->digits();
    if (stored.id.isEmpty())
        stored.id = newId();
    auto done = m_database.execute(
        QStringLiteral("INSERT INTO patients (id, personal_number, name, phone) VALUES (?, ?, ?, ?)"),
        {stored.id, stored.personalNumber, stored.name, nullIfEmpty(stored.phone)});
    if (!done)
        return fail(done.error());
    return stored;
}

Result<void> AccountRepository::addCareRelation(const QString &patientId, const QString &unitId)
{
    auto done = m_database.execute(QStringLiteral("INSERT INTO care_relations (patient_id, unit_id) VALUES (?, ?)"),
                                   {patientId, unitId});
    if (!done)
        return fail(done.error());
    return {};
}

Result<QStringList> AccountRepository::unitIdsOf(const QString &staffId)
{
    auto rows = m_database.query(QStringLiteral("SELECT unit_id FROM staff_units WHERE staff_id = ? ORDER BY unit_id"),
                                 {staffId});
    if (!rows)
        return fail(rows.error());
    QStringList ids;
    while (rows->next())
        ids.append(rows->value(0).toString());
    return ids;
}

Result<std::optional<StaffCredentials>> AccountRepository::credentialsWhere(const QString &column, const QString &value)
{
    // `column` is one of two constants chosen in this file, never text from outside.
    auto rows = m_database.query(QStringLiteral("SELECT id, username, display_name, role, active, password_hash "
                                                "FROM staff WHERE ")
                                     + column + QStringLiteral(" = ?"),
                                 {value});
    if (!rows)
        return fail(rows.error());
    if (!rows->next())
        return std::optional<StaffCredentials>();
    StaffCredentials found;
    found.account.id = rows->value(0).toString();
    found.account.username = rows->value(1).toString();
    found.account.displayName = rows->value(2).toString();
    found.account.role = rows->value(3).toString();
    found.account.active = rows->value(4).toLongLong() != 0;
    found.passwordHash = rows->value(5).toString();
    auto units = unitIdsOf(found.account.id);
    if (!units)
        return fail(units.error());
    found.account.unitIds = *units;
    return std::optional<StaffCredentials>(std::move(found));
}

Result<std::optional<StaffCredentials>> AccountRepository::credentialsByUsername(const QString &username)
{
    return credentialsWhere(QStringLiteral("username"), username);
}

Result<std::optional<StaffAccount>> AccountRepository::accountWhere(const QString &column, const QString &value)
{
    auto found = credentialsWhere(column, value);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return std::optional<StaffAccount>();
    return std::optional<StaffAccount>((*found)->account);
}

Result<std::optional<StaffAccount>> AccountRepository::staffByUsername(const QString &username)
{
    return accountWhere(QStringLiteral("username"), username);
}

Result<std::optional<StaffAccount>> AccountRepository::staffById(const QString &staffId)
{
    return accountWhere(QStringLiteral("id"), staffId);
}

Result<QList<CareUnit>> AccountRepository::unitsOf(const QString &staffId)
{
    auto rows = m_database.query(QStringLiteral("SELECT u.id, u.name, u.kind, u.region FROM care_units u "
                                                "JOIN staff_units s ON s.unit_id = u.id "
                                                "WHERE s.staff_id = ? ORDER BY u.id"),
                                 {staffId});
    if (!rows)
        return fail(rows.error());
    QList<CareUnit> units;
    while (rows->next())
        units.append({rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString(),
                      rows->value(3).toString()});
    return units;
}

Result<QList<CareUnit>> AccountRepository::unitsOfKind(const QString &kind)
{
    auto rows = m_database.query(
        QStringLiteral("SELECT id, name, kind, region FROM care_units WHERE kind = ? ORDER BY name, id"), {kind});
    if (!rows)
        return fail(rows.error());
    QList<CareUnit> units;
    while (rows->next())
        units.append({rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString(),
                      rows->value(3).toString()});
    return units;
}

Result<std::optional<CareUnit>> AccountRepository::unitById(const QString &unitId)
{
    auto rows
        = m_database.query(QStringLiteral("SELECT id, name, kind, region FROM care_units WHERE id = ?"), {unitId});
    if (!rows)
        return fail(rows.error());
    if (!rows->next())
        return std::optional<CareUnit>();
    return std::optional<CareUnit>(CareUnit{rows->value(0).toString(), rows->value(1).toString(),
                                            rows->value(2).toString(), rows->value(3).toString()});
}

namespace {

Result<std::optional<Patient>> onePatient(Result<QSqlQuery> rows)
{
    if (!rows)
        return fail(rows.error());
    if (!rows->next())
        return std::optional<Patient>();
    return std::optional<Patient>(Patient{rows->value(0).toString(), rows->value(1).toString(),
                                          rows->value(2).toString(), rows->value(3).toString()});
}

} // namespace

Result<std::optional<Patient>> AccountRepository::patientById(const QString &patientId)
{
    return onePatient(m_database.query(
        QStringLiteral("SELECT id, personal_number, name, phone FROM patients WHERE id = ?"), {patientId}));
}

Result<std::optional<Patient>> AccountRepository::patientByPersonalNumber(const QString &personalNumber)
{
    return onePatient(m_database.query(
        QStringLiteral("SELECT id, personal_number, name, phone FROM patients WHERE personal_number = ?"),
        {personalNumber}));
}

Result<QStringList> AccountRepository::patientUnits(const QString &patientId)
{
    auto rows = m_database.query(
        QStringLiteral("SELECT r.unit_id FROM care_relations r JOIN care_units u ON u.id = r.unit_id "
                       "WHERE r.patient_id = ? ORDER BY CASE u.kind WHEN 'care_centre' THEN 0 ELSE 1 END, r.unit_id"),
        {patientId});
    if (!rows)
        return fail(rows.error());
    QStringList ids;
    while (rows->next())
        ids.append(rows->value(0).toString());
    return ids;
}

Result<QList<StaffAccount>> AccountRepository::colleagues(const QStringList &unitIds)
{
    QList<StaffAccount> staff;
    if (unitIds.isEmpty())
        return staff;
    QVariantList values;
    for (const QString &id : unitIds)
        values.append(id);
    auto rows = m_database.query(
        QStringLiteral("SELECT id, username, display_name, role FROM staff WHERE active <> 0 AND id IN "
                       "(SELECT staff_id FROM staff_units WHERE unit_id IN (")
            + placeholders(unitIds.size()) + QStringLiteral(")) ORDER BY display_name, id"),
        values);
    if (!rows)
        return fail(rows.error());
    while (rows->next()) {
        StaffAccount account;
        account.id = rows->value(0).toString();
        account.username = rows->value(1).toString();
        account.displayName = rows->value(2).toString();
        account.role = rows->value(3).toString();
        staff.append(account);
    }
    for (StaffAccount &account : staff) {
        auto units = unitIdsOf(account.id);
        if (!units)
            return fail(units.error());
        account.unitIds = *units;
    }
    return staff;
}

} // namespace nara::auth
