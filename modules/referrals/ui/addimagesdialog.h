#pragma once

#include "referrals/ui/referraldraft.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace nara {
class Clock;
}

namespace nara::referrals {

class ReferralImageList;

// The sender's answer when the dermatologist asks for more (issue 5): new images (1–6, at most 12
// in the referral in all) and a reply to the question. The same quality check as a new referral
// for what applies (images, reply; blurred images warn and need "Send anyway"). Like
// SendReferralDialog it does not talk to the network: sendRequested() asks the host to send draft().
class AddImagesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddImagesDialog)
public:
    static constexpr int kMaxImagesInAll = 12;

    // `imagesSoFar`: how many images the referral has; `question`: what the dermatologist asked.
    AddImagesDialog(int imagesSoFar, const QString &question, const Clock &clock, QWidget *parent = nullptr);
    ~AddImagesDialog() override;

    AddImagesInput input() const;
    DraftCheck check() const { return input().check(); }
    AddImagesDraft draft() const { return input().draft(); }
    void showRefusal(const QString &message);
    // Fills the dialog with what was sent before (the server refused it): nothing typed is lost.
    void restore(const AddImagesInput &input);
    QString statusText() const;
    bool isSending() const { return m_sending; }

    ReferralImageList *imageList() const { return m_images; }

Q_SIGNALS:
    void sendRequested();

private:
    void send(bool blurAccepted);
    void setStatus(const QString &text, bool problem);

    ReferralImageList *m_images = nullptr;
    QPlainTextEdit *m_reply = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_sendAnyway = nullptr;
    bool m_sending = false;
};

} // namespace nara::referrals
