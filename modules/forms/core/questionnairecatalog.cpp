#include "forms/core/questionnairecatalog.h"

#include "forms/core/bundledquestionnaires.h"
#include "forms/core/score.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>

namespace nara::forms {

namespace {

using Catalog = QHash<QString, Result<CatalogEntry>>;

Result<CatalogEntry> load(const QString &id)
{
    QFile file(QStringLiteral(":/forms/core/questionnaires/") + id + QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Internal, QStringLiteral("The bundled questionnaire %1 is missing.").arg(id));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    auto questionnaire = Questionnaire::fromJson(json);
    if (!questionnaire)
        return fail(
            ErrorCode::Internal,
            QStringLiteral("The bundled questionnaire %1 is not valid: %2").arg(id, questionnaire.error().message));
    const QString url = questionnaire->url();
    const bool scored = url == kPhq9Url || url == kGad7Url || url == kPhysioFollowUpUrl || url == kPreVisitUrl;
    return CatalogEntry{id, json, *questionnaire, scored};
}

const Catalog &catalog()
{
    // Built once; C++ makes the initialisation of a function-local static thread-safe.
    static const Catalog loaded = [] {
        Catalog entries;
        const QStringList ids = bundledQuestionnaireNames();
        for (const QString &id : ids)
            entries.insert(id, load(id));
        return entries;
    }();
    return loaded;
}

} // namespace

Result<const CatalogEntry *> catalogEntry(const QString &id)
{
    const auto found = catalog().constFind(id);
    if (found == catalog().constEnd())
        return fail(Error::notFound(QStringLiteral("No questionnaire '%1'.").arg(id)));
    if (!found->has_value())
        return fail(found->error());
    return &found->value();
}

Result<QList<const CatalogEntry *>> catalogEntries()
{
    QList<const CatalogEntry *> entries;
    const QStringList ids = bundledQuestionnaireNames();
    for (const QString &id : ids) {
        auto entry = catalogEntry(id);
        if (!entry)
            return fail(entry.error());
        entries.append(*entry);
    }
    return entries;
}

} // namespace nara::forms
