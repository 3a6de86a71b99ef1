#include "video/ui/visitbooking.h"

#include "foundation/core/ids.h"
#include "foundation/core/json.h"
#include "sync/core/restjobs.h"

#include <QDateTime>
#include <QJsonArray>
#include <QNetworkAccessManager>

namespace nara::video {

namespace {

// GET /api/v1/staff/directory → {"staff":[{"id","displayName","role","unitIds":[…],"units":[names…]}]}
class StaffDirectoryJob final : public sync::ApiJob
{
public:
    using ApiJob::ApiJob;

protected:
    QByteArray verb() const override { return QByteArrayLiteral("GET"); }
    QString path() const override { return QStringLiteral("/api/v1/staff/directory"); }
    Result<void> validate(const sync::ApiReply &reply) const override
    {
        if (!reply.json.value(QStringLiteral("staff")).isArray())
            return fail(ErrorCode::Internal, QStringLiteral("The staff directory holds no list"));
        return {};
    }
};

QList<Colleague> colleaguesFrom(const QJsonObject &answer)
{
    // Unit names per member ("units"), or beside the staff list by id.
    QHash<QString, QString> unitNames;
    const QJsonArray units = answer.value(QStringLiteral("units")).toArray();
    for (const QJsonValue &unit : units)
        unitNames.insert(unit[QStringLiteral("id")].toString(), unit[QStringLiteral("name")].toString());
    QList<Colleague> result;
    const QJsonArray staff = answer.value(QStringLiteral("staff")).toArray();
    for (const QJsonValue &value : staff) {
        const QJsonObject member = value.toObject();
        Colleague colleague;
        colleague.id = member.value(QStringLiteral("id")).toString();
        colleague.name = member.value(QStringLiteral("displayName")).toString();
        colleague.role = member.value(QStringLiteral("role")).toString();
        QStringList memberUnits;
        const QJsonArray names = member.value(QStringLiteral("units")).toArray();
        for (const QJsonValue &name : names)
            if (name.isString())
                memberUnits.append(name.toString());
        colleague.unitName = memberUnits.join(QStringLiteral(", "));
        if (colleague.unitName.isEmpty()) {
            QStringList names;
            const QJsonArray unitIds = member.value(QStringLiteral("unitIds")).toArray();
            for (const QJsonValue &unitId : unitIds)
                if (const QString name = unitNames.value(unitId.toString()); !name.isEmpty())
                    names.append(name);
            colleague.unitName = names.join(QStringLiteral(", "));
        }
        if (!colleague.id.isEmpty())
            result.append(colleague);
    }
    return result;
}

} // namespace

QByteArray VisitBookingRequest::toJson() const
{
    QJsonObject body{{QStringLiteral("participantIds"), QJsonArray::fromStringList(participantIds)},
                     {QStringLiteral("startsAt"), startsAt},
                     {QStringLiteral("reason"), reason}};
    if (!patientId.isEmpty())
        body.insert(QStringLiteral("patientId"), patientId);
    return json::compact(body);
}

VisitBooking::VisitBooking(QUrl server, QString token, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
    , m_token(std::move(token))
    , m_network(new QNetworkAccessManager(this))
{
}

VisitBooking::~VisitBooking() = default;

void VisitBooking::book(const VisitBookingRequest &request, const QString &key, bool retry)
{
    sync::PendingWrite write;
    write.id = key;
    write.path = QStringLiteral("/api/v1/visits");
    write.body = request.toJson();
    write.createdAt = QDateTime::currentMSecsSinceEpoch();
    auto *job = new sync::SendWriteJob(m_network, sync::ApiEndpoint{m_server, m_token}, write, this);
    connect(job, &sync::ApiJob::finished, this, [this, job, retry] {
        const auto &result = job->result();
        if (!result) {
            const int status = sync::ApiJob::errorStatus(result.error());
            const bool offline = status == 0;
            if (retry && status == 409) {
                // The first attempt got through but its answer (with the link) was lost; the server
                // does not keep the link, so it cannot answer the same key again.
                Q_EMIT failed(tr("The visit was booked by the first attempt, but its answer was lost on the way. "
                                 "The visit is in the inbox: give the patient a new link from there."),
                              false);
                return;
            }
            Q_EMIT failed(offline ? tr("The server cannot be reached: booking a video visit needs a connection. "
                                       "Nothing you entered is lost; book again when the connection is back.")
                                  : tr("The visit was not booked: %1").arg(result.error().message),
                          offline);
            return;
        }
        const QJsonObject json = result->json.value(QStringLiteral("visit")).toObject();
        BookedVisit visit;
        visit.visitId = json.value(QStringLiteral("id")).toString();
        visit.itemId = json.value(QStringLiteral("itemId")).toString();
        if (visit.itemId.isEmpty())
            visit.itemId = result->json.value(QStringLiteral("item"))[QStringLiteral("id")].toString();
        const QJsonObject invitation = result->json.value(QStringLiteral("invitation")).toObject();
        visit.invitationUrl = invitation.value(QStringLiteral("url")).toString();
        visit.invitationExpiresAt = invitation.value(QStringLiteral("expiresAt")).toInteger();
        if (visit.visitId.isEmpty()) {
            Q_EMIT failed(tr("The server's answer held no visit."), false);
            return;
        }
        Q_EMIT booked(visit);
    });
    job->start();
}

void VisitBooking::newInvitation(const QString &visitId)
{
    sync::PendingWrite write;
    write.id = newId(); // a fresh key: a retry would get 409, not the link
    write.path = u"/api/v1/visits/" % visitId % u"/invitation";
    write.body = QByteArrayLiteral("{}");
    write.createdAt = QDateTime::currentMSecsSinceEpoch();
    auto *job = new sync::SendWriteJob(m_network, sync::ApiEndpoint{m_server, m_token}, write, this);
    connect(job, &sync::ApiJob::finished, this, [this, job, visitId] {
        const auto &result = job->result();
        if (!result) {
            Q_EMIT invitationFailed(visitId,
                                    sync::ApiJob::errorStatus(result.error()) == 0
                                        ? tr("The server cannot be reached: a new link needs a connection.")
                                        : tr("No new link: %1").arg(result.error().message));
            return;
        }
        const QString url = result->json.value(QStringLiteral("url")).toString();
        if (url.isEmpty()) {
            Q_EMIT invitationFailed(visitId, tr("The server's answer held no link."));
            return;
        }
        Q_EMIT invitationCreated(visitId, url, result->json.value(QStringLiteral("expiresAt")).toInteger());
    });
    job->start();
}

void VisitBooking::admit(const QString &visitId)
{
    sync::PendingWrite write;
    write.id = newId();
    write.path = u"/api/v1/visits/" % visitId % u"/admit";
    write.body = QByteArrayLiteral("{}");
    write.createdAt = QDateTime::currentMSecsSinceEpoch();
    auto *job = new sync::SendWriteJob(m_network, sync::ApiEndpoint{m_server, m_token}, write, this);
    connect(job, &sync::ApiJob::finished, this, [this, job, visitId] {
        const auto &result = job->result();
        if (!result) {
            const bool offline = sync::ApiJob::errorStatus(result.error()) == 0;
            Q_EMIT admitFailed(visitId,
                               offline ? tr("The server cannot be reached: letting the patient in needs a connection.")
                                       : tr("The patient was not let in: %1").arg(result.error().message),
                               offline);
            return;
        }
        Q_EMIT admitted(visitId);
    });
    job->start();
}

void VisitBooking::loadDirectory()
{
    auto *job = new StaffDirectoryJob(m_network, sync::ApiEndpoint{m_server, m_token}, this);
    connect(job, &sync::ApiJob::finished, this, [this, job] {
        const auto &result = job->result();
        if (!result) {
            Q_EMIT directoryFailed(result.error().message);
            return;
        }
        Q_EMIT directoryLoaded(colleaguesFrom(result->json));
    });
    job->start();
}

} // namespace nara::video
