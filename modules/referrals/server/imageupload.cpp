#include "referrals/server/imageupload.h"

#include "auth/core/auditlog.h"
#include "auth/server/authenticator.h"
#include "foundation/server/problem.h"
#include "foundation/server/requestlog.h"
#include "referrals/core/imagestore.h"
#include "referrals/core/uploadedimagerepository.h"
#include "storage/core/transactionguard.h"

#include <QHttpServer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QTcpSocket>
#include <QThreadPool>

#include <optional>

namespace nara::referrals {

namespace {

Q_LOGGING_CATEGORY(lcUpload, "nara.http.requests")

using StatusCode = QHttpServerResponder::StatusCode;

// One upload in flight: what the worker thread needs again when the pool is done.
struct PendingUpload
{
    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
    QByteArray requestId;
    QByteArray line; // "w0 <request id> PUT /api/v1/images/<id>", for the request log
    QString imageId;
    auth::Caller caller;
    bool known = false; // stored already when the upload began
    // From the pool:
    std::optional<Error> error;
    std::optional<ProcessedImage> processed;
};

// What the pool found, copied back onto the worker thread.
struct PoolOutcome
{
    std::optional<Error> error;
    std::optional<ProcessedImage> processed;
};

Error invalidField(const QString &field, const QString &why, QJsonObject details = {})
{
    details.insert(QStringLiteral("field"), field);
    return Error{ErrorCode::InvalidInput, field + QStringLiteral(": ") + why, details};
}

void writeBody(PendingUpload &upload, const QByteArray &body, const QByteArray &type, StatusCode status,
               qint64 retryAfterSeconds = 0)
{
    const QByteArray logLine = upload.line + ' ' + QByteArray::number(int(status));
    if (!upload.socket || upload.socket->state() != QAbstractSocket::ConnectedState) {
        qCInfo(lcUpload, "%s not sent: the client has gone", logLine.constData());
        return;
    }
    if (retryAfterSeconds > 0)
        upload.responder.write(body,
                               {{"Content-Type", type},
                                {"Retry-After", QByteArray::number(retryAfterSeconds)},
                                {"X-Request-Id", upload.requestId},
                                {"Cache-Control", "no-store"},
                                {"X-Content-Type-Options", "nosniff"}},
                               status);
    else
        upload.responder.write(body,
                               {{"Content-Type", type},
                                {"X-Request-Id", upload.requestId},
                                {"Cache-Control", "no-store"},
                                {"X-Content-Type-Options", "nosniff"}},
                               status);
    qCInfo(lcUpload, "%s", logLine.constData());
}

void writeProblem(PendingUpload &upload, const Error &error, qint64 retryAfterSeconds = 0)
{
    if (error.code == ErrorCode::Storage || error.code == ErrorCode::Internal)
        qWarning("image upload failed (%s): %s", qPrintable(errorCodeName(error.code)), qPrintable(error.message));
    writeBody(upload, http::problemBody(error), "application/problem+json", http::statusFor(error.code),
              retryAfterSeconds);
}

// "image/jpeg" or "image/png", parameters and case aside.
bool acceptedType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').constFirst().trimmed().toLower();
    return type == "image/jpeg" || type == "image/png";
}

// On the pool: the hash, then (for an image not stored yet) the pipeline and the store.
PoolOutcome process(ImageServices &services, const QByteArray &body, const QString &imageId, bool known)
{
    PoolOutcome outcome;
    if (ImageStore::hashOf(body) != imageId) {
        outcome.error = invalidField(QStringLiteral("id"),
                                     QStringLiteral("the body's SHA-256 is not the id: the image was changed or cut "
                                                    "short on the way; send it again."),
                                     {{QStringLiteral("reason"), QStringLiteral("hash_mismatch")}});
        return outcome;
    }
    if (known)
        return outcome;
    auto processed = services.pipeline.process(body);
    if (!processed) {
        outcome.error = processed.error();
        return outcome;
    }
    for (const QByteArray *bytes : {&processed->image, &processed->thumbnail}) {
        if (auto stored = services.store.put(*bytes); !stored) {
            outcome.error = stored.error();
            return outcome;
        }
    }
    outcome.processed = std::move(*processed);
    return outcome;
}

// Back on the worker thread: the rows, the audit row for a new image and the answer.
Result<std::pair<bool, UploadedImage>> record(WorkerContext &context, const PendingUpload &upload)
{
    const qint64 now = context.clock.nowMs();
    auto transaction = storage::TransactionGuard::begin(context.db);
    if (!transaction)
        return fail(transaction.error());
    UploadedImageRepository uploads(context.db);
    bool created = false;
    if (upload.processed) {
        auto inserted = uploads.insert(
            UploadedImage{upload.imageId, upload.processed->sha256, ImageStore::hashOf(upload.processed->thumbnail),
                          upload.processed->width, upload.processed->height, upload.caller.id, now});
        if (!inserted)
            return fail(inserted.error());
        created = *inserted;
    } else if (auto added = uploads.addUploader(upload.imageId, upload.caller.id, now); !added) {
        if (added.error().code == ErrorCode::NotFound) // the daily sweep took it meanwhile
            return fail(Error::conflict(QStringLiteral("The image was deleted meanwhile; send it again.")));
        return fail(added.error());
    }
    if (created) {
        if (auto logged = auth::AuditLog(context.db)
                              .append(upload.caller, now, QStringLiteral("create"),
                                      QStringLiteral("referral_image:") + upload.imageId, QString());
            !logged)
            return fail(logged.error());
    }
    auto image = uploads.byId(upload.imageId);
    if (!image)
        return fail(image.error());
    if (!image->has_value())
        return fail(Error::storage(QStringLiteral("The uploaded image's row is missing.")));
    if (auto committed = transaction->commit(); !committed)
        return fail(committed.error());
    return std::pair<bool, UploadedImage>{created, **image};
}

void finish(WorkerContext &context, PendingUpload &upload)
{
    if (upload.error)
        return writeProblem(upload, *upload.error);
    auto recorded = record(context, upload);
    if (!recorded)
        return writeProblem(upload, recorded.error());
    const UploadedImage &image = recorded->second;
    const QJsonObject body{{QStringLiteral("id"), image.id},
                           {QStringLiteral("width"), image.width},
                           {QStringLiteral("height"), image.height}};
    writeBody(upload, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json",
              recorded->first ? StatusCode::Created : StatusCode::Ok);
}

} // namespace

