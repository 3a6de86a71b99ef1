#include "referrals/ui/sendreferraldialog.h"

#include "referrals/ui/bodymapwidget.h"
#include "referrals/ui/referralimagelist.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace nara::referrals {

SendReferralDialog::SendReferralDialog(ReferralPatient patient, QList<ReferralUnit> units, const Clock &clock,
                                       QWidget *parent)
    : QDialog(parent)
    , m_patient(std::move(patient))
{
    setObjectName(QStringLiteral("sendReferralDialog"));
    setWindowTitle(tr("New dermatology referral"));

    auto *patientLabel = new QLabel(m_patient.name % u", " % m_patient.personalNumber, this);
    patientLabel->setObjectName(QStringLiteral("referralPatient"));
    patientLabel->setAccessibleName(tr("Patient"));
    patientLabel->setTextFormat(Qt::PlainText);

    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("referralUnit"));
    m_unit->setAccessibleName(tr("Dermatology unit"));
    if (units.size() != 1)
        m_unit->addItem(tr("Choose a unit…"), QString());
    for (const ReferralUnit &unit : std::as_const(units))
        m_unit->addItem(unit.name, unit.id);

    m_question = new QPlainTextEdit(this);
    m_question->setObjectName(QStringLiteral("referralQuestion"));
    m_question->setAccessibleName(tr("Clinical question"));
    m_question->setPlaceholderText(tr("What would you like the dermatologist to answer?"));
    m_question->setTabChangesFocus(true);
    m_question->setMaximumHeight(90);

    m_duration = new QLineEdit(this);
    m_duration->setObjectName(QStringLiteral("historyDuration"));
    m_duration->setAccessibleName(tr("How long has it been there"));
    m_duration->setPlaceholderText(tr("e.g. 6 months"));
    m_duration->setMaxLength(200);
    m_changedRecently = new QCheckBox(tr("&Changed recently"), this);
    m_changedRecently->setObjectName(QStringLiteral("historyChangedRecently"));
    m_itchOrBleeding = new QCheckBox(tr("Itches or &bleeds"), this);
    m_itchOrBleeding->setObjectName(QStringLiteral("historyItchOrBleeding"));
    m_earlierSkinCancer = new QCheckBox(tr("&Earlier skin cancer"), this);
    m_earlierSkinCancer->setObjectName(QStringLiteral("historyEarlierSkinCancer"));

    m_routine = new QRadioButton(tr("&Routine"), this);
    m_routine->setObjectName(QStringLiteral("priorityRoutine"));
    m_routine->setChecked(true);
    m_urgent = new QRadioButton(tr("Suspected melanoma or skin cancer – &urgent (SVF)"), this);
    m_urgent->setObjectName(QStringLiteral("priorityUrgent"));
    auto *priority = new QButtonGroup(this);
    priority->addButton(m_routine);
    priority->addButton(m_urgent);
    auto *priorityBox = new QVBoxLayout;
    priorityBox->addWidget(m_routine);
    priorityBox->addWidget(m_urgent);

    m_bodyMap = new BodyMapWidget(this);
    m_images = new ReferralImageList(clock, this);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("referralStatus"));
    m_status->setAccessibleName(tr("Status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto *buttons = new QDialogButtonBox(this);
    m_send = buttons->addButton(tr("&Send referral"), QDialogButtonBox::ActionRole);
    m_send->setObjectName(QStringLiteral("sendReferralButton"));
    m_send->setAccessibleName(tr("Send the referral"));
    m_sendAnyway = buttons->addButton(tr("Send &anyway"), QDialogButtonBox::ActionRole);
    m_sendAnyway->setObjectName(QStringLiteral("sendAnywayButton"));
    m_sendAnyway->setAccessibleName(tr("Send anyway, with the blurred images"));
    QPushButton *cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(m_send, &QPushButton::clicked, this, [this] { send(false); });
    connect(m_sendAnyway, &QPushButton::clicked, this, [this] { send(true); });
    m_sendAnyway->hide(); // after every button is added: adding a standard button shows them all
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Patient:"), patientLabel);
    form->addRow(tr("&To:"), m_unit);
    form->addRow(tr("&Question:"), m_question);
    form->addRow(tr("&Duration:"), m_duration);
    form->addRow(tr("History:"), m_changedRecently);
    form->addRow(QString(), m_itchOrBleeding);
    form->addRow(QString(), m_earlierSkinCancer);
    form->addRow(tr("Priority:"), priorityBox);
    auto *site = new QGroupBox(tr("Body site"), this);
    auto *siteLayout = new QVBoxLayout(site);
    siteLayout->addWidget(m_bodyMap);
    auto *imageBox = new QGroupBox(tr("Images"), this);
    auto *imageLayout = new QVBoxLayout(imageBox);
    imageLayout->addWidget(m_images);
    // The form and the images on the left, the body map the whole height on the right (its small
    // regions, the face's, need the room).
    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(imageBox, 1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addWidget(site, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_unit, &QComboBox::currentIndexChanged, this, &SendReferralDialog::inputChanged);
    connect(m_question, &QPlainTextEdit::textChanged, this, &SendReferralDialog::inputChanged);
    connect(m_bodyMap, &BodyMapWidget::siteChanged, this, &SendReferralDialog::inputChanged);
    connect(m_images, &ReferralImageList::imagesChanged, this, &SendReferralDialog::inputChanged);
    resize(1040, 860);
}

SendReferralDialog::~SendReferralDialog() = default;

ReferralInput SendReferralDialog::input() const
{
    ReferralInput input;
    input.patientId = m_patient.id;
    input.toUnitId = m_unit->currentData().toString();
    input.question = m_question->toPlainText();
    input.duration = m_duration->text();
    input.changedRecently = m_changedRecently->isChecked();
    input.itchOrBleeding = m_itchOrBleeding->isChecked();
    input.earlierSkinCancer = m_earlierSkinCancer->isChecked();
    input.bodySiteCode = m_bodyMap->siteCode();
    input.urgent = m_urgent->isChecked();
    input.images = m_images->images();
    input.pendingImages = m_images->pendingCount();
    return input;
}

QString SendReferralDialog::statusText() const
{
    return m_status->text();
}

void SendReferralDialog::showRefusal(const QString &message)
{
    m_sending = false;
    m_send->setEnabled(true);
    m_sendAnyway->hide();
    setStatus(tr("The referral was not sent: %1").arg(message), true);
}

void SendReferralDialog::restore(const ReferralInput &input)
{
    if (const int unit = m_unit->findData(input.toUnitId); unit >= 0)
        m_unit->setCurrentIndex(unit);
    m_question->setPlainText(input.question);
    m_duration->setText(input.duration);
    m_changedRecently->setChecked(input.changedRecently);
    m_itchOrBleeding->setChecked(input.itchOrBleeding);
    m_earlierSkinCancer->setChecked(input.earlierSkinCancer);
    m_bodyMap->setSiteCode(input.bodySiteCode);
    (input.urgent ? m_urgent : m_routine)->setChecked(true);
    for (const DraftImage &image : input.images)
        m_images->addProcessedImage(image);
}

void SendReferralDialog::send(bool blurAccepted)
{
    if (m_sending)
        return;
    const DraftCheck result = check();
    if (!result.canSend()) {
        m_sendAnyway->hide();
        setStatus(draftCheckText(result), true);
        focusProblem(result.problems.first());
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

void SendReferralDialog::focusProblem(DraftProblem problem)
{
    switch (problem) {
    case DraftProblem::NoUnit: m_unit->setFocus(Qt::OtherFocusReason); break;
    case DraftProblem::NoQuestion: m_question->setFocus(Qt::OtherFocusReason); break;
    case DraftProblem::NoBodySite: m_bodyMap->setFocus(Qt::OtherFocusReason); break;
    case DraftProblem::NoImages:
    case DraftProblem::NoOverview:
    case DraftProblem::NoCloseUp:
    case DraftProblem::ImagesPending:
    case DraftProblem::NoReply: m_images->focusImages(); break;
    }
}

// A change after a refused attempt: the old problems may be gone, and "Send anyway" confirmed the
// images as they were, not as they are now.
void SendReferralDialog::inputChanged()
{
    if (m_sending)
        return;
    m_sendAnyway->hide();
    if (!m_status->text().isEmpty()) {
        const DraftCheck result = check();
        setStatus(result.canSend() ? QString() : draftCheckText(result), true);
    }
}

void SendReferralDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
}

} // namespace nara::referrals
