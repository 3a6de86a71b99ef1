#pragma once

#include "foundation/core/error.h"
#include "workstation/ui/loginservice.h"

namespace nara::sync {
class LocalCache;
}

namespace nara::workstation {

// Lets a clinician sign in on this workstation while the server cannot be reached, so the inbox
// opens from the local cache (DESIGN.md §5). At every online sign-in the session (server, token,
// absolute expiry, who) and an Argon2id hash of the password go into that user's LocalCache (meta
// table); offline, the password is checked against the hash and the stored session is handed out
// again until its absolute expiry. The password itself is never stored.
//
// Hashing reuses auth::PasswordHasher (auth_core, a core library, so the link rules allow it):
// one Argon2id implementation and one libsodium initialisation in the code base. Its parameters
// (OWASP: 19 MiB, t = 2) cost a few tens of milliseconds, once per sign-in.
class OfflineCredential
{
public:
    // Replaces what is stored for this cache. InvalidInput when the session has no token or expiry.
    static Result<void> remember(sync::LocalCache &cache, const LoginSession &session, const QString &password);

    // The stored session, with `offline` set, when the cache holds one for this server and
    // username, its absolute expiry is after `nowMs` and the password matches.
    // Unauthenticated: wrong password. NotFound: nothing usable is stored (none, another server or
    // user, expired) — the caller then reports the server as unreachable, as without a cache.
    static Result<LoginSession> verify(sync::LocalCache &cache, const QUrl &server, const QString &username,
                                       const QString &password, qint64 nowMs);

    // The server refused the session (401: revoked, expired, account closed): no offline sign-in
    // with it any more. The next online sign-in stores a new one.
    static Result<void> forget(sync::LocalCache &cache);

    // Whether two addresses name the same server (scheme, host, port, path without the final '/').
    static bool sameServer(const QUrl &a, const QUrl &b);
};

} // namespace nara::workstation
