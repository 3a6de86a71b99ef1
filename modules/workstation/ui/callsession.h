#pragma once

#include "video/ui/mediadevices.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace nara::workstation {

// The one call this workstation is in (DESIGN.md §5): opens the in-call window through the
// launcher the composition root sets (nara::call::CallWindow; a fake in tests) and reports once
// when the call is over, however it ends: hung up, ended by a colleague, or the window closed.
class CallSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallSession)
public:
    // What the in-call window needs besides the session's server, token and name.
    struct Request
    {
        QString visitId;
        QString itemId;
        QString title;
        video::DeviceChoice devices;
    };
    // Opens the in-call window and returns it (it deletes itself when closed); calls `finished`
    // once with the outcome ("" when I left, an outcome when the visit was ended).
    using Launcher
        = std::function<QWidget *(const Request &request, std::function<void(const QString &outcome)> finished)>;

    explicit CallSession(QObject *parent = nullptr);
    ~CallSession() override;

    void setLauncher(Launcher launcher) { m_launcher = std::move(launcher); }
    bool canCall() const { return bool(m_launcher); }
    bool isActive() const { return m_active; }
    // Opens the call (or raises the open one); false when there is no launcher or it failed.
    bool start(const Request &request);

Q_SIGNALS:
    void started(const QString &visitId);
    void finished(const QString &visitId, const QString &itemId, const QString &outcome);

private:
    void end(const QString &visitId, const QString &itemId, const QString &outcome);

    Launcher m_launcher;
    QPointer<QWidget> m_window;
    bool m_active = false;
};

} // namespace nara::workstation
