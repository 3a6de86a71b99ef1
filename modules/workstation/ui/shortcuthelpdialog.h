#pragma once

#include <QDialog>
#include <QList>

class QAction;

namespace nara::workstation {

// Lists every action that has a keyboard shortcut (F1 / "?").
class ShortcutHelpDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutHelpDialog)
public:
    explicit ShortcutHelpDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);
};

} // namespace nara::workstation
