#include "referrals/ui/referralpane.h"

#include "referrals/ui/imagecompareview.h"
#include "referrals/ui/referralanswerform.h"
#include "referrals/ui/referralsummary.h"
#include "referrals/ui/referraltexts.h"
#include "referrals/ui/referralthumbnailstrip.h"
#include "referrals/ui/requestinfodialog.h"
#include "referrals/ui/skinimagecanvas.h"
#include "referrals/ui/skinimageviewer.h"

#include "foundation/core/clock.h"
#include "foundation/ui/panewidgets.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace nara::referrals {

namespace {

QLabel *textLabel(const QString &name, const QString &accessibleName, QWidget *parent)
{
    return ui::makeTextLabel(parent, name, accessibleName);
}

QLabel *heading(const QString &text, QWidget *parent)
{
    return ui::makeSectionHeading(parent, text);
}

QList<QJsonObject> imagesOf(const QJsonObject &referral)
{
    QList<QJsonObject> images;
    for (const QJsonValue &value : referral.value(u"images").toArray()) {
        if (const QJsonObject image = value.toObject(); !image.value(u"id").toString().isEmpty())
            images.append(image);
    }
    return images;
}

} // namespace

ReferralPane::ReferralPane(sync::WriteSink &sink, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_commands(sink, clock)
    , m_clock(clock)
    , m_runner([](QDialog &dialog) { return dialog.exec(); })
{
    setObjectName(QStringLiteral("referralPane"));
    setAccessibleName(tr("Skin referral"));

    m_header = ui::makeHeaderLabel(this, QStringLiteral("referralHeader"));
    m_header->setAccessibleName(tr("Referral"));
    m_priority = textLabel(QStringLiteral("referralPriority"), tr("Priority"), this);
    m_priority->setWordWrap(false);
    m_state = textLabel(QStringLiteral("referralState"), tr("State"), this);
    m_due = textLabel(QStringLiteral("referralDue"), tr("Answer due"), this);
    m_details = textLabel(QStringLiteral("referralDetails"), tr("Patient and sender"), this);

    m_content = new QWidget;
    QWidget *content = m_content;
    m_summary = new ReferralSummary(content);

    m_strip = new ReferralThumbnailStrip(content);
    m_viewer = new SkinImageViewer(content);
    m_viewer->setObjectName(QStringLiteral("referralImageViewer"));
    m_viewer->setMinimumHeight(360);
    m_compare = new ImageCompareView(content);
    m_compare->setMinimumHeight(360);
    // One of the two shows; a hidden one does not widen the pane (a stacked widget would take the
    // width of the side-by-side view even while the single viewer shows).
    m_viewerStack = new QWidget(content);
    auto *viewerLayout = new QVBoxLayout(m_viewerStack);
    viewerLayout->setContentsMargins(0, 0, 0, 0);
    viewerLayout->addWidget(m_viewer);
    viewerLayout->addWidget(m_compare);
    m_compare->hide();
    m_compareButton = new QPushButton(tr("&Compare"), content);
    m_compareButton->setObjectName(QStringLiteral("referralCompareButton"));
    m_compareButton->setAccessibleName(tr("Compare with earlier images"));
    m_compareButton->setToolTip(tr("Side by side with an earlier image (C in the viewer)"));
    m_compareButton->setCheckable(true);

    m_formBox = new QWidget(content);
    m_formBox->setObjectName(QStringLiteral("referralAnswerBox"));
    m_form = new ReferralAnswerForm(m_formBox);
    auto *formLayout = new QVBoxLayout(m_formBox);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addWidget(heading(tr("Your answer"), m_formBox));
    formLayout->addWidget(m_form);

    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_summary);
    auto *imagesRow = new QHBoxLayout;
    imagesRow->addWidget(heading(tr("Images"), content));
    imagesRow->addStretch(1);
    imagesRow->addWidget(m_compareButton);
    contentLayout->addLayout(imagesRow);
    contentLayout->addWidget(m_strip);
    contentLayout->addWidget(m_viewerStack, 1);
    contentLayout->addWidget(m_formBox);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("referralScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    m_send = addButton(QStringLiteral("referralSendAnswerButton"), tr("&Send the answer"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), &ReferralPane::sendAnswer);
    m_requestInfo = addButton(QStringLiteral("referralRequestInfoButton"), tr("Request more &information…"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), &ReferralPane::requestInfo);
    m_addImages = addButton(QStringLiteral("referralAddImagesButton"), tr("Add &images…"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), &ReferralPane::addImages);
    m_acknowledge = addButton(QStringLiteral("referralAcknowledgeButton"), tr("&Patient informed"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B), &ReferralPane::acknowledge);
    m_problems = textLabel(QStringLiteral("referralAnswerProblems"), tr("What is missing"), this);
    m_problems->setStyleSheet(QStringLiteral("#referralAnswerProblems { color: #8a1c00; }"));
    m_status = textLabel(QStringLiteral("referralStatus"), tr("Status"), this);

    auto *badges = new QHBoxLayout;
    badges->addWidget(m_priority);
    badges->addWidget(m_state, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_send);
    buttons->addWidget(m_problems, 1);
    buttons->addWidget(m_requestInfo);
    buttons->addWidget(m_addImages);
    buttons->addWidget(m_acknowledge);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addLayout(badges);
    layout->addWidget(m_due);
    layout->addWidget(m_details);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_strip, &ReferralThumbnailStrip::currentImageChanged, this, &ReferralPane::showImage);
    connect(m_viewer, &SkinImageViewer::retryRequested, this, [this] { retry(m_currentImage); });
    connect(m_compare, &ImageCompareView::retryRequested, this, &ReferralPane::retry);
    connect(m_compare, &ImageCompareView::imageWanted, this, &ReferralPane::compareWants);
    connect(m_compareButton, &QPushButton::toggled, this, &ReferralPane::setComparing);
    const auto toggleCompare = [this] {
        setComparing(!isComparing());
    };
    connect(m_viewer, &SkinImageViewer::compareRequested, this, toggleCompare);
    connect(m_compare->leftViewer(), &SkinImageViewer::compareRequested, this, toggleCompare);
    connect(m_compare->rightViewer(), &SkinImageViewer::compareRequested, this, toggleCompare);
    connect(m_form, &ReferralAnswerForm::changed, this, [this] {
        if (!m_problems->text().isEmpty())
            showProblems();
    });
    showReferral({});
}

