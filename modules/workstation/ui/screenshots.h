#pragma once

#include "foundation/core/error.h"

#include <QString>

namespace nara::workstation {

class MainWindow;

// Writes inbox.png, chat.png, login.png, shortcuts.png, booking.png, video.png and
// precallcheck.png into `dir` (created if missing): the inbox, the first chat opened in the detail
// pane, the login dialog, the shortcut help, the video-visit booking dialog, a video visit (one
// with a waiting patient if there is one) and the pre-call check.
// Used by `nara --screenshots DIR`; works on the offscreen platform.
Result<void> renderScreenshots(MainWindow &window, const QString &dir);

} // namespace nara::workstation
