#include "forms/ui/formrequests.h"

#include "foundation/core/json.h"
#include "sync/core/restjobs.h"

#include <QDateTime>
#include <QJsonArray>
#include <QNetworkAccessManager>

namespace nara::forms {

QByteArray FormRequestDraft::toJson() const
{
    QJsonObject body{{QStringLiteral("patientId"), patientId},
                     {QStringLiteral("questionnaireId"), questionnaireId},
                     {QStringLiteral("dueInDays"), dueInDays}};
    if (everyDays > 0) {
        body.insert(QStringLiteral("everyDays"), everyDays);
        body.insert(QStringLiteral("untilAt"), untilAt);
    }
    return json::compact(body);
}

FormRequests::FormRequests(QUrl server, QString token, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
    , m_token(std::move(token))
    , m_network(new QNetworkAccessManager(this))
{
}

FormRequests::~FormRequests() = default;

void FormRequests::send(const FormRequestDraft &draft, const QString &key, bool retry)
{
    sync::PendingWrite write;
    write.id = key;
    write.path = QStringLiteral("/api/v1/forms/requests");
    write.body = draft.toJson();
    write.createdAt = QDateTime::currentMSecsSinceEpoch();
    auto *job = new sync::SendWriteJob(m_network, sync::ApiEndpoint{m_server, m_token}, write, this);
    connect(job, &sync::ApiJob::finished, this, [this, job, retry] {
        const auto &result = job->result();
        if (!result) {
            const int status = sync::ApiJob::errorStatus(result.error());
            if (retry && status == 409) {
                // The first attempt got through but its answer (with the link) was lost; the server
                // does not keep the link, so it cannot answer the same key again.
                Q_EMIT failed(tr("The form was sent by the first attempt, but the answer with the link was lost on "
                                 "the way. The patient got an SMS if a mobile number is registered; otherwise "
                                 "invite them to the portal from the inbox."),
                              false);
                return;
            }
            Q_EMIT failed(status == 0 ? tr("The server cannot be reached: sending a form needs a connection. "
                                           "Nothing you entered is lost; send again when the connection is back.")
                                      : tr("The form was not sent: %1").arg(result.error().message),
                          status == 0);
            return;
        }
        SentForm form;
        const QJsonArray requests = result->json.value(QStringLiteral("requests")).toArray();
        for (const QJsonValue &request : requests) {
            form.requestIds.append(request[QStringLiteral("id")].toString());
            if (form.firstDueAt == 0)
                form.firstDueAt = request[QStringLiteral("dueAt")].toInteger();
        }
        const QJsonObject invitation = result->json.value(QStringLiteral("invitation")).toObject();
        form.invitationUrl = invitation.value(QStringLiteral("url")).toString();
        form.invitationExpiresAt = invitation.value(QStringLiteral("expiresAt")).toInteger();
        form.smsSent = result->json.value(QStringLiteral("smsSent")).toBool();
        if (form.requestIds.isEmpty() || form.invitationUrl.isEmpty()) {
            Q_EMIT failed(tr("The server's answer held no form request or no link."), false);
            return;
        }
        Q_EMIT sent(form);
    });
    job->start();
}

} // namespace nara::forms
