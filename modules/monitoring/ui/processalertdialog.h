#pragma once

#include <QDialog>

class QDialogButtonBox;
class QPlainTextEdit;

namespace nara::monitoring {

// "Handled…": what was done about the alert, as a note for the record (required). The caller sends
// POST /api/v1/items/{id}/close {"note"}.
class ProcessAlertDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessAlertDialog)
public:
    explicit ProcessAlertDialog(const QString &alertTitle, QWidget *parent = nullptr);

    QString note() const; // trimmed
    void setNote(const QString &note);

private:
    QPlainTextEdit *m_note = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace nara::monitoring
