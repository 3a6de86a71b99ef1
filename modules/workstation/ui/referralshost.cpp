#include "workstation/ui/referralshost.h"

#include "foundation/core/clock.h"
#include "foundation/core/ids.h"
#include "foundation/core/json.h"
#include "referrals/ui/addimagesdialog.h"
#include "referrals/ui/referraldraft.h"
#include "referrals/ui/referralpane.h"
#include "referrals/ui/sendreferraldialog.h"
#include "sync/core/restjobs.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/referralimageloader.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QUrl>

#include <algorithm>

namespace nara::workstation {

namespace {

const QString kReferral = QStringLiteral("referral");

QStringList imageIdsOf(const QJsonObject &referral)
{
    QStringList ids;
    for (const QJsonValue &image : referral.value(u"images").toArray())
        ids.append(image.toObject().value(u"id").toString());
    return ids;
}

} // namespace

ReferralsHost::ReferralsHost(const WorkstationContext &context, QWidget *window)
    : QObject(window)
    , m_context(context)
    , m_window(window)
{
    Q_ASSERT(m_context.store && m_context.sink && m_context.clock);
    m_images = new ReferralImageLoader(QUrl(m_context.serverUrl), m_context.token, this);
    m_pane = new referrals::ReferralPane(*m_context.sink, *m_context.clock, window);
    m_pane->setDialogRunner([](QDialog &dialog) { return Dialogs::run(dialog); });
    connect(m_pane, &referrals::ReferralPane::imageWanted, m_images, &ReferralImageLoader::fetch);
    connect(m_images, &ReferralImageLoader::loaded, m_pane, &referrals::ReferralPane::setImage);
    connect(m_images, &ReferralImageLoader::failed, m_pane,
            [this](const QString &imageId, bool, const QString &why) { m_pane->setImageUnavailable(imageId, why); });
    connect(m_pane, &referrals::ReferralPane::writeSubmitted, this,
            [this](const QString &writeId) { m_paneWrites.insert(writeId); });
    connect(m_pane, &referrals::ReferralPane::addImagesRequested, this, &ReferralsHost::addImages);

    // The pane follows its item (claimed, closed), its referral record and the staff's names.
    m_context.store->followShownItem(
        this, [this] { return m_shownItemId; },
        [this](const QString &entity, const QStringList &ids) { return concernsShown(entity, ids); },
        [this] { refreshPane(); });
    fetchUnits();
}

ReferralsHost::~ReferralsHost() = default;

void ReferralsHost::fetchUnits()
{
    if (m_context.serverUrl.isEmpty() || m_context.token.isEmpty())
        return;
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    auto *job = new sync::GetJob(m_network, sync::ApiEndpoint{QUrl(m_context.serverUrl), m_context.token},
                                 QStringLiteral("/api/v1/units?kind=dermatology"), this);
    job->setMaxAttempts(3);
    connect(job, &sync::ApiJob::finished, this, [this, job] {
        if (!job->result())
            return; // offline: tried again when the dialog opens
        m_units.clear();
        for (const QJsonValue &value : job->result()->json.value(u"units").toArray()) {
            const QJsonObject unit = value.toObject();
            m_units.append({unit.value(u"id").toString(), unit.value(u"name").toString()});
        }
    });
    job->start();
}

referrals::ReferralItemView ReferralsHost::referralView(const QString &itemId) const
{
    referrals::ReferralItemView view;
    const InboxStore &store = *m_context.store;
    const inbox::InboxItem *item = store.item(itemId);
    if (!item || item->kind != inbox::Kind::Referral)
        return view;
    view.itemId = item->id;
    view.itemTitle = item->title;
    view.patientId = item->patientId;
    const PatientInfo patient = store.patient(item->patientId);
    view.patientText = patient.name.isEmpty() ? QString() : patient.name % u", " % patient.personalNumber;
    view.itemOpen = item->state != inbox::State::Done;
    if (item->patientId.isEmpty())
        return view; // an empty patient id would select every record
    QList<QJsonObject> records = store.records(kReferral, item->patientId);
    for (const QJsonObject &record : std::as_const(records)) {
        if (record.value(u"itemId").toString() == itemId || record.value(u"senderItemId").toString() == itemId) {
            view.referral = record;
            break;
        }
    }
    if (view.referral.isEmpty())
        return view;
    // The names as they were when each step was taken (the other unit's staff are not in the store).
    view.sentByName = view.referral.value(u"sentByName").toString();
    view.answeredByName = view.referral.value(u"answer").toObject().value(u"answeredByName").toString();
    QStringList myUnits;
    QString myRole;
    for (const StaffInfo &member : store.staff()) {
        if (member.id == m_context.staffId) {
            myUnits = member.unitIds;
            myRole = member.role;
        }
    }
    view.canAnswer = myRole == u"dermatologist" && myUnits.contains(view.referral.value(u"toUnitId").toString());
    view.canRespondAsSender = myUnits.contains(view.referral.value(u"fromUnitId").toString());
    // Earlier referrals of the same site, newest first, for looking side by side.
    const QString site = view.referral.value(u"bodySite").toObject().value(u"code").toString();
    for (const QJsonObject &record : std::as_const(records)) {
        if (record.value(u"id") != view.referral.value(u"id")
            && record.value(u"bodySite").toObject().value(u"code").toString() == site)
            view.earlierReferrals.append(record);
    }
    std::ranges::sort(view.earlierReferrals, [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(u"sentAt").toInteger() > b.value(u"sentAt").toInteger();
    });
    return view;
}

bool ReferralsHost::concernsShown(const QString &entity, const QStringList &ids) const
{
    if (m_pane->itemId().isEmpty() || entity != kReferral)
        return false;
    for (const QString &id : ids) {
        const QJsonObject record = m_context.store->record(entity, id);
        if (record.value(u"patientId").toString() == m_pane->shownView().patientId)
            return true; // the shown referral, or an earlier one of the same patient
    }
    return false;
}

bool ReferralsHost::showItem(const QString &itemId)
{
    m_shownItemId = itemId;
    const inbox::InboxItem *item = m_context.store->item(itemId);
    const bool isReferral = item && item->kind == inbox::Kind::Referral;
    m_pane->showReferral(isReferral ? referralView(itemId) : referrals::ReferralItemView{});
    return isReferral;
}

void ReferralsHost::refreshPane()
{
    const inbox::InboxItem *item = m_context.store->item(m_shownItemId);
    if (!item || item->kind != inbox::Kind::Referral)
        return;
    m_pane->showReferral(referralView(m_shownItemId));
}

void ReferralsHost::queue(const Draft &draft)
{
    QList<const referrals::ProcessedImage *> toSend;
    for (const referrals::ProcessedImage &image : draft.images) {
        // Shown at once from memory, before (and whether or not) the upload is through.
        m_images->seed(image.sha256, image.image, image.thumbnail);
        if (!m_queuedImages.contains(image.sha256))
            toSend.append(&image);
    }
    const qint64 now = m_context.clock->nowMs();
    int number = 0;
    for (const referrals::ProcessedImage *image : std::as_const(toSend)) {
        sync::PendingWrite write;
        write.id = newId();
        write.method = QStringLiteral("PUT");
        write.path = u"/api/v1/images/" % image->sha256;
        write.body = image->image;
        write.contentType = image->mime.toLatin1();
        write.itemId = draft.itemId;
        write.createdAt = now;
        m_queuedImages.insert(image->sha256);
        m_uploads.insert(write.id, Upload{++number, int(toSend.size()), draft.what, image->sha256});
        m_context.sink->submit(write);
    }
    sync::PendingWrite write;
    write.id = newId();
    write.path = draft.path;
    write.body = draft.body;
    write.itemId = draft.itemId;
    write.createdAt = now;
    m_uploads.insert(write.id, Upload{0, int(toSend.size()), draft.what, {}});
    m_drafts.insert(write.id, draft);
    m_context.sink->submit(write);
}

std::unique_ptr<referrals::SendReferralDialog> ReferralsHost::createSendDialog(const QString &currentItemId)
{
    const inbox::InboxItem *item = m_context.store->item(currentItemId);
    if (!item || item->patientId.isEmpty()) {
        Q_EMIT message(tr("Open an item of the patient first: the referral is about the patient shown."), 8000);
        return nullptr;
    }
    if (m_units.isEmpty())
        fetchUnits(); // the dialog says there is no unit to choose; a second try may find them
    const PatientInfo patient = m_context.store->patient(item->patientId);
    auto dialog = std::make_unique<referrals::SendReferralDialog>(
        referrals::ReferralPatient{item->patientId, patient.name, patient.personalNumber}, m_units, *m_context.clock,
        m_window);
    referrals::SendReferralDialog *raw = dialog.get();
    // A referral of this patient the server refused opens again, with the reason.
    if (const auto kept = m_refusedReferrals.find(item->patientId); kept != m_refusedReferrals.end()) {
        raw->restore(kept->first);
        raw->showRefusal(kept->second);
        m_refusedReferrals.erase(kept);
    }
    connect(raw, &referrals::SendReferralDialog::sendRequested, this, [this, raw] {
        const referrals::ReferralInput input = raw->input();
        const referrals::ReferralDraft draft = input.draft();
        queue(Draft{draft.images, QStringLiteral("/api/v1/referrals"), json::compact(draft.body), tr("the referral"),
                    QString(), false, input, std::nullopt, QString()});
        raw->accept(); // in the outbox now: it goes out whenever the server can be reached
        Q_EMIT message(tr("Sending the referral with %n image(s)…", nullptr, int(draft.images.size())), 8000);
    });
    return dialog;
}

void ReferralsHost::sendReferral(const QString &currentItemId)
{
    if (auto dialog = createSendDialog(currentItemId))
        Dialogs::run(*dialog);
}

std::unique_ptr<referrals::AddImagesDialog> ReferralsHost::createAddImagesDialog(const QString &referralId)
{
    const QJsonObject referral = m_context.store->record(kReferral, referralId);
    if (referral.isEmpty())
        return nullptr;
    const QJsonArray requests = referral.value(u"infoRequests").toArray();
    const QString question = requests.isEmpty() ? QString() : requests.last().toObject().value(u"question").toString();
    auto dialog = std::make_unique<referrals::AddImagesDialog>(int(imageIdsOf(referral).size()), question,
                                                               *m_context.clock, m_window);
    referrals::AddImagesDialog *raw = dialog.get();
    if (const auto kept = m_refusedAdditions.find(referralId); kept != m_refusedAdditions.end()) {
        raw->restore(kept->first);
        raw->showRefusal(kept->second);
        m_refusedAdditions.erase(kept);
    }
    const QString itemId = referral.value(u"senderItemId").toString(); // the sender's item asks for them
    connect(raw, &referrals::AddImagesDialog::sendRequested, this, [this, raw, referralId, referral, itemId] {
        const referrals::AddImagesInput input = raw->input();
        const referrals::AddImagesDraft draft = input.draft();
        QJsonObject body = draft.body;
        body.insert(QStringLiteral("version"), referral.value(u"version"));
        queue(Draft{draft.images, u"/api/v1/referrals/" % referralId % u"/images", json::compact(body),
                    tr("the images"), itemId, false, std::nullopt, input, referralId});
        raw->accept();
        Q_EMIT message(tr("Sending %n image(s) and the reply to the dermatologist…", nullptr, int(draft.images.size())),
                       8000);
    });
    return dialog;
}

void ReferralsHost::addImages(const QString &referralId)
{
    if (auto dialog = createAddImagesDialog(referralId))
        Dialogs::run(*dialog);
}

void ReferralsHost::writeDelivered(const QString &writeId)
{
    if (m_paneWrites.remove(writeId))
        m_pane->writeFinished(writeId, true, QString());
    const auto upload = m_uploads.constFind(writeId);
    if (upload == m_uploads.cend())
        return;
    m_drafts.remove(writeId); // the server has it: the images need not be kept for sending again
    if (upload->imageNumber > 0)
        Q_EMIT message(
            tr("Uploading %1: image %2 of %3 is sent.").arg(upload->what).arg(upload->imageNumber).arg(upload->images),
            5000);
    else
        Q_EMIT message(tr("Sent: %1.").arg(upload->what), 8000);
    m_uploads.erase(upload);
}

QString ReferralsHost::refusalReason(const Error &error)
{
    switch (error.code) {
    case ErrorCode::Conflict:
        return tr("the referral was changed meanwhile (answered, asked about or closed by someone else) – look at it "
                  "again");
    case ErrorCode::NotFound:
        return tr("the referral or one of its images is not on the server, or not yours to change");
    case ErrorCode::PayloadTooLarge: return tr("the image is larger than the server takes (20 MB)");
    case ErrorCode::InvalidInput: return tr("the server found something wrong in it (%1)").arg(error.message);
    case ErrorCode::Forbidden: return tr("your role may not do this");
    default: return error.message;
    }
}

void ReferralsHost::writeRejected(const QString &writeId, const Error &error)
{
    const QString message = refusalReason(error);
    if (m_paneWrites.remove(writeId))
        m_pane->writeFinished(writeId, false, message);
    const auto upload = m_uploads.constFind(writeId);
    if (upload == m_uploads.cend())
        return;
    const Upload refused = *upload;
    m_uploads.erase(upload);
    if (refused.imageNumber > 0) {
        m_queuedImages.remove(refused.imageId); // not on the server for this user: send it again when named
        if (error.code != ErrorCode::Conflict) // 409: deleted meanwhile, sending again helps
            m_refusedImages.insert(refused.imageId);
        Q_EMIT this->message(tr("Image %1 of %2 was refused by the server: %3")
                                 .arg(refused.imageNumber)
                                 .arg(refused.images)
                                 .arg(message),
                             15'000);
        return;
    }
    Draft draft = m_drafts.take(writeId);
    // An image it names is not on the server (deleted meanwhile, or removed after a day unnamed
    // while this write waited): upload the images again and send once more, with a new key. An
    // image the server refused itself would be refused again: then nothing is re-sent.
    const bool missingImage
        = error.code == ErrorCode::InvalidInput && error.details.value(u"field").toString().startsWith(u"images");
    const bool imageRefused = std::ranges::any_of(draft.images, [this](const referrals::ProcessedImage &image) {
        return m_refusedImages.contains(image.sha256);
    });
    if (missingImage && !imageRefused && !draft.resent && !draft.images.isEmpty()) {
        for (const referrals::ProcessedImage &image : std::as_const(draft.images))
            m_queuedImages.remove(image.sha256);
        draft.resent = true;
        queue(draft);
        Q_EMIT this->message(tr("An image of %1 was missing on the server: sending the images again.").arg(draft.what),
                             10'000);
        return;
    }
    if (draft.input) {
        m_refusedReferrals.insert(draft.input->patientId, {*draft.input, message});
        Q_EMIT this->message(tr("The server did not accept the referral: %1. Nothing is lost: Hudremiss (Shift+R) on "
                                "the patient opens it again.")
                                 .arg(message),
                             30'000);
        return;
    }
    if (draft.added) {
        m_refusedAdditions.insert(draft.referralId, {*draft.added, message});
        Q_EMIT this->message(tr("The server did not accept the images: %1. Nothing is lost: Add images on the "
                                "referral opens them again.")
                                 .arg(message),
                             30'000);
        return;
    }
    Q_EMIT this->message(tr("The server did not accept %1: %2").arg(refused.what, message), 15'000);
}

} // namespace nara::workstation
