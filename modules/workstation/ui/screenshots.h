#pragma once

#include "foundation/core/error.h"

#include <QString>

namespace nara::workstation {

class MainWindow;

// Writes inbox.png, chat.png, login.png, shortcuts.png, booking.png, video.png, precallcheck.png,
// form.png, sendform.png, alert.png and monitoringplan.png into `dir` (created if missing): the
// inbox, the first chat opened in the detail pane, the login dialog, the shortcut help, the
// video-visit booking dialog, a video visit (one with a waiting patient if there is one), the
// pre-call check, a form answer (a PHQ-9 with its trend if there is one), the send-form dialog, the
// first alert and its patient's monitoring plan. Without a form or an alert in the inbox those
// screenshots are left out, with a note on the log.
// Used by `nara --screenshots DIR`; works on the offscreen platform.
Result<void> renderScreenshots(MainWindow &window, const QString &dir);

} // namespace nara::workstation
