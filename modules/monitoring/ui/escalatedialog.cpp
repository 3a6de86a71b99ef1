#include "monitoring/ui/escalatedialog.h"

#include "monitoring/ui/monitoringcommands.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace nara::monitoring {

EscalateDialog::EscalateDialog(const QString &alertTitle, const QList<StaffChoice> &gps, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("escalateDialog"));
    setWindowTitle(tr("Escalate to a doctor"));
    auto *title = new QLabel(alertTitle, this);
    title->setTextFormat(Qt::PlainText);
    title->setWordWrap(true);
    auto *listLabel = new QLabel(tr("GP of the care unit:"), this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("gpList"));
    m_list->setAccessibleName(tr("GPs of the care unit"));
    listLabel->setBuddy(m_list);
    for (const StaffChoice &gp : gps) {
        auto *entry = new QListWidgetItem(gp.displayName, m_list);
        entry->setData(Qt::UserRole, gp.id);
    }
    auto *noteLabel = new QLabel(tr("Note for the doctor (optional):"), this);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("escalateNote"));
    m_note->setAccessibleName(tr("Note for the doctor"));
    m_note->setTabChangesFocus(true);
    noteLabel->setBuddy(m_note);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Escalate"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("escalateOk"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    const auto updateOk = [this] {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!staffId().isEmpty());
    };
    connect(m_list, &QListWidget::currentRowChanged, this, updateOk);
    connect(m_list, &QListWidget::itemActivated, this, [this] { m_note->setFocus(); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!staffId().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_list->count() == 1)
        m_list->setCurrentRow(0);
    updateOk();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(listLabel);
    layout->addWidget(m_list, 1);
    layout->addWidget(noteLabel);
    layout->addWidget(m_note, 1);
    layout->addWidget(m_buttons);
    resize(460, 380);
}

QString EscalateDialog::staffId() const
{
    const QListWidgetItem *current = m_list->currentItem();
    return current && current->isSelected() ? current->data(Qt::UserRole).toString() : QString();
}

QString EscalateDialog::note() const
{
    return m_note->toPlainText().trimmed().left(MonitoringCommands::kMaxNoteLength);
}

void EscalateDialog::selectStaff(const QString &staffId)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == staffId) {
            m_list->setCurrentRow(i);
            return;
        }
    }
}

void EscalateDialog::setNote(const QString &note)
{
    m_note->setPlainText(note);
}

QList<StaffChoice> EscalateDialog::gpsOf(const QList<StaffChoice> &staff, const QString &unitId)
{
    QList<StaffChoice> gps;
    for (const StaffChoice &member : staff) {
        if (member.role == u"gp" && !unitId.isEmpty() && member.unitIds.contains(unitId))
            gps.append(member);
    }
    std::sort(gps.begin(), gps.end(), [](const StaffChoice &a, const StaffChoice &b) {
        return QString::localeAwareCompare(a.displayName, b.displayName) < 0;
    });
    return gps;
}

} // namespace nara::monitoring