ReferralPane::~ReferralPane() = default;

QPushButton *ReferralPane::addButton(const QString &name, const QString &text, const QKeySequence &key,
                                     void (ReferralPane::*slot)())
{
    const ui::ShortcutButton made = ui::makeShortcutButton(this, name, text, key);
    m_actions.append(made.action);
    connect(made.action, &QAction::triggered, this, slot);
    return made.button;
}

void ReferralPane::forget()
{
    m_requests.clear();
    m_currentImage.clear();
    m_viewerImage.clear();
    m_pendingWrite.clear();
    m_pendingVersion = -1;
    m_form->clear();
    m_problems->clear();
    m_status->clear();
    m_viewer->resetAdjustments();
    m_compare->leftViewer()->resetAdjustments();
    m_compare->rightViewer()->resetAdjustments();
    setComparing(false);
}

void ReferralPane::showReferral(const ReferralItemView &view)
{
    const bool sameReferral = !view.referralId().isEmpty() && view.referralId() == m_view.referralId();
    if (!sameReferral || view.itemId != m_view.itemId)
        forget();
    else if (!m_pendingWrite.isEmpty() && view.referral.value(u"version").toInteger(-1) != m_pendingVersion) {
        // The write came back through sync: the record shown is the changed one.
        m_pendingWrite.clear();
        m_pendingVersion = -1;
        m_status->clear();
    }
    m_view = view;
    fillTexts();
    fillImages();
    updateActions();
}

