#pragma once

#include "foundation/core/error.h"
#include "foundation/server/httplimits.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace nara::http {

// nara-server's configuration: a config file (INI, same key names) overridden by the command line.
struct ServerOptions
{
    QString dataDir;
    QHostAddress bindAddress = QHostAddress::LocalHost;
    quint16 port = 8080;
    int workers = 2; // parse() sets the number of cores (at least 2) unless told
    QString databaseUrl = QStringLiteral("sqlite");
    QString tlsCertificate;
    QString tlsKey;
    QString publicUrl; // how patients reach the portal, for invitation links
    QHostAddress trustedProxy; // null: X-Forwarded-For is ignored
    // Video calls: STUN/TURN URLs for browsers and workstations (checked by video::IceSettings in
    // the composition root), the TURN REST shared secret and the credentials' lifetime.
    QStringList iceServers;
    QString turnSecret;
    qint64 turnTtlSeconds = 60 * 60;
    // The SMS gateway's webhook: its shared secret (empty: the webhook answers 503) and the file the
    // default gateway appends outgoing SMS to (empty: <data-dir>/sms-outbox.jsonl).
    QString smsSecret;
    QString smsOutbox;
    // The periodic job (overdue forms, later occasions' links): every this many seconds and once at
    // start; 0 turns it off.
    int sweepIntervalSeconds = 60;
    // Dermatology referrals: working days (Monday to Friday) until a routine referral is due;
    // urgent ones are due in 2, or in this many when fewer.
    int referralDueDays = 5;
    bool demo = false;
    bool verifyAudit = false;
    bool compactChanges = false;
    bool resetSync = false;
    HttpLimits limits;

    // Parses arguments (argv without the program name is fine too: the first is skipped).
    static Result<ServerOptions> parse(const QStringList &arguments);
    static QString helpText();
};

} // namespace nara::http
