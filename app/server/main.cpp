// nara-server: the composition root. Reads the configuration, prepares the database, builds the
// shared services and starts the HTTP workers; every rule lives in modules/.

#include "auth/core/auditlog.h"
#include "auth/core/loginratelimiter.h"
#include "auth/server/authroutes.h"
#include "chat/server/chatroutes.h"
#include "demo/core/demoregion.h"
#include "forms/core/formsweep.h"
#include "forms/server/formnotifier.h"
#include "forms/server/formroutes.h"
#include "forms/server/portalformroutes.h"
#include "foundation/server/healthroute.h"
#include "foundation/server/httpworker.h"
#include "foundation/server/serveroptions.h"
#include "inbox/server/inboxroutes.h"
#include "monitoring/core/monitoringsweep.h"
#include "monitoring/core/smsgateway.h"
#include "monitoring/server/monitoringplanroutes.h"
#include "monitoring/server/portalmeasurementroutes.h"
#include "monitoring/server/smsroutes.h"
#include "portal/server/portalroutes.h"
#include "referrals/core/fileimagestore.h"
#include "referrals/core/imagesweep.h"
#include "referrals/server/imageroutes.h"
#include "referrals/server/referralroutes.h"
#include "storage/core/migrator.h"
#include "storage/core/transactionguard.h"
#include "sweeprunner.h"
#include "sync/core/changelog.h"
#include "sync/core/idempotencystore.h"
#include "sync/server/cacheauditroute.h"
#include "sync/server/syncroutes.h"
#include "video/core/icesettings.h"
#include "video/core/visitworkflow.h"
#include "video/server/signallingrelay.h"
#include "video/server/videoroutes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHttpServer>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QThreadPool>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace nara;

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] auto n = ::write(g_signalPipe[1], &byte, 1);
}

void say(const QString &text)
{
    std::fprintf(stdout, "%s\n", qPrintable(text));
    std::fflush(stdout);
}

int failWith(const QString &text, int code = 2)
{
    std::fprintf(stderr, "nara-server: %s\n", qPrintable(text));
    return code;
}

