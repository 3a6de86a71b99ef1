#include "foundation/core/error.h"

namespace nara {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput: return QStringLiteral("invalid-input");
    case ErrorCode::Unauthenticated: return QStringLiteral("unauthenticated");
    case ErrorCode::Forbidden: return QStringLiteral("forbidden");
    case ErrorCode::NotFound: return QStringLiteral("not-found");
    case ErrorCode::Conflict: return QStringLiteral("conflict");
    case ErrorCode::Gone: return QStringLiteral("gone");
    case ErrorCode::PayloadTooLarge: return QStringLiteral("payload-too-large");
    case ErrorCode::RateLimited: return QStringLiteral("rate-limited");
    case ErrorCode::Unavailable: return QStringLiteral("unavailable");
    case ErrorCode::Storage: return QStringLiteral("storage");
    case ErrorCode::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace nara
