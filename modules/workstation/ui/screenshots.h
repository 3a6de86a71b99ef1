#pragma once

#include "foundation/core/error.h"

#include <QString>

namespace nara::workstation {

class MainWindow;

// Writes inbox.png, chat.png, login.png and shortcuts.png into `dir` (created if missing):
// the inbox, the first chat opened in the detail pane, the login dialog and the shortcut help.
// Used by `nara --screenshots DIR`; works on the offscreen platform.
Result<void> renderScreenshots(MainWindow &window, const QString &dir);

} // namespace nara::workstation
