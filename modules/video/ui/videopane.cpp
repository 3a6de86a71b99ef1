#include "video/ui/videopane.h"

#include "foundation/core/clock.h"
#include "video/ui/aftercalldialog.h"
#include "video/ui/precallcheckdialog.h"
#include "video/ui/visitbooking.h"

#include "foundation/ui/panewidgets.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace nara::video {

VideoPane::VideoPane(MediaDevices &devices, sync::WriteSink &sink, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_devices(devices)
    , m_commands(sink, clock)
    , m_clock(clock)
    , m_runner([](QDialog &dialog) { return dialog.exec(); })
{
    setObjectName(QStringLiteral("videoPane"));
    setAccessibleName(tr("Video visit"));

    m_header = ui::makeHeaderLabel(this, QStringLiteral("videoHeader"));

    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("videoDetails"));
    m_details->setAccessibleName(tr("Visit details"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_waiting = new QLabel(this);
    m_waiting->setObjectName(QStringLiteral("waitingLabel"));
    m_waiting->setAccessibleName(tr("Waiting patient"));
    m_waiting->setWordWrap(true);
    m_waiting->setTextFormat(Qt::PlainText);
    m_waiting->setStyleSheet(
        QStringLiteral("#waitingLabel { background: #fff4d6; border: 1px solid #d9a400; padding: 8px; }"));
    QFont waitingFont = m_waiting->font();
    waitingFont.setBold(true);
    m_waiting->setFont(waitingFont);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("videoStatus"));
    m_status->setAccessibleName(tr("Status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    m_preCall = addButton(QStringLiteral("preCallCheckButton"), tr("&Pre-call check…"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), &VideoPane::runPreCallCheck);
    m_join = addButton(QStringLiteral("joinCallButton"), tr("&Join the call"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J), &VideoPane::join);
    m_admit = addButton(QStringLiteral("admitPatientButton"), tr("&Let the patient in"),
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), &VideoPane::admit);
    m_phone = addButton(QStringLiteral("phoneInsteadButton"), tr("Call the patient by &phone instead"),
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), &VideoPane::phoneInstead);
    m_end = addButton(QStringLiteral("endVisitButton"), tr("&End the visit…"),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), &VideoPane::endVisit);
    m_newLink = addButton(QStringLiteral("newLinkButton"), tr("&New link for the patient"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), &VideoPane::newPatientLink);
    m_join->setDefault(true);

    m_linkRow = new QWidget(this);
    m_linkRow->setObjectName(QStringLiteral("patientLinkRow"));
    m_link = new QLineEdit(m_linkRow);
    m_link->setObjectName(QStringLiteral("patientLink"));
    m_link->setAccessibleName(tr("The patient's link to the visit"));
    m_link->setReadOnly(true);
    auto *copy = new QPushButton(tr("&Copy link"), m_linkRow);
    copy->setObjectName(QStringLiteral("copyPatientLink"));
    copy->setAccessibleName(tr("Copy link"));
    connect(copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_link->text());
        m_status->setText(tr("The link is copied. Send it to the patient by SMS or read it aloud."));
    });
    auto *linkLayout = new QHBoxLayout(m_linkRow);
    linkLayout->setContentsMargins(0, 0, 0, 0);
    linkLayout->addWidget(m_link, 1);
    linkLayout->addWidget(copy);
    m_linkRow->hide();

    auto *buttons = new QGridLayout;
    buttons->addWidget(m_preCall, 0, 0);
    buttons->addWidget(m_join, 0, 1);
    buttons->addWidget(m_admit, 1, 0);
    buttons->addWidget(m_phone, 1, 1);
    buttons->addWidget(m_newLink, 2, 0);
    buttons->addWidget(m_end, 2, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_details);
    layout->addWidget(m_waiting);
    layout->addLayout(buttons);
    layout->addWidget(m_linkRow);
    layout->addWidget(m_status);
    layout->addStretch(1);
    update();
}

VideoPane::~VideoPane() = default;

QPushButton *VideoPane::addButton(const QString &name, const QString &text, const QKeySequence &key,
                                  void (VideoPane::*slot)())
{
    const ui::ShortcutButton made = ui::makeShortcutButton(this, name, text, key);
    m_actions.append(made.action);
    connect(made.action, &QAction::triggered, this, slot);
    return made.button;
}

QString VideoPane::timeText(qint64 ms, qint64 nowMs)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms);
    const QLocale locale;
    if (at.date() == QDateTime::fromMSecsSinceEpoch(nowMs).date())
        return locale.toString(at.time(), QStringLiteral("HH:mm"));
    return locale.toString(at, QStringLiteral("d MMM HH:mm"));
}

QString VideoPane::outcomeText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::None: return {};
    case Outcome::Done: return tr("done");
    case Outcome::FollowUp: return tr("follow-up needed");
    case Outcome::PhysicalVisit: return tr("physical visit needed");
    case Outcome::PhoneInstead: return tr("phoned instead");
    }
    return {};
}

