#pragma once

#include "sync/core/apijob.h"
#include "sync/core/pendingwrite.h"

#include <QJsonArray>

// The REST calls of the workstation, one small job class each (docs/api/contract.md). They only
// say what to send; ApiJob does the rest. Kept together because each is a handful of lines.

namespace nara::sync {

// POST /api/v1/auth/login → {"token","expiresAt","staff"}. Sent without a token.
class LoginJob final : public ApiJob
{
    Q_OBJECT
public:
    LoginJob(QNetworkAccessManager *network, ApiEndpoint endpoint, QString username, QString password,
             QObject *parent = nullptr);

protected:
    QByteArray verb() const override { return QByteArrayLiteral("POST"); }
    QString path() const override { return QStringLiteral("/api/v1/auth/login"); }
    QByteArray body() const override;
    Result<void> validate(const ApiReply &reply) const override;

private:
    QString m_username;
    QString m_password;
};

// GET /api/v1/me → {"staff","units"}
class MeJob final : public ApiJob
{
    Q_OBJECT
public:
    using ApiJob::ApiJob;

protected:
    QByteArray verb() const override { return QByteArrayLiteral("GET"); }
    QString path() const override { return QStringLiteral("/api/v1/me"); }
    Result<void> validate(const ApiReply &reply) const override;
};

// GET /api/v1/staff → {"staff":[…]}
class StaffJob final : public ApiJob
{
    Q_OBJECT
public:
    using ApiJob::ApiJob;

protected:
    QByteArray verb() const override { return QByteArrayLiteral("GET"); }
    QString path() const override { return QStringLiteral("/api/v1/staff"); }
    Result<void> validate(const ApiReply &reply) const override;
};

// One page of GET /api/v1/sync.
struct SyncPage
{
    QJsonArray changes;
    qint64 next = 0;
    bool more = false;
    QString instance; // the server database's identity: another one means start again from 0

    static Result<SyncPage> fromJson(const QJsonObject &object);
};

// GET /api/v1/sync?since=N&limit=L → {"changes","next","more"}; 410 when the cursor is too old.
class SyncPageJob final : public ApiJob
{
    Q_OBJECT
public:
    SyncPageJob(QNetworkAccessManager *network, ApiEndpoint endpoint, qint64 since, int limit,
                QObject *parent = nullptr);
    qint64 since() const { return m_since; }

protected:
    QByteArray verb() const override { return QByteArrayLiteral("GET"); }
    QString path() const override { return QStringLiteral("/api/v1/sync"); }
    QUrlQuery query() const override;
    Result<void> validate(const ApiReply &reply) const override;

private:
    qint64 m_since = 0;
    int m_limit = 1000;
};

// Replays one outbox entry; its id is the Idempotency-Key, on every attempt.
class SendWriteJob final : public ApiJob
{
    Q_OBJECT
public:
    SendWriteJob(QNetworkAccessManager *network, ApiEndpoint endpoint, PendingWrite write, QObject *parent = nullptr);
    const PendingWrite &write() const { return m_write; }

protected:
    QByteArray verb() const override { return m_write.method.toLatin1(); }
    QString path() const override { return m_write.path; }
    QByteArray body() const override { return m_write.body; }
    QByteArray contentType() const override
    {
        return m_write.contentType.isEmpty() ? ApiJob::contentType() : m_write.contentType;
    }

private:
    PendingWrite m_write;
};

// GET of one resource by path (e.g. /api/v1/images/<id>, /api/v1/units?kind=dermatology): the
// answer's bytes are in ApiReply::raw, a JSON object also in ApiReply::json.
class GetJob final : public ApiJob
{
    Q_OBJECT
public:
    GetJob(QNetworkAccessManager *network, ApiEndpoint endpoint, const QString &pathAndQuery,
           QObject *parent = nullptr);

protected:
    QByteArray verb() const override { return QByteArrayLiteral("GET"); }
    QString path() const override { return m_path; }
    QUrlQuery query() const override { return m_query; }

private:
    QString m_path;
    QUrlQuery m_query;
};

} // namespace nara::sync
