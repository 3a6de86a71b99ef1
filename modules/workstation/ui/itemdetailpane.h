#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;

namespace nara::workstation {

class ChatThreadModel;
class InboxStore;

// The right-hand pane: what the selected item is about, its thread (staff-only notes marked as
// internal), and the reply box. It only shows and collects; sending is the window's business.
class ItemDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemDetailPane)
public:
    explicit ItemDetailPane(InboxStore &store, QWidget *parent = nullptr);

    void showItem(const QString &itemId);
    QString itemId() const;
    QString replyText() const;
    bool staffOnly() const;
    void clearReply();
    void focusReply();
    ChatThreadModel *threadModel() const { return m_thread; }

Q_SIGNALS:
    void sendRequested();

private:
    void updateHeader();

    InboxStore &m_store;
    ChatThreadModel *m_thread = nullptr;
    QLabel *m_header = nullptr;
    QLabel *m_details = nullptr;
    QListView *m_threadView = nullptr;
    QPlainTextEdit *m_reply = nullptr;
    QCheckBox *m_staffOnly = nullptr;
    QPushButton *m_send = nullptr;
};

} // namespace nara::workstation