void ReferralPane::fillTexts()
{
    const QJsonObject &referral = m_view.referral;
    const bool shown = !m_view.itemId.isEmpty();
    const bool known = shown && !referral.isEmpty();
    const QString site = referral.value(u"bodySite").toObject().value(u"display").toString();
    if (!shown)
        m_header->setText(tr("No item selected"));
    else
        m_header->setText(known && !site.isEmpty() ? tr("Skin referral: %1").arg(site) : m_view.itemTitle);

    const bool urgent = referral.value(u"priority").toString() == u"urgent";
    m_priority->setText(known ? ReferralTexts::priorityText(referral.value(u"priority").toString()) : QString());
    m_priority->setProperty("priority", referral.value(u"priority").toString());
    m_priority->setStyleSheet(urgent ? QStringLiteral("#referralPriority { background: #c62828; color: white; "
                                                      "font-weight: bold; padding: 2px 8px; border-radius: 3px; }")
                                     : QString());
    m_priority->setVisible(known);
    m_state->setText(known ? ReferralTexts::stateText(referral.value(u"state").toString()) : QString());

    const bool overdue = ReferralTexts::isOverdue(referral, m_clock.nowMs());
    const QString state = referral.value(u"state").toString();
    const bool waiting = state == u"sent" || state == u"needs_info";
    m_due->setText(known && waiting ? ReferralTexts::dueText(referral.value(u"dueAt").toInteger(), overdue)
                                    : QString());
    m_due->setProperty("overdue", overdue);
    m_due->setStyleSheet(overdue ? QStringLiteral("#referralDue { color: #8a1c00; font-weight: bold; }") : QString());
    m_due->setVisible(!m_due->text().isEmpty());

    QStringList details;
    if (!m_view.patientText.isEmpty())
        details.append(tr("Patient: %1").arg(m_view.patientText));
    if (known) {
        const QString sentAt = ReferralTexts::dateTimeText(referral.value(u"sentAt").toInteger());
        details.append(m_view.sentByName.isEmpty() ? tr("Sent %1").arg(sentAt)
                                                   : tr("Sent by %1, %2").arg(m_view.sentByName, sentAt));
    } else if (shown) {
        details.append(tr("The referral has not reached this workstation yet."));
    }
    m_details->setText(details.join(u'\n'));

    m_summary->setReferral(referral, m_view.earlierReferrals, m_view.answeredByName);
    m_content->setVisible(known);
}

void ReferralPane::fillImages()
{
    const qint64 sentAt = m_view.referral.value(u"sentAt").toInteger();
    QList<ReferralThumbnailStrip::Entry> entries;
    for (const QJsonObject &image : imagesOf(m_view.referral))
        entries.append({image.value(u"id").toString(), ReferralTexts::imageCaption(image, sentAt)});
    for (const auto &entry : std::as_const(entries)) {
        want(entry.imageId, true);
    }
    m_strip->setEntries(entries); // the image shown: showImage through currentImageChanged
    if (entries.isEmpty())
        m_viewer->clear(m_view.referral.isEmpty() ? QString() : tr("The referral has no images."));
    if (entries.isEmpty())
        m_viewerImage.clear();
    updateCompare();
}

void ReferralPane::showImage(const QString &imageId)
{
    m_currentImage = imageId;
    if (m_viewerImage != imageId)
        m_viewerImage.clear();
    if (imageId.isEmpty()) {
        m_viewer->clear();
        updateCompare();
        return;
    }
    if (const QImage *image = m_requests.image(imageId)) {
        if (m_viewerImage != imageId || !m_viewer->canvas()->hasImage())
            showInViewer(imageId, *image);
    } else if (m_requests.hasFailed(imageId)) {
        m_viewer->showUnavailable(m_requests.failure(imageId));
    } else {
        m_viewer->showLoading();
        want(imageId, false);
    }
    updateCompare();
}

void ReferralPane::showInViewer(const QString &imageId, const QImage &image)
{
    m_viewerImage = imageId;
    m_viewer->setImage(image);
}

void ReferralPane::want(const QString &imageId, bool thumbnail)
{
    if (m_requests.ask(imageId, thumbnail))
        Q_EMIT imageWanted(imageId, thumbnail);
}

