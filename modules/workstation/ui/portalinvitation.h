#pragma once

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace nara::workstation {

// Asks the server for a one-time link to the patient portal (POST /api/v1/patients/{id}/invitations).
// Online only, and never through the outbox: the answer holds a secret the server does not keep,
// so a replay could not return it.
class PortalInvitation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortalInvitation)
public:
    PortalInvitation(QUrl server, QString token, QObject *parent = nullptr);
    ~PortalInvitation() override;

    void create(const QString &patientId, const QString &itemId);

Q_SIGNALS:
    void created(const QString &url, qint64 expiresAt);
    void failed(const QString &message);

private:
    QUrl m_server;
    QString m_token;
    QNetworkAccessManager *m_network;
};

} // namespace nara::workstation
