#include "workstation/ui/invitationdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace nara::workstation {

InvitationDialog::InvitationDialog(const QString &patientName, const QString &url, qint64 expiresAt, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("invitationDialog"));
    setWindowTitle(tr("Invitation to the patient portal"));
    const QString until = QLocale().toString(QDateTime::fromMSecsSinceEpoch(expiresAt), QLocale::ShortFormat);
    auto *intro = new QLabel(tr("Give %1 this link. It works once, until %2.").arg(patientName, until), this);
    intro->setWordWrap(true);
    auto *link = new QLineEdit(url, this);
    link->setObjectName(QStringLiteral("invitationLink"));
    link->setAccessibleName(tr("Invitation link"));
    link->setReadOnly(true);
    link->setMinimumWidth(480);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *copy = buttons->addButton(tr("Copy link"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyInvitationLink"));
    QPushButton *close = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    close->setDefault(true);
    connect(copy, &QPushButton::clicked, this, [link] { QApplication::clipboard()->setText(link->text()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(link);
    layout->addWidget(buttons);
    link->selectAll();
}

} // namespace nara::workstation
