#pragma once

#include "video/core/visit.h"
#include "video/ui/mediadevices.h"
#include "video/ui/visitcommands.h"

#include <QSet>
#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QDialog;
class QLabel;
class QLineEdit;
class QPushButton;

namespace nara {
class Clock;
}
namespace nara::sync {
class WriteSink;
}

namespace nara::video {

class VisitBooking;

// The detail pane of a `video` inbox item: when, why and with whom; the visit's state; a
// waiting patient ("Patient waiting since 10:02") with the readiness their browser reported; and
// what the clinician does next: the pre-call check, join, admit the patient, phone instead, end.
// The host hands the visit in (showVisit, again whenever it changes) and opens the call window on
// joinRequested(). End becomes a write for the outbox; admit is an online request (VisitBooking),
// never queued: offline the pane says it needs a connection. Dialogs run through the runner the
// host sets (the workstation's Dialogs::run, so tests can answer them). Sync may hand a new visit in
// while a dialog is open: what the dialog asked for is then dropped, never applied to another visit.
class VideoPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VideoPane)
public:
    using DialogRunner = std::function<int(QDialog &)>;

    VideoPane(MediaDevices &devices, sync::WriteSink &sink, const Clock &clock, QWidget *parent = nullptr);
    ~VideoPane() override;

    void setDialogRunner(DialogRunner runner) { m_runner = std::move(runner); }
    // Online requests (a new link for the patient, admitting); null without a server.
    void setBooking(VisitBooking *booking);
    // The item shown, its title and patient text (from the inbox) and its visit, if synced yet.
    void showVisit(const QString &itemId, const QString &title, const QString &patientText,
                   const std::optional<Visit> &visit);
    QString itemId() const { return m_itemId; }
    QString visitId() const { return m_visit ? m_visit->id : QString(); }
    const std::optional<Visit> &visit() const { return m_visit; }
    // The care units of the signed-in staff member. Only staff of the visit's unit let the patient in,
    // end the visit (also "by phone instead") or make a new link; a participant from another unit
    // (a municipal nurse, say) runs the pre-call check and joins.
    void setStaffUnits(const QStringList &unitIds);
    bool worksInVisitUnit() const { return m_visit && m_unitIds.contains(m_visit->unitId); }
    // While a call is open, joining again is not offered.
    void setInCall(bool inCall);

    // The pane's keyboard actions (for the shortcut help).
    QList<QAction *> shortcutActions() const { return m_actions; }

    // The flows behind the buttons (also for the host: after a call it offers endVisit()).
    void runPreCallCheck();
    void join();
    void admit();
    void phoneInstead();
    void endVisit();
    void newPatientLink();

    // The server finally refused one of this pane's writes (a colleague ended the visit first, the
    // patient had left…): said in the pane. Writes of others are ignored.
    void writeRejected(const QString &writeId, const QString &message);

    // "10:02", or "26 Nov 10:02" when not today (local time).
    static QString timeText(qint64 ms, qint64 nowMs);
    // "follow-up needed"…; empty for Outcome::None.
    static QString outcomeText(Outcome outcome);

Q_SIGNALS:
    void joinRequested(const QString &visitId, const nara::video::DeviceChoice &devices);
    void endSubmitted(const QString &visitId, const QString &outcome);
    // The server let the patient in (the visit's new state comes with the next sync).
    void admitted(const QString &visitId);

private:
    QPushButton *addButton(const QString &name, const QString &text, const QKeySequence &key,
                           void (VideoPane::*slot)());
    void update();
    int runDialog(QDialog &dialog);
    // After a dialog: whether the pane still shows `visitId` and it has not ended; if not, says that
    // what the dialog asked for was dropped.
    bool stillShows(const QString &visitId);

    MediaDevices &m_devices;
    VisitCommands m_commands;
    const Clock &m_clock;
    DialogRunner m_runner;
    QString m_itemId;
    QString m_title;
    QString m_patientText;
    std::optional<Visit> m_visit;
    QStringList m_unitIds; // the signed-in staff member's care units
    std::optional<DeviceChoice> m_choice; // from the pre-call check, this session
    QSet<QString> m_writes; // ids of the writes submitted here
    QString m_admitting; // the visit whose admit request is on its way
    bool m_inCall = false;
    QLabel *m_header = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_waiting = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_preCall = nullptr;
    QPushButton *m_join = nullptr;
    QPushButton *m_admit = nullptr;
    QPushButton *m_phone = nullptr;
    QPushButton *m_end = nullptr;
    QPushButton *m_newLink = nullptr;
    QWidget *m_linkRow = nullptr;
    QLineEdit *m_link = nullptr;
    VisitBooking *m_booking = nullptr;
    QList<QAction *> m_actions;
};

} // namespace nara::video
