#pragma once

#include "foundation/server/workercontext.h"

#include <QString>

class QHttpServer;

namespace nara::monitoring {

class SmsGateway;

struct SmsSettings
{
    QString secret; // shared with the SMS gateway; empty: the webhook answers 503
    SmsGateway *gateway = nullptr; // outgoing SMS (answers to patients); shared by every worker
};

// POST /api/v1/sms/inbound (docs/api/contract.md, "SMS"): the gateway posts form fields `from`,
// `to`, `message` and the shared secret (header X-Nara-Sms-Secret or field `secret`). The sender is
// matched to a patient by registered number; SmsReception does the rest in one transaction, with an
// audit row per stored thing; answers to the patient go out by the gateway after the commit. An
// unknown number is refused (404) and audited as denied.
void installSmsRoutes(QHttpServer &server, WorkerContext &context, const SmsSettings &settings);

} // namespace nara::monitoring
