#pragma once

#include "foundation/server/workercontext.h"

class QHttpServer;

namespace nara::forms {

// The patient's side of forms in the portal (docs/api/contract.md, "Forms"), with a patient session:
//   GET  /api/v1/portal/forms                        pending and overdue forms available now
//   GET  /api/v1/portal/forms/<requestId>            one with its FHIR Questionnaire
//   POST /api/v1/portal/forms/<requestId>/response   the FHIR QuestionnaireResponse (Idempotency-Key)
// Another patient's request is 404 and audited as denied; one answered, cancelled or not yet
// available is 409.
void installPortalFormRoutes(QHttpServer &server, WorkerContext &context);

} // namespace nara::forms
