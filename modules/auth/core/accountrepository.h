#pragma once

#include "foundation/core/error.h"
#include "storage/core/database.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace nara::auth {

struct CareUnit
{
    QString id;
    QString name;
    QString kind; // care_centre | dermatology | municipal
    QString region;

    QJsonObject toJson() const; // {"id","name","kind","region"}
};

struct StaffAccount
{
    QString id;
    QString username;
    QString displayName;
    QString role; // one of AccountRepository::kRoles
    QStringList unitIds; // sorted by id; the first is the unit audit rows name
    bool active = true;

    QJsonObject toJson() const; // the contract's staff entity: {"id","username","displayName","role","unitIds"}
};

// A staff account with its stored password hash: only for logging in.
struct StaffCredentials
{
    StaffAccount account;
    QString passwordHash;
};

struct Patient
{
    QString id;
    QString personalNumber; // 12 digits, YYYYMMDDNNNC
    QString name;
    QString phone;

    QJsonObject toJson() const; // the contract's patient entity: {"id","personalNumber","name"}
};

// Care units, staff accounts, patients and care relations: the facts access control rests on.
class AccountRepository
{
public:
    explicit AccountRepository(storage::Database &database)
        : m_database(database)
    {
    }

    static inline const QStringList kRoles{
        QStringLiteral("nurse"),         QStringLiteral("gp"),
        QStringLiteral("physio"),        QStringLiteral("municipal_nurse"),
        QStringLiteral("dermatologist"), QStringLiteral("quality_lead"),
        QStringLiteral("admin"),
    };

    Result<void> addUnit(const CareUnit &unit);
    // Inserts the account and its staff_units rows. An empty id gets a new one; the stored account
    // is returned. Refuses unknown roles and empty user names.
    Result<StaffAccount> addStaff(const StaffAccount &account, const QString &passwordHash);
    // Validates the personnummer/samordningsnummer (century resolved against `today`) and stores
    // its 12-digit form. An empty id gets a new one; the stored patient is returned.
    Result<Patient> addPatient(const Patient &patient, QDate today);
    Result<void> addCareRelation(const QString &patientId, const QString &unitId);

    Result<std::optional<StaffAccount>> staffByUsername(const QString &username);
    Result<std::optional<StaffCredentials>> credentialsByUsername(const QString &username);
    Result<std::optional<StaffAccount>> staffById(const QString &staffId);
    Result<QList<CareUnit>> unitsOf(const QString &staffId);
    Result<std::optional<CareUnit>> unitById(const QString &unitId);
    // Every unit of a kind (care_centre | dermatology | municipal), by name: where referrals can go.
    Result<QList<CareUnit>> unitsOfKind(const QString &kind);
    Result<std::optional<Patient>> patientById(const QString &patientId);
    // `personalNumber` in the 12-digit form.
    Result<std::optional<Patient>> patientByPersonalNumber(const QString &personalNumber);
    // Care centres first: a patient who writes without a thread reaches their own care centre,
    // not the dermatology clinic or the municipality that also know them.
    Result<QStringList> patientUnits(const QString &patientId);
    // Active staff working in any of `unitIds` (each once), by display name.
    Result<QList<StaffAccount>> colleagues(const QStringList &unitIds);

private:
    Result<QStringList> unitIdsOf(const QString &staffId);
    Result<std::optional<StaffCredentials>> credentialsWhere(const QString &column, const QString &value);
    Result<std::optional<StaffAccount>> accountWhere(const QString &column, const QString &value);

    storage::Database &m_database;
};

// "?, ?, ?" for an IN list of `count` bound values (count ≥ 1).
QString placeholders(qsizetype count);

} // namespace nara::auth
