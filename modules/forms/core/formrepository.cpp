#include "forms/core/formrepository.h"

#include "sync/core/changelog.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace nara::forms {

namespace {

const QString kRequestColumns = QStringLiteral(
    "id, version, series_id, occasion, occasions, patient_id, unit_id, questionnaire_id, title, available_at, "
    "due_at, state, item_id, response_id, sent_by, sent_at, answered_at, notified_at, link_prefix");

const QString kResponseColumns = QStringLiteral(
    "id, request_id, patient_id, unit_id, questionnaire_id, item_id, authored_at, score_json, response_json");

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullable(qint64 value)
{
    return value == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Result<FormRequest> requestFromRow(const QSqlQuery &row)
{
    FormRequest request;
    request.id = row.value(0).toString();
    request.version = row.value(1).toLongLong();
    request.seriesId = row.value(2).toString();
    request.occasion = row.value(3).toInt();
    request.occasions = row.value(4).toInt();
    request.patientId = row.value(5).toString();
    request.unitId = row.value(6).toString();
    request.questionnaireId = row.value(7).toString();
    request.title = row.value(8).toString();
    request.availableAt = row.value(9).toLongLong();
    request.dueAt = row.value(10).toLongLong();
    const auto state = formStateFromString(row.value(11).toString());
    if (!state)
        return fail(ErrorCode::Storage, QStringLiteral("Form request %1 has an unknown state.").arg(request.id));
    request.state = *state;
    request.itemId = row.value(12).toString();
    request.responseId = row.value(13).toString();
    request.sentBy = row.value(14).toString();
    request.sentAt = row.value(15).toLongLong();
    request.answeredAt = row.value(16).toLongLong();
    request.notifiedAt = row.value(17).toLongLong();
    request.linkPrefix = row.value(18).toString();
    return request;
}

} // namespace

Result<void> FormRepository::insertRequest(const FormRequest &request, qint64 at)
{
    auto stored = m_database.execute(
        QStringLiteral("INSERT INTO form_requests (") + kRequestColumns
            + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {request.id, request.version, request.seriesId, request.occasion, request.occasions, request.patientId,
         request.unitId, request.questionnaireId, request.title, request.availableAt, request.dueAt,
         toString(request.state), nullable(request.itemId), nullable(request.responseId), request.sentBy,
         request.sentAt, nullable(request.answeredAt), nullable(request.notifiedAt), request.linkPrefix});
    if (!stored)
        return fail(stored.error());
    if (auto seq = sync::ChangeLog(m_database)
                       .append(request.unitId, QStringLiteral("form_request"), request.id, request.toJson(), at);
        !seq)
        return fail(seq.error());
    return {};
}

Result<QList<FormRequest>> FormRepository::requestsWhere(const QString &condition, const QVariantList &values)
{
    auto rows = m_database.query(
        QStringLiteral("SELECT ") + kRequestColumns + QStringLiteral(" FROM form_requests WHERE ") + condition, values);
    if (!rows)
        return fail(rows.error());
    QList<FormRequest> requests;
    while (rows->next()) {
        auto request = requestFromRow(*rows);
        if (!request)
            return fail(request.error());
        requests.append(*request);
    }
    return requests;
}

Result<std::optional<FormRequest>> FormRepository::requestById(const QString &id)
{
    if (id.isEmpty())
        return std::optional<FormRequest>{};
    auto found = requestsWhere(QStringLiteral("id = ?"), {id});
    if (!found)
        return fail(found.error());
    if (found->isEmpty())
        return std::optional<FormRequest>{};
    return std::optional<FormRequest>(found->constFirst());
}

Result<QList<FormRequest>> FormRepository::series(const QString &seriesId)
{
    return requestsWhere(QStringLiteral("series_id = ? ORDER BY occasion"), {seriesId});
}

Result<QList<FormRequest>> FormRepository::answerableFor(const QString &patientId, qint64 now)
{
    return requestsWhere(QStringLiteral("patient_id = ? AND state IN ('pending', 'overdue') AND available_at <= ? "
                                        "ORDER BY due_at, occasion, id"),
                         {patientId, now});
}

Result<FormRequest> FormRepository::update(const FormRequest &request, qint64 at)
{
    FormRequest next = request;
    next.version = request.version + 1;
    auto changed = m_database.execute(
        QStringLiteral("UPDATE form_requests SET version = ?, state = ?, item_id = ?, response_id = ?, "
                       "answered_at = ?, notified_at = ? WHERE id = ? AND version = ?"),
        {next.version, toString(next.state), nullable(next.itemId), nullable(next.responseId),
         nullable(next.answeredAt), nullable(next.notifiedAt), request.id, request.version});
    if (!changed)
        return fail(changed.error());
    if (*changed != 1)
        return fail(Error::conflict(QStringLiteral("The form request changed meanwhile; try again.")));
    if (auto seq
        = sync::ChangeLog(m_database).append(next.unitId, QStringLiteral("form_request"), next.id, next.toJson(), at);
        !seq)
        return fail(seq.error());
    return next;
}

Result<QStringList> FormRepository::ids(const QString &sql, const QVariantList &values)
{
    auto rows = m_database.query(sql, values);
    if (!rows)
        return fail(rows.error());
    QStringList result;
    while (rows->next())
        result.append(rows->value(0).toString());
    return result;
}

Result<QStringList> FormRepository::pendingPastDue(qint64 now, int limit)
{
    return ids(QStringLiteral("SELECT id FROM form_requests WHERE state = 'pending' AND due_at <= ? "
                              "ORDER BY due_at, id LIMIT ?"),
               {now, limit});
}

Result<QStringList> FormRepository::awaitingNotification(qint64 now, int limit)
{
    return ids(QStringLiteral("SELECT id FROM form_requests WHERE state = 'pending' AND notified_at IS NULL "
                              "AND available_at <= ? ORDER BY available_at, id LIMIT ?"),
               {now, limit});
}

Result<void> FormRepository::insertResponse(const FormResponse &response, qint64 at)
{
    auto stored = m_database.execute(
        QStringLiteral("INSERT INTO form_responses (") + kResponseColumns
            + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {response.id, response.requestId, response.patientId, response.unitId, response.questionnaireId,
         response.itemId, response.authoredAt,
         response.score ? QVariant(compact(*response.score)) : QVariant(QMetaType::fromType<QString>()),
         compact(response.response)});
    if (!stored)
        return fail(stored.error());
    if (auto seq = sync::ChangeLog(m_database)
                       .append(response.unitId, QStringLiteral("form_response"), response.id, response.toJson(), at);
        !seq)
        return fail(seq.error());
    return {};
}

Result<std::optional<FormResponse>> FormRepository::responseById(const QString &id)
{
    auto rows = m_database.query(
        QStringLiteral("SELECT ") + kResponseColumns + QStringLiteral(" FROM form_responses WHERE id = ?"), {id});
    if (!rows)
        return fail(rows.error());
    if (!rows->next())
        return std::optional<FormResponse>{};
    FormResponse response;
    response.id = rows->value(0).toString();
    response.requestId = rows->value(1).toString();
    response.patientId = rows->value(2).toString();
    response.unitId = rows->value(3).toString();
    response.questionnaireId = rows->value(4).toString();
    response.itemId = rows->value(5).toString();
    response.authoredAt = rows->value(6).toLongLong();
    if (!rows->value(7).isNull())
        response.score = QJsonDocument::fromJson(rows->value(7).toString().toUtf8()).object();
    response.response = QJsonDocument::fromJson(rows->value(8).toString().toUtf8()).object();
    return std::optional<FormResponse>(response);
}

} // namespace nara::forms
