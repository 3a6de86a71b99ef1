#include "referrals/ui/requestinfodialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace nara::referrals {

RequestInfoDialog::RequestInfoDialog(const QString &referralTitle, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("requestInfoDialog"));
    setWindowTitle(tr("Request more information"));
    auto *title = new QLabel(referralTitle, this);
    title->setTextFormat(Qt::PlainText);
    title->setWordWrap(true);
    auto *label = new QLabel(tr("What do you need from the sender (more images, details of the history)?"), this);
    label->setWordWrap(true);
    m_question = new QPlainTextEdit(this);
    m_question->setObjectName(QStringLiteral("requestInfoQuestion"));
    m_question->setAccessibleName(tr("Question to the sender"));
    m_question->setTabChangesFocus(true);
    label->setBuddy(m_question);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Send the request"));
    ok->setObjectName(QStringLiteral("requestInfoOk"));
    ok->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(m_question, &QPlainTextEdit::textChanged, this, [this, ok] { ok->setEnabled(!question().isEmpty()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!question().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(label);
    layout->addWidget(m_question, 1);
    layout->addWidget(m_buttons);
    resize(460, 260);
}

QString RequestInfoDialog::question() const
{
    return m_question->toPlainText().trimmed();
}

void RequestInfoDialog::setQuestion(const QString &question)
{
    m_question->setPlainText(question);
}

} // namespace nara::referrals
