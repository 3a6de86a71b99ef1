#include "auth/core/passwordhasher.h"

#include <sodium.h>

namespace nara::auth {

bool PasswordHasher::ensureSodium()
{
    // A function-local static is initialised exactly once, even with concurrent callers.
    static const bool ready = sodium_init() >= 0;
    return ready;
}

Result<QString> PasswordHasher::hash(const QString &password)
{
    if (!ensureSodium())
        return fail(ErrorCode::Internal, QStringLiteral("libsodium could not be initialised."));
    const QByteArray secret = password.toUtf8();
    char out[crypto_pwhash_STRBYTES] = {};
    if (crypto_pwhash_str(out, secret.constData(), static_cast<unsigned long long>(secret.size()), kOpsLimit, kMemLimit)
        != 0)
        return fail(ErrorCode::Internal, QStringLiteral("Password hashing ran out of memory."));
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &hash, const QString &password)
{
    if (!ensureSodium())
        return false;
    const QByteArray stored = hash.toLatin1();
    if (stored.isEmpty() || stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray secret = password.toUtf8();
    // crypto_pwhash_str_verify wants a NUL-terminated string; QByteArray::constData() is one.
    return crypto_pwhash_str_verify(stored.constData(), secret.constData(),
                                    static_cast<unsigned long long>(secret.size()))
        == 0;
}

} // namespace nara::auth
