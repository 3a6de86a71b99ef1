#include "foundation/server/serveroptions.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>
#include <QThread>

namespace nara::http {

namespace {

struct Option
{
    const char *name;
    const char *valueName;
    const char *help;
};

constexpr Option kValueOptions[] = {
    {"config", "file", "Read settings from an INI file (keys as the long options)."},
    {"data-dir", "dir", "Directory for the database, logs and images (required)."},
    {"bind", "address", "Address to listen on (default 127.0.0.1)."},
    {"port", "port", "TCP port (default 8080; 0 picks a free one)."},
    {"workers", "n", "HTTP worker threads (default: the number of cores, at least 2)."},
    {"db", "url", "sqlite (default), sqlite:FILE or postgres://user:password@host:port/database."},
    {"tls-cert", "file", "PEM certificate: serve HTTPS."},
    {"tls-key", "file", "PEM private key for --tls-cert."},
    {"public-url", "url", "Base URL patients use to reach this server (invitation links)."},
    {"trusted-proxy", "address", "A reverse proxy whose X-Forwarded-For names the client (login limits)."},
    {"max-body", "bytes", "Largest JSON body accepted (default 1048576; image uploads: 20 MiB)."},
    {"idle-timeout", "seconds", "Close connections idle this long (default 30)."},
    {"max-connections-per-address", "n", "Open connections allowed per client address (default 128)."},
    {"ice-server", "url",
     "A STUN/TURN server for video calls (stun:host[:port], turn:host[:port][?transport=udp|tcp], "
     "turns:host[:port]); repeat it or give a comma-separated list. Default: none (host candidates)."},
    {"turn-secret", "secret", "TURN REST shared secret (coturn static-auth-secret): per-call credentials."},
    {"turn-ttl", "seconds", "Lifetime of TURN credentials (default 3600)."},
    {"sms-secret", "secret",
     "Shared secret of the SMS gateway's webhook POST /api/v1/sms/inbound (header X-Nara-Sms-Secret or "
     "form field secret); at least 16 characters. Default: none (the webhook answers 503)."},
    {"sms-outbox", "file",
     "File outgoing SMS are appended to, one JSON line each (default <data-dir>/sms-outbox.jsonl)."},
    {"sweep-interval", "seconds",
     "Run the periodic job (overdue forms and measurements, links for later form occasions, deleting "
     "images no referral names a day after upload) every this many seconds and "
     "once at start (default 60; 0 turns it off)."},
    {"referral-due-days", "days",
     "Working days (Monday to Friday) until a dermatology referral is due (1-30, default 5); urgent "
     "referrals are due in 2, or in this many when fewer."},
};

constexpr Option kFlags[] = {
    {"demo", nullptr, "Fill an empty database with the demo region and print the demo accounts."},
    {"verify-audit", nullptr, "Verify the audit log's hash chain and exit (exit code 1 if broken)."},
    {"compact-changes", nullptr, "Drop superseded entries of the sync change log and exit (cursors stay valid)."},
    {"reset-sync", nullptr, "Compact the change log and renumber it, then exit: every workstation re-syncs from 0."},
};

Result<qint64> number(const QString &name, const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max)
        return fail(
            ErrorCode::InvalidInput,
            QStringLiteral("--%1 must be a number from %2 to %3, not '%4'.").arg(name).arg(min).arg(max).arg(text));
    return value;
}

void describe(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral("Nära server: REST API, sync, push and the patient portal."));
    parser.addHelpOption();
    for (const Option &option : kValueOptions)
        parser.addOption(QCommandLineOption(QString::fromLatin1(option.name), QString::fromLatin1(option.help),
                                            QString::fromLatin1(option.valueName)));
    for (const Option &option : kFlags)
        parser.addOption(QCommandLineOption(QString::fromLatin1(option.name), QString::fromLatin1(option.help)));
}

} // namespace

QString ServerOptions::helpText()
{
    QCommandLineParser parser;
    describe(parser);
    return parser.helpText();
}

