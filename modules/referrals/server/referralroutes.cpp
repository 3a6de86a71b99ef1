#include "referrals/server/referralroutes.h"

#include "foundation/core/json.h"
#include "inbox/server/requestbody.h"
#include "sync/server/writeendpoint.h"

#include <QHttpServer>

namespace nara::referrals {

namespace {

using Method = QHttpServerRequest::Method;
using sync::WriteReply;

// Parses the body as `Input`, then runs the workflow step: the answer is the referral.
template<typename Input, typename Step>
Result<WriteReply> write(const QHttpServerRequest &request, int status, Step step)
{
    auto body = http::objectBody(request);
    if (!body)
        return fail(body.error());
    auto input = Input::fromJson(*body);
    if (!input)
        return fail(input.error());
    auto referral = step(*input);
    if (!referral)
        return fail(referral.error());
    return WriteReply{status, referral->toJson()};
}

template<typename Input>
void routeStep(QHttpServer &server, WorkerContext &context, const ReferralSettings &settings, const char *action,
               Result<Referral> (ReferralWorkflow::*member)(const auth::Caller &, const QString &, const Input &))
{
    server.route(QString(QStringLiteral("/api/v1/referrals/<arg>/") + QString::fromLatin1(action)), Method::Post,
                 [&context, settings, member](const QString &referralId, const QHttpServerRequest &request) {
                     return sync::runWrite(context, request, sync::Who::Staff, [&](const auth::Caller &caller) {
                         return write<Input>(request, 200, [&](const Input &input) {
                             return (ReferralWorkflow(context.db, context.clock, settings).*member)(caller, referralId,
                                                                                                    input);
                         });
                     });
                 });
}

} // namespace

void installReferralRoutes(QHttpServer &server, WorkerContext &context, const ReferralSettings &settings)
{
    server.route(QStringLiteral("/api/v1/referrals"), Method::Post,
                 [&context, settings](const QHttpServerRequest &request) {
                     return sync::runWrite(context, request, sync::Who::Staff, [&](const auth::Caller &caller) {
                         return write<NewReferral>(request, 201, [&](const NewReferral &input) {
                             return ReferralWorkflow(context.db, context.clock, settings).send(caller, input);
                         });
                     });
                 });
    routeStep<AnswerInput>(server, context, settings, "answer", &ReferralWorkflow::answer);
    routeStep<InfoRequestInput>(server, context, settings, "request-info", &ReferralWorkflow::requestInfo);
    routeStep<AddedImagesInput>(server, context, settings, "images", &ReferralWorkflow::addImages);
    routeStep<AcknowledgeInput>(server, context, settings, "acknowledge", &ReferralWorkflow::acknowledge);
}

} // namespace nara::referrals
