#include "workstation/ui/loginservice.h"

#include "sync/core/restjobs.h"

#include <QJsonArray>
#include <QNetworkAccessManager>

namespace nara::workstation {

ApiLoginService::ApiLoginService() : m_network(std::make_unique<QNetworkAccessManager>()) {}
ApiLoginService::~ApiLoginService() = default;

void ApiLoginService::login(const QUrl &server, const QString &username, const QString &password, Done done)
{
    sync::ApiEndpoint endpoint;
    endpoint.server = server;
    auto *job = new sync::LoginJob(m_network.get(), endpoint, username, password);
    QObject::connect(job, &sync::ApiJob::finished, m_network.get(), [job, server, done = std::move(done)] {
        const Result<sync::ApiReply> &result = job->result();
        if (!result) {
            done(std::unexpected(result.error()));
            return;
        }
        const QJsonObject staff = result->json.value(QStringLiteral("staff")).toObject();
        LoginSession session;
        session.server = server;
        session.token = result->json.value(QStringLiteral("token")).toString();
        session.expiresAt = result->json.value(QStringLiteral("expiresAt")).toInteger();
        session.staff.id = staff.value(QStringLiteral("id")).toString();
        session.staff.username = staff.value(QStringLiteral("username")).toString();
        session.staff.displayName = staff.value(QStringLiteral("displayName")).toString();
        session.staff.role = staff.value(QStringLiteral("role")).toString();
        done(std::move(session));
    });
    job->start();
}

} // namespace nara::workstation
