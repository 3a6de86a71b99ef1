#pragma once

#include "forms/core/questionnaire.h"

#include <QJsonObject>
#include <QList>

namespace nara::forms {

// One bundled questionnaire as the server offers it: its short id ("phq-9"), the FHIR JSON as
// bundled (for the portal and GET /api/v1/questionnaires/{id}), the validated model, and whether
// a scoring rule exists for it (score.h).
struct CatalogEntry
{
    QString id;
    QJsonObject json;
    Questionnaire questionnaire;
    bool scored = false;
};

// The bundled questionnaires (bundledquestionnaires.h), loaded and validated once per process
// (thread-safe). NotFound for an id that is not bundled; Internal if a bundled one does not load
// (a broken build).
Result<const CatalogEntry *> catalogEntry(const QString &id);
// Every bundled questionnaire, in bundledQuestionnaireNames() order; Internal as above.
Result<QList<const CatalogEntry *>> catalogEntries();

} // namespace nara::forms
