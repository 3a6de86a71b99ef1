#include "call/ui/callsidepanel.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace nara::call {

CallSidePanel::CallSidePanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("callSidePanel"));
    m_participants = new QListWidget(this);
    m_participants->setObjectName(QStringLiteral("callParticipants"));
    m_participants->setAccessibleName(tr("Participants"));
    m_participants->setMaximumHeight(120);
    m_chatLog = new QPlainTextEdit(this);
    m_chatLog->setObjectName(QStringLiteral("callChatLog"));
    m_chatLog->setAccessibleName(tr("Chat in the call"));
    m_chatLog->setReadOnly(true);
    m_chatInput = new QLineEdit(this);
    m_chatInput->setObjectName(QStringLiteral("callChatInput"));
    m_chatInput->setAccessibleName(tr("Write in the chat"));
    m_chatInput->setPlaceholderText(tr("Write to everyone in the call"));
    m_chatInput->setMaxLength(kMaxChatLength);
    m_chatSend = new QPushButton(tr("Send"), this);
    m_chatSend->setObjectName(QStringLiteral("callChatSend"));
    m_chatSend->setAccessibleName(tr("Send chat message"));
    connect(m_chatInput, &QLineEdit::returnPressed, this, &CallSidePanel::submit);
    connect(m_chatSend, &QPushButton::clicked, this, &CallSidePanel::submit);

    auto *participantsLabel = new QLabel(tr("&Participants"), this);
    participantsLabel->setBuddy(m_participants);
    auto *chatLabel = new QLabel(tr("C&hat"), this);
    chatLabel->setBuddy(m_chatInput);
    auto *chatRow = new QHBoxLayout;
    chatRow->addWidget(m_chatInput, 1);
    chatRow->addWidget(m_chatSend);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(participantsLabel);
    layout->addWidget(m_participants);
    layout->addWidget(chatLabel);
    layout->addWidget(m_chatLog, 1);
    layout->addLayout(chatRow);
}

void CallSidePanel::setParticipants(const QList<Row> &rows)
{
    m_participants->clear();
    for (const Row &row : rows) {
        auto *item = new QListWidgetItem(row.text, m_participants);
        item->setData(Qt::UserRole, row.peerId);
    }
}

void CallSidePanel::appendChat(const QString &who, const QString &text, qint64 at)
{
    const QString when = QDateTime::fromMSecsSinceEpoch(at ? at : QDateTime::currentMSecsSinceEpoch())
                             .toLocalTime()
                             .toString(QStringLiteral("HH:mm"));
    m_chatLog->appendPlainText(QStringLiteral("%1 %2: %3").arg(when, who, text));
}

void CallSidePanel::appendNote(const QString &text)
{
    m_chatLog->appendPlainText(text);
}

void CallSidePanel::clearInput()
{
    m_chatInput->clear();
}

void CallSidePanel::setChatEnabled(bool enabled)
{
    m_chatInput->setEnabled(enabled);
    m_chatSend->setEnabled(enabled);
}

void CallSidePanel::submit()
{
    const QString text = m_chatInput->text().trimmed();
    if (!text.isEmpty())
        Q_EMIT chatSubmitted(text.left(kMaxChatLength));
}

} // namespace nara::call
