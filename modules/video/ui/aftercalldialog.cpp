#include "video/ui/aftercalldialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace nara::video {

namespace {
const char *const kOutcomes[] = {"done", "follow_up", "physical_visit"};
}

AfterCallDialog::AfterCallDialog(const QString &visitTitle, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("afterCallDialog"));
    setWindowTitle(tr("End the visit"));

    auto *title = new QLabel(visitTitle, this);
    title->setObjectName(QStringLiteral("afterCallTitle"));
    title->setTextFormat(Qt::PlainText);
    title->setWordWrap(true);

    auto *group = new QGroupBox(tr("Outcome"), this);
    m_outcomes = new QButtonGroup(this);
    auto *groupLayout = new QVBoxLayout(group);
    const std::pair<const char *, QString> choices[] = {
        {"outcomeDone", tr("&Done – nothing more is needed")},
        {"outcomeFollowUp", tr("&Follow-up needed")},
        {"outcomePhysicalVisit", tr("The patient needs a &physical visit")},
    };
    int id = 0;
    for (const auto &[name, text] : choices) {
        auto *button = new QRadioButton(text, group);
        button->setObjectName(QString::fromLatin1(name));
        button->setAccessibleName(QString(text).remove(QLatin1Char('&')));
        m_outcomes->addButton(button, id++);
        groupLayout->addWidget(button);
    }
    m_outcomes->button(0)->setChecked(true);

    auto *noteLabel = new QLabel(tr("&Note (for the record, not sent to the patient):"), this);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("afterCallNote"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setTabChangesFocus(true);
    noteLabel->setBuddy(m_note);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *end = buttons->addButton(tr("End the visit"), QDialogButtonBox::AcceptRole);
    end->setObjectName(QStringLiteral("endVisitButton"));
    end->setDefault(true);
    QPushButton *cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_note, &QPlainTextEdit::textChanged, this,
            [this, end] { end->setEnabled(m_note->toPlainText().size() <= kMaxNoteLength); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(group);
    layout->addWidget(noteLabel);
    layout->addWidget(m_note, 1);
    layout->addWidget(buttons);
    resize(440, 360);
}

QString AfterCallDialog::outcome() const
{
    const int id = std::max(0, m_outcomes->checkedId());
    return QString::fromLatin1(kOutcomes[id]);
}

QString AfterCallDialog::note() const
{
    return m_note->toPlainText();
}

void AfterCallDialog::setOutcome(const QString &outcome)
{
    for (int i = 0; i < 3; ++i)
        if (outcome == QLatin1StringView(kOutcomes[i]))
            m_outcomes->button(i)->setChecked(true);
}

void AfterCallDialog::setNote(const QString &note)
{
    m_note->setPlainText(note);
}

} // namespace nara::video
