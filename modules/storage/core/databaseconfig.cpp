#include "storage/core/databaseconfig.h"

#include <QDir>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

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
        config.schema = QUrlQuery(parsed).queryItemValue(QStringLiteral("schema"));
        static const QRegularExpression identifier(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
        if (!config.schema.isEmpty() && !identifier.match(config.schema).hasMatch())
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("?schema= must be a lower-case SQL identifier, not '%1'").arg(config.schema));
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
    QString text = QStringLiteral("postgres://%1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
    if (!schema.isEmpty())
        text += QStringLiteral("?schema=") + schema;
    return text;
}

} // namespace nara::storage