void ReferralPane::retry(const QString &imageId)
{
    if (imageId.isEmpty())
        return;
    m_requests.forgetFailure(imageId);
    if (m_strip->itemFor(imageId))
        want(imageId, true);
    if (imageId == m_currentImage) {
        m_viewerImage.clear();
        m_viewer->showLoading();
    }
    m_compare->setImageLoading(imageId);
    want(imageId, false);
}

void ReferralPane::compareWants(const QString &imageId)
{
    if (const QImage *image = m_requests.image(imageId))
        m_compare->setImage(imageId, *image);
    else if (m_requests.hasFailed(imageId))
        m_compare->setImageUnavailable(imageId, m_requests.failure(imageId));
    else
        want(imageId, false);
}

void ReferralPane::setImage(const QString &imageId, bool thumbnail, const QImage &image)
{
    if (image.isNull()) {
        setImageUnavailable(imageId, tr("the server sent no image"));
        return;
    }
    m_requests.received(imageId, thumbnail, image);
    if (thumbnail) {
        m_strip->setThumbnail(imageId, image);
        return;
    }
    if (imageId == m_currentImage)
        showInViewer(imageId, image);
    m_compare->setImage(imageId, image);
}

void ReferralPane::setImageUnavailable(const QString &imageId, const QString &message)
{
    m_requests.failed(imageId, message);
    if (!m_requests.hasThumbnail(imageId))
        m_strip->setThumbnailUnavailable(imageId);
    if (imageId == m_currentImage && !m_requests.image(imageId)) {
        m_viewerImage.clear();
        m_viewer->showUnavailable(message);
    }
    m_compare->setImageUnavailable(imageId, message);
}

void ReferralPane::updateCompare()
{
    QList<CompareChoice> choices;
    QString currentLabel;
    for (const QJsonObject &image : imagesOf(m_view.referral)) {
        const QString id = image.value(u"id").toString();
        const QString label = ReferralTexts::compareLabel(image, m_view.referral, true);
        if (id == m_currentImage)
            currentLabel = label;
        else
            choices.append({id, label});
    }
    for (const QJsonObject &earlier : m_view.earlierReferrals) {
        for (const QJsonObject &image : imagesOf(earlier))
            choices.append({image.value(u"id").toString(), ReferralTexts::compareLabel(image, earlier, false)});
    }
    m_compareButton->setEnabled(!m_currentImage.isEmpty() && !choices.isEmpty());
    if (!m_compareButton->isEnabled()) {
        setComparing(false);
        return;
    }
    if (!isComparing())
        return; // filled when the comparison is opened
    const QImage *image = m_requests.image(m_currentImage);
    m_compare->setCurrent(m_currentImage, currentLabel, image ? *image : QImage());
    m_compare->setChoices(choices);
}

bool ReferralPane::isComparing() const
{
    return !m_compare->isHidden();
}

void ReferralPane::setComparing(bool on)
{
    on = on && m_compareButton->isEnabled();
    if (on == isComparing() && on == m_compareButton->isChecked())
        return;
    {
        const QSignalBlocker blocker(m_compareButton);
        m_compareButton->setChecked(on);
    }
    m_viewer->setVisible(!on);
    m_compare->setVisible(on);
    if (on) {
        updateCompare();
        m_compare->leftViewer()->setFocus(Qt::OtherFocusReason);
    }
}

void ReferralPane::updateActions()
{
    const QString state = m_view.referral.value(u"state").toString();
    const bool idle = m_pendingWrite.isEmpty();
    const bool answering = answerable();
    const bool sender = !m_view.itemId.isEmpty() && !m_view.referral.isEmpty() && m_view.canRespondAsSender;
    const auto offer = [](QPushButton *button, bool shown, bool enabled) {
        button->setVisible(shown);
        if (auto *action = button->parentWidget()->findChild<QAction *>(button->objectName() + QStringLiteral("Action"),
                                                                        Qt::FindDirectChildrenOnly))
            action->setEnabled(shown && enabled);
        button->setEnabled(shown && enabled);
    };
    offer(m_send, answering, idle);
    offer(m_requestInfo, answering, idle);
    offer(m_addImages, sender && state == u"needs_info", idle);
    offer(m_acknowledge, sender && state == u"answered", idle);
    m_formBox->setVisible(answering);
    m_form->setEnabled(answering && idle);
    if (!answering)
        m_problems->clear();
}

