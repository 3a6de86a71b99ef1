#pragma once

#include "foundation/core/error.h"

#include <QString>

namespace nara::auth {

// Staff passwords: Argon2id through libsodium with the OWASP Password Storage Cheat Sheet's
// parameters (m = 19 MiB, t = 2, p = 1). The result is the self-describing PHC string
// ("$argon2id$v=19$m=19456,t=2,p=1$…"), so parameters can be raised later without a migration.
// Both functions cost tens of milliseconds and a 19 MiB allocation: call them off the HTTP thread.
class PasswordHasher
{
public:
    static constexpr unsigned long long kOpsLimit = 2;
    static constexpr size_t kMemLimit = 19u * 1024u * 1024u;

    static Result<QString> hash(const QString &password);
    // False for a wrong password and for a malformed hash alike.
    static bool verify(const QString &hash, const QString &password);

    // Initialises libsodium once per process (thread-safe); false when it cannot be used.
    static bool ensureSodium();
};

} // namespace nara::auth
