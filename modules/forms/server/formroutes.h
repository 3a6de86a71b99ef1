#pragma once

#include "foundation/server/workercontext.h"

#include <QString>

class QHttpServer;

namespace nara::monitoring {
class SmsGateway;
}

namespace nara::forms {

struct FormSettings
{
    // How patients reach this server, for form links (as portal::PortalSettings::publicUrl). Empty:
    // the link is built from the request's Host header and only given to staff, never texted.
    QString publicUrl;
    monitoring::SmsGateway *gateway = nullptr; // the link by SMS; shared by every worker; null: none
};

// Staff's side of forms (docs/api/contract.md, "Forms"):
//   GET  /api/v1/questionnaires                     the bundled questionnaires
//   GET  /api/v1/questionnaires/<id>                one as FHIR Questionnaire JSON
//   POST /api/v1/forms/requests                     send a form once or on a schedule: the requests,
//                                                   a portal link and (registered number and
//                                                   --public-url) an SMS, sent after the commit
//   POST /api/v1/forms/series/<seriesId>/cancel     the pending occasions become cancelled
// A patient or series outside the caller's units is 404 and audited as denied.
void installFormRoutes(QHttpServer &server, WorkerContext &context, const FormSettings &settings);

} // namespace nara::forms
