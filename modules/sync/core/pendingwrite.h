#pragma once

#include <QByteArray>
#include <QString>

namespace nara::sync {

// One write the workstation has promised the user it will deliver. Persisted in the outbox before
// it is sent; replayed with the same idempotency key until the server answers (2xx or a final 4xx).
struct PendingWrite
{
    QString id; // outbox row id = the Idempotency-Key
    QString method = QStringLiteral("POST");
    QString path; // "/api/v1/items/<id>/messages"
    QByteArray body; // JSON, or an image for PUT /api/v1/images/<id>
    QString itemId; // the inbox item it concerns (for "sending…" markers), may be empty
    qint64 createdAt = 0;
    int attempts = 0;
    QString lastError;
    QByteArray contentType; // empty: application/json
};

// What the status bar shows.
enum class SyncState { Online, Syncing, Offline, LoggedOut };

} // namespace nara::sync
