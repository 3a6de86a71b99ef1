#pragma once

#include "video/ui/mediadevices.h"
#include "workstation/ui/callsession.h"
#include "workstation/ui/workstationcontext.h"

#include <QObject>

#include <functional>
#include <memory>

class QWidget;

namespace nara::video {
class BookVisitDialog;
class VideoPane;
class VisitBooking;
} // namespace nara::video

namespace nara::workstation {

// The main window's video visits (DESIGN.md §5): the visit pane kept current with its visit and
// with the signed-in staff member's care units, booking, the one call (CallSession) and what comes
// after it, and the notice when a patient enters the waiting room of a visit I take part in. The
// window shows the pane, forwards the signals and says the messages in its status bar.
class VideoVisitHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VideoVisitHost)
public:
    // Selects and opens an item in the window; false when the filters hide it.
    using ItemOpener = std::function<bool(const QString &itemId)>;

    // `window` parents the pane and the dialogs; the context's store, sink and clock outlive this.
    VideoVisitHost(const WorkstationContext &context, QWidget *window);
    ~VideoVisitHost() override;

    video::VideoPane *pane() const { return m_pane; }
    video::MediaDevices &mediaDevices() const { return *m_mediaDevices; }
    void setCallLauncher(CallSession::Launcher launcher);
    void setItemOpener(ItemOpener opener) { m_openItem = std::move(opener); }
    bool inCall() const;

    // The item the window now shows: true when it is a video item (the pane shows it and follows
    // it), false otherwise (the pane is cleared).
    bool showItem(const QString &itemId);
    // The booking dialog, filled from the cache (patients, colleagues) and preselecting the patient
    // of `currentItemId`.
    std::unique_ptr<video::BookVisitDialog> createBookingDialog(const QString &currentItemId);
    // Runs the booking dialog.
    void bookVisit(const QString &currentItemId);

Q_SIGNALS:
    // For the window's status bar.
    void message(const QString &text, int timeoutMs);
    // A patient entered the waiting room of a visit I take part in (the window decides whether to
    // say so: not during a call).
    void patientWaiting(const QString &itemId, const QString &text);
    void visitBooked(const QString &visitId, const QString &invitationUrl);
    void callStarted(const QString &visitId);
    void callFinished(const QString &visitId, const QString &outcome);

private:
    void refreshPane();
    void updateStaffUnits();
    void notifyWaiting(const QString &itemId);
    void startCall(const QString &visitId, const video::DeviceChoice &devices);
    void callEnded(const QString &visitId, const QString &itemId, const QString &outcome);

    WorkstationContext m_context;
    QWidget *m_window = nullptr;
    video::MediaDevices *m_mediaDevices = nullptr; // the context's, or our own Qt Multimedia one
    video::VisitBooking *m_booking = nullptr; // null without a server
    video::VideoPane *m_pane = nullptr;
    CallSession *m_call = nullptr;
    ItemOpener m_openItem;
    QString m_shownItemId;
};

} // namespace nara::workstation
