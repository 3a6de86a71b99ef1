#pragma once

#include "referrals/ui/referralanswer.h"

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;

namespace nara::referrals {

// The dermatologist's answer as a form: the description, a preliminary diagnosis from the bundled
// ICD-10 list in a combo box that finds as you type ("C43" or "melanom"), the management as radio
// buttons with the months of a follow-up (enabled only for a follow-up). It holds what is typed;
// the pane decides when to send it (AnswerDraft::missing() says what is still missing).
class ReferralAnswerForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReferralAnswerForm)
public:
    explicit ReferralAnswerForm(QWidget *parent = nullptr);
    ~ReferralAnswerForm() override;

    AnswerDraft answer() const;
    void clear();

    // The code of the diagnosis the combo box names: an entry of the list, or a code typed whole;
    // empty while the text is only a search.
    QString diagnosisCode() const;
    void setDiagnosis(const QString &code);
    void setManagement(const QString &code);

    QPlainTextEdit *descriptionEdit() const { return m_description; }
    QComboBox *diagnosisBox() const { return m_diagnosis; }
    QSpinBox *monthsBox() const { return m_months; }
    QRadioButton *managementButton(const QString &code) const;

    // "Missing: a description, …" for what keeps the answer from being sent.
    static QString missingText(const QList<AnswerDraft::Missing> &missing);

Q_SIGNALS:
    void changed();

private:
    QString management() const;

    QPlainTextEdit *m_description = nullptr;
    QComboBox *m_diagnosis = nullptr;
    QButtonGroup *m_managements = nullptr;
    QList<QRadioButton *> m_managementButtons;
    QSpinBox *m_months = nullptr;
};

} // namespace nara::referrals
