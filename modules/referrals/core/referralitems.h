#pragma once

#include "foundation/core/error.h"
#include "inbox/core/inboxitem.h"
#include "referrals/core/referral.h"
#include "storage/core/database.h"

namespace nara::referrals {

// The inbox items a referral moves (docs/api/contract.md, "Dermatology image referrals"): the
// dermatology unit's item (kind referral, in its pool from the start) and the sender's item (in
// the sending unit, assigned to the sender, created the first time the answer or a question comes
// back and reopened after that). Writes go through inbox::InboxRepository (change log included), so
// they run inside the caller's transaction.
class ReferralItems
{
public:
    explicit ReferralItems(storage::Database &database)
        : m_database(database)
    {
    }

    // "Hudremiss: <site>": new in the dermatology unit's pool, the referral's priority, due at the
    // referral's dueAt. Returns the new item's id.
    Result<QString> openForDermatology(const Referral &referral, qint64 now);

    // The dermatology item: done (answered), waiting on a colleague (a question to the sender), or
    // back to work (images came): new in the pool, or claimed when it has an owner.
    Result<void> dermatologyDone(const Referral &referral, qint64 now);
    Result<void> dermatologyWaiting(const Referral &referral, qint64 now);
    Result<void> dermatologyBack(const Referral &referral, qint64 now);

    // What comes back to the sender: the answer or a question.
    struct SenderNews
    {
        QString title;
        inbox::Priority priority = inbox::Priority::Routine;
        QString reason;
    };
    // Creates the sender's item (referral.senderItemId empty) or reopens it, claimed by the sender
    // while they are active staff of the sending unit, else new in its pool. Returns its id.
    Result<QString> showToSender(const Referral &referral, const SenderNews &news, qint64 now);
    // The sender's item → done (nothing when there is none or it is done).
    Result<void> senderDone(const Referral &referral, qint64 now);

private:
    Result<inbox::InboxItem> stored(const QString &itemId);
    Result<bool> senderStillThere(const Referral &referral);

    storage::Database &m_database;
};

// "Hudremiss: Vänster underarm", "Svar på hudremiss: …", "Komplettering begärd: …".
QString dermatologyItemTitle(const Referral &referral);
QString answerItemTitle(const Referral &referral);
QString infoRequestItemTitle(const Referral &referral);

} // namespace nara::referrals
