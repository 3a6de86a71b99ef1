#pragma once

#include "auth/core/accountrepository.h"
#include "storage/core/database.h"
#include "storage/core/migrator.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <optional>

namespace nara::test {

// A freshly migrated SQLite database in a temporary directory, one per test function.
class AuthDatabase
{
public:
    bool open()
    {
        if (!m_dir.isValid())
            return false;
        const QString name = QUuid::createUuid().toString(QUuid::Id128);
        auto db
            = storage::Database::open(storage::DatabaseConfig::sqliteFile(m_dir.filePath(name + QStringLiteral(".db"))),
                                      QStringLiteral("auth-test-") + name);
        if (!db) {
            qWarning("%s", qPrintable(db.error().message));
            return false;
        }
        m_db.emplace(std::move(*db));
        auto migrated = storage::Migrator(*m_db).migrate();
        if (!migrated)
            qWarning("%s", qPrintable(migrated.error().message));
        return migrated.has_value();
    }

    storage::Database &db() { return *m_db; }
    void close() { m_db.reset(); }

    // Two care centres with a nurse each, a patient in each, and an admin in the first.
    bool seed()
    {
        auth::AccountRepository accounts(*m_db);
        const QDate today(2026, 1, 15);
        bool ok = accounts
                      .addUnit({QStringLiteral("u-north"), QStringLiteral("VC Norr"), QStringLiteral("care_centre"),
                                QStringLiteral("Halland")})
                      .has_value()
            && accounts
                   .addUnit({QStringLiteral("u-south"), QStringLiteral("VC Söder"), QStringLiteral("care_centre"),
                             QStringLiteral("Kronoberg")})
                   .has_value();
        ok = ok
            && accounts
                   .addStaff({QStringLiteral("s-anna"),
                              QStringLiteral("anna"),
                              QStringLiteral("Anna Nurse"),
                              QStringLiteral("nurse"),
                              {QStringLiteral("u-north")},
                              true},
                             QStringLiteral("x"))
                   .has_value()
            && accounts
                   .addStaff({QStringLiteral("s-bo"),
                              QStringLiteral("bo"),
                              QStringLiteral("Bo Nurse"),
                              QStringLiteral("nurse"),
                              {QStringLiteral("u-south")},
                              true},
                             QStringLiteral("x"))
                   .has_value()
            && accounts
                   .addStaff({QStringLiteral("s-admin"),
                              QStringLiteral("admin"),
                              QStringLiteral("Ada Admin"),
                              QStringLiteral("admin"),
                              {QStringLiteral("u-north")},
                              true},
                             QStringLiteral("x"))
                   .has_value();
        ok = ok
            && accounts
                   .addPatient(
                       {QStringLiteral("p-north"), QStringLiteral("19121212-1212"), QStringLiteral("Tolvan"), {}},
                       today)
                   .has_value()
            && accounts
                   .addPatient({QStringLiteral("p-south"), QStringLiteral("20100101-0006"), QStringLiteral("Elva"), {}},
                               today)
                   .has_value()
            && accounts.addCareRelation(QStringLiteral("p-north"), QStringLiteral("u-north")).has_value()
            && accounts.addCareRelation(QStringLiteral("p-south"), QStringLiteral("u-south")).has_value();
        return ok;
    }

private:
    QTemporaryDir m_dir;
    std::optional<storage::Database> m_db;
};

} // namespace nara::test
