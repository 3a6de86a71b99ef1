#pragma once

// Signing a workstation in as a person does: through the real login dialog and service.

#include "workstation/ui/logindialog.h"
#include "workstation/ui/loginservice.h"

#include <QTimer>
#include <QUrl>

namespace nara::test {

// Demo accounts have the password "demo". An empty session when the login failed (said on stderr).
inline workstation::LoginSession logInThroughDialog(const QUrl &server, const QString &username)
{
    workstation::ApiLoginService service;
    workstation::LoginDialog dialog(&service);
    dialog.setServer(server.toString());
    dialog.setUsername(username);
    dialog.setPassword(QStringLiteral("demo"));
    QTimer::singleShot(0, &dialog, &workstation::LoginDialog::submit);
    if (dialog.exec() != QDialog::Accepted)
        qWarning("login failed: %s", qPrintable(dialog.errorText()));
    return dialog.session();
}

} // namespace nara::test
