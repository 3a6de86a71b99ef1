#pragma once

// Widgets every detail pane (chat, video, form, alert) builds alike.

#include <QString>

class QAction;
class QKeySequence;
class QLabel;
class QPushButton;
class QWidget;

namespace nara::ui {

struct ShortcutButton
{
    QAction *action = nullptr;
    QPushButton *button = nullptr;
};

// A pane's command as every detail pane offers it: the action carries the shortcut (added to
// `pane`, so it is listed in the shortcut help and live only while the pane is shown), the button
// shows the text and is what assistive technology finds; clicking it triggers the action, and it
// follows the action's enabled state. Connect the work to `action->triggered`. `name` is the
// button's object name ("<name>Action" the action's); `text` may hold an & mnemonic.
ShortcutButton makeShortcutButton(QWidget *pane, const QString &name, const QString &text, const QKeySequence &key);

// A detail pane's heading: plain text, wrapped, bold and a fifth larger than the pane's text.
QLabel *makeHeaderLabel(QWidget *pane, const QString &name);

} // namespace nara::ui
