#pragma once

#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;

namespace nara::video {

// A colleague who can take part in a visit: from the staff directory (any unit) or, offline, from
// the cached colleagues of one's own units.
struct Colleague
{
    QString id;
    QString name;
    QString role;
    QString unitName; // empty when unknown (cached colleagues)
};

struct VisitBookingRequest
{
    QString patientId; // empty: a consult between staff
    QStringList participantIds; // staff other than the booker
    qint64 startsAt = 0;
    QString reason;

    QByteArray toJson() const;
};

struct BookedVisit
{
    QString visitId;
    QString itemId;
    QString invitationUrl; // empty for a consult without a patient
    qint64 invitationExpiresAt = 0;
};

// The online requests of booking (docs/api/contract.md, issue 3): POST /api/v1/visits, answered
// with the patient's invitation link, GET /api/v1/staff/directory for colleagues of every unit,
// POST /api/v1/visits/{id}/invitation for a new link and POST /api/v1/visits/{id}/admit.
// Like PortalInvitation, never through the outbox: the answer holds a link the server does not
// keep in clear, so the user must see it now or book again. Admitting is online only too: queued
// offline it could fire much later and let whoever waits then into a call nobody is in.
class VisitBooking final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VisitBooking)
public:
    VisitBooking(QUrl server, QString token, QObject *parent = nullptr);
    ~VisitBooking() override;

    // `key` is the Idempotency-Key: the same for a retry of the same booking after a lost answer
    // (retry true), so the server never books twice; it answers such a retry with 409.
    void book(const VisitBookingRequest &request, const QString &key, bool retry = false);
    void loadDirectory();
    // POST /api/v1/visits/{id}/invitation: a new link for the visit's patient (the old one lost).
    void newInvitation(const QString &visitId);
    // POST /api/v1/visits/{id}/admit: lets the waiting patient into the call, now or not at all.
    void admit(const QString &visitId);

Q_SIGNALS:
    void booked(const nara::video::BookedVisit &visit);
    // offline: no answer at all (the server cannot be reached).
    void failed(const QString &message, bool offline);
    void directoryLoaded(const QList<nara::video::Colleague> &colleagues);
    void directoryFailed(const QString &message);
    void invitationCreated(const QString &visitId, const QString &url, qint64 expiresAt);
    void invitationFailed(const QString &visitId, const QString &message);
    void admitted(const QString &visitId);
    // offline: no answer at all; otherwise the server refused (message says why).
    void admitFailed(const QString &visitId, const QString &message, bool offline);

private:
    QUrl m_server;
    QString m_token;
    QNetworkAccessManager *m_network;
};

} // namespace nara::video
