#include "workstation/ui/screenshots.h"

#include "inbox/core/inboxitem.h"
#include "workstation/ui/inboxmodel.h"
#include "workstation/ui/logindialog.h"
#include "workstation/ui/mainwindow.h"
#include "workstation/ui/shortcuthelpdialog.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QTableView>

namespace nara::workstation {

namespace {

void settle()
{
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
}

Result<void> save(QWidget &widget, const QDir &dir, const QString &name)
{
    const bool wasVisible = widget.isVisible();
    widget.show();
    settle();
    const QPixmap pixmap = widget.grab();
    if (!wasVisible)
        widget.hide();
    const QString path = dir.filePath(name);
    if (pixmap.isNull() || !pixmap.save(path, "PNG"))
        return fail(ErrorCode::Storage, QStringLiteral("Could not write %1").arg(path));
    return {};
}

} // namespace

Result<void> renderScreenshots(MainWindow &window, const QString &dir)
{
    QDir target(dir);
    if (!target.mkpath(QStringLiteral(".")))
        return fail(ErrorCode::Storage, QStringLiteral("Could not create %1").arg(dir));

    window.resize(1440, 880);
    if (auto saved = save(window, target, QStringLiteral("inbox.png")); !saved)
        return saved;

    // The first chat in the current sort order, opened in the detail pane.
    const QAbstractItemModel *model = window.inboxView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(InboxModel::KindRole).toInt() == int(inbox::Kind::Chat)) {
            window.openItem(index.data(InboxModel::IdRole).toString());
            break;
        }
    }
    if (auto saved = save(window, target, QStringLiteral("chat.png")); !saved)
        return saved;

    LoginDialog login(nullptr, &window);
    if (auto saved = save(login, target, QStringLiteral("login.png")); !saved)
        return saved;

    ShortcutHelpDialog help(window.shortcutActions(), &window);
    return save(help, target, QStringLiteral("shortcuts.png"));
}

} // namespace nara::workstation
