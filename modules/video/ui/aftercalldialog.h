#pragma once

#include <QDialog>

class QButtonGroup;
class QPlainTextEdit;
class QRadioButton;

namespace nara::video {

// After a visit: what came of it (done, follow-up, a physical visit) and a short note for the
// record. The caller sends POST /api/v1/visits/{id}/end with outcome() and note().
class AfterCallDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AfterCallDialog)
public:
    explicit AfterCallDialog(const QString &visitTitle, QWidget *parent = nullptr);

    QString outcome() const; // done | follow_up | physical_visit
    QString note() const;
    void setOutcome(const QString &outcome);
    void setNote(const QString &note);

    static constexpr int kMaxNoteLength = 4000;

private:
    QButtonGroup *m_outcomes = nullptr;
    QPlainTextEdit *m_note = nullptr;
};

} // namespace nara::video
