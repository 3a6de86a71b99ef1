#pragma once

#include "forms/ui/formrequests.h"
#include "foundation/core/error.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QWidget;

namespace nara {
class Clock;
}

namespace nara::forms {

// A patient the form can be sent to (from the workstation's cache).
struct FormPatient
{
    QString id;
    QString name;
    QString personalNumber; // YYYYMMDD-NNNN
};

// Sends a bundled questionnaire to a patient: the patient (searchable), the questionnaire, once or
// every N days until a date, and how many days each occasion has before it is due. Sending is an
// online request; the answer's link is shown with a Copy button, with whether an SMS went out.
// Offline, the dialog says so and keeps everything entered.
class SendFormDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendFormDialog)
public:
    static constexpr int kMaxOccasions = 60; // the server's limit (docs/api/contract.md)
    static constexpr int kMaxScheduleDays = 365;

    // `requests` null: no server (the dialog explains that sending needs a connection).
    SendFormDialog(QList<FormPatient> patients, FormRequests *requests, const Clock &clock, QWidget *parent = nullptr);
    ~SendFormDialog() override;

    // Preselects a patient (the one of the item open in the inbox).
    void selectPatient(const QString &patientId);
    // What would be sent, or why it cannot be (in words for the user).
    Result<FormRequestDraft> draft() const;
    bool isSent() const { return m_sent; }
    QString statusText() const;

Q_SIGNALS:
    void formSent(const nara::forms::SentForm &form);

private:
    struct Schedule
    {
        int everyDays = 0; // 0: once
        qint64 untilAt = 0;
        int occasions = 1;
    };
    // Once, or the repetition asked for; or why it cannot be.
    Result<Schedule> schedule() const;
    void filterPatients(const QString &text);
    void updateSchedule();
    void send();
    void showSent(const SentForm &form);
    void showProblem(const QString &message);

    QList<FormPatient> m_patients;
    FormRequests *m_requests;
    const Clock &m_clock;
    QLineEdit *m_patientSearch = nullptr;
    QListWidget *m_patientList = nullptr;
    QComboBox *m_questionnaire = nullptr;
    QRadioButton *m_once = nullptr;
    QRadioButton *m_repeat = nullptr;
    QSpinBox *m_everyDays = nullptr;
    QDateEdit *m_until = nullptr;
    QSpinBox *m_dueInDays = nullptr;
    QLabel *m_schedule = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_result = nullptr;
    QLineEdit *m_link = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_sms = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_close = nullptr;
    QString m_key; // the Idempotency-Key of the last attempt, and what it sent
    QByteArray m_keyBody;
    bool m_sent = false;
};

} // namespace nara::forms