// Lets pool threads post back to the worker's QHttpServer only while it exists (as the login does).
struct UploadReturnPath
{
    QMutex mutex;
    QObject *target = nullptr;
};

ImageUpload::ImageUpload(QHttpServer &server, WorkerContext &context, ImageServices &services)
    : m_returnPath(std::make_shared<UploadReturnPath>())
    , m_context(context)
    , m_services(services)
{
    m_returnPath->target = &server;
    QObject::connect(&server, &QObject::destroyed, &server, [returnPath = m_returnPath] {
        QMutexLocker lock(&returnPath->mutex);
        returnPath->target = nullptr;
    });
}

void ImageUpload::handle(const QString &id, const QHttpServerRequest &request, QHttpServerResponder &&responder) const
{
    auto upload
        = std::make_shared<PendingUpload>(PendingUpload{std::move(responder), {}, {}, {}, id, {}, false, {}, {}});
    upload->socket = upload->responder.socket();
    upload->requestId = http::requestIdFor(request.value("x-request-id"));
    upload->line = "w" + QByteArray::number(m_context.workerIndex) + ' ' + upload->requestId + " PUT "
        + request.url().path().toUtf8();

    auto caller = auth::authenticateStaff(m_context, request);
    if (!caller)
        return writeProblem(*upload, caller.error());
    upload->caller = *caller;
    if (!ImageStore::isValidHash(id))
        return writeProblem(*upload,
                            invalidField(QStringLiteral("id"),
                                         QStringLiteral("must be the image's SHA-256 as 64 lower-case hex "
                                                        "digits.")));
    if (!acceptedType(request.value("content-type")))
        return writeProblem(*upload,
                            Error::invalidInput(QStringLiteral("Content-Type must be image/jpeg or image/png.")));
    const QByteArray body = request.body();
    if (body.isEmpty())
        return writeProblem(*upload, Error::invalidInput(QStringLiteral("The request holds no image.")));
    auto known = UploadedImageRepository(m_context.db).byId(id);
    if (!known)
        return writeProblem(*upload, known.error());
    upload->known = known->has_value();

    // Bounded work: over the cap nothing is queued.
    if (m_services.inFlight.fetch_add(1) >= m_services.maxInFlight) {
        m_services.inFlight.fetch_sub(1);
        return writeProblem(*upload,
                            Error{ErrorCode::Unavailable,
                                  QStringLiteral("Too many images are being processed; try again shortly."),
                                  {}},
                            2);
    }
    m_services.pool.start([returnPath = m_returnPath, upload = std::move(upload), body, &context = m_context,
                           &services = m_services]() mutable {
        PoolOutcome outcome = process(services, body, upload->imageId, upload->known);
        services.inFlight.fetch_sub(1);
        upload->error = std::move(outcome.error);
        upload->processed = std::move(outcome.processed);
        QMutexLocker lock(&returnPath->mutex);
        if (!returnPath->target)
            return; // the worker is shutting down: files stored without a row are reused when it comes again
        // The PendingUpload moves on to the worker thread, so it is destroyed there, not here.
        QMetaObject::invokeMethod(
            returnPath->target, [upload = std::move(upload), &context] { finish(context, *upload); },
            Qt::QueuedConnection);
    });
}

} // namespace nara::referrals
