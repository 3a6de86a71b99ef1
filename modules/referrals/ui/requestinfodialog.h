#pragma once

#include <QDialog>

class QDialogButtonBox;
class QPlainTextEdit;

namespace nara::referrals {

// "Request more information…": what the dermatologist needs from the sender (required). The caller
// sends POST /api/v1/referrals/{id}/request-info {"question"}.
class RequestInfoDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestInfoDialog)
public:
    explicit RequestInfoDialog(const QString &referralTitle, QWidget *parent = nullptr);

    QString question() const; // trimmed
    void setQuestion(const QString &question);

private:
    QPlainTextEdit *m_question = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace nara::referrals
