#include "workstation/ui/shortcuthelpdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHash>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace nara::workstation {

ShortcutHelpDialog::ShortcutHelpDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutHelp"));
    setWindowTitle(tr("Keyboard shortcuts"));
    auto *table = new QTableWidget(this);
    table->setObjectName(QStringLiteral("shortcutTable"));
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Panes that are never shown together (a form's, an alert's) share keys for the same kind of
    // action: one row per key, naming each action once.
    QHash<QString, int> rowOfKeys;
    for (QAction *action : actions) {
        if (action->shortcuts().isEmpty())
            continue;
        QStringList keyTexts;
        for (const QKeySequence &sequence : action->shortcuts())
            keyTexts.append(sequence.toString(QKeySequence::NativeText));
        const QString keys = keyTexts.join(QStringLiteral(", "));
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        if (const auto known = rowOfKeys.constFind(keys); known != rowOfKeys.cend()) {
            QTableWidgetItem *item = table->item(*known, 0);
            if (!item->text().split(QStringLiteral(" / ")).contains(text))
                item->setText(item->text() + QStringLiteral(" / ") + text);
            continue;
        }
        const int row = table->rowCount();
        table->insertRow(row);
        rowOfKeys.insert(keys, row);
        table->setItem(row, 0, new QTableWidgetItem(text));
        table->setItem(row, 1, new QTableWidgetItem(keys));
    }
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close")); // Qt 6.4 ships no Swedish qtbase
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    // Tall enough for every row: the list is short, and a help that scrolls hides the last keys.
    const int rows = table->verticalHeader()->defaultSectionSize() * table->rowCount();
    resize(460, rows + table->horizontalHeader()->sizeHint().height() + buttons->sizeHint().height() + 48);
}

} // namespace nara::workstation
