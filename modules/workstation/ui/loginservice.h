#pragma once

#include "foundation/core/clock.h"
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
    // Signed in from this workstation's offline credential because the server could not be
    // reached: the token is the one from the last online sign-in, unverified by the server.
    bool offline = false;
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
// Every online sign-in also stores an OfflineCredential in the user's local cache; when the server
// cannot be reached (ErrorCode::Unavailable) the sign-in is checked against that instead and, if it
// holds, succeeds with LoginSession::offline set.
class ApiLoginService final : public LoginService
{
public:
    // Where the local cache of (server, username) is kept; Workstation::Options::cachePath must
    // agree with it. Empty: sync::LocalCache::defaultPath().
    using CachePathFor = std::function<QString(const QUrl &server, const QString &username)>;

    ApiLoginService(); // the system clock and the default cache paths
    explicit ApiLoginService(const Clock &clock, CachePathFor cachePathFor = {});
    ~ApiLoginService() override;
    void login(const QUrl &server, const QString &username, const QString &password, Done done) override;

private:
    QString cachePath(const QUrl &server, const QString &username) const;
    void rememberOffline(const LoginSession &session, const QString &password) const;
    Result<LoginSession> signInOffline(const QUrl &server, const QString &username, const QString &password,
                                       const Error &unreachable) const;

    std::unique_ptr<QNetworkAccessManager> m_network;
    SystemClock m_systemClock;
    const Clock *m_clock = &m_systemClock;
    CachePathFor m_cachePathFor;
};

} // namespace nara::workstation
