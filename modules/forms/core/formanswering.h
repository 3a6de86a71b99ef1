#pragma once

#include "forms/core/formrequest.h"
#include "forms/core/formresponse.h"
#include "forms/core/score.h"
#include "foundation/core/clock.h"
#include "foundation/core/error.h"
#include "inbox/core/inboxitem.h"
#include "storage/core/database.h"

#include <QStringList>

#include <optional>

namespace nara::forms {

class Questionnaire;

// What one answer left behind.
struct AnsweredForm
{
    FormRequest request; // as stored: answered, with its item and response
    FormResponse response;
    inbox::InboxItem item; // the form item, new in the unit's pool
    std::optional<Score> score;
    bool safetyConcern = false; // PHQ-9 item 9 above 0: the patient is told where to turn
    QStringList created; // "form_response:<id>", "inbox_item:<id>" for the audit log
    QStringList updated; // "form_request:<id>", and "inbox_item:<id>" when an overdue item took the answer
};

// A patient answers a form request in the portal (docs/api/contract.md, "Forms"): the answer is
// validated against the questionnaire, scored, stored, and becomes an inbox item of kind form in
// the request's unit (priority and reason from the score). A request that became overdue already
// has an item: that item takes the answer and returns to the pool as new. Runs inside the caller's
// transaction; writes no audit rows (the route does, from `created` and `updated`).
class FormAnswering
{
public:
    FormAnswering(storage::Database &database, const Clock &clock)
        : m_database(database)
        , m_clock(clock)
    {
    }

    // The request, if it is the patient's. NotFound for an unknown request and for another
    // patient's alike.
    Result<FormRequest> requestOf(const QString &patientId, const QString &requestId);
    // Conflict when the request was answered or cancelled, or is not available yet at `now`.
    static Result<void> checkAnswerable(const FormRequest &request, qint64 now);

    // NotFound and Conflict as above; InvalidInput naming the item when `body` is not a valid
    // QuestionnaireResponse to the request's questionnaire (nothing is stored then).
    Result<AnsweredForm> answer(const QString &patientId, const QString &requestId, const QByteArray &body);

    // "PHQ-9 besvarat: 17 poäng – måttligt svår"; "<title> besvarat" without a score.
    static QString answeredTitle(const QString &title, const std::optional<Score> &score);

private:
    storage::Database &m_database;
    const Clock &m_clock;
};

} // namespace nara::forms
