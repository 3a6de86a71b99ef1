#include "workstation/ui/dialogs.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace nara::workstation {

namespace {

QList<QVariant> &answers()
{
    static QList<QVariant> queue;
    return queue;
}

bool &nonInteractive()
{
    static bool on = false;
    return on;
}

} // namespace

void Dialogs::setNextAnswer(QVariant answer)
{
    answers().append(std::move(answer));
}
void Dialogs::clearAnswers()
{
    answers().clear();
}
int Dialogs::queuedAnswers()
{
    return int(answers().size());
}
void Dialogs::setNonInteractive(bool on)
{
    nonInteractive() = on;
}

std::optional<QVariant> Dialogs::takeAnswer()
{
    if (!answers().isEmpty())
        return answers().takeFirst();
    if (nonInteractive())
        return QVariant(); // cancelled
    return std::nullopt;
}

std::optional<QString> Dialogs::pickColleague(QWidget *parent, const QList<StaffInfo> &staff, const QString &title)
{
    if (const auto answer = takeAnswer()) {
        if (!answer->isValid() || answer->toString().isEmpty())
            return std::nullopt;
        return answer->toString();
    }
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("assignDialog"));
    dialog.setWindowTitle(title);
    auto *layout = new QVBoxLayout(&dialog);
    auto *filter = new QLineEdit(&dialog);
    filter->setObjectName(QStringLiteral("colleagueFilter"));
    filter->setPlaceholderText(tr("Search colleague"));
    filter->setAccessibleName(tr("Search colleague"));
    auto *list = new QListWidget(&dialog);
    list->setObjectName(QStringLiteral("colleagueList"));
    list->setAccessibleName(tr("Colleagues"));
    for (const StaffInfo &member : staff) {
        auto *entry = new QListWidgetItem(
            member.role.isEmpty() ? member.displayName : member.displayName % u" (" % member.role % u')', list);
        entry->setData(Qt::UserRole, member.id);
    }
    list->setCurrentRow(0);
    QObject::connect(filter, &QLineEdit::textChanged, list, [list](const QString &text) {
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setHidden(!list->item(i)->text().contains(text, Qt::CaseInsensitive));
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(Dialogs::tr("OK"));
    buttons->button(QDialogButtonBox::Cancel)->setText(Dialogs::tr("Cancel"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    QObject::connect(list, &QListWidget::itemActivated, &dialog, &QDialog::accept);
    layout->addWidget(filter);
    layout->addWidget(list);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted || !list->currentItem() || list->currentItem()->isHidden())
        return std::nullopt;
    return list->currentItem()->data(Qt::UserRole).toString();
}

std::optional<QString> Dialogs::askText(QWidget *parent, const QString &title, const QString &label, bool required)
{
    if (const auto answer = takeAnswer()) {
        if (!answer->isValid() || (required && answer->toString().trimmed().isEmpty()))
            return std::nullopt;
        return answer->toString();
    }
    QInputDialog dialog(parent);
    dialog.setWindowTitle(title);
    dialog.setLabelText(label);
    dialog.setOption(QInputDialog::UsePlainTextEditForTextInput);
    dialog.setOkButtonText(tr("OK"));
    dialog.setCancelButtonText(tr("Cancel"));
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    const QString text = dialog.textValue();
    if (required && text.trimmed().isEmpty())
        return std::nullopt;
    return text;
}

bool Dialogs::confirm(QWidget *parent, const QString &title, const QString &text)
{
    if (const auto answer = takeAnswer())
        return answer->toBool();
    // Buttons with our own words: Qt 6.4 ships no Swedish qtbase translation.
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    QPushButton *yes = box.addButton(tr("Yes"), QMessageBox::YesRole);
    box.addButton(tr("No"), QMessageBox::NoRole);
    box.setDefaultButton(yes);
    box.exec();
    return box.clickedButton() == yes;
}

void Dialogs::inform(QWidget *parent, const QString &title, const QString &text)
{
    if (takeAnswer())
        return;
    QMessageBox box(QMessageBox::Information, title, text, QMessageBox::NoButton, parent);
    box.addButton(tr("OK"), QMessageBox::AcceptRole);
    box.exec();
}

int Dialogs::run(QDialog &dialog)
{
    if (const auto answer = takeAnswer())
        return answer->toBool() ? QDialog::Accepted : QDialog::Rejected;
    return dialog.exec();
}

} // namespace nara::workstation
