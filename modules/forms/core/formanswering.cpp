#include "forms/core/formanswering.h"

#include "forms/core/formrepository.h"
#include "forms/core/questionnairecatalog.h"
#include "forms/core/questionnaireresponse.h"
#include "foundation/core/ids.h"
#include "inbox/core/inboxrepository.h"
#include "inbox/core/lifecycle.h"

#include <QDateTime>
#include <QJsonArray>

namespace nara::forms {

namespace {

constexpr qsizetype kMaxReasonLength = 500;
constexpr qsizetype kMaxTitleLength = 200;

QString cut(const QString &text, qsizetype max)
{
    return text.size() <= max ? text : text.left(max - 1) + u'…';
}

QJsonObject answerJson(const AnswerValue &value, const QuestionnaireItem &item)
{
    if (const auto *coding = std::get_if<Coding>(&value)) {
        QJsonObject codingJson{{QStringLiteral("code"), coding->code}};
        if (const AnswerOption *option = item.option(coding->code))
            codingJson.insert(QStringLiteral("display"), option->display.sv);
        return {{QStringLiteral("valueCoding"), codingJson}};
    }
    if (const auto *flag = std::get_if<bool>(&value))
        return {{QStringLiteral("valueBoolean"), *flag}};
    if (const auto *integer = std::get_if<qint64>(&value))
        return {{QStringLiteral("valueInteger"), *integer}};
    if (const auto *decimal = std::get_if<double>(&value))
        return {{QStringLiteral("valueDecimal"), *decimal}};
    return {{QStringLiteral("valueString"), std::get<QString>(value)}};
}

// The answers nested as the questionnaire's items are (groups with their children), answered
// items only.
QJsonArray itemsJson(const std::vector<QuestionnaireItem> &items, const Answers &answers)
{
    QJsonArray result;
    for (const QuestionnaireItem &item : items) {
        if (item.type == ItemType::Group) {
            const QJsonArray children = itemsJson(item.items, answers);
            if (!children.isEmpty())
                result.append(QJsonObject{{QStringLiteral("linkId"), item.linkId}, {QStringLiteral("item"), children}});
            continue;
        }
        const auto answer = answers.constFind(item.linkId);
        if (answer != answers.constEnd())
            result.append(QJsonObject{{QStringLiteral("linkId"), item.linkId},
                                      {QStringLiteral("answer"), QJsonArray{answerJson(*answer, item)}}});
    }
    return result;
}

// The stored FHIR QuestionnaireResponse: rebuilt from the validated answers, so nothing the
// patient's browser added beyond them is kept.
QJsonObject fhirResponse(const Questionnaire &questionnaire, const QuestionnaireResponse &response, const QString &id,
                         const QString &patientId, qint64 authoredAt)
{
    return {
        {QStringLiteral("resourceType"), QStringLiteral("QuestionnaireResponse")},
        {QStringLiteral("id"), id},
        {QStringLiteral("questionnaire"), response.questionnaire()},
        {QStringLiteral("status"), QStringLiteral("completed")},
        {QStringLiteral("subject"),
         QJsonObject{{QStringLiteral("reference"), QString(QStringLiteral("Patient/") + patientId)}}},
        {QStringLiteral("authored"), QDateTime::fromMSecsSinceEpoch(authoredAt, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("item"), itemsJson(questionnaire.items(), response.answers())},
    };
}

Error noSuchForm()
{
    return Error::notFound(QStringLiteral("No such form."));
}

} // namespace

Result<FormRequest> FormAnswering::requestOf(const QString &patientId, const QString &requestId)
{
    auto request = FormRepository(m_database).requestById(requestId);
    if (!request)
        return fail(request.error());
    if (!request->has_value() || patientId.isEmpty() || (*request)->patientId != patientId)
        return fail(noSuchForm());
    return **request;
}

Result<void> FormAnswering::checkAnswerable(const FormRequest &request, qint64 now)
{
    switch (request.state) {
    case FormRequest::State::Answered:
        return fail(Error::conflict(QStringLiteral("This form has already been answered.")));
    case FormRequest::State::Cancelled:
        return fail(Error::conflict(QStringLiteral("This form was cancelled by the care unit.")));
    case FormRequest::State::Pending:
    case FormRequest::State::Overdue: break;
    }
    if (request.availableAt > now)
        return fail(Error::conflict(QStringLiteral("This form cannot be answered yet."),
                                    QJsonObject{{QStringLiteral("availableAt"), request.availableAt}}));
    return {};
}

QString FormAnswering::answeredTitle(const QString &title, const std::optional<Score> &score)
{
    if (!score)
        return title + QStringLiteral(" besvarat");
    const QString label = score->severityLabel.sv.toLower();
    if (score->severity.startsWith(u"pain-")) // physiotherapy and pre-visit forms: pain now, 0–10
        return QStringLiteral("%1 besvarat: %2 (%3 av %4)").arg(title, label).arg(score->total).arg(score->maxTotal);
    return QStringLiteral("%1 besvarat: %2 poäng – %3").arg(title).arg(score->total).arg(label);
}

Result<AnsweredForm> FormAnswering::answer(const QString &patientId, const QString &requestId, const QByteArray &body)
{
    const qint64 now = m_clock.nowMs();
    auto request = requestOf(patientId, requestId);
    if (!request)
        return fail(request.error());
    if (auto answerable = checkAnswerable(*request, now); !answerable)
        return fail(answerable.error());
    auto entry = catalogEntry(request->questionnaireId);
    if (!entry)
        return fail(entry.error().code == ErrorCode::NotFound ? Error::storage(entry.error().message) : entry.error());
    const Questionnaire &questionnaire = (*entry)->questionnaire;
    auto response = QuestionnaireResponse::fromJson(body, questionnaire);
    if (!response)
        return fail(response.error());

    AnsweredForm answered;
    if (auto scored = score(questionnaire, *response)) {
        answered.score = *scored;
    } else if (scored.error().code != ErrorCode::NotFound) {
        return fail(scored.error());
    }
    const inbox::Priority priority = answered.score
        ? inbox::priorityFromString(answered.score->priority).value_or(inbox::Priority::Routine)
        : inbox::Priority::Routine;
    for (const ScoreReason &reason : answered.score ? answered.score->reasons : QList<ScoreReason>{})
        answered.safetyConcern = answered.safetyConcern || reason.code == u"phq9-item9";
    const QString title = cut(answeredTitle(request->title, answered.score), kMaxTitleLength);
    const QString reason = cut(answered.score ? answered.score->reasons.constFirst().text.sv : title, kMaxReasonLength);

    // The item: the overdue one, back in the pool with the answer's priority, or a new one.
    inbox::InboxRepository items(m_database);
    std::optional<inbox::InboxItem> existing;
    if (!request->itemId.isEmpty()) {
        auto stored = items.byId(request->itemId);
        if (!stored)
            return fail(stored.error());
        existing = *stored;
    }
    inbox::InboxItem item = existing.value_or(inbox::InboxItem{});
    if (!existing) {
        item.id = newId();
        item.kind = inbox::Kind::Form;
        item.unitId = request->unitId;
        item.patientId = request->patientId;
        item.createdAt = now;
    }
    item.state = inbox::State::New;
    item.waitingOn = inbox::WaitingOn::Nobody;
    item.ownerId.clear();
    item.claimedAt = 0;
    item.priority = priority;
    item.priorityReason = reason;
    item.title = title;
    item.updatedAt = now;
    item.lastActivityAt = now;
    item.dueAt = inbox::dueAtFor(inbox::Kind::Form, priority, now);
    if (existing) {
        auto updated = items.update(item, now);
        if (!updated)
            return fail(updated.error());
        item = *updated;
        answered.updated.append(QStringLiteral("inbox_item:") + item.id);
    } else {
        if (auto inserted = items.insert(item); !inserted)
            return fail(inserted.error());
        answered.created.append(QStringLiteral("inbox_item:") + item.id);
    }

    FormRequest next = *request;
    next.state = FormRequest::State::Answered;
    next.itemId = item.id;
    next.responseId = newId();
    next.answeredAt = now;
    auto stored = FormRepository(m_database).update(next, now);
    if (!stored)
        return fail(stored.error());
    answered.request = *stored;
    answered.updated.prepend(QStringLiteral("form_request:") + next.id);

    FormResponse &saved = answered.response;
    saved.id = next.responseId;
    saved.requestId = next.id;
    saved.patientId = next.patientId;
    saved.unitId = next.unitId;
    saved.questionnaireId = next.questionnaireId;
    saved.itemId = item.id;
    saved.authoredAt = now;
    if (answered.score)
        saved.score = scoreJson(*answered.score);
    saved.response = fhirResponse(questionnaire, *response, saved.id, next.patientId, now);
    if (auto inserted = FormRepository(m_database).insertResponse(saved, now); !inserted)
        return fail(inserted.error());
    answered.created.prepend(QStringLiteral("form_response:") + saved.id);
    answered.item = item;
    return answered;
}

} // namespace nara::forms
