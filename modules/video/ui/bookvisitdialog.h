#pragma once

#include "video/core/visit.h"
#include "video/ui/visitbooking.h"

#include <QDialog>

class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QWidget;

namespace nara {
class Clock;
}

namespace nara::video {

// A patient the visit can be booked for (from the workstation's cache).
struct PatientChoice
{
    QString id;
    QString name;
    QString personalNumber; // YYYYMMDD-NNNN
};

// Books a video visit or a consult call: the patient (searchable; or none, for staff only), up to
// three colleagues from any unit, the time and the reason. Booking is an online request; the
// answer's invitation link is shown with a Copy button. Offline, the dialog says so and keeps
// everything entered.
class BookVisitDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BookVisitDialog)
public:
    static constexpr int kMaxParticipants = Visit::kMaxParticipants; // the booker and the patient included
    static constexpr int kMaxReasonLength = int(Visit::kMaxReasonLength);
    // The role as staff call it ("nurse" → "sjuksköterska" in Swedish).
    static QString roleLabel(const QString &role);

    // `booking` null: no server (the dialog explains that booking needs a connection).
    BookVisitDialog(QList<PatientChoice> patients, QList<Colleague> colleagues, VisitBooking *booking,
                    const Clock &clock, const QString &selfId, QWidget *parent = nullptr);
    ~BookVisitDialog() override;

    // Preselects a patient (the one of the item open in the inbox).
    void selectPatient(const QString &patientId);
    VisitBookingRequest request() const;
    bool isBooked() const { return m_booked; }
    QString statusText() const;

Q_SIGNALS:
    void visitBooked(const nara::video::BookedVisit &visit);

private:
    void setColleagues(const QList<Colleague> &colleagues);
    void filterList(QListWidget *list, const QString &text);
    void book();
    void showBooked(const BookedVisit &visit);
    void showProblem(const QString &message);

    QList<PatientChoice> m_patients;
    VisitBooking *m_booking;
    const Clock &m_clock;
    QString m_selfId;
    QLineEdit *m_patientSearch = nullptr;
    QListWidget *m_patientList = nullptr;
    QLineEdit *m_participantSearch = nullptr;
    QListWidget *m_participantList = nullptr;
    QDateTimeEdit *m_startsAt = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_result = nullptr;
    QLineEdit *m_link = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_book = nullptr;
    QPushButton *m_close = nullptr;
    QString m_key; // the Idempotency-Key of the last attempt, and what it sent
    QByteArray m_keyBody;
    bool m_booked = false;
};

} // namespace nara::video
