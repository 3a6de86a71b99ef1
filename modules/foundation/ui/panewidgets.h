#pragma once

// Widgets every detail pane (chat, video, form, alert, referral) builds alike.

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

// A pane's text: plain (never rich text from data), wrapped, selectable, with an accessible name.
QLabel *makeTextLabel(QWidget *parent, const QString &name, const QString &accessibleName);

// A section heading inside a pane: bold.
QLabel *makeSectionHeading(QWidget *parent, const QString &text);

} // namespace nara::ui
