#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace nara::forms {

// One occasion on which a patient is asked to answer a questionnaire (docs/api/contract.md,
// "Forms"): pending until answered; overdue when its due time passed unanswered (it then has an
// inbox item); cancelled when staff cancelled the series first.
struct FormRequest
{
    enum class State { Pending, Answered, Overdue, Cancelled };

    QString id;
    qint64 version = 1;
    QString seriesId;
    int occasion = 1; // 1-based
    int occasions = 1;
    QString patientId;
    QString unitId;
    QString questionnaireId; // a bundled questionnaire's short id ("phq-9")
    QString title; // the questionnaire's Swedish title
    qint64 availableAt = 0;
    qint64 dueAt = 0;
    State state = State::Pending;
    QString itemId; // empty: none yet
    QString responseId;
    QString sentBy;
    qint64 sentAt = 0;
    qint64 answeredAt = 0;
    qint64 notifiedAt = 0; // 0: no link sent for this occasion yet
    QString linkPrefix; // "<portal base>/portal/#", for the links of later occasions

    // The form_request entity as /sync sends it.
    QJsonObject toJson() const;
    // What the patient's portal lists: {"requestId","questionnaireId","title","availableAt","dueAt","state"}.
    QJsonObject portalJson() const;

    bool isAnswerable() const { return state == State::Pending || state == State::Overdue; }
};

QString toString(FormRequest::State state); // "pending", "answered", "overdue", "cancelled"
std::optional<FormRequest::State> formStateFromString(QStringView text);

} // namespace nara::forms
