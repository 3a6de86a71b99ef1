#include "workstation/ui/portalinvitation.h"

#include "foundation/core/ids.h"
#include "foundation/core/json.h"
#include "sync/core/restjobs.h"

#include <QDateTime>
#include <QNetworkAccessManager>

namespace nara::workstation {

PortalInvitation::PortalInvitation(QUrl server, QString token, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
    , m_token(std::move(token))
    , m_network(new QNetworkAccessManager(this))
{
}

PortalInvitation::~PortalInvitation() = default;

void PortalInvitation::create(const QString &patientId, const QString &itemId)
{
    sync::PendingWrite write;
    write.id = newId(); // a fresh key: a retry would get 409, not the link
    write.path = QStringLiteral("/api/v1/patients/%1/invitations").arg(patientId);
    write.body = json::compact(QJsonObject{{QStringLiteral("itemId"), itemId}});
    write.itemId = itemId;
    write.createdAt = QDateTime::currentMSecsSinceEpoch();
    auto *job = new sync::SendWriteJob(m_network, sync::ApiEndpoint{m_server, m_token}, write, this);
    connect(job, &sync::ApiJob::finished, this, [this, job] {
        job->deleteLater();
        const auto &result = job->result();
        if (!result) {
            Q_EMIT failed(result.error().code == ErrorCode::Unavailable
                              ? tr("The server cannot be reached: an invitation needs a connection.")
                              : result.error().message);
            return;
        }
        const QString url = result->json.value(QStringLiteral("url")).toString();
        if (url.isEmpty()) {
            Q_EMIT failed(tr("The server's answer held no link."));
            return;
        }
        Q_EMIT created(url, result->json.value(QStringLiteral("expiresAt")).toInteger());
    });
    job->start();
}

} // namespace nara::workstation
