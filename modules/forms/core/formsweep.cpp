#include "forms/core/formsweep.h"

#include "auth/core/auditlog.h"
#include "forms/core/formrepository.h"
#include "foundation/core/ids.h"
#include "inbox/core/inboxrepository.h"
#include "inbox/core/lifecycle.h"
#include "storage/core/transactionguard.h"

#include <QTimeZone>

namespace nara::forms {

Result<void> auditAsSystem(storage::Database &database, qint64 at, const FormRequest &request, const QString &action,
                           const QString &object)
{
    auth::AuditEntry entry;
    entry.at = at;
    entry.role = QStringLiteral("system");
    entry.unitId = request.unitId;
    entry.patientId = request.patientId;
    entry.action = action;
    entry.object = object;
    entry.client = QStringLiteral("forms-sweep");
    return auth::AuditLog(database).append(entry);
}

inbox::InboxItem FormSweep::overdueItem(const FormRequest &request, qint64 now)
{
    const QDateTime due
        = QDateTime::fromMSecsSinceEpoch(request.dueAt, QTimeZone(QByteArrayLiteral("Europe/Stockholm")));
    inbox::InboxItem item;
    item.id = newId();
    item.kind = inbox::Kind::Form;
    item.priority = inbox::Priority::Routine;
    item.priorityReason = QStringLiteral("Förfallodag %1 passerad").arg(due.toString(QStringLiteral("yyyy-MM-dd")));
    item.unitId = request.unitId;
    item.patientId = request.patientId;
    item.title = request.title + QStringLiteral(" ej besvarat");
    item.createdAt = now;
    item.updatedAt = now;
    item.lastActivityAt = now;
    item.dueAt = inbox::dueAtFor(item.kind, item.priority, now);
    return item;
}

Result<bool> FormSweep::markOverdue(const QString &requestId)
{
    const qint64 now = m_clock.nowMs();
    FormRepository forms(m_database);
    auto request = forms.requestById(requestId);
    if (!request)
        return fail(request.error());
    if (!request->has_value() || (*request)->state != FormRequest::State::Pending || (*request)->dueAt > now)
        return false;
    const inbox::InboxItem item = overdueItem(**request, now);
    if (auto inserted = inbox::InboxRepository(m_database).insert(item); !inserted)
        return fail(inserted.error());
    FormRequest next = **request;
    next.state = FormRequest::State::Overdue;
    next.itemId = item.id;
    // The update names the version read: a request another process changed meanwhile is a
    // Conflict, and the caller rolls the item back with the transaction.
    if (auto updated = forms.update(next, now); !updated)
        return fail(updated.error());
    if (auto logged
        = auditAsSystem(m_database, now, next, QStringLiteral("update"), QStringLiteral("form_request:") + next.id);
        !logged)
        return fail(logged.error());
    if (auto logged
        = auditAsSystem(m_database, now, next, QStringLiteral("create"), QStringLiteral("inbox_item:") + item.id);
        !logged)
        return fail(logged.error());
    return true;
}

Result<int> FormSweep::markOverdue()
{
    auto due = FormRepository(m_database).pendingPastDue(m_clock.nowMs(), kBatch);
    if (!due)
        return fail(due.error());
    int marked = 0;
    std::optional<Error> firstError;
    // A request that fails comes first again on every run: it must not hold up the ones after it.
    // Its error is returned once all have been tried.
    const auto remember = [&firstError](const Error &error) {
        if (!firstError)
            firstError = error;
    };
    for (const QString &id : std::as_const(*due)) {
        auto transaction = storage::TransactionGuard::begin(m_database);
        if (!transaction) {
            remember(transaction.error());
            continue;
        }
        auto changed = markOverdue(id);
        if (!changed) {
            transaction->rollback();
            if (changed.error().code != ErrorCode::Conflict) // Conflict: another process was first
                remember(changed.error());
            continue;
        }
        if (auto committed = transaction->commit(); !committed) {
            remember(committed.error());
            continue;
        }
        marked += *changed ? 1 : 0;
    }
    if (firstError)
        return fail(*firstError);
    return marked;
}

} // namespace nara::forms
