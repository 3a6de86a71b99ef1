#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace nara::call {

// Beside the video: who is in the call (and who waits), and the call's text chat. Holds no call
// logic: CallWindow says what to show and hears what the user wants to send.
class CallSidePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallSidePanel)
public:
    static constexpr int kMaxChatLength = 2000; // docs/api/contract.md: chat frames

    struct Row
    {
        QString peerId; // empty for oneself
        QString text;
    };

    explicit CallSidePanel(QWidget *parent = nullptr);

    void setParticipants(const QList<Row> &rows);
    // A chat line "HH:mm who: text"; `at` in ms since the epoch (0: now).
    void appendChat(const QString &who, const QString &text, qint64 at = 0);
    void appendNote(const QString &text);
    void clearInput();
    void setChatEnabled(bool enabled);

Q_SIGNALS:
    // The user sends this (trimmed, not empty, at most kMaxChatLength characters).
    void chatSubmitted(const QString &text);

private:
    void submit();

    QListWidget *m_participants = nullptr;
    QPlainTextEdit *m_chatLog = nullptr;
    QLineEdit *m_chatInput = nullptr;
    QPushButton *m_chatSend = nullptr;
};

} // namespace nara::call
