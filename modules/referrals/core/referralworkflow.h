#pragma once

#include "auth/core/caller.h"
#include "foundation/core/clock.h"
#include "foundation/core/error.h"
#include "referrals/core/referral.h"
#include "referrals/core/referralinput.h"
#include "referrals/core/workingdays.h"
#include "storage/core/database.h"

namespace nara::referrals {

struct ReferralSettings
{
    int dueDays = kDefaultReferralDueDays; // --referral-due-days: working days until a routine referral is due
};

// What staff do with a referral (docs/api/contract.md, "Dermatology image referrals"). Each call
// checks who may (another unit's or an unknown referral is NotFound; staff of the other side, or a
// role that may not, Forbidden), the optional version (Conflict with {"version"} when stale) and
// the state (Conflict with {"state"}), then changes the referral, its inbox items and the change
// log of both units and writes an audit row, all inside the caller's transaction. The input was
// parsed whole before (referralinput.h); images must have been uploaded by the caller (else
// InvalidInput naming "images[i].id").
class ReferralWorkflow
{
public:
    ReferralWorkflow(storage::Database &database, const Clock &clock, ReferralSettings settings = {})
        : m_database(database)
        , m_clock(clock)
        , m_settings(settings)
    {
    }

    // A GP or nurse of a care centre the patient belongs to (the first such unit of the caller's is
    // fromUnit) sends to a dermatology unit: the referral, the dermatology unit's item, a care
    // relation patient → that unit when missing (the patient entity is then synced to it).
    Result<Referral> send(const auth::Caller &staff, const NewReferral &input);
    // A dermatologist of the receiving unit: sent → answered; the dermatology item done, the answer
    // shown to the sender.
    Result<Referral> answer(const auth::Caller &staff, const QString &referralId, const AnswerInput &input);
    // A dermatologist of the receiving unit: sent → needs_info; the dermatology item waits, the
    // question is shown to the sender.
    Result<Referral> requestInfo(const auth::Caller &staff, const QString &referralId, const InfoRequestInput &input);
    // Staff of the sending unit: needs_info → sent with more images (at most 12 in all) and the
    // reply to the last question; the sender's item done, the dermatology item back to work.
    Result<Referral> addImages(const auth::Caller &staff, const QString &referralId, const AddedImagesInput &input);
    // Staff of the sending unit: answered → acknowledged ("patient informed"); the sender's item done.
    Result<Referral> acknowledge(const auth::Caller &staff, const QString &referralId, const AcknowledgeInput &input);

private:
    enum class Side { Sender, Receiver };
    Result<Referral> referralFor(const auth::Caller &staff, const QString &referralId, Side side,
                                 std::optional<qint64> version, ReferralState expected);
    Result<QList<ReferralImage>> chosenImages(const auth::Caller &staff, const QList<ImageChoice> &choices, qint64 now);
    Result<QString> sendingUnit(const auth::Caller &staff, const QString &patientId);
    Result<void> relatePatient(const QString &patientId, const QString &unitId, qint64 now);
    Result<Referral> store(const auth::Caller &staff, const Referral &next, qint64 now);

    storage::Database &m_database;
    const Clock &m_clock;
    ReferralSettings m_settings;
};

} // namespace nara::referrals
