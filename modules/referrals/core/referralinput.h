#pragma once

#include "foundation/core/error.h"
#include "referrals/core/referral.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace nara::referrals {

// The request bodies of the referral routes (docs/api/contract.md), checked whole before anything
// is looked up or stored: known fields only, types, lengths, the bundled vocabularies. A failure is
// InvalidInput with details {"field": "<path>"} ("history.duration", "images[1].view") and the
// path in the message.

inline constexpr qsizetype kMaxQuestionLength = 4000;
inline constexpr qsizetype kMaxDurationLength = 200;
inline constexpr qsizetype kMaxDescriptionLength = 8000;
inline constexpr qsizetype kMaxInfoQuestionLength = 2000;
inline constexpr qsizetype kMaxReplyLength = 4000;
inline constexpr int kMaxImagesSent = 6; // in one request
inline constexpr int kMaxImagesInAll = 12; // in one referral
inline constexpr int kMinFollowUpMonths = 1;
inline constexpr int kMaxFollowUpMonths = 24;

// {"id","view","takenAt"?}
struct ImageChoice
{
    QString id; // the upload's content hash
    QString view; // overview | close_up | dermoscopy
    qint64 takenAt = 0;
};

// POST /api/v1/referrals
struct NewReferral
{
    QString patientId;
    QString toUnitId;
    QString question;
    ReferralHistory history;
    CodedConcept bodySite; // display filled from the catalog
    ReferralPriority priority = ReferralPriority::Routine;
    QList<ImageChoice> images; // 1–6, each id once

    static Result<NewReferral> fromJson(const QJsonObject &body);
};

// POST /api/v1/referrals/{id}/answer
struct AnswerInput
{
    QString description;
    CodedConcept diagnosis; // display filled from the catalog
    QString management;
    int followUpMonths = 0; // required (1–24) for follow_up only; 0 otherwise
    std::optional<qint64> version;

    static Result<AnswerInput> fromJson(const QJsonObject &body);
};

// POST /api/v1/referrals/{id}/request-info
struct InfoRequestInput
{
    QString question;
    std::optional<qint64> version;

    static Result<InfoRequestInput> fromJson(const QJsonObject &body);
};

// POST /api/v1/referrals/{id}/images
struct AddedImagesInput
{
    QList<ImageChoice> images; // 1–6
    QString reply;
    std::optional<qint64> version;

    static Result<AddedImagesInput> fromJson(const QJsonObject &body);
};

// POST /api/v1/referrals/{id}/acknowledge: {} or {"version"}
struct AcknowledgeInput
{
    std::optional<qint64> version;

    static Result<AcknowledgeInput> fromJson(const QJsonObject &body);
};

} // namespace nara::referrals
