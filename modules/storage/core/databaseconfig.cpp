#include "storage/core/databaseconfig.h"

#include <QDir>
#include <QUrl>

namespace nara::storage {

Result<DatabaseConfig> DatabaseConfig::fromUrl(const QString &url, const QString &dataDir)
{
    if (url.isEmpty() || url == u"sqlite")
        return sqliteFile(QDir(dataDir).filePath(QStringLiteral("nara.db")));
    if (url.startsWith(u"sqlite:")) {
        const QString path = url.mid(7);
        if (path.isEmpty())
            return fail(ErrorCode::InvalidInput, QStringLiteral("--db sqlite: needs a file path"));
        return sqliteFile(path);
    }
    if (url.startsWith(u"postgres://") || url.startsWith(u"postgresql://")) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty() || parsed.path().size() < 2)
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("--db must look like postgres://user:password@host:port/database"));
        DatabaseConfig config;
        config.dialect = Dialect::Postgres;
        config.host = parsed.host();
        config.port = parsed.port(5432);
        config.databaseName = parsed.path().mid(1);
        config.user = parsed.userName();
        config.password = parsed.password();
        return config;
    }
    return fail(ErrorCode::InvalidInput,
                QStringLiteral("--db must be 'sqlite', 'sqlite:FILE' or 'postgres://…', not '%1'").arg(url));
}

DatabaseConfig DatabaseConfig::sqliteFile(const QString &path)
{
    DatabaseConfig config;
    config.dialect = Dialect::Sqlite;
    config.sqlitePath = path;
    return config;
}

QString DatabaseConfig::describe() const
{
    if (dialect == Dialect::Sqlite)
        return QStringLiteral("sqlite:%1").arg(sqlitePath);
    return QStringLiteral("postgres://%1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
}

} // namespace nara::storage