void VideoPane::showVisit(const QString &itemId, const QString &title, const QString &patientText,
                          const std::optional<Visit> &visit)
{
    if (itemId != m_itemId) {
        m_status->clear();
        m_choice.reset();
        m_link->clear();
        m_linkRow->hide();
    }
    m_itemId = itemId;
    m_title = title;
    m_patientText = patientText;
    m_visit = visit;
    update();
}

void VideoPane::setStaffUnits(const QStringList &unitIds)
{
    m_unitIds = unitIds;
    update();
}

void VideoPane::setInCall(bool inCall)
{
    m_inCall = inCall;
    update();
}

void VideoPane::update()
{
    const qint64 now = m_clock.nowMs();
    m_header->setText(m_itemId.isEmpty() ? tr("No item selected") : m_title);
    const bool known = m_visit.has_value();
    const bool ended = known && m_visit->isEnded();
    const bool waiting = known && m_visit->isWaiting();
    const bool ofUnit = worksInVisitUnit(); // the server refuses the rest to participants of other units
    const auto enable = [this](QPushButton *button, bool on) {
        // The action drives the button (enabledChanged), so its shortcut is off when the button is.
        auto *action
            = findChild<QAction *>(button->objectName() + QStringLiteral("Action"), Qt::FindDirectChildrenOnly);
        if (action)
            action->setEnabled(on);
        button->setEnabled(on);
    };
    enable(m_preCall, known && !ended);
    enable(m_join, known && !ended && !m_inCall);
    enable(m_admit, ofUnit && waiting && m_admitting != m_visit->id);
    enable(m_phone, ofUnit && !ended && m_visit->admittedAt == 0 && !m_inCall);
    enable(m_end, ofUnit && !ended);
    enable(m_newLink, ofUnit && !ended && m_booking && !m_visit->patientId.isEmpty());
    m_waiting->setVisible(waiting);
    if (!known) {
        m_details->setText(m_itemId.isEmpty() ? QString() : tr("The visit's details have not arrived yet."));
        return;
    }
    const Visit &visit = *m_visit;
    QStringList lines;
    lines.append(tr("Time: %1").arg(timeText(visit.startsAt, now)));
    if (!visit.reason.isEmpty() && visit.reason != m_title)
        lines.append(tr("Reason: %1").arg(visit.reason));
    if (!m_patientText.isEmpty())
        lines.append(tr("Patient: %1").arg(m_patientText));
    else if (visit.patientId.isEmpty())
        lines.append(tr("Consult call between staff (no patient)"));
    QStringList staff;
    for (const VisitParticipant &participant : visit.participants) {
        if (participant.kind == VisitParticipant::Kind::Staff)
            staff.append(participant.name.isEmpty() ? participant.id : participant.name);
    }
    if (!staff.isEmpty())
        lines.append(tr("Participants: %1").arg(staff.join(QStringLiteral(", "))));
    if (visit.isEnded()) {
        const QString outcome = outcomeText(visit.outcome);
        lines.append(outcome.isEmpty() ? tr("Status: ended %1").arg(timeText(visit.endedAt, now))
                                       : tr("Status: ended %1 (%2)").arg(timeText(visit.endedAt, now), outcome));
        if (!visit.note.isEmpty())
            lines.append(tr("Note: %1").arg(visit.note));
    } else if (visit.isInCall()) {
        lines.append(tr("Status: in the call since %1").arg(timeText(visit.admittedAt, now)));
    } else if (waiting) {
        lines.append(tr("Status: the patient is in the waiting room"));
    } else {
        lines.append(tr("Status: booked"));
    }
    m_details->setText(lines.join(QLatin1Char('\n')));

    if (waiting) {
        QString text = tr("Patient waiting since %1").arg(timeText(visit.patientWaitingSince, now));
        QStringList readiness;
        if (visit.readiness) {
            readiness.append(visit.readiness->camera ? tr("camera ✓") : tr("camera ✗"));
            readiness.append(visit.readiness->microphone ? tr("microphone ✓") : tr("microphone ✗"));
        }
        if (!readiness.isEmpty())
            text += u" (" % readiness.join(QStringLiteral(", ")) % u')';
        m_waiting->setText(text);
    }
}

