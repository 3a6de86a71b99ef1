#include "serverdatabase.h"

#include <QAtomicInt>
#include <QSqlError>

namespace nara::test {

namespace {
QAtomicInt nextConnection;
}

ServerDatabase::ServerDatabase(const QString &dataDir)
    : m_connection(QStringLiteral("server-database-%1").arg(nextConnection.fetchAndAddRelaxed(1)))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(dataDir + QStringLiteral("/nara.db"));
    db.open();
}

ServerDatabase::~ServerDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase ServerDatabase::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool ServerDatabase::isOpen() const
{
    return database().isOpen();
}

QString ServerDatabase::errorText() const
{
    return database().lastError().text();
}

QSqlQuery ServerDatabase::query(const QString &sql, const QVariantList &values, bool *ok) const
{
    QSqlQuery query(database());
    bool ran = query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    ran = ran && query.exec();
    if (ok)
        *ok = ran;
    return query;
}

QVariant ServerDatabase::value(const QString &sql, const QVariantList &values) const
{
    bool ok = false;
    QSqlQuery found = query(sql, values, &ok);
    return ok && found.next() ? found.value(0) : QVariant();
}

qint64 ServerDatabase::count(const QString &sql, const QVariantList &values) const
{
    const QVariant found = value(sql, values);
    return found.isValid() ? found.toLongLong() : -1;
}

} // namespace nara::test
