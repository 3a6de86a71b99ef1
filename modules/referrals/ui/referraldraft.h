#pragma once

#include "referrals/core/processedimage.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace nara::referrals {

// One image as the sender has chosen it for a referral: through the pipeline, with its kind of view.
struct DraftImage
{
    ProcessedImage processed;
    QString view; // overview | close_up | dermoscopy
    qint64 takenAt = 0; // ms since the epoch; 0 when unknown (an imported file)
    double sharpness = 0; // imageSharpness() of the processed image
    QString sourceName; // the file's name or the camera's: shown, never sent

    bool looksBlurred() const;
    // As the referral names it: {"id","view","takenAt"}, id the processed image's SHA-256.
    QJsonObject toJson() const;
};

// What the host sends for a new referral: `body` is the POST /api/v1/referrals body, `images` the
// processed images to PUT /api/v1/images/{sha256} before it (each named once in body.images).
struct ReferralDraft
{
    QJsonObject body;
    QList<ProcessedImage> images;
};

// What the host sends after a request for more information: `body` is the
// POST /api/v1/referrals/{id}/images body {"images":[…],"reply"}, `images` as above.
struct AddImagesDraft
{
    QJsonObject body;
    QList<ProcessedImage> images;
};

// Why a draft cannot be sent yet, in the order the dialog shows its fields.
enum class DraftProblem {
    NoUnit, // no receiving dermatology unit chosen
    NoQuestion, // the clinical question is empty
    NoBodySite,
    NoImages,
    NoOverview, // no image marked as an overview
    NoCloseUp, // no image marked as a close-up or dermoscopy
    ImagesPending, // images are still being processed
    NoReply, // adding images: the answer to the dermatologist's question is empty
};

// The quality check before sending: problems block sending, blurred images only warn.
struct DraftCheck
{
    QList<DraftProblem> problems;
    int blurredImages = 0;

    bool canSend() const { return problems.isEmpty(); }
};

// The problem in words for the sender, e.g. "Mark at least one image as an overview."
QString draftProblemText(DraftProblem problem);
// Every problem, one a line, and the blur warning after them (when there are no problems).
QString draftCheckText(const DraftCheck &check);

// What the sender filled in for a new referral (issue 5), before it becomes a request.
struct ReferralInput
{
    QString patientId;
    QString toUnitId;
    QString question;
    QString duration; // how long the lesion has been there, free text
    bool changedRecently = false;
    bool itchOrBleeding = false;
    bool earlierSkinCancer = false;
    QString bodySiteCode; // SNOMED CT, from the catalog
    bool urgent = false; // suspected melanoma or skin cancer: the cancer pathway (SVF)
    QList<DraftImage> images;
    int pendingImages = 0;

    // At least one overview and one close-up (or dermoscopy), a body site, a question, a unit.
    DraftCheck check() const;
    ReferralDraft draft() const;
};

// The sender's answer to a request for more information: new images and a reply.
struct AddImagesInput
{
    QString reply;
    QList<DraftImage> images;
    int pendingImages = 0;

    DraftCheck check() const;
    AddImagesDraft draft() const;
};

} // namespace nara::referrals
