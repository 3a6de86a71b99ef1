#pragma once

#include "foundation/server/workercontext.h"

#include <QString>

class QHttpServer;
class QHttpServerRequest;

namespace nara::portal {

struct PortalSettings
{
    // How patients reach this server ("https://nara.example.se"), for invitation links. Empty:
    // taken from the request's Host header (and X-Forwarded-Proto), good enough for the demo.
    QString publicUrl;
};

// The patient portal (DESIGN.md §4, docs/api/contract.md):
//   POST /api/v1/patients/<id>/invitations  staff: a one-time link, 72 h, stored hashed
//   POST /api/v1/portal/session             exchanges an invitation once for a patient session
//   GET  /api/v1/portal/thread              the patient's thread, without staff-only notes
//   POST /api/v1/portal/messages            the patient writes (Idempotency-Key)
//   GET  /portal/, /portal/app.js, /portal/style.css, /portal/visit.js and /portal/mesh.js (the
//        call mesh shared with the workstation, resources/call): the static portal, strict CSP
// The patient's link for an invitation token: the public URL (or the request's own host) + /portal/#token.
QString invitationUrl(const QString &publicUrl, const QHttpServerRequest &request, const QString &token);

void installPortalRoutes(QHttpServer &server, WorkerContext &context, const PortalSettings &settings);

} // namespace nara::portal
