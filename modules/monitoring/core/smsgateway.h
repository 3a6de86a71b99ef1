#pragma once

#include "foundation/core/error.h"

#include <QMutex>
#include <QString>

namespace nara::monitoring {

// One text message to a patient.
struct OutgoingSms
{
    QString to; // the patient's number as their SMS came from it
    QString from; // our number the patient wrote to (the inbound `to`), may be empty
    QString text;
    QString patientId;
    qint64 at = 0; // ms since epoch, UTC
};

// Where outgoing SMS go: a real gateway's HTTP API in production, a file by default. Implementations
// are thread-safe (every HTTP worker sends through one gateway) and never log the text.
class SmsGateway
{
public:
    virtual ~SmsGateway() = default;
    virtual Result<void> send(const OutgoingSms &message) = 0;
};

// The default gateway: appends one JSON line per message to a file (the demo and the tests read it):
// {"at":"2026-11-26T11:00:00.000Z","to":"0701234567","from":"","patientId":"…","text":"…"}.
// The file is opened for each message, so it may be rotated or truncated while the server runs.
class FileSmsGateway final : public SmsGateway
{
public:
    explicit FileSmsGateway(QString path)
        : m_path(std::move(path))
    {
    }

    // Creates the file's directory and checks that the file can be appended to (at start-up).
    static Result<void> prepare(const QString &path);

    Result<void> send(const OutgoingSms &message) override;
    QString path() const { return m_path; }

private:
    QString m_path;
    QMutex m_mutex;
};

} // namespace nara::monitoring