Result<ServerOptions> ServerOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    describe(parser);
    if (!parser.parse(arguments))
        return fail(ErrorCode::InvalidInput, parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Unexpected argument '%1'.").arg(parser.positionalArguments().constFirst()));

    // Values: the command line wins over the config file.
    QHash<QString, QString> values;
    if (parser.isSet(QStringLiteral("config"))) {
        const QString file = parser.value(QStringLiteral("config"));
        if (!QFileInfo(file).isReadable())
            return fail(ErrorCode::InvalidInput, QStringLiteral("Cannot read the config file '%1'.").arg(file));
        QSettings settings(file, QSettings::IniFormat);
        if (settings.status() != QSettings::NoError)
            return fail(ErrorCode::InvalidInput, QStringLiteral("The config file '%1' is not valid INI.").arg(file));
        const QStringList keys = settings.allKeys();
        for (const QString &key : keys) {
            const bool known = std::any_of(std::begin(kValueOptions), std::end(kValueOptions),
                                           [&key](const Option &o) { return key == QLatin1String(o.name); })
                || std::any_of(std::begin(kFlags), std::end(kFlags),
                               [&key](const Option &o) { return key == QLatin1String(o.name); });
            if (!known || key == u"config")
                return fail(ErrorCode::InvalidInput, QStringLiteral("Unknown setting '%1' in '%2'.").arg(key, file));
            // QSettings reads "a, b" as a list (ice-server): keep it as the comma list it was.
            const QVariant value = settings.value(key);
            values.insert(key,
                          value.metaType().id() == QMetaType::QStringList ? value.toStringList().join(u',')
                                                                          : value.toString());
        }
    }
    for (const Option &option : kValueOptions) {
        const QString name = QString::fromLatin1(option.name);
        if (!parser.isSet(name))
            continue;
        // --ice-server may be repeated and keeps every value; for the others the last one wins.
        values.insert(name, name == u"ice-server" ? parser.values(name).join(u',') : parser.value(name));
    }

    ServerOptions options;
    auto flag = [&](const char *name) {
        const QString key = QString::fromLatin1(name);
        return parser.isSet(key) || values.value(key) == u"true";
    };
    options.demo = flag("demo");
    options.verifyAudit = flag("verify-audit");
    options.compactChanges = flag("compact-changes");
    options.resetSync = flag("reset-sync");

    options.dataDir = values.value(QStringLiteral("data-dir"));
    if (options.dataDir.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("--data-dir is required."));
    if (values.contains(QStringLiteral("bind"))) {
        if (!options.bindAddress.setAddress(values.value(QStringLiteral("bind"))))
            return fail(
                ErrorCode::InvalidInput,
                QStringLiteral("--bind must be an IP address, not '%1'.").arg(values.value(QStringLiteral("bind"))));
    }
    if (values.contains(QStringLiteral("port"))) {
        auto port = number(QStringLiteral("port"), values.value(QStringLiteral("port")), 0, 65535);
        if (!port)
            return fail(port.error());
        options.port = quint16(*port);
    }
    options.workers = qMax(2, QThread::idealThreadCount());
    if (values.contains(QStringLiteral("workers"))) {
        auto workers = number(QStringLiteral("workers"), values.value(QStringLiteral("workers")), 1, 64);
        if (!workers)
            return fail(workers.error());
        options.workers = int(*workers);
    }
    options.databaseUrl = values.value(QStringLiteral("db"), QStringLiteral("sqlite"));
    options.tlsCertificate = values.value(QStringLiteral("tls-cert"));
    options.tlsKey = values.value(QStringLiteral("tls-key"));
    if (options.tlsCertificate.isEmpty() != options.tlsKey.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("--tls-cert and --tls-key go together."));
    options.publicUrl = values.value(QStringLiteral("public-url"));
    if (values.contains(QStringLiteral("trusted-proxy"))
        && !options.trustedProxy.setAddress(values.value(QStringLiteral("trusted-proxy"))))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("--trusted-proxy must be an IP address, not '%1'.")
                        .arg(values.value(QStringLiteral("trusted-proxy"))));
    const QStringList iceServers = values.value(QStringLiteral("ice-server")).split(u',', Qt::SkipEmptyParts);
    for (const QString &url : iceServers)
        if (!url.trimmed().isEmpty())
            options.iceServers.append(url.trimmed());
    options.turnSecret = values.value(QStringLiteral("turn-secret"));
    if (values.contains(QStringLiteral("turn-ttl"))) {
        auto seconds = number(QStringLiteral("turn-ttl"), values.value(QStringLiteral("turn-ttl")), 60, 7 * 24 * 3600);
        if (!seconds)
            return fail(seconds.error());
        options.turnTtlSeconds = *seconds;
    }
    options.smsSecret = values.value(QStringLiteral("sms-secret"));
    if (values.contains(QStringLiteral("sms-secret")) && options.smsSecret.size() < 16)
        return fail(ErrorCode::InvalidInput, QStringLiteral("--sms-secret must be at least 16 characters."));
    options.smsOutbox = values.value(QStringLiteral("sms-outbox"));
    if (values.contains(QStringLiteral("sms-outbox")) && options.smsOutbox.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("--sms-outbox needs a file name."));
    if (values.contains(QStringLiteral("sweep-interval"))) {
        auto seconds
            = number(QStringLiteral("sweep-interval"), values.value(QStringLiteral("sweep-interval")), 0, 24 * 3600);
        if (!seconds)
            return fail(seconds.error());
        options.sweepIntervalSeconds = int(*seconds);
    }
    if (values.contains(QStringLiteral("referral-due-days"))) {
        auto days
            = number(QStringLiteral("referral-due-days"), values.value(QStringLiteral("referral-due-days")), 1, 30);
        if (!days)
            return fail(days.error());
        options.referralDueDays = int(*days);
    }
    if (values.contains(QStringLiteral("max-body"))) {
        auto bytes
            = number(QStringLiteral("max-body"), values.value(QStringLiteral("max-body")), 1024, 64 * 1024 * 1024);
        if (!bytes)
            return fail(bytes.error());
        options.limits.defaultMaxBodyBytes = *bytes;
    }
    if (values.contains(QStringLiteral("idle-timeout"))) {
        auto seconds = number(QStringLiteral("idle-timeout"), values.value(QStringLiteral("idle-timeout")), 1, 3600);
        if (!seconds)
            return fail(seconds.error());
        options.limits.idleTimeoutMs = int(*seconds * 1000);
    }
    if (values.contains(QStringLiteral("max-connections-per-address"))) {
        auto n = number(QStringLiteral("max-connections-per-address"),
                        values.value(QStringLiteral("max-connections-per-address")), 1, 100000);
        if (!n)
            return fail(n.error());
        options.limits.maxConnectionsPerAddress = int(*n);
    }
    return options;
}

} // namespace nara::http
