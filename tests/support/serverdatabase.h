#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

namespace nara::test {

// The SQLite file of a ServerProcess (its data directory's nara.db), opened beside the running
// server under a connection of its own: tests check what is stored, not only what the API answers,
// and look up demo data the API does not show (a patient's phone number).
class ServerDatabase
{
public:
    explicit ServerDatabase(const QString &dataDir);
    ~ServerDatabase();
    ServerDatabase(const ServerDatabase &) = delete;
    ServerDatabase &operator=(const ServerDatabase &) = delete;

    bool isOpen() const;
    QString errorText() const;
    QSqlDatabase database() const;
    // Runs `sql` with `values` bound in order; `ok` says whether it ran. The query stands before its
    // first row.
    QSqlQuery query(const QString &sql, const QVariantList &values = {}, bool *ok = nullptr) const;
    // The first column of the first row; invalid when the statement fails or gives no row.
    QVariant value(const QString &sql, const QVariantList &values = {}) const;
    // value() as a number; -1 when there is none.
    qint64 count(const QString &sql, const QVariantList &values = {}) const;

private:
    QString m_connection;
};

} // namespace nara::test