Result<std::optional<QSslConfiguration>> tlsFrom(const http::ServerOptions &options)
{
    if (options.tlsCertificate.isEmpty())
        return std::optional<QSslConfiguration>{};
    QFile certFile(options.tlsCertificate);
    QFile keyFile(options.tlsKey);
    if (!certFile.open(QIODevice::ReadOnly))
        return fail(ErrorCode::InvalidInput, QStringLiteral("Cannot read --tls-cert %1").arg(options.tlsCertificate));
    if (!keyFile.open(QIODevice::ReadOnly))
        return fail(ErrorCode::InvalidInput, QStringLiteral("Cannot read --tls-key %1").arg(options.tlsKey));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("--tls-cert holds no PEM certificate."));
    const QByteArray keyBytes = keyFile.readAll();
    QSslKey key(keyBytes, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyBytes, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return fail(ErrorCode::InvalidInput, QStringLiteral("--tls-key holds no PEM RSA or EC private key."));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setProtocol(QSsl::TlsV1_2OrLater); // Mozilla intermediate: TLS 1.2 and 1.3 only
    return std::optional<QSslConfiguration>{config};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nara-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NARA_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{type} %{category}: %{message}"));

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        say(http::ServerOptions::helpText());
        return 0;
    }
    auto parsed = http::ServerOptions::parse(arguments);
    if (!parsed)
        return failWith(parsed.error().message + QStringLiteral("\nTry --help."));
    const http::ServerOptions options = *parsed;
    if (!QDir().mkpath(options.dataDir))
        return failWith(QStringLiteral("Cannot create the data directory %1").arg(options.dataDir));
    auto databaseConfig = storage::DatabaseConfig::fromUrl(options.databaseUrl, options.dataDir);
    if (!databaseConfig)
        return failWith(databaseConfig.error().message);
    auto tls = tlsFrom(options);
    if (!tls)
        return failWith(tls.error().message);
    auto ice = video::IceSettings::create(options.iceServers, options.turnSecret, options.turnTtlSeconds);
    if (!ice)
        return failWith(ice.error().message + QStringLiteral("\nTry --help."));

    // Outgoing SMS (answers to patients' reports) go to a file unless a gateway is built in.
    const QString smsOutbox = options.smsOutbox.isEmpty()
        ? QDir(options.dataDir).filePath(QStringLiteral("sms-outbox.jsonl"))
        : options.smsOutbox;
    if (auto ready = monitoring::FileSmsGateway::prepare(smsOutbox); !ready)
        return failWith(ready.error().message);
    monitoring::FileSmsGateway smsGateway(smsOutbox);
    // Form links go out by SMS only to the configured --public-url: without it a link's address
    // would come from a request's Host header, which whoever sends the request chooses.
    monitoring::SmsGateway *formLinkGateway = options.publicUrl.isEmpty() ? nullptr : &smsGateway;
    if (!formLinkGateway && (!options.smsSecret.isEmpty() || !options.smsOutbox.isEmpty()))
        qWarning("SMS is configured but --public-url is not: form links are not sent by SMS, only shown to staff");

    SystemClock clock;
    auto database = storage::Database::open(*databaseConfig, QStringLiteral("main"));
    if (!database)
        return failWith(database.error().message);
    auto schema = storage::Migrator(*database).migrate();
    if (!schema)
        return failWith(schema.error().message);

    if (auto instance = sync::ChangeLog(*database).instanceId(); !instance)
        return failWith(instance.error().message);

    if (options.verifyAudit) {
        auto verification = auth::AuditLog(*database).verify();
        if (!verification)
            return failWith(verification.error().message);
        if (!verification->intact) {
            say(QStringLiteral("audit log BROKEN at seq %1 (%2 rows checked)")
                    .arg(verification->firstBrokenSeq)
                    .arg(verification->rows));
            return 1;
        }
        say(QStringLiteral("audit log intact (%1 rows)").arg(verification->rows));
        return 0;
    }
    if (options.compactChanges || options.resetSync) {
        auto transaction = storage::TransactionGuard::begin(*database);
        if (!transaction)
            return failWith(transaction.error().message);
        sync::ChangeLog log(*database);
        auto latest = log.latest();
        if (!latest)
            return failWith(latest.error().message);
        auto removed = options.resetSync ? log.resetCursors() : log.compact(*latest);
        if (!removed)
            return failWith(removed.error().message);
        if (auto committed = transaction->commit(); !committed)
            return failWith(committed.error().message);
        say(options.resetSync
                ? QStringLiteral(
                      "change log reset: %1 superseded entries removed; every workstation syncs again from 0")
                      .arg(*removed)
                : QStringLiteral("change log compacted: %1 superseded entries removed").arg(*removed));
        return 0;
    }
    if (databaseConfig->dialect == storage::Dialect::Sqlite) {
        // Alone on its database: no patient can be in a waiting room before the sockets open.
        auto transaction = storage::TransactionGuard::begin(*database);
        if (!transaction)
            return failWith(transaction.error().message);
        auto emptied = video::VisitWorkflow(*database).emptyWaitingRooms(clock.nowMs());
        if (!emptied)
            return failWith(emptied.error().message);
        if (auto committed = transaction->commit(); !committed)
            return failWith(committed.error().message);
    }
    // Referral images live under the data directory, by content hash (the demo's photographs too).
    referrals::FileImageStore imageStore(QDir(options.dataDir).filePath(QStringLiteral("images")));
    if (options.demo) {
        auto demo = demo::buildDemoRegion(*database, clock, 2026, &imageStore);
        if (!demo)
            return failWith(demo.error().message);
        say(demo->describe());
    }

    // Remembered idempotency keys (and the answers they hold) expire: now and every hour.
    const auto purgeKeys = [&database, &clock] {
        auto purged = sync::purgeIdempotencyKeys(*database, clock.nowMs() - sync::kIdempotencyRetentionMs);
        if (!purged)
            qWarning("cannot purge idempotency keys: %s", qPrintable(purged.error().message));
    };
    purgeKeys();
    QTimer purgeTimer;
    QObject::connect(&purgeTimer, &QTimer::timeout, &app, purgeKeys);
    purgeTimer.start(60 * 60 * 1000);

    // Shared between workers; each is thread-safe.
    http::ConnectionGuard connections(options.limits.maxConnectionsPerAddress);
    sync::EventHub events;
    // Video signalling rides on the event sockets: one relay for every worker.
    video::SignallingRelay relay(*ice);
    events.setFrameHandler(&relay);

    // The image pipeline runs on a pool of its own, never on an HTTP thread.
    QThreadPool imagePool;
    imagePool.setMaxThreadCount(qMax(1, QThread::idealThreadCount() / 2));
    referrals::ImageServices imageServices{imageStore, imagePool};
    // Image uploads may be 20 MiB; every other route keeps its limit. The guard answers 413 before
    // a larger body is read.
    http::HttpLimits limits = options.limits;
    limits.bodyLimitsByPrefix.append({QStringLiteral("/api/v1/images/"), referrals::ImagePipeline::kDefaultMaxBytes});

    // The periodic job, on this thread with a connection of its own: once now, then every interval.
    auto sweepDatabase = storage::Database::open(*databaseConfig, QStringLiteral("sweep"));
    if (!sweepDatabase)
        return failWith(sweepDatabase.error().message);
    SweepRunner sweeps(*sweepDatabase, clock, [&events](qint64 seq) { events.announce(seq); });
    sweeps.add(QStringLiteral("forms overdue"),
               [](storage::Database &db, const Clock &now) { return forms::FormSweep(db, now).markOverdue(); });
    sweeps.add(QStringLiteral("measurements overdue"), monitoring::sweepOverdue);
    // Later occasions' links are built from the configured public URL, never from a stored Host.
    const QString formLinkPrefix = options.publicUrl.isEmpty()
        ? QString()
        : (options.publicUrl.endsWith(u'/') ? options.publicUrl.chopped(1) : options.publicUrl)
            + QStringLiteral("/portal/#");
    sweeps.add(QStringLiteral("form links sent"),
               [formLinkGateway, formLinkPrefix](storage::Database &db, const Clock &now) {
                   return forms::FormNotifier(db, now, formLinkGateway, formLinkPrefix).notifyAvailable();
               });
    sweeps.add(QStringLiteral("unnamed referral images deleted"),
               [&imageStore](storage::Database &db, const Clock &now) {
                   return referrals::sweepUnreferencedImages(db, now, imageStore);
               });
    // Walks every image file: hourly is enough for files an upload left without a row.
    sweeps.add(
        QStringLiteral("image files without a row deleted"),
        [&imageStore, lastWalk = std::make_shared<qint64>(0)](storage::Database &db, const Clock &now) -> Result<int> {
            constexpr qint64 kHourMs = 3'600'000;
            if (*lastWalk != 0 && now.nowMs() - *lastWalk < kHourMs)
                return 0;
            *lastWalk = now.nowMs();
            return referrals::sweepOrphanImageFiles(db, now, imageStore);
        });
    if (options.sweepIntervalSeconds > 0)
        sweeps.start(options.sweepIntervalSeconds);

    auth::LoginRateLimiter loginLimiter(clock);
    QThreadPool hashingPool;
    hashingPool.setMaxThreadCount(qMax(1, QThread::idealThreadCount() / 2));
    auth::AuthServices authServices{loginLimiter, hashingPool, {}, {}, options.trustedProxy};
    const sync::SyncSettings syncSettings;
    const QJsonObject facts{
        {QStringLiteral("version"), QStringLiteral(NARA_VERSION)},
        {QStringLiteral("schemaVersion"), *schema},
        {QStringLiteral("workers"), options.workers},
        {QStringLiteral("database"),
         databaseConfig->dialect == storage::Dialect::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgres")},
    };

    const http::RouteInstaller installRoutes = [&](QHttpServer &server, WorkerContext &context) {
        http::installHealthRoute(server, context, facts);
        auth::installAuthRoutes(server, context, authServices);
        sync::installSyncRoutes(server, context, events, syncSettings);
        sync::installCacheAuditRoute(server, context);
        inbox::installInboxRoutes(server, context);
        chat::installChatRoutes(server, context);
        portal::installPortalRoutes(server, context, portal::PortalSettings{options.publicUrl});
        video::installVideoRoutes(server, context, relay, video::VideoSettings{options.publicUrl});
        monitoring::installSmsRoutes(server, context, monitoring::SmsSettings{options.smsSecret, &smsGateway});
        monitoring::installPortalMeasurementRoutes(server, context);
        forms::installFormRoutes(server, context, forms::FormSettings{options.publicUrl, formLinkGateway});
        forms::installPortalFormRoutes(server, context);
        monitoring::installMonitoringPlanRoutes(server, context);
        referrals::installImageRoutes(server, context, imageServices);
        referrals::installReferralRoutes(server, context, referrals::ReferralSettings{options.referralDueDays});
    };

    std::vector<std::unique_ptr<http::HttpWorker>> workers;
    quint16 port = options.port;
    for (int i = 0; i < options.workers; ++i) {
        http::WorkerSetup setup;
        setup.index = i;
        setup.address = options.bindAddress;
        setup.port = port;
        setup.limits = limits;
        setup.tls = *tls;
        setup.database = *databaseConfig;
        setup.clock = &clock;
        setup.guard = &connections;
        setup.announceChange = [&events](qint64 seq) {
            events.announce(seq);
        };
        setup.installRoutes = installRoutes;
        auto worker = std::make_unique<http::HttpWorker>(std::move(setup));
        auto bound = worker->start();
        if (!bound)
            return failWith(bound.error().message);
        port = *bound; // the first worker may have picked a free port; the others share it
        workers.push_back(std::move(worker));
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) == 0) {
        std::signal(SIGTERM, onSignal);
        std::signal(SIGINT, onSignal);
    }
    QSocketNotifier signalNotifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [] {
        char byte;
        [[maybe_unused]] auto n = ::read(g_signalPipe[0], &byte, 1);
        say(QStringLiteral("nara-server: shutting down"));
        QCoreApplication::quit();
    });

    const QString scheme = tls->has_value() ? QStringLiteral("https") : QStringLiteral("http");
    const QString host
        = options.bindAddress == QHostAddress::Any ? QStringLiteral("0.0.0.0") : options.bindAddress.toString();
    say(QStringLiteral("nara-server %1: listening on %2://%3:%4 (%5 workers, %6, schema %7)")
            .arg(QStringLiteral(NARA_VERSION), scheme, host)
            .arg(port)
            .arg(options.workers)
            .arg(databaseConfig->describe())
            .arg(*schema));
    const int code = app.exec();
    workers.clear();
    imagePool.waitForDone(); // its tasks use imageServices
    return code;
}
