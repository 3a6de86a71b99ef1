#pragma once

#include <QByteArray>
#include <QObject>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;

namespace nara::forms {

// What POST /api/v1/forms/requests is asked (docs/api/contract.md, "Forms"): once, or every
// `everyDays` days until `untilAt`, each occasion due `dueInDays` days after it opens.
struct FormRequestDraft
{
    QString patientId;
    QString questionnaireId; // a bundled questionnaire's short id ("phq-9")
    int dueInDays = 7;
    int everyDays = 0; // 0: once
    qint64 untilAt = 0; // with everyDays: the end of the last day an occasion may open

    QByteArray toJson() const;
};

// The server's answer: the requests it made, the patient's invitation link and whether an SMS
// with it went out.
struct SentForm
{
    QStringList requestIds;
    qint64 firstDueAt = 0;
    QString invitationUrl;
    qint64 invitationExpiresAt = 0;
    bool smsSent = false;
};

// Sending a form is an online request, never queued in the outbox: the answer holds the patient's
// link, which the server does not keep in clear (as VisitBooking and PortalInvitation).
class FormRequests final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormRequests)
public:
    FormRequests(QUrl server, QString token, QObject *parent = nullptr);
    ~FormRequests() override;

    // `key` is the Idempotency-Key: the same for a retry of the same sending after a lost answer
    // (retry true), so the server never sends twice; it answers such a retry with 409.
    void send(const FormRequestDraft &draft, const QString &key, bool retry = false);

Q_SIGNALS:
    void sent(const nara::forms::SentForm &form);
    // offline: no answer at all (the server cannot be reached).
    void failed(const QString &message, bool offline);

private:
    QUrl m_server;
    QString m_token;
    QNetworkAccessManager *m_network;
};

} // namespace nara::forms
