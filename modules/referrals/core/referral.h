#pragma once

#include "foundation/core/error.h"
#include "referrals/core/dermatologycatalog.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace nara::referrals {

// A dermatology image referral (issue 5, docs/api/contract.md "Dermatology image referrals"):
// sent by a care centre, answered by a dermatology unit. FHIR: a ServiceRequest with Media, and a
// DiagnosticReport once answered (referralfhir.h).
//
//   sent ──answer──▶ answered ──acknowledge──▶ acknowledged
//    │  ▲
//    │  └──images (the sender adds images and replies)
//    └──request-info──▶ needs_info
enum class ReferralState { Sent, NeedsInfo, Answered, Acknowledged };
enum class ReferralPriority { Routine, Urgent };

QString toString(ReferralState state); // sent | needs_info | answered | acknowledged
QString toString(ReferralPriority priority); // routine | urgent
std::optional<ReferralState> referralStateFromString(QStringView text);
std::optional<ReferralPriority> referralPriorityFromString(QStringView text);

// The short structured history the sender gives.
struct ReferralHistory
{
    QString duration; // free text: "3 månader"
    bool changedRecently = false;
    bool itchOrBleeding = false;
    bool earlierSkinCancer = false;

    QJsonObject toJson() const;
    bool operator==(const ReferralHistory &) const = default;
};

// An image a referral names: `id` is the upload's content hash (GET /api/v1/images/<id>).
struct ReferralImage
{
    QString id;
    QString view; // overview | close_up | dermoscopy
    int width = 0;
    int height = 0;
    qint64 takenAt = 0; // 0: not known
    qint64 addedAt = 0;

    QJsonObject toJson() const;
    bool operator==(const ReferralImage &) const = default;
};

// A dermatologist's request for more information and the sender's reply (empty until given).
struct InfoRequest
{
    QString question;
    QString askedBy; // staff id
    QString askedByName; // their display name when they asked: the sending unit does not know them
    qint64 askedAt = 0;
    QString reply;
    QString repliedBy;
    QString repliedByName;
    qint64 repliedAt = 0;

    QJsonObject toJson() const;
    bool operator==(const InfoRequest &) const = default;
};

struct ReferralAnswer
{
    QString description;
    CodedConcept diagnosis; // ICD-10 from the bundled list
    QString management; // none | follow_up | excision_care_centre | excision_dermatology | cancer_pathway
    int followUpMonths = 0; // 1–24 for follow_up, else 0
    QString answeredBy; // staff id
    QString answeredByName; // their display name when they answered
    qint64 answeredAt = 0;

    QJsonObject toJson() const;
    bool operator==(const ReferralAnswer &other) const
    {
        return description == other.description && diagnosis.code == other.diagnosis.code
            && diagnosis.display == other.diagnosis.display && management == other.management
            && followUpMonths == other.followUpMonths && answeredBy == other.answeredBy
            && answeredByName == other.answeredByName && answeredAt == other.answeredAt;
    }
};

struct Referral
{
    QString id;
    qint64 version = 1;
    QString itemId; // the dermatology unit's inbox item
    QString senderItemId; // the sending unit's inbox item, once the answer or a question came back
    QString patientId;
    QString fromUnitId;
    QString toUnitId;
    QString sentBy; // staff id
    // Display names as they were when each thing was done (the other unit does not know the staff).
    QString sentByName;
    qint64 sentAt = 0;
    ReferralPriority priority = ReferralPriority::Routine;
    QString question;
    ReferralHistory history;
    CodedConcept bodySite; // SNOMED CT, display from the catalog
    QList<ReferralImage> images;
    ReferralState state = ReferralState::Sent;
    qint64 dueAt = 0;
    QList<InfoRequest> infoRequests;
    std::optional<ReferralAnswer> answer;
    QString acknowledgedBy;
    QString acknowledgedByName;
    qint64 acknowledgedAt = 0;

    // The entity as /sync and the routes send it, with "fhir":{"serviceRequest","media",
    // "diagnosticReport"|null}.
    QJsonObject toJson() const;
    // Reads what toJson() wrote (the workstation's cache); "fhir" is ignored. InvalidInput naming
    // the first field that is missing or of the wrong type; the display names ("…ByName") may be
    // missing (entities written before they were added): empty then.
    static Result<Referral> fromJson(const QJsonObject &object);
};

} // namespace nara::referrals
