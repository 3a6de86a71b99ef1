#include "monitoring/core/smsgateway.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace nara::monitoring {

Result<void> FileSmsGateway::prepare(const QString &path)
{
    if (path.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("--sms-outbox needs a file name."));
    const QFileInfo info(path);
    if (info.isDir())
        return fail(ErrorCode::InvalidInput, QStringLiteral("--sms-outbox %1 is a directory, not a file.").arg(path));
    if (!QDir().mkpath(info.absolutePath()))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Cannot create the directory of --sms-outbox %1.").arg(path));
    QFile file(path);
    const bool created = !file.exists();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Cannot write --sms-outbox %1: %2").arg(path, file.errorString()));
    // The file holds what patients are told: readable by the server's user only.
    if (created && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Cannot restrict the permissions of --sms-outbox %1.").arg(path));
    return {};
}

Result<void> FileSmsGateway::send(const OutgoingSms &message)
{
    const QJsonObject line{
        {QStringLiteral("at"), QDateTime::fromMSecsSinceEpoch(message.at, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("to"), message.to},
        {QStringLiteral("from"), message.from},
        {QStringLiteral("patientId"), message.patientId},
        {QStringLiteral("text"), message.text},
    };
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    const QMutexLocker lock(&m_mutex);
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return fail(ErrorCode::Unavailable, QStringLiteral("Cannot write the SMS outbox: %1").arg(file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.flush())
        return fail(ErrorCode::Unavailable, QStringLiteral("Cannot write the SMS outbox: %1").arg(file.errorString()));
    return {};
}

} // namespace nara::monitoring