void VideoPane::setBooking(VisitBooking *booking)
{
    if (m_booking)
        disconnect(m_booking, nullptr, this, nullptr);
    m_booking = booking;
    m_admitting.clear();
    if (m_booking) {
        connect(m_booking, &VisitBooking::invitationCreated, this,
                [this](const QString &visitId, const QString &url, qint64 expiresAt) {
                    if (visitId != this->visitId())
                        return;
                    m_link->setText(url);
                    m_linkRow->show();
                    m_link->selectAll();
                    m_status->setText(
                        tr("A new link for the patient; it works until %1.").arg(timeText(expiresAt, m_clock.nowMs())));
                });
        connect(m_booking, &VisitBooking::invitationFailed, this,
                [this](const QString &visitId, const QString &message) {
                    if (visitId == this->visitId())
                        m_status->setText(message);
                });
        connect(m_booking, &VisitBooking::admitted, this, [this](const QString &visitId) {
            if (visitId == m_admitting)
                m_admitting.clear();
            if (visitId == this->visitId())
                m_status->setText(tr("The patient is let in."));
            update();
            Q_EMIT admitted(visitId);
        });
        connect(m_booking, &VisitBooking::admitFailed, this, [this](const QString &visitId, const QString &message) {
            if (visitId == m_admitting)
                m_admitting.clear();
            if (visitId == this->visitId())
                m_status->setText(message);
            update();
        });
    }
    update();
}

void VideoPane::writeRejected(const QString &writeId, const QString &message)
{
    if (!m_writes.remove(writeId))
        return;
    m_status->setText(tr("The server refused the change: %1").arg(message));
}

void VideoPane::newPatientLink()
{
    if (!m_booking || !worksInVisitUnit() || m_visit->patientId.isEmpty() || m_visit->isEnded())
        return;
    m_status->setText(tr("Asking the server for a new link…"));
    m_booking->newInvitation(m_visit->id);
}

int VideoPane::runDialog(QDialog &dialog)
{
    return m_runner ? m_runner(dialog) : dialog.exec();
}

bool VideoPane::stillShows(const QString &visitId)
{
    if (!m_visit || m_visit->id != visitId) {
        m_status->setText(tr("The visit shown changed while the dialog was open: nothing was done."));
        return false;
    }
    if (m_visit->isEnded()) {
        m_status->setText(tr("The visit has ended meanwhile: nothing was done."));
        return false;
    }
    return true;
}

void VideoPane::runPreCallCheck()
{
    if (!m_visit)
        return;
    // The dialog runs an event loop of its own: sync may replace or clear m_visit meanwhile.
    const QString visitId = m_visit->id;
    PreCallCheckDialog dialog(m_devices, this);
    const int result = runDialog(dialog);
    if (result != PreCallCheckDialog::PhoneInstead && result != QDialog::Accepted)
        return;
    if (!stillShows(visitId))
        return;
    if (result == PreCallCheckDialog::PhoneInstead) {
        if (worksInVisitUnit())
            phoneInstead();
        else
            m_status->setText(tr("Only staff of the visit's care unit can end it; ask them to phone the patient."));
    } else {
        m_choice = dialog.choice();
        m_status->setText(m_choice->audioOnly ? tr("Devices checked: audio only.") : tr("Devices checked."));
    }
}

void VideoPane::join()
{
    if (!m_visit || m_visit->isEnded() || m_inCall)
        return;
    const QString visitId = m_visit->id;
    if (!m_choice) {
        // The first call of the session starts with the check; it can be repeated at any time.
        runPreCallCheck();
        if (!m_choice || m_inCall || !stillShows(visitId))
            return;
    }
    Q_EMIT joinRequested(visitId, *m_choice);
}

void VideoPane::admit()
{
    if (!worksInVisitUnit() || !m_visit->isWaiting() || m_admitting == m_visit->id)
        return;
    if (!m_booking) {
        m_status->setText(tr("Letting the patient in needs a connection to the server."));
        return;
    }
    // Online only: an admit queued offline could fire much later and let a patient who is waiting
    // by then into a call nobody is in.
    m_admitting = m_visit->id;
    m_status->setText(tr("The patient is being let in…"));
    update();
    m_booking->admit(m_admitting);
}

void VideoPane::phoneInstead()
{
    if (!worksInVisitUnit() || m_visit->isEnded())
        return;
    const Visit visit = *m_visit; // endSubmitted's receivers may hand a new visit in
    m_writes.insert(m_commands.end(visit, QStringLiteral("phone_instead"), {}));
    m_status->setText(tr("The visit is ended: you phone the patient instead."));
    Q_EMIT endSubmitted(visit.id, QStringLiteral("phone_instead"));
}

void VideoPane::endVisit()
{
    if (!worksInVisitUnit() || m_visit->isEnded())
        return;
    // The dialog runs an event loop of its own: sync may replace or clear m_visit meanwhile.
    const Visit visit = *m_visit;
    AfterCallDialog dialog(m_title, this);
    if (runDialog(dialog) != QDialog::Accepted)
        return;
    if (!stillShows(visit.id))
        return;
    if (!worksInVisitUnit()) {
        m_status->setText(tr("Only staff of the visit's care unit can end it."));
        return;
    }
    const QString outcome = dialog.outcome();
    m_writes.insert(m_commands.end(visit, outcome, dialog.note().left(AfterCallDialog::kMaxNoteLength)));
    m_status->setText(tr("The visit is being ended…"));
    Q_EMIT endSubmitted(visit.id, outcome);
}

} // namespace nara::video
