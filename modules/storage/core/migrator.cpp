#include "storage/core/migrator.h"

#include "storage/core/transactionguard.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace nara::storage {

namespace {

QString folderFor(Dialect dialect)
{
    return dialect == Dialect::Sqlite ? QStringLiteral(":/migrations/sqlite") : QStringLiteral(":/migrations/postgres");
}

struct Step
{
    int version;
    QString path;
};

QList<Step> stepsFor(Dialect dialect)
{
    QList<Step> steps;
    const QDir dir(folderFor(dialect));
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        steps.append({file.section(u'_', 0, 0).toInt(), dir.filePath(file)});
    return steps;
}

// Statements end with ';' at the end of a line; comments start with '--'.
QStringList statementsOf(const QString &script)
{
    QStringList statements;
    QString current;
    const QStringList lines = script.split(u'\n');
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(u"--") || trimmed.isEmpty())
            continue;
        current += line + u'\n';
        if (trimmed.endsWith(u';')) {
            statements.append(current.trimmed().chopped(1));
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

} // namespace

int Migrator::latestVersion(Dialect dialect)
{
    const QList<Step> steps = stepsFor(dialect);
    return steps.isEmpty() ? 0 : steps.last().version;
}

Result<int> Migrator::currentVersion()
{
    auto created = m_database.executeDirect(
        QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
    if (!created)
        return fail(created.error());
    auto version = m_database.scalar(QStringLiteral("SELECT MAX(version) FROM schema_version"));
    if (!version)
        return fail(version.error());
    return version->isNull() ? 0 : version->toInt();
}

Result<int> Migrator::migrate()
{
    auto current = currentVersion();
    if (!current)
        return current;
    const QList<Step> steps = stepsFor(m_database.dialect());
    if (!steps.isEmpty() && *current > steps.last().version)
        return fail(ErrorCode::Storage,
                    QStringLiteral("The database has schema version %1, newer than this program knows (%2).")
                        .arg(*current)
                        .arg(steps.last().version));
    int version = *current;
    for (const Step &step : steps) {
        if (step.version <= version)
            continue;
        QFile file(step.path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::Internal, QStringLiteral("Migration %1 is missing").arg(step.path));
        auto transaction = TransactionGuard::begin(m_database);
        if (!transaction)
            return fail(transaction.error());
        for (const QString &statement : statementsOf(QString::fromUtf8(file.readAll()))) {
            if (auto done = m_database.executeDirect(statement); !done)
                return fail(ErrorCode::Storage,
                            QStringLiteral("Migration %1 failed: %2").arg(step.version).arg(done.error().message));
        }
        if (auto done
            = m_database.execute(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"), {step.version});
            !done)
            return fail(done.error());
        if (auto committed = transaction->commit(); !committed)
            return fail(committed.error());
        version = step.version;
    }
    return version;
}

} // namespace nara::storage
