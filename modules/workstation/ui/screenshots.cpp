#include "workstation/ui/screenshots.h"

#include "forms/ui/formresponsepane.h"
#include "forms/ui/sendformdialog.h"
#include "inbox/core/inboxitem.h"
#include "referrals/core/samplephotos.h"
#include "referrals/ui/bodymapwidget.h"
#include "referrals/ui/referralimagelist.h"
#include "referrals/ui/referralpane.h"
#include "referrals/ui/sendreferraldialog.h"
#include "referrals/ui/skinimagecanvas.h"
#include "referrals/ui/skinimageviewer.h"
#include "video/core/visit.h"
#include "video/ui/bookvisitdialog.h"
#include "video/ui/precallcheckdialog.h"
#include "video/ui/videopane.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/formshost.h"
#include "workstation/ui/inboxmodel.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/logindialog.h"
#include "workstation/ui/mainwindow.h"
#include "workstation/ui/monitoringhost.h"
#include "workstation/ui/referralshost.h"
#include "workstation/ui/shortcuthelpdialog.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>

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

// The ids of the items of `kind`, in the inbox's current order.
QStringList itemsOfKind(const MainWindow &window, inbox::Kind kind)
{
    QStringList ids;
    const QAbstractItemModel *model = window.inboxView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(InboxModel::KindRole).toInt() == int(kind))
            ids.append(index.data(InboxModel::IdRole).toString());
    }
    return ids;
}

// The form item that shows most: a PHQ-9 answer with earlier answers to chart, else any answer,
// else any form item.
QString formItemToShow(const MainWindow &window)
{
    QString best;
    int bestRank = -1;
    for (const QString &itemId : itemsOfKind(window, inbox::Kind::Form)) {
        const forms::FormItemView view = window.detailPanes()->forms()->formView(itemId);
        const QString questionnaireId = view.response.value(u"questionnaireId").toString();
        const auto sameQuestionnaire = std::count_if(
            view.patientResponses.cbegin(), view.patientResponses.cend(), [&](const QJsonObject &response) {
                return response.value(u"questionnaireId").toString() == questionnaireId;
            });
        const int rank = view.response.isEmpty() ? 0 : (questionnaireId == u"phq-9" && sameQuestionnaire > 1 ? 2 : 1);
        if (rank > bestRank) {
            best = itemId;
            bestRank = rank;
        }
    }
    return best;
}

// Runs `open`, which shows a modal dialog through Dialogs::run, and saves that dialog as it shows.
Result<void> saveModal(const std::function<void()> &open, const QDir &dir, const QString &name)
{
    Result<void> saved = fail(ErrorCode::Internal, u"No dialog showed to save as " + name);
    QTimer poll;
    poll.setInterval(50);
    int tries = 0;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog && ++tries < 100)
            return;
        poll.stop();
        if (dialog) {
            saved = save(*dialog, dir, name);
            dialog->close(); // rejected: nothing is saved or sent
        }
    });
    poll.start();
    // Screenshots run non-interactive (every dialog cancelled unseen); this one must show.
    Dialogs::setNonInteractive(false);
    open();
    Dialogs::setNonInteractive(true);
    poll.stop();
    return saved;
}

// Forms: an answer (a PHQ-9 with its trend when there is one) and the send dialog; self-monitoring:
// the first alert and its patient's monitoring plan.
Result<void> saveFormsAndAlerts(MainWindow &window, const QDir &target)
{
    if (const QString formItem = formItemToShow(window); !formItem.isEmpty()) {
        window.openItem(formItem);
        if (auto saved = save(window, target, QStringLiteral("form.png")); !saved)
            return saved;
    } else {
        qInfo("screenshots: no form item in the inbox, form.png not written");
    }
    auto sendForm = window.createSendFormDialog();
    if (auto saved = save(*sendForm, target, QStringLiteral("sendform.png")); !saved)
        return saved;
    sendForm.reset();

    const QStringList alerts = itemsOfKind(window, inbox::Kind::Alert);
    if (alerts.isEmpty()) {
        qInfo("screenshots: no alert item in the inbox, alert.png and monitoringplan.png not written");
        return {};
    }
    window.openItem(alerts.first());
    if (auto saved = save(window, target, QStringLiteral("alert.png")); !saved)
        return saved;
    const QString patientId = window.inboxModel()->store().item(alerts.first())->patientId;
    if (patientId.isEmpty()) {
        qInfo("screenshots: the alert has no patient, monitoringplan.png not written");
        return {};
    }
    return saveModal([&] { window.detailPanes()->monitoring()->editPlan(patientId); }, target,
                     QStringLiteral("monitoringplan.png"));
}

// Runs the event loop until `done` or the time is up (images arrive from the server or a thread).
bool waitFor(const std::function<bool()> &done, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!done() && !deadline.hasExpired())
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    return done();
}

// Referrals: the referral the user acts on (a dermatologist: one to answer; a sender: an answer to
// acknowledge) with its first image fetched, and the send dialog with two drawn photographs.
Result<void> saveReferrals(MainWindow &window, const QDir &target)
{
    ReferralsHost &host = *window.detailPanes()->referrals();
    QString best;
    for (const QString &itemId : itemsOfKind(window, inbox::Kind::Referral)) {
        const referrals::ReferralItemView view = host.referralView(itemId);
        const QString state = view.referral.value(u"state").toString();
        if ((view.canAnswer && state == u"sent") || (!view.canAnswer && state == u"answered")) {
            best = itemId;
            break;
        }
    }
    if (!best.isEmpty()) {
        window.openItem(best);
        if (!waitFor([&] { return host.pane()->viewer()->canvas()->hasImage(); }, 10'000))
            qInfo("screenshots: the referral's image did not arrive; referral.png shows the pane without it");
        if (auto saved = save(window, target, QStringLiteral("referral.png")); !saved)
            return saved;
    } else {
        qInfo("screenshots: no referral to answer or acknowledge, referral.png not written");
    }

    const QStringList chats = itemsOfKind(window, inbox::Kind::Chat);
    auto dialog = chats.isEmpty() ? nullptr : host.createSendDialog(chats.first());
    if (!dialog) {
        qInfo("screenshots: no patient to refer, sendreferral.png not written");
        return {};
    }
    QTemporaryDir photos;
    QStringList files;
    for (const bool closeUp : {false, true}) {
        QFile file(photos.filePath(closeUp ? QStringLiteral("narbild.jpg") : QStringLiteral("oversikt.jpg")));
        if (file.open(QIODevice::WriteOnly) && file.write(referrals::drawSampleLesionPhoto(11, closeUp)) > 0)
            files.append(file.fileName());
    }
    dialog->imageList()->addFiles(files);
    waitFor([&] { return !dialog->imageList()->isProcessing(); }, 20'000);
    dialog->bodyMap()->setSiteCode(QStringLiteral("77568009"));
    if (auto *question = dialog->findChild<QPlainTextEdit *>(QStringLiteral("referralQuestion")))
        question->setPlainText(QStringLiteral("Pigmenterad förändring på ryggen som vuxit senaste halvåret. Benign?"));
    return save(*dialog, target, QStringLiteral("sendreferral.png"));
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

    if (auto saved = saveFormsAndAlerts(window, target); !saved)
        return saved;
    if (auto saved = saveReferrals(window, target); !saved)
        return saved;

    // Video, last (the window keeps showing the visit): the booking dialog, the pane of a visit with
    // a waiting patient (else any visit) and the pre-call check with the devices this machine has
    // (none offscreen: its messages show).
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
