#pragma once

#include "foundation/core/error.h"
#include "workstation/ui/inboxstore.h"

#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace nara::workstation {

// A signed-in session: who, where, and the bearer token for the sync engine.
struct LoginSession
{
    QUrl server;
    QString token;
    qint64 expiresAt = 0;
    StaffInfo staff;
};

// Signs a clinician in (POST /api/v1/auth/login). An interface so the login dialog can be tested
// and shown (screenshots) without a server.
class LoginService
{
public:
    using Done = std::function<void(Result<LoginSession>)>;
    virtual ~LoginService() = default;
    // Calls `done` exactly once, later, on the calling thread.
    virtual void login(const QUrl &server, const QString &username, const QString &password, Done done) = 0;
};

// The real one: sync::LoginJob on a QNetworkAccessManager of the UI thread (asynchronous).
class ApiLoginService final : public LoginService
{
public:
    ApiLoginService();
    ~ApiLoginService() override;
    void login(const QUrl &server, const QString &username, const QString &password, Done done) override;

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace nara::workstation
