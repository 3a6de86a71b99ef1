#pragma once

#include <QJsonObject>
#include <QString>

#include <expected>

namespace nara {

// What went wrong, in terms a caller can act on. The HTTP layer maps each code to one status
// (foundation/server/problem.cpp); the workstation maps them to messages and retry decisions.
enum class ErrorCode {
    InvalidInput, // malformed JSON, wrong types, values out of range
    Unauthenticated, // no session, expired or revoked token, wrong password
    Forbidden, // authenticated, but the role may not do this at all
    NotFound, // unknown id, or a patient the caller's units may not see
    Conflict, // claimed by a colleague, forbidden state transition, idempotency key reuse
    Gone, // sync cursor older than the retained change log
    PayloadTooLarge, // body over the route's limit
    RateLimited, // too many login attempts
    Unavailable, // server or network not reachable, timeouts
    Storage, // database errors
    Internal, // a bug: never expected
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message; // for people; never personnummer or message text
    QJsonObject details; // machine-readable extras (for example who holds a claim)

    static Error invalidInput(const QString &message) { return {ErrorCode::InvalidInput, message, {}}; }
    static Error notFound(const QString &message) { return {ErrorCode::NotFound, message, {}}; }
    static Error conflict(const QString &message, QJsonObject details = {})
    {
        return {ErrorCode::Conflict, message, std::move(details)};
    }
    static Error storage(const QString &message) { return {ErrorCode::Storage, message, {}}; }
    static Error internal(const QString &message) { return {ErrorCode::Internal, message, {}}; }
};

template<typename T> using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, const QString &message, QJsonObject details = {})
{
    return std::unexpected<Error>(Error{code, message, std::move(details)});
}

inline std::unexpected<Error> fail(Error error)
{
    return std::unexpected<Error>(std::move(error));
}

QString errorCodeName(ErrorCode code);

} // namespace nara
