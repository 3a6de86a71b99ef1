#include "monitoring/server/smsroutes.h"

#include "auth/core/auditlog.h"
#include "foundation/core/json.h"
#include "foundation/server/problem.h"
#include "monitoring/core/smsgateway.h"
#include "monitoring/core/smsparser.h"
#include "monitoring/core/smsreception.h"
#include "storage/core/transactionguard.h"
#include "sync/core/changelog.h"

#include <QCryptographicHash>
#include <QHash>
#include <QHttpServer>
#include <QJsonArray>
#include <QStringDecoder>

#include <algorithm>

namespace nara::monitoring {

namespace {

using Method = QHttpServerRequest::Method;
constexpr qsizetype kMaxFieldLength = 64;
constexpr qsizetype kMaxBodyBytes = 64 * 1024;
constexpr qsizetype kMaxMessageIdLength = 128;
// Gateway message ids are remembered with the write idempotency keys (and purged with them after
// 30 days) under this subject, which is no staff member's or patient's id.
const QString kGatewaySubject = QStringLiteral("sms-gateway");

// application/x-www-form-urlencoded as gateways send it: name=value pairs joined by '&', '+' for a
// space, percent-encoded UTF-8. Refuses a pair without '=', a name given twice and bytes that are
// not UTF-8.
Result<QHash<QString, QString>> formFields(const QByteArray &body)
{
    if (body.size() > kMaxBodyBytes)
        return fail(ErrorCode::PayloadTooLarge, QStringLiteral("The form body is too large."));
    QHash<QString, QString> fields;
    if (body.isEmpty())
        return fields;
    auto decode = [](QByteArray text) -> std::optional<QString> {
        text.replace('+', ' ');
        const QByteArray bytes = QByteArray::fromPercentEncoding(text);
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString decoded = utf8.decode(bytes);
        if (utf8.hasError())
            return std::nullopt;
        return decoded;
    };
    const QList<QByteArray> pairs = body.split('&');
    for (const QByteArray &pair : pairs) {
        const qsizetype equals = pair.indexOf('=');
        if (equals <= 0)
            return fail(ErrorCode::InvalidInput, QStringLiteral("The body must be form fields (name=value&…)."));
        const auto name = decode(pair.left(equals));
        const auto value = decode(pair.mid(equals + 1));
        if (!name || !value)
            return fail(ErrorCode::InvalidInput, QStringLiteral("Form fields must be UTF-8."));
        if (fields.contains(*name))
            return fail(ErrorCode::InvalidInput, QStringLiteral("The form field '%1' is given twice.").arg(*name));
        fields.insert(*name, *value);
    }
    return fields;
}

// Compares without stopping at the first difference, so the time taken tells nothing of the secret.
bool sameSecret(const QByteArray &given, const QByteArray &expected)
{
    if (given.size() != expected.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < given.size(); ++i)
        difference |= static_cast<unsigned char>(given.at(i) ^ expected.at(i));
    return difference == 0;
}

// A refused number leaves a trace: a denied audit row in a transaction of its own (never the number
// or the text, which are personal data of someone who may not be a patient).
void auditDenied(WorkerContext &context, const QString &reason)
{
    auto transaction = storage::TransactionGuard::begin(context.db);
    auth::AuditEntry entry;
    entry.at = context.clock.nowMs();
    entry.role = QStringLiteral("sms_gateway");
    entry.action = QStringLiteral("denied");
    entry.object = QStringLiteral("POST /api/v1/sms/inbound");
    entry.reason = reason;
    entry.client = QStringLiteral("sms");
    entry.outcome = QStringLiteral("denied");
    const bool logged = transaction && auth::AuditLog(context.db).append(entry) && transaction->commit();
    if (!logged)
        qWarning("could not log a refused SMS to the audit log");
}

// The gateway's id of the message (field `messageId`, else `id`), if it sends one: a retry of
// the same message is answered from the first time instead of being stored again.
Result<QString> gatewayMessageId(const QHash<QString, QString> &fields)
{
    const QString id = fields.value(QStringLiteral("messageId"), fields.value(QStringLiteral("id"))).trimmed();
    const bool printable
        = std::all_of(id.begin(), id.end(), [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
    if (id.size() > kMaxMessageIdLength || !printable)
        return fail(Error::invalidInput(
            QStringLiteral("The message id must be 1–%1 printable ASCII characters.").arg(kMaxMessageIdLength)));
    return id;
}

QString smsHash(const SmsReception::Inbound &sms)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(sms.from.toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(sms.message.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

// The stored answer to an earlier delivery of message `messageId`, if there was one; Conflict when
// the id came with another sender or text.
Result<std::optional<QByteArray>> earlierAnswer(WorkerContext &context, const QString &messageId, const QString &hash)
{
    auto seen = context.db.query(QStringLiteral("SELECT request_hash, response FROM idempotency_keys "
                                                "WHERE subject_id = ? AND idem_key = ?"),
                                 {kGatewaySubject, messageId});
    if (!seen)
        return fail(seen.error());
    if (!seen->next())
        return std::optional<QByteArray>{};
    if (seen->value(0).toString() != hash)
        return fail(Error::conflict(QStringLiteral("This message id was already used for another message.")));
    return std::optional<QByteArray>(seen->value(1).toString().toUtf8());
}

QJsonObject answerBody(const QString &patientId, const SmsReception::Received &received, bool replied)
{
    QJsonObject body{
        {QStringLiteral("outcome"), SmsReception::outcomeKey(received.outcome)},
        {QStringLiteral("patientId"), patientId},
        {QStringLiteral("measurementIds"), QJsonArray::fromStringList(received.measurementIds)},
        {QStringLiteral("alertIds"), QJsonArray::fromStringList(received.alertIds)},
        {QStringLiteral("replied"), replied},
    };
    if (received.alertItem)
        body.insert(QStringLiteral("itemId"), received.alertItem->id);
    if (!received.chatItemId.isEmpty()) {
        body.insert(QStringLiteral("itemId"), received.chatItemId);
        body.insert(QStringLiteral("chatMessageId"), received.chatMessageId);
    }
    return body;
}

QHttpServerResponse inbound(WorkerContext &context, const SmsSettings &settings, const QHttpServerRequest &request)
{
    if (settings.secret.isEmpty() || !settings.gateway)
        return http::problem({ErrorCode::Unavailable, QStringLiteral("SMS is not configured on this server."), {}});
    const QByteArray headerSecret = request.value("x-nara-sms-secret");
    const QByteArray expected = settings.secret.toUtf8();
    if (!headerSecret.isEmpty() && !sameSecret(headerSecret, expected))
        return http::problem({ErrorCode::Unauthenticated, QStringLiteral("Wrong SMS gateway secret."), {}});
    auto fields = formFields(request.body());
    if (!fields) {
        if (headerSecret.isEmpty())
            return http::problem(
                {ErrorCode::Unauthenticated, QStringLiteral("The SMS gateway secret is missing."), {}});
        return http::problem(fields.error());
    }
    if (headerSecret.isEmpty() && !sameSecret(fields->value(QStringLiteral("secret")).toUtf8(), expected))
        return http::problem({ErrorCode::Unauthenticated,
                              fields->contains(QStringLiteral("secret"))
                                  ? QStringLiteral("Wrong SMS gateway secret.")
                                  : QStringLiteral("The SMS gateway secret is missing."),
                              {}});

    SmsReception::Inbound sms;
    sms.from = fields->value(QStringLiteral("from"));
    sms.to = fields->value(QStringLiteral("to"));
    if (!fields->contains(QStringLiteral("message")) || sms.from.trimmed().isEmpty())
        return http::problem(Error::invalidInput(QStringLiteral("The form fields 'from' and 'message' are required.")));
    if (sms.from.size() > kMaxFieldLength || sms.to.size() > kMaxFieldLength)
        return http::problem(
            Error::invalidInput(QStringLiteral("'from' and 'to' are at most %1 characters.").arg(kMaxFieldLength)));
    sms.message = fields->value(QStringLiteral("message"));
    if (sms.message.size() > SmsParser::kMaxLength)
        return http::problem(
            {ErrorCode::PayloadTooLarge,
             QStringLiteral("The message is longer than %1 characters; nothing was stored.").arg(SmsParser::kMaxLength),
             {{QStringLiteral("maxLength"), qint64(SmsParser::kMaxLength)}}});

    auto messageId = gatewayMessageId(*fields);
    if (!messageId)
        return http::problem(messageId.error());
    const QString hash = smsHash(sms);

    auto transaction = storage::TransactionGuard::begin(context.db);
    if (!transaction)
        return http::problem(transaction.error());
    if (!messageId->isEmpty()) {
        auto earlier = earlierAnswer(context, *messageId, hash);
        if (!earlier)
            return http::problem(earlier.error());
        if (earlier->has_value()) {
            QHttpServerResponse replay(QByteArrayLiteral("application/json"), **earlier);
            replay.setHeader("Idempotent-Replayed", "true");
            return replay;
        }
    }
    SmsReception reception(context.db, context.clock);
    auto patient = reception.sender(sms.from);
    if (!patient) {
        transaction->rollback();
        if (patient.error().code == ErrorCode::NotFound)
            auditDenied(context, QStringLiteral("unknown sender"));
        return http::problem(patient.error());
    }
    auto before = sync::ChangeLog(context.db).latest();
    if (!before)
        return http::problem(before.error());
    auto received = reception.receive(*patient, sms);
    if (!received) {
        transaction->rollback();
        return http::problem(received.error());
    }
    auth::Caller caller;
    caller.kind = auth::Caller::Kind::Patient;
    caller.id = patient->id;
    caller.displayName = patient->name;
    caller.client = QStringLiteral("sms");
    auth::AuditLog audit(context.db);
    const qint64 now = context.clock.nowMs();
    if (auto logged = audit.append(caller, now, QStringLiteral("receive"), QStringLiteral("sms"), patient->id); !logged)
        return http::problem(logged.error());
    for (const QString &object : std::as_const(received->created))
        if (auto logged = audit.append(caller, now, QStringLiteral("create"), object, patient->id); !logged)
            return http::problem(logged.error());
    // A retry gets this answer; "replied" there says an answer was due (a retry sends none).
    QJsonObject body = answerBody(patient->id, *received, received->reply.has_value());
    if (!messageId->isEmpty()) {
        auto stored = context.db.execute(
            QStringLiteral("INSERT INTO idempotency_keys (subject_id, idem_key, request_hash, status, response, "
                           "created_at) VALUES (?, ?, ?, 200, ?, ?)"),
            {kGatewaySubject, *messageId, hash, QString::fromUtf8(json::compact(body)), now});
        if (!stored)
            return http::problem(stored.error());
    }
    auto after = sync::ChangeLog(context.db).latest();
    if (!after)
        return http::problem(after.error());
    if (auto committed = transaction->commit(); !committed)
        return http::problem(committed.error());
    if (*after > *before && context.announceChange)
        context.announceChange(*after);

    if (received->reply) {
        auto sent = settings.gateway->send(*received->reply);
        if (!sent) {
            body.insert(QStringLiteral("replied"), false);
            qWarning("could not send an SMS answer: %s", qPrintable(sent.error().message)); // never the text
        }
    }
    return http::json(body);
}

} // namespace

void installSmsRoutes(QHttpServer &server, WorkerContext &context, const SmsSettings &settings)
{
    server.route(
        QStringLiteral("/api/v1/sms/inbound"), Method::Post,
        [&context, settings](const QHttpServerRequest &request) { return inbound(context, settings, request); });
}

} // namespace nara::monitoring
