#pragma once

#include "foundation/server/workercontext.h"
#include "referrals/core/imagepipeline.h"

#include <atomic>

class QHttpServer;
class QThreadPool;

namespace nara::referrals {

class ImageStore;

// What the image routes share between workers (all thread-safe). The store and the pool must
// outlive the workers' servers; the pool must be drained (waitForDone) before the services go.
struct ImageServices
{
    ImageStore &store; // <data-dir>/images on a single server
    QThreadPool &pool; // the pipeline (decode, re-encode) runs here, never on an HTTP thread
    ImagePipeline pipeline{};
    // Uploads hashed or re-encoded at once (each may hold a 20 MiB body and a decoded image); over
    // the cap an upload is answered 503 with Retry-After at once.
    int maxInFlight = 8;
    std::atomic<int> inFlight{0};
};

// docs/api/contract.md, "Dermatology image referrals":
//   PUT /api/v1/images/<id>            the processed JPEG/PNG; id = its SHA-256 (hex). 201 new, 200 known
//   GET /api/v1/images/<id>            the server's re-encoded JPEG
//   GET /api/v1/images/<id>/thumbnail  its thumbnail
// Reads are for staff of a unit of a referral naming the image (or its uploader while none does),
// audited with the patient; anyone else gets 404.
void installImageRoutes(QHttpServer &server, WorkerContext &context, ImageServices &services);

} // namespace nara::referrals
