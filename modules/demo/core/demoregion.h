#pragma once

#include "foundation/core/clock.h"
#include "foundation/core/error.h"
#include "storage/core/database.h"

#include <QList>
#include <QStringList>

namespace nara::referrals {
class ImageStore;
}

namespace nara::demo {

struct DemoAccount
{
    QString username;
    QString password;
    QString displayName;
    QString role;
    QStringList unitIds;
};

struct DemoSummary
{
    QList<DemoAccount> accounts;
    int units = 0;
    int patients = 0;
    int items = 0;
    int messages = 0;
    bool alreadyPresent = false; // the database held the demo region already; nothing was added

    // The accounts as a table for the terminal (no patient data).
    QString describe() const;
};

// `nara-server --demo` (DESIGN.md §4): care centres in Halland and Kronoberg, a dermatology
// clinic, municipal home care, staff of every role (password "demo"), 240 patients with test
// personnummer and 120 days of chat threads in Swedish, all in the change log so sync sends it.
// Deterministic for a seed and the clock's now; one transaction; idempotent (a second run on the
// same database adds nothing).
// `images`: where the demo referrals' photographs go (the server's image store); null: no referrals.
Result<DemoSummary> buildDemoRegion(storage::Database &database, const Clock &clock, quint32 seed,
                                    referrals::ImageStore *images = nullptr);

} // namespace nara::demo
