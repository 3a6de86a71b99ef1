#pragma once

#include "workstation/ui/loginservice.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace nara::workstation {

// Server address, username and password. Remembers the server and the username (QSettings),
// never the password. Errors are shown in the dialog, in the user's language.
class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)
public:
    // `service` may be null: the dialog can then be shown but not submitted (screenshots).
    explicit LoginDialog(LoginService *service, QWidget *parent = nullptr);

    void setServer(const QString &server);
    void setUsername(const QString &username);
    void setPassword(const QString &password);
    // Validates the fields and starts the sign-in; accept() follows on success.
    void submit();
    const LoginSession &session() const { return m_session; }
    QString errorText() const;
    // Set when the last sign-in succeeded offline (LoginSession::offline): what that means.
    QString noticeText() const;

    // "The server cannot be reached; you are working offline …", in the user's language.
    static QString offlineNotice();

    // What a failed sign-in means for the user.
    static QString messageFor(const Error &error);

private:
    void finished(Result<LoginSession> result);
    void showError(const QString &text);
    void setBusy(bool busy);

    LoginService *m_service = nullptr;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_notice = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    LoginSession m_session;
    bool m_busy = false;
};

} // namespace nara::workstation
