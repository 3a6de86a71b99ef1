#pragma once

#include "referrals/ui/referraldraft.h"

#include <QDialog>
#include <QList>
#include <QString>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace nara {
class Clock;
}

namespace nara::referrals {

class BodyMapWidget;
class ReferralImageList;

struct ReferralPatient
{
    QString id;
    QString name;
    QString personalNumber; // YYYYMMDD-NNNN, shown only
};

// A dermatology unit a referral can be sent to.
struct ReferralUnit
{
    QString id;
    QString name;
};

// A new dermatology referral (issue 5), the GP's or nurse's side: the patient, the receiving
// dermatology unit, the clinical question, a short history, the body site on a body map, the
// priority and 1–6 images. Sending runs the quality check first (an overview and a close-up, the
// body site, the question; blurred images warn and need "Send anyway"), says every problem in the
// dialog and puts the focus on the first. The dialog does not talk to the network: sendRequested()
// asks the host to upload draft().images and post draft().body; the host closes the dialog once it
// has the referral, or calls showRefusal() and everything entered stays.
class SendReferralDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendReferralDialog)
public:
    SendReferralDialog(ReferralPatient patient, QList<ReferralUnit> units, const Clock &clock,
                       QWidget *parent = nullptr);
    ~SendReferralDialog() override;

    ReferralInput input() const;
    DraftCheck check() const { return input().check(); }
    // What to send; meaningful once sendRequested() was emitted.
    ReferralDraft draft() const { return input().draft(); }
    // The host could not send: the reason is shown, sending may be tried again.
    void showRefusal(const QString &message);
    // Fills the dialog with what was sent before (the server refused it): nothing typed is lost.
    void restore(const ReferralInput &input);
    QString statusText() const;
    bool isSending() const { return m_sending; }

    ReferralImageList *imageList() const { return m_images; }
    BodyMapWidget *bodyMap() const { return m_bodyMap; }

Q_SIGNALS:
    void sendRequested();

private:
    void send(bool blurAccepted);
    void focusProblem(DraftProblem problem);
    void inputChanged();
    void setStatus(const QString &text, bool problem);

    ReferralPatient m_patient;
    QComboBox *m_unit = nullptr;
    QPlainTextEdit *m_question = nullptr;
    QLineEdit *m_duration = nullptr;
    QCheckBox *m_changedRecently = nullptr;
    QCheckBox *m_itchOrBleeding = nullptr;
    QCheckBox *m_earlierSkinCancer = nullptr;
    BodyMapWidget *m_bodyMap = nullptr;
    QRadioButton *m_routine = nullptr;
    QRadioButton *m_urgent = nullptr;
    ReferralImageList *m_images = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_sendAnyway = nullptr;
    bool m_sending = false;
};

} // namespace nara::referrals
