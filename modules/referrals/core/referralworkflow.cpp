#include "referrals/core/referralworkflow.h"

#include "auth/core/accesspolicy.h"
#include "auth/core/accountrepository.h"
#include "auth/core/auditlog.h"
#include "foundation/core/ids.h"
#include "referrals/core/referralitems.h"
#include "referrals/core/referralrepository.h"
#include "referrals/core/uploadedimagerepository.h"
#include "sync/core/changelog.h"

namespace nara::referrals {

namespace {

Error noSuchReferral()
{
    return Error::notFound(QStringLiteral("No such referral."));
}

Error invalidField(const QString &field, const QString &why)
{
    return Error{ErrorCode::InvalidInput, field + QStringLiteral(": ") + why, {{QStringLiteral("field"), field}}};
}

QString stateWords(ReferralState state)
{
    switch (state) {
    case ReferralState::Sent: return QStringLiteral("waiting for the dermatologist");
    case ReferralState::NeedsInfo: return QStringLiteral("waiting for more information from the sender");
    case ReferralState::Answered: return QStringLiteral("answered");
    case ReferralState::Acknowledged: return QStringLiteral("answered and acknowledged");
    }
    return {};
}

} // namespace

Result<Referral> ReferralWorkflow::referralFor(const auth::Caller &staff, const QString &referralId, Side side,
                                               std::optional<qint64> version, ReferralState expected)
{
    if (!staff.isStaff() || referralId.isEmpty() || referralId.size() > 64)
        return fail(noSuchReferral());
    auto found = ReferralRepository(m_database).byId(referralId);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(noSuchReferral());
    const Referral &referral = **found;
    const bool sender = staff.unitIds.contains(referral.fromUnitId);
    const bool receiver = staff.unitIds.contains(referral.toUnitId);
    if (!sender && !receiver)
        return fail(noSuchReferral());
    if (side == Side::Receiver && (!receiver || staff.role != u"dermatologist"))
        return fail(ErrorCode::Forbidden,
                    QStringLiteral("Only a dermatologist of the receiving unit answers a referral or asks for more."));
    if (side == Side::Sender && !sender)
        return fail(ErrorCode::Forbidden,
                    QStringLiteral("Only staff of the sending unit add images or acknowledge the answer."));
    if (version && *version != referral.version)
        return fail(
            Error::conflict(QStringLiteral("The referral changed meanwhile (version %1, not %2); load it again.")
                                .arg(referral.version)
                                .arg(*version),
                            {{QStringLiteral("version"), referral.version}}));
    if (referral.state != expected)
        return fail(Error::conflict(QStringLiteral("The referral is %1.").arg(stateWords(referral.state)),
                                    {{QStringLiteral("state"), toString(referral.state)}}));
    return referral;
}

Result<QList<ReferralImage>> ReferralWorkflow::chosenImages(const auth::Caller &staff,
                                                            const QList<ImageChoice> &choices, qint64 now)
{
    UploadedImageRepository uploads(m_database);
    QList<ReferralImage> images;
    for (qsizetype i = 0; i < choices.size(); ++i) {
        const ImageChoice &choice = choices.at(i);
        const QString field = QStringLiteral("images[%1].id").arg(i);
        auto image = uploads.byId(choice.id);
        if (!image)
            return fail(image.error());
        auto uploader = uploads.isUploader(choice.id, staff.id);
        if (!uploader)
            return fail(uploader.error());
        // An image someone else uploaded is refused as if unknown: its id says nothing more.
        if (!image->has_value() || !*uploader)
            return fail(invalidField(field,
                                     QStringLiteral("no image with this id was uploaded by you (upload it "
                                                    "first with PUT /api/v1/images/<id>).")));
        images.append({choice.id, choice.view, (*image)->width, (*image)->height, choice.takenAt, now});
    }
    return images;
}

Result<QString> ReferralWorkflow::sendingUnit(const auth::Caller &staff, const QString &patientId)
{
    auth::AccountRepository accounts(m_database);
    auto units = accounts.patientUnits(patientId);
    if (!units)
        return fail(units.error());
    for (const QString &unitId : std::as_const(*units)) { // care centres first
        if (!staff.unitIds.contains(unitId))
            continue;
        auto unit = accounts.unitById(unitId);
        if (!unit)
            return fail(unit.error());
        if (unit->has_value() && (*unit)->kind == u"care_centre")
            return unitId;
    }
    return fail(ErrorCode::Forbidden,
                QStringLiteral("Referrals are sent from a care centre the patient belongs to, and you work in none."));
}

Result<void> ReferralWorkflow::relatePatient(const QString &patientId, const QString &unitId, qint64 now)
{
    auth::AccountRepository accounts(m_database);
    auto units = accounts.patientUnits(patientId);
    if (!units)
        return fail(units.error());
    if (units->contains(unitId))
        return {};
    if (auto related = accounts.addCareRelation(patientId, unitId); !related)
        return fail(related.error());
    auto patient = accounts.patientById(patientId);
    if (!patient)
        return fail(patient.error());
    if (!patient->has_value())
        return fail(Error::notFound(QStringLiteral("No such patient.")));
    if (auto seq
        = sync::ChangeLog(m_database).append(unitId, QStringLiteral("patient"), patientId, (*patient)->toJson(), now);
        !seq)
        return fail(seq.error());
    return {};
}

Result<Referral> ReferralWorkflow::store(const auth::Caller &staff, const Referral &next, qint64 now)
{
    auto updated = ReferralRepository(m_database).update(next, now);
    if (!updated)
        return fail(updated.error());
    if (auto logged
        = auth::AuditLog(m_database)
              .append(staff, now, QStringLiteral("update"), QStringLiteral("referral:") + next.id, next.patientId);
        !logged)
        return fail(logged.error());
    return updated;
}

Result<Referral> ReferralWorkflow::send(const auth::Caller &staff, const NewReferral &input)
{
    if (!staff.isStaff() || (staff.role != u"gp" && staff.role != u"nurse"))
        return fail(ErrorCode::Forbidden, QStringLiteral("Only a GP or a nurse sends dermatology referrals."));
    if (auto allowed = auth::AccessPolicy(m_database).requirePatient(staff, input.patientId); !allowed)
        return fail(allowed.error());
    auto fromUnit = sendingUnit(staff, input.patientId);
    if (!fromUnit)
        return fail(fromUnit.error());
    auto toUnit = auth::AccountRepository(m_database).unitById(input.toUnitId);
    if (!toUnit)
        return fail(toUnit.error());
    if (!toUnit->has_value() || (*toUnit)->kind != u"dermatology")
        return fail(invalidField(QStringLiteral("toUnitId"), QStringLiteral("not a dermatology unit.")));
    const qint64 now = m_clock.nowMs();
    auto images = chosenImages(staff, input.images, now);
    if (!images)
        return fail(images.error());

    Referral referral;
    referral.id = newId();
    referral.patientId = input.patientId;
    referral.fromUnitId = *fromUnit;
    referral.toUnitId = input.toUnitId;
    referral.sentBy = staff.id;
    referral.sentByName = staff.displayName;
    referral.sentAt = now;
    referral.priority = input.priority;
    referral.question = input.question;
    referral.history = input.history;
    referral.bodySite = input.bodySite;
    referral.images = *images;
    referral.state = ReferralState::Sent;
    referral.dueAt = referralDueAt(now, input.priority, m_settings.dueDays);

    if (auto related = relatePatient(referral.patientId, referral.toUnitId, now); !related)
        return fail(related.error());
    auto itemId = ReferralItems(m_database).openForDermatology(referral, now);
    if (!itemId)
        return fail(itemId.error());
    referral.itemId = *itemId;
    auto stored = ReferralRepository(m_database).insert(referral, now);
    if (!stored)
        return fail(stored.error());
    if (auto logged = auth::AuditLog(m_database)
                          .append(staff, now, QStringLiteral("create"), QStringLiteral("referral:") + referral.id,
                                  referral.patientId);
        !logged)
        return fail(logged.error());
    return stored;
}

Result<Referral> ReferralWorkflow::answer(const auth::Caller &staff, const QString &referralId,
                                          const AnswerInput &input)
{
    auto referral = referralFor(staff, referralId, Side::Receiver, input.version, ReferralState::Sent);
    if (!referral)
        return referral;
    const qint64 now = m_clock.nowMs();
    Referral next = *referral;
    next.state = ReferralState::Answered;
    next.answer = ReferralAnswer{
        input.description, input.diagnosis, input.management, input.followUpMonths, staff.id, staff.displayName, now};
    ReferralItems items(m_database);
    if (auto done = items.dermatologyDone(next, now); !done)
        return fail(done.error());
    const bool cancer = input.management == u"cancer_pathway";
    auto senderItem
        = items.showToSender(next,
                             {answerItemTitle(next), cancer ? inbox::Priority::Urgent : inbox::Priority::Routine,
                              QStringLiteral("Svar: ") + managementDisplay(input.management)},
                             now);
    if (!senderItem)
        return fail(senderItem.error());
    next.senderItemId = *senderItem;
    return store(staff, next, now);
}

Result<Referral> ReferralWorkflow::requestInfo(const auth::Caller &staff, const QString &referralId,
                                               const InfoRequestInput &input)
{
    auto referral = referralFor(staff, referralId, Side::Receiver, input.version, ReferralState::Sent);
    if (!referral)
        return referral;
    const qint64 now = m_clock.nowMs();
    Referral next = *referral;
    next.state = ReferralState::NeedsInfo;
    InfoRequest request;
    request.question = input.question;
    request.askedBy = staff.id;
    request.askedByName = staff.displayName;
    request.askedAt = now;
    next.infoRequests.append(request);
    ReferralItems items(m_database);
    if (auto waiting = items.dermatologyWaiting(next, now); !waiting)
        return fail(waiting.error());
    auto senderItem = items.showToSender(
        next,
        {infoRequestItemTitle(next), inbox::Priority::Routine, QStringLiteral("Hudmottagningen begär komplettering")},
        now);
    if (!senderItem)
        return fail(senderItem.error());
    next.senderItemId = *senderItem;
    return store(staff, next, now);
}

Result<Referral> ReferralWorkflow::addImages(const auth::Caller &staff, const QString &referralId,
                                             const AddedImagesInput &input)
{
    auto referral = referralFor(staff, referralId, Side::Sender, input.version, ReferralState::NeedsInfo);
    if (!referral)
        return referral;
    if (referral->images.size() + input.images.size() > kMaxImagesInAll)
        return fail(invalidField(QStringLiteral("images"),
                                 QStringLiteral("the referral has %1 images; at most %2 in all are allowed.")
                                     .arg(referral->images.size())
                                     .arg(kMaxImagesInAll)));
    for (qsizetype i = 0; i < input.images.size(); ++i)
        for (const ReferralImage &image : std::as_const(referral->images))
            if (image.id == input.images.at(i).id)
                return fail(invalidField(QStringLiteral("images[%1].id").arg(i),
                                         QStringLiteral("the referral has this image already.")));
    const qint64 now = m_clock.nowMs();
    auto images = chosenImages(staff, input.images, now);
    if (!images)
        return fail(images.error());
    Referral next = *referral;
    next.state = ReferralState::Sent;
    next.images.append(*images);
    if (!next.infoRequests.isEmpty()) {
        InfoRequest &last = next.infoRequests.last();
        last.reply = input.reply;
        last.repliedBy = staff.id;
        last.repliedByName = staff.displayName;
        last.repliedAt = now;
    }
    ReferralItems items(m_database);
    if (auto done = items.senderDone(next, now); !done)
        return fail(done.error());
    if (auto back = items.dermatologyBack(next, now); !back)
        return fail(back.error());
    return store(staff, next, now);
}

Result<Referral> ReferralWorkflow::acknowledge(const auth::Caller &staff, const QString &referralId,
                                               const AcknowledgeInput &input)
{
    auto referral = referralFor(staff, referralId, Side::Sender, input.version, ReferralState::Answered);
    if (!referral)
        return referral;
    const qint64 now = m_clock.nowMs();
    Referral next = *referral;
    next.state = ReferralState::Acknowledged;
    next.acknowledgedBy = staff.id;
    next.acknowledgedByName = staff.displayName;
    next.acknowledgedAt = now;
    if (auto done = ReferralItems(m_database).senderDone(next, now); !done)
        return fail(done.error());
    return store(staff, next, now);
}

} // namespace nara::referrals
