#include "referrals/ui/addimagesdialog.h"

#include "referrals/ui/referralimagelist.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace nara::referrals {

AddImagesDialog::AddImagesDialog(int imagesSoFar, const QString &question, const Clock &clock, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("addImagesDialog"));
    setWindowTitle(tr("Add images to the referral"));

    auto *asked = new QLabel(question.isEmpty() ? tr("The dermatologist asks for more information.")
                                                : tr("The dermatologist asks: %1").arg(question),
                             this);
    asked->setObjectName(QStringLiteral("infoQuestion"));
    asked->setWordWrap(true);
    asked->setTextFormat(Qt::PlainText);

    m_images = new ReferralImageList(clock, this);
    const int room = std::clamp(kMaxImagesInAll - imagesSoFar, 0, int(ReferralImageList::kMaxImages));
    m_images->setMaximum(room);

    m_reply = new QPlainTextEdit(this);
    m_reply->setObjectName(QStringLiteral("infoReply"));
    m_reply->setAccessibleName(tr("Reply to the dermatologist"));
    m_reply->setPlaceholderText(tr("Your reply"));
    m_reply->setTabChangesFocus(true);
    m_reply->setMaximumHeight(110);
    auto *replyLabel = new QLabel(tr("&Reply:"), this);
    replyLabel->setBuddy(m_reply);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("addImagesStatus"));
    m_status->setAccessibleName(tr("Status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto *buttons = new QDialogButtonBox(this);
    m_send = buttons->addButton(tr("&Send"), QDialogButtonBox::ActionRole);
    m_send->setObjectName(QStringLiteral("sendImagesButton"));
    m_send->setAccessibleName(tr("Send the images and the reply"));
    m_sendAnyway = buttons->addButton(tr("Send &anyway"), QDialogButtonBox::ActionRole);
    m_sendAnyway->setObjectName(QStringLiteral("sendAnywayButton"));
    m_sendAnyway->setAccessibleName(tr("Send anyway, with the blurred images"));
    QPushButton *cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(m_send, &QPushButton::clicked, this, [this] { send(false); });
    connect(m_sendAnyway, &QPushButton::clicked, this, [this] { send(true); });
    m_sendAnyway->hide(); // after every button is added: adding a standard button shows them all
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(asked);
    layout->addWidget(m_images, 1);
    layout->addWidget(replyLabel);
    layout->addWidget(m_reply);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    if (room == 0) {
        m_send->setEnabled(false);
        setStatus(tr("The referral has %1 images already; no more can be added.").arg(kMaxImagesInAll), true);
    }
    const auto changed = [this] {
        if (m_sending)
            return;
        m_sendAnyway->hide();
        if (!m_status->text().isEmpty() && m_send->isEnabled()) {
            const DraftCheck result = check();
            setStatus(result.canSend() ? QString() : draftCheckText(result), true);
        }
    };
    connect(m_images, &ReferralImageList::imagesChanged, this, changed);
    connect(m_reply, &QPlainTextEdit::textChanged, this, changed);
    resize(720, 640);
}

AddImagesDialog::~AddImagesDialog() = default;

AddImagesInput AddImagesDialog::input() const
{
    AddImagesInput input;
    input.reply = m_reply->toPlainText();
    input.images = m_images->images();
    input.pendingImages = m_images->pendingCount();
    return input;
}

QString AddImagesDialog::statusText() const
{
    return m_status->text();
}

void AddImagesDialog::showRefusal(const QString &message)
{
    m_sending = false;
    m_send->setEnabled(true);
    m_sendAnyway->hide();
    setStatus(tr("The images were not sent: %1").arg(message), true);
}

void AddImagesDialog::restore(const AddImagesInput &input)
{
    m_reply->setPlainText(input.reply);
    for (const DraftImage &image : input.images)
        m_images->addProcessedImage(image);
}

void AddImagesDialog::send(bool blurAccepted)
{
    if (m_sending)
        return;
    const DraftCheck result = check();
    if (!result.canSend()) {
        m_sendAnyway->hide();
        setStatus(draftCheckText(result), true);
        if (result.problems.first() == DraftProblem::NoReply)
            m_reply->setFocus(Qt::OtherFocusReason);
        else
            m_images->focusImages();
        return;
    }
    if (result.blurredImages > 0 && !blurAccepted) {
        setStatus(draftCheckText(result), true);
        m_sendAnyway->show();
        m_images->focusImages();
        return;
    }
    m_sending = true;
    m_send->setEnabled(false);
    m_sendAnyway->hide();
    setStatus(tr("Sending…"), false);
    Q_EMIT sendRequested();
}

void AddImagesDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
}

} // namespace nara::referrals
