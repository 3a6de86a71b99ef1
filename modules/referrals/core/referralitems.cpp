#include "referrals/core/referralitems.h"

#include "auth/core/accountrepository.h"
#include "foundation/core/ids.h"
#include "inbox/core/inboxrepository.h"
#include "inbox/core/lifecycle.h"

namespace nara::referrals {

namespace {

inbox::Priority inboxPriority(ReferralPriority priority)
{
    return priority == ReferralPriority::Urgent ? inbox::Priority::Urgent : inbox::Priority::Routine;
}

} // namespace

QString dermatologyItemTitle(const Referral &referral)
{
    return QStringLiteral("Hudremiss: ") + referral.bodySite.display;
}

QString answerItemTitle(const Referral &referral)
{
    return QStringLiteral("Svar på hudremiss: ") + referral.bodySite.display;
}

QString infoRequestItemTitle(const Referral &referral)
{
    return QStringLiteral("Komplettering begärd: ") + referral.bodySite.display;
}

Result<inbox::InboxItem> ReferralItems::stored(const QString &itemId)
{
    auto item = inbox::InboxRepository(m_database).byId(itemId);
    if (!item)
        return fail(item.error());
    if (!item->has_value())
        return fail(Error::storage(QStringLiteral("The referral's inbox item %1 is missing.").arg(itemId)));
    return **item;
}

Result<QString> ReferralItems::openForDermatology(const Referral &referral, qint64 now)
{
    inbox::InboxItem item;
    item.id = newId();
    item.kind = inbox::Kind::Referral;
    item.state = inbox::State::New;
    item.priority = inboxPriority(referral.priority);
    item.priorityReason = referral.priority == ReferralPriority::Urgent
        ? QStringLiteral("Misstänkt hudcancer: brådskande hudremiss")
        : QStringLiteral("Hudremiss");
    item.unitId = referral.toUnitId;
    item.patientId = referral.patientId;
    item.title = dermatologyItemTitle(referral);
    item.createdAt = now;
    item.updatedAt = now;
    item.lastActivityAt = now;
    item.dueAt = referral.dueAt;
    if (auto inserted = inbox::InboxRepository(m_database).insert(item); !inserted)
        return fail(inserted.error());
    return item.id;
}

Result<void> ReferralItems::dermatologyDone(const Referral &referral, qint64 now)
{
    auto item = stored(referral.itemId);
    if (!item)
        return fail(item.error());
    if (item->state == inbox::State::Done)
        return {};
    item->state = inbox::State::Done;
    item->waitingOn = inbox::WaitingOn::Nobody;
    item->lastActivityAt = now;
    if (auto updated = inbox::InboxRepository(m_database).update(*item, now); !updated)
        return fail(updated.error());
    return {};
}

Result<void> ReferralItems::dermatologyWaiting(const Referral &referral, qint64 now)
{
    auto item = stored(referral.itemId);
    if (!item)
        return fail(item.error());
    item->state = inbox::State::Waiting;
    item->waitingOn = inbox::WaitingOn::Colleague;
    item->lastActivityAt = now;
    if (auto updated = inbox::InboxRepository(m_database).update(*item, now); !updated)
        return fail(updated.error());
    return {};
}

Result<void> ReferralItems::dermatologyBack(const Referral &referral, qint64 now)
{
    auto item = stored(referral.itemId);
    if (!item)
        return fail(item.error());
    item->state = item->ownerId.isEmpty() ? inbox::State::New : inbox::State::Claimed;
    item->waitingOn = inbox::WaitingOn::Nobody;
    item->lastActivityAt = now;
    if (auto updated = inbox::InboxRepository(m_database).update(*item, now); !updated)
        return fail(updated.error());
    return {};
}

Result<bool> ReferralItems::senderStillThere(const Referral &referral)
{
    auto sender = auth::AccountRepository(m_database).staffById(referral.sentBy);
    if (!sender)
        return fail(sender.error());
    return sender->has_value() && (*sender)->active && (*sender)->unitIds.contains(referral.fromUnitId);
}

Result<QString> ReferralItems::showToSender(const Referral &referral, const SenderNews &news, qint64 now)
{
    auto present = senderStillThere(referral);
    if (!present)
        return fail(present.error());
    inbox::InboxItem item;
    const bool existing = !referral.senderItemId.isEmpty();
    if (existing) {
        auto found = stored(referral.senderItemId);
        if (!found)
            return fail(found.error());
        item = *found;
    } else {
        item.id = newId();
        item.kind = inbox::Kind::Referral;
        item.unitId = referral.fromUnitId;
        item.patientId = referral.patientId;
        item.createdAt = now;
        item.updatedAt = now;
    }
    item.state = *present ? inbox::State::Claimed : inbox::State::New;
    item.ownerId = *present ? referral.sentBy : QString();
    item.claimedAt = *present ? now : 0;
    item.waitingOn = inbox::WaitingOn::Nobody;
    item.priority = news.priority;
    item.priorityReason = news.reason;
    item.title = news.title;
    item.lastActivityAt = now;
    item.dueAt = inbox::dueAtFor(inbox::Kind::Referral, news.priority, now);
    inbox::InboxRepository items(m_database);
    if (existing) {
        if (auto updated = items.update(item, now); !updated)
            return fail(updated.error());
    } else if (auto inserted = items.insert(item); !inserted) {
        return fail(inserted.error());
    }
    return item.id;
}

Result<void> ReferralItems::senderDone(const Referral &referral, qint64 now)
{
    if (referral.senderItemId.isEmpty())
        return {};
    auto item = stored(referral.senderItemId);
    if (!item)
        return fail(item.error());
    if (item->state == inbox::State::Done)
        return {};
    item->state = inbox::State::Done;
    item->waitingOn = inbox::WaitingOn::Nobody;
    item->lastActivityAt = now;
    if (auto updated = inbox::InboxRepository(m_database).update(*item, now); !updated)
        return fail(updated.error());
    return {};
}

} // namespace nara::referrals
