#include "workstation/ui/logindialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace nara::workstation {

namespace {
const QString kServerKey = QStringLiteral("login/server");
const QString kUserKey = QStringLiteral("login/username");
} // namespace

LoginDialog::LoginDialog(LoginService *service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Sign in to Nära"));

    QSettings settings;
    m_server = new QLineEdit(settings.value(kServerKey).toString(), this);
    m_server->setObjectName(QStringLiteral("serverField"));
    m_server->setAccessibleName(tr("Server address"));
    m_server->setPlaceholderText(QStringLiteral("https://nara.example.se"));
    m_username = new QLineEdit(settings.value(kUserKey).toString(), this);
    m_username->setObjectName(QStringLiteral("usernameField"));
    m_username->setAccessibleName(tr("Username"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordField"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setAccessibleName(tr("Sign-in error"));
    m_error->hide();

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("loginNotice"));
    m_notice->setWordWrap(true);
    m_notice->setAccessibleName(tr("Sign-in notice"));
    m_notice->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Sign in"));
    ok->setObjectName(QStringLiteral("loginButton"));
    ok->setAccessibleName(tr("Sign in"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_notice);
    layout->addWidget(m_buttons);

    if (m_server->text().isEmpty())
        m_server->setFocus();
    else if (m_username->text().isEmpty())
        m_username->setFocus();
    else
        m_password->setFocus();
    setMinimumWidth(420);
}

void LoginDialog::setServer(const QString &server)
{
    m_server->setText(server);
}
void LoginDialog::setUsername(const QString &username)
{
    m_username->setText(username);
}
void LoginDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}
QString LoginDialog::errorText() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

QString LoginDialog::noticeText() const
{
    return m_notice->text();
}

QString LoginDialog::offlineNotice()
{
    return tr("The server cannot be reached. You are working offline: the inbox shows what is saved on this "
              "computer, and what you do is sent when the connection is back.");
}

void LoginDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    m_server->setEnabled(!busy);
    m_username->setEnabled(!busy);
    m_password->setEnabled(!busy);
}

void LoginDialog::submit()
{
    if (m_busy)
        return;
    const QUrl server = QUrl::fromUserInput(m_server->text().trimmed());
    if (m_server->text().trimmed().isEmpty() || !server.isValid() || server.host().isEmpty()
        || (server.scheme() != u"http" && server.scheme() != u"https")) {
        showError(tr("Enter the server address, for example https://nara.example.se."));
        return;
    }
    if (m_username->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        showError(tr("Enter your username and password."));
        return;
    }
    if (!m_service) {
        showError(tr("Signing in is not possible here."));
        return;
    }
    showError({});
    m_notice->clear();
    m_notice->hide();
    setBusy(true);
    QPointer<LoginDialog> self(this);
    m_service->login(server, m_username->text().trimmed(), m_password->text(), [self](Result<LoginSession> result) {
        if (self)
            self->finished(std::move(result));
    });
}

void LoginDialog::finished(Result<LoginSession> result)
{
    setBusy(false);
    m_password->clear();
    if (!result) {
        showError(messageFor(result.error()));
        m_password->setFocus();
        return;
    }
    m_session = std::move(*result);
    if (m_session.offline) {
        m_notice->setText(offlineNotice());
        m_notice->show();
    }
    QSettings settings;
    settings.setValue(kServerKey, m_server->text().trimmed());
    settings.setValue(kUserKey, m_username->text().trimmed());
    accept();
}

QString LoginDialog::messageFor(const Error &error)
{
    switch (error.code) {
    case ErrorCode::Unauthenticated: return tr("Wrong username or password.");
    case ErrorCode::RateLimited: return tr("Too many attempts. Wait a moment and try again.");
    case ErrorCode::Unavailable:
        return tr("The server cannot be reached. Check the address and the network connection.");
    case ErrorCode::Forbidden: return tr("Your account may not use the workstation.");
    default: return tr("Sign-in failed. Try again, or contact support if it keeps happening.");
    }
}

} // namespace nara::workstation
