#include "referrals/core/imageaccess.h"

#include "auth/core/auditlog.h"
#include "referrals/core/imagestore.h"
#include "referrals/core/uploadedimagerepository.h"

namespace nara::referrals {

Result<ImageDecision> ImageAccess::decide(const auth::Caller &staff, const QString &imageId, bool thumbnail)
{
    ImageDecision decision;
    if (!staff.isStaff() || !ImageStore::isValidHash(imageId))
        return decision;
    UploadedImageRepository uploads(m_database);
    auto image = uploads.byId(imageId);
    if (!image)
        return fail(image.error());
    if (!image->has_value())
        return decision;
    decision.hash = thumbnail ? (*image)->thumbnailHash : (*image)->storedHash;
    auto uses = uploads.usesOf(imageId);
    if (!uses)
        return fail(uses.error());
    if (uses->isEmpty()) {
        auto uploader = uploads.isUploader(imageId, staff.id);
        if (!uploader)
            return fail(uploader.error());
        decision.allowed = *uploader;
        return decision;
    }
    decision.patientId = uses->constFirst().patientId;
    for (const ImageUse &use : std::as_const(*uses)) {
        if (staff.unitIds.contains(use.fromUnitId) || staff.unitIds.contains(use.toUnitId)) {
            decision.allowed = true;
            decision.patientId = use.patientId;
            break;
        }
    }
    return decision;
}

Result<void> ImageAccess::audit(const auth::Caller &staff, const ImageDecision &decision, const QString &imageId,
                                bool thumbnail, qint64 at)
{
    if (!decision.allowed && decision.patientId.isEmpty())
        return {};
    const QString object
        = QStringLiteral("referral_image:") + imageId + (thumbnail ? QStringLiteral("/thumbnail") : QString());
    return auth::AuditLog(m_database)
        .append(staff, at, decision.allowed ? QStringLiteral("read") : QStringLiteral("denied"), object,
                decision.patientId, decision.allowed ? QStringLiteral("ok") : QStringLiteral("denied"));
}

} // namespace nara::referrals
