#include "referrals/ui/referralanswerform.h"

#include "referrals/core/dermatologycatalog.h"

#include <QAbstractItemView>
#include <QButtonGroup>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace nara::referrals {

namespace {

constexpr int kCodeRole = Qt::UserRole;

QString entryText(const CodedConcept &diagnosis)
{
    return diagnosis.code % u" – " % diagnosis.display;
}

} // namespace

ReferralAnswerForm::ReferralAnswerForm(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("referralAnswerForm"));
    setAccessibleName(tr("Answer"));

    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(QStringLiteral("answerDescription"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setPlaceholderText(tr("What you see in the images, and your assessment"));
    m_description->setTabChangesFocus(true);
    m_description->setMinimumHeight(90);

    m_diagnosis = new QComboBox(this);
    m_diagnosis->setObjectName(QStringLiteral("answerDiagnosis"));
    m_diagnosis->setAccessibleName(tr("Preliminary diagnosis"));
    m_diagnosis->setEditable(true);
    m_diagnosis->setInsertPolicy(QComboBox::NoInsert);
    m_diagnosis->setMaxVisibleItems(15);
    for (const CodedConcept &diagnosis : dermatologyDiagnoses())
        m_diagnosis->addItem(entryText(diagnosis), diagnosis.code);
    auto *completer = new QCompleter(m_diagnosis->model(), m_diagnosis);
    completer->setObjectName(QStringLiteral("answerDiagnosisCompleter"));
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_diagnosis->setCompleter(completer);
    m_diagnosis->lineEdit()->setPlaceholderText(tr("Type a code or a word, e.g. C43 or melanom"));

    auto *managementBox = new QWidget(this);
    managementBox->setObjectName(QStringLiteral("answerManagement"));
    managementBox->setAccessibleName(tr("Management"));
    auto *managementLayout = new QVBoxLayout(managementBox);
    managementLayout->setContentsMargins(0, 0, 0, 0);
    m_managements = new QButtonGroup(this);
    m_months = new QSpinBox(this);
    m_months->setObjectName(QStringLiteral("answerFollowUpMonths"));
    m_months->setAccessibleName(tr("Months to follow-up"));
    m_months->setRange(0, AnswerDraft::kMaxFollowUpMonths);
    m_months->setSpecialValueText(QStringLiteral("–")); // 0: not chosen yet
    m_months->setSuffix(tr(" months"));
    m_months->setEnabled(false);
    for (const QString &code : managementCodes()) {
        auto *button = new QRadioButton(managementDisplay(code), managementBox);
        button->setObjectName(u"answerManagement_" % code);
        button->setProperty("code", code);
        m_managements->addButton(button);
        m_managementButtons.append(button);
        if (code == AnswerDraft::kFollowUp) {
            auto *row = new QHBoxLayout;
            row->addWidget(button);
            row->addWidget(m_months);
            row->addStretch(1);
            managementLayout->addLayout(row);
            connect(button, &QRadioButton::toggled, m_months, &QSpinBox::setEnabled);
        } else {
            managementLayout->addWidget(button);
        }
    }

    auto *layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setRowWrapPolicy(QFormLayout::WrapLongRows);
    layout->addRow(tr("&Description"), m_description);
    layout->addRow(tr("Preliminary &diagnosis"), m_diagnosis);
    layout->addRow(tr("Management"), managementBox);

    connect(m_description, &QPlainTextEdit::textChanged, this, &ReferralAnswerForm::changed);
    connect(m_diagnosis, &QComboBox::currentTextChanged, this, &ReferralAnswerForm::changed);
    connect(m_managements, &QButtonGroup::buttonToggled, this, &ReferralAnswerForm::changed);
    connect(m_months, &QSpinBox::valueChanged, this, &ReferralAnswerForm::changed);
    clear();
}

ReferralAnswerForm::~ReferralAnswerForm() = default;

AnswerDraft ReferralAnswerForm::answer() const
{
    AnswerDraft answer;
    answer.description = m_description->toPlainText().trimmed();
    answer.diagnosis = diagnosisCode();
    answer.management = management();
    answer.followUpMonths = answer.management == AnswerDraft::kFollowUp ? m_months->value() : 0;
    return answer;
}

void ReferralAnswerForm::clear()
{
    m_description->clear();
    m_diagnosis->setCurrentIndex(-1);
    m_diagnosis->clearEditText();
    m_managements->setExclusive(false);
    for (QRadioButton *button : std::as_const(m_managementButtons))
        button->setChecked(false);
    m_managements->setExclusive(true);
    m_months->setValue(0);
    m_months->setEnabled(false);
}

QString ReferralAnswerForm::diagnosisCode() const
{
    const QString text = m_diagnosis->currentText().trimmed();
    if (text.isEmpty())
        return {};
    for (const CodedConcept &diagnosis : dermatologyDiagnoses()) {
        if (text.compare(entryText(diagnosis), Qt::CaseInsensitive) == 0
            || text.compare(diagnosis.code, Qt::CaseInsensitive) == 0)
            return diagnosis.code;
    }
    return {};
}

void ReferralAnswerForm::setDiagnosis(const QString &code)
{
    m_diagnosis->setCurrentIndex(m_diagnosis->findData(code, kCodeRole));
}

void ReferralAnswerForm::setManagement(const QString &code)
{
    if (QRadioButton *button = managementButton(code))
        button->setChecked(true);
}

QRadioButton *ReferralAnswerForm::managementButton(const QString &code) const
{
    for (QRadioButton *button : m_managementButtons) {
        if (button->property("code").toString() == code)
            return button;
    }
    return nullptr;
}

QString ReferralAnswerForm::management() const
{
    const QAbstractButton *checked = m_managements->checkedButton();
    return checked ? checked->property("code").toString() : QString();
}

QString ReferralAnswerForm::missingText(const QList<AnswerDraft::Missing> &missing)
{
    if (missing.isEmpty())
        return {};
    QStringList parts;
    for (AnswerDraft::Missing what : missing) {
        switch (what) {
        case AnswerDraft::Missing::Description: parts.append(tr("a description")); break;
        case AnswerDraft::Missing::Diagnosis: parts.append(tr("a preliminary diagnosis from the list")); break;
        case AnswerDraft::Missing::Management: parts.append(tr("the management")); break;
        case AnswerDraft::Missing::FollowUpMonths:
            parts.append(tr("the months to follow-up (%1–%2)")
                             .arg(AnswerDraft::kMinFollowUpMonths)
                             .arg(AnswerDraft::kMaxFollowUpMonths));
            break;
        }
    }
    return tr("Missing: %1").arg(parts.join(QStringLiteral(", ")));
}

} // namespace nara::referrals
