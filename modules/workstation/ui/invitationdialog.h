#pragma once

#include <QDialog>

namespace nara::workstation {

// Shows a portal invitation link to copy to the patient (by SMS, letter or read aloud).
class InvitationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InvitationDialog)
public:
    InvitationDialog(const QString &patientName, const QString &url, qint64 expiresAt, QWidget *parent = nullptr);
};

} // namespace nara::workstation
