#include "monitoring/ui/processalertdialog.h"

#include "monitoring/ui/monitoringcommands.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace nara::monitoring {

ProcessAlertDialog::ProcessAlertDialog(const QString &alertTitle, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("processAlertDialog"));
    setWindowTitle(tr("Alert handled"));
    auto *title = new QLabel(alertTitle, this);
    title->setTextFormat(Qt::PlainText);
    title->setWordWrap(true);
    auto *label = new QLabel(tr("What was done (required, kept with the alert):"), this);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("processNote"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setTabChangesFocus(true);
    label->setBuddy(m_note);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Mark as handled"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("processOk"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_note, &QPlainTextEdit::textChanged, this,
            [this] { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!note().isEmpty()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!note().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(label);
    layout->addWidget(m_note, 1);
    layout->addWidget(m_buttons);
    resize(460, 260);
}

QString ProcessAlertDialog::note() const
{
    return m_note->toPlainText().trimmed().left(MonitoringCommands::kMaxNoteLength);
}

void ProcessAlertDialog::setNote(const QString &note)
{
    m_note->setPlainText(note);
}

} // namespace nara::monitoring
