#pragma once

#include "foundation/server/workercontext.h"
#include "referrals/server/imageroutes.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>

#include <memory>

namespace nara::referrals {

struct UploadReturnPath;

// PUT /api/v1/images/<id> (installed by installImageRoutes). On the worker thread: the session,
// the id and Content-Type, whether the id is stored already. On the services' pool: the body's hash
// against the id and, for a new image, the pipeline and the store. Back on the worker thread (while
// its server lives): the rows and the answer. The client going away does not undo a stored upload.
class ImageUpload
{
public:
    // Binds uploads to `server`: answers from the pool reach it only while it exists.
    ImageUpload(QHttpServer &server, WorkerContext &context, ImageServices &services);

    void handle(const QString &id, const QHttpServerRequest &request, QHttpServerResponder &&responder) const;

private:
    std::shared_ptr<UploadReturnPath> m_returnPath;
    WorkerContext &m_context;
    ImageServices &m_services;
};

} // namespace nara::referrals
