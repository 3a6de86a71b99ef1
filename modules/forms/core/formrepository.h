#pragma once

#include "forms/core/formrequest.h"
#include "forms/core/formresponse.h"
#include "foundation/core/error.h"
#include "storage/core/database.h"

#include <QList>

#include <optional>

namespace nara::forms {

// Form requests and responses in the server's database. Every write appends the entity's new
// state to the change log for staff of the request's unit (entities "form_request" and
// "form_response", as /sync sends them), so it runs inside the caller's transaction.
class FormRepository
{
public:
    explicit FormRepository(storage::Database &database)
        : m_database(database)
    {
    }

    // Stores a new request as given (version as given, normally 1).
    Result<void> insertRequest(const FormRequest &request, qint64 at);
    Result<std::optional<FormRequest>> requestById(const QString &id);
    // The occasions of a series, first to last.
    Result<QList<FormRequest>> series(const QString &seriesId);
    // The patient's pending and overdue requests available at `now`, earliest due first.
    Result<QList<FormRequest>> answerableFor(const QString &patientId, qint64 now);
    // Writes `request` over the stored row of the same id and version; returns it with version + 1.
    // Conflict when the stored version moved on meanwhile (another process changed it first).
    Result<FormRequest> update(const FormRequest &request, qint64 at);

    // Ids of pending requests whose due time is at or before `now`, earliest due first.
    Result<QStringList> pendingPastDue(qint64 now, int limit);
    // Ids of pending requests available at `now` whose patient has not been sent a link for them.
    Result<QStringList> awaitingNotification(qint64 now, int limit);

    Result<void> insertResponse(const FormResponse &response, qint64 at);
    Result<std::optional<FormResponse>> responseById(const QString &id);

private:
    Result<QList<FormRequest>> requestsWhere(const QString &condition, const QVariantList &values);
    Result<QStringList> ids(const QString &sql, const QVariantList &values);

    storage::Database &m_database;
};

} // namespace nara::forms