bool ReferralPane::answerable() const
{
    return !m_view.itemId.isEmpty() && m_view.canAnswer && m_view.referral.value(u"state").toString() == u"sent";
}

std::optional<qint64> ReferralPane::version() const
{
    const QJsonValue value = m_view.referral.value(u"version");
    if (!value.isDouble())
        return std::nullopt;
    return value.toInteger();
}

void ReferralPane::showProblems()
{
    m_problems->setText(ReferralAnswerForm::missingText(m_form->answer().missing()));
}

void ReferralPane::submitted(const QString &writeId)
{
    m_pendingWrite = writeId;
    m_pendingVersion = m_view.referral.value(u"version").toInteger(-1);
    m_problems->clear();
    m_status->setText(tr("Sending…"));
    updateActions();
    Q_EMIT writeSubmitted(writeId);
}

void ReferralPane::sendAnswer()
{
    if (!answerable() || !m_pendingWrite.isEmpty())
        return;
    const AnswerDraft answer = m_form->answer();
    const QList<AnswerDraft::Missing> missing = answer.missing();
    if (!missing.isEmpty()) {
        showProblems();
        switch (missing.constFirst()) {
        case AnswerDraft::Missing::Description: m_form->descriptionEdit()->setFocus(); break;
        case AnswerDraft::Missing::Diagnosis: m_form->diagnosisBox()->setFocus(); break;
        case AnswerDraft::Missing::Management: break;
        case AnswerDraft::Missing::FollowUpMonths: m_form->monthsBox()->setFocus(); break;
        }
        return;
    }
    const QString writeId = m_commands.answer(referralId(), m_view.itemId, answer, version());
    if (!writeId.isEmpty())
        submitted(writeId);
}

void ReferralPane::requestInfo()
{
    if (!answerable() || !m_pendingWrite.isEmpty())
        return;
    // The dialog runs an event loop of its own: sync may hand another record in meanwhile.
    const QString shownReferral = referralId();
    const std::optional<qint64> shownVersion = version();
    RequestInfoDialog dialog(m_header->text(), this);
    if (runDialog(dialog) != QDialog::Accepted)
        return;
    if (referralId() != shownReferral || !answerable() || !m_pendingWrite.isEmpty()) {
        m_status->setText(tr("The referral shown changed while the dialog was open: nothing was sent."));
        return;
    }
    if (dialog.question().isEmpty()) {
        m_status->setText(tr("Write what you need from the sender: nothing was sent."));
        return;
    }
    const QString writeId = m_commands.requestInfo(shownReferral, m_view.itemId, dialog.question(), shownVersion);
    if (!writeId.isEmpty())
        submitted(writeId);
}

void ReferralPane::addImages()
{
    if (m_view.canRespondAsSender && m_view.referral.value(u"state").toString() == u"needs_info"
        && m_pendingWrite.isEmpty())
        Q_EMIT addImagesRequested(referralId());
}

void ReferralPane::acknowledge()
{
    if (!m_view.canRespondAsSender || m_view.referral.value(u"state").toString() != u"answered"
        || !m_pendingWrite.isEmpty())
        return;
    const QString writeId = m_commands.acknowledge(referralId(), m_view.itemId, version());
    if (!writeId.isEmpty())
        submitted(writeId);
}

void ReferralPane::writeFinished(const QString &writeId, bool accepted, const QString &message)
{
    if (writeId.isEmpty() || writeId != m_pendingWrite)
        return;
    if (accepted) {
        if (!message.isEmpty())
            m_status->setText(message);
        return;
    }
    m_pendingWrite.clear();
    m_pendingVersion = -1;
    m_status->setText(message.isEmpty() ? tr("The server refused the change.") : message);
    updateActions();
}

int ReferralPane::runDialog(QDialog &dialog)
{
    return m_runner ? m_runner(dialog) : dialog.exec();
}

} // namespace nara::referrals
