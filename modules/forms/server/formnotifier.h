#pragma once

#include "forms/core/formrequest.h"
#include "foundation/core/clock.h"
#include "foundation/core/error.h"
#include "monitoring/core/smsgateway.h"
#include "storage/core/database.h"

#include <optional>

namespace nara::forms {

// Tells patients that a form is waiting for them: a portal link by SMS to their registered number
// (docs/api/contract.md, "Forms"). When a series is sent the route sends the first occasion's link;
// later occasions get a new link each from the periodic job once they become available.
class FormNotifier
{
public:
    static constexpr qint64 kLinkGraceMs = 24LL * 60 * 60 * 1000; // a link: until the occasion's due time + 1 day
    static constexpr int kBatch = 500; // occasions per run; the rest follow on the next run

    // `gateway` may be null: then no SMS goes out (and none is counted as sent). The server gives
    // none without --public-url: a link built from a request's Host header is never texted.
    // `linkPrefix` ("<public URL>/portal/#"), when given, builds the links of later occasions
    // instead of the prefix stored with the series (which a request's Host header may have given
    // before --public-url was configured).
    FormNotifier(storage::Database &database, const Clock &clock, monitoring::SmsGateway *gateway,
                 QString linkPrefix = {})
        : m_database(database)
        , m_clock(clock)
        , m_gateway(gateway)
        , m_linkPrefix(std::move(linkPrefix))
    {
    }

    // "Hej! <unit> ber dig fylla i formuläret <title>. Öppna länken: <url>"
    static QString smsText(const QString &unitName, const QString &title, const QString &url);

    // The SMS with `url` for `request`, if its patient has a registered phone number. Runs inside
    // the caller's transaction (it reads the patient and the unit); sends nothing.
    Result<std::optional<monitoring::OutgoingSms>> smsFor(const FormRequest &request, const QString &url);
    // Sends through the gateway: true when it took the message; a failure is logged (without the
    // text or the number) and gives false.
    bool send(const monitoring::OutgoingSms &sms);

    // The periodic job's part: every pending occasion that has become available and whose patient
    // was not sent a link for it gets a new invitation (created on behalf of the staff member who
    // sent the series) and an SMS, once: each occasion is marked notified in its own transaction
    // (the version check is the guard between processes), the SMS goes out after the commit.
    // A patient without a number, an occasion whose link would have expired already (its due time
    // + kLinkGraceMs has passed) and, without a gateway, every occasion is only marked (the last
    // counted in a log line). An occasion that fails does not stop the others: the first error is
    // returned after all have been tried. Returns the number of SMS sent.
    Result<int> notifyAvailable();

private:
    struct Claim
    {
        std::optional<monitoring::OutgoingSms> sms; // to send once committed
        bool withheld = false; // the patient has a number, but there is no gateway for form links
    };

    // One occasion, inside the caller's transaction.
    Result<Claim> claim(const QString &requestId);
    // claim() in a transaction of its own.
    Result<Claim> claimAndCommit(const QString &requestId);

    storage::Database &m_database;
    const Clock &m_clock;
    monitoring::SmsGateway *m_gateway;
    QString m_linkPrefix;
};

} // namespace nara::forms
