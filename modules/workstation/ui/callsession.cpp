#include "workstation/ui/callsession.h"

#include <QWidget>

namespace nara::workstation {

CallSession::CallSession(QObject *parent)
    : QObject(parent)
{
}

CallSession::~CallSession()
{
    if (m_window) {
        disconnect(m_window, nullptr, this, nullptr);
        delete m_window.data();
    }
}

bool CallSession::start(const Request &request)
{
    if (m_active) {
        if (m_window) {
            m_window->raise();
            m_window->activateWindow();
        }
        return true;
    }
    if (!m_launcher)
        return false;
    QPointer<CallSession> self(this);
    QWidget *window
        = m_launcher(request, [self, visitId = request.visitId, itemId = request.itemId](const QString &outcome) {
              if (self)
                  self->end(visitId, itemId, outcome);
          });
    if (!window)
        return false;
    m_window = window;
    m_active = true;
    // A window closed without saying so has also ended the call.
    connect(window, &QObject::destroyed, this,
            [this, visitId = request.visitId, itemId = request.itemId] { end(visitId, itemId, {}); });
    Q_EMIT started(request.visitId);
    return true;
}

void CallSession::end(const QString &visitId, const QString &itemId, const QString &outcome)
{
    if (!m_active)
        return;
    m_active = false;
    if (m_window)
        disconnect(m_window, nullptr, this, nullptr);
    m_window = nullptr;
    Q_EMIT finished(visitId, itemId, outcome);
}

} // namespace nara::workstation
