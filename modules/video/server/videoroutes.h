#pragma once

#include "foundation/server/workercontext.h"

#include <QString>

class QHttpServer;

namespace nara::video {

class SignallingRelay;

struct VideoSettings
{
    // How patients reach this server, for visit links (as portal::PortalSettings::publicUrl).
    QString publicUrl;
};

// Video visits and consult calls (docs/api/contract.md):
//   POST /api/v1/visits                   staff book (the item, and the patient's link)
//   GET  /api/v1/visits/<id>              the visit (audited read)
//   POST /api/v1/visits/<id>/admit        let the waiting patient in
//   POST /api/v1/visits/<id>/end          end it with an outcome; the item is done
//   POST /api/v1/visits/<id>/invitation   a new link for the patient (staff of the unit; the old links stop working)
//   GET  /api/v1/visits/<id>/ice          the ICE servers for the caller (409 once the visit has ended)
//   GET  /api/v1/portal/visit             the patient's view of the visit they were invited to
//   GET  /api/v1/staff/directory          all active staff, for choosing consult participants
// Admission and the end are passed on to the relay once committed.
void installVideoRoutes(QHttpServer &server, WorkerContext &context, SignallingRelay &relay,
                        const VideoSettings &settings);

} // namespace nara::video
