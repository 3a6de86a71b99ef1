#include "workstation/ui/screenshots.h"

#include "inbox/core/inboxitem.h"
#include "video/core/visit.h"
#include "video/ui/bookvisitdialog.h"
#include "video/ui/precallcheckdialog.h"
#include "video/ui/videopane.h"
#include "workstation/ui/inboxmodel.h"
#include "workstation/ui/inboxstore.h"
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
    if (auto saved = save(help, target, QStringLiteral("shortcuts.png")); !saved)
        return saved;

    // Video: the booking dialog, the pane of a visit with a waiting patient (else any visit) and
    // the pre-call check with the devices this machine has (none offscreen: its messages show).
    auto booking = window.createBookingDialog();
    if (auto saved = save(*booking, target, QStringLiteral("booking.png")); !saved)
        return saved;
    booking.reset();

    QString videoItem;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(InboxModel::KindRole).toInt() != int(inbox::Kind::Video))
            continue;
        const QString itemId = index.data(InboxModel::IdRole).toString();
        const auto visit = video::Visit::fromJson(window.inboxModel()->store().visitForItem(itemId));
        if (videoItem.isEmpty() || (visit && visit->isWaiting())) {
            videoItem = itemId;
            if (visit && visit->isWaiting())
                break;
        }
    }
    if (!videoItem.isEmpty())
        window.openItem(videoItem);
    if (auto saved = save(window, target, QStringLiteral("video.png")); !saved)
        return saved;

    video::PreCallCheckDialog check(window.mediaDevices(), &window);
    return save(check, target, QStringLiteral("precallcheck.png"));
}

} // namespace nara::workstation
