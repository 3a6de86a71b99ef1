#pragma once

#include <QDialog>
#include <QList>
#include <QStringList>

class QDialogButtonBox;
class QListWidget;
class QPlainTextEdit;

namespace nara::monitoring {

// A staff member as the alert pane chooses among them.
struct StaffChoice
{
    QString id;
    QString displayName;
    QString role; // "gp", "nurse", …
    QStringList unitIds;
};

// "Escalate to a doctor…": one GP of the alert's care unit and an optional note. The caller sends
// POST /api/v1/items/{id}/escalate {"staffId","note"?}.
class EscalateDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EscalateDialog)
public:
    // `gps`: the choices, already only GPs of the unit (see gpsOf), listed by name.
    EscalateDialog(const QString &alertTitle, const QList<StaffChoice> &gps, QWidget *parent = nullptr);

    QString staffId() const; // the GP chosen; empty if none
    QString note() const; // trimmed
    void selectStaff(const QString &staffId);
    void setNote(const QString &note);

    // The staff with role gp in `unitId`, sorted by name.
    static QList<StaffChoice> gpsOf(const QList<StaffChoice> &staff, const QString &unitId);

private:
    QListWidget *m_list = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace nara::monitoring
