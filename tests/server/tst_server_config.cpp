// nara-server's configuration as an operator meets it: clear errors for bad options and files,
// a config file, a warning for SMS without --public-url, and HTTPS with a certificate.

#include "serverprocess.h"
#include "testhttp.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

using namespace nara::test;

class TestServerConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badConfigurationIsRefusedClearly_data();
    void badConfigurationIsRefusedClearly();
    void configFileIsRead();
    void smsWithoutPublicUrlIsWarned_data();
    void smsWithoutPublicUrlIsWarned();
    void servesHttpsWithACertificate();

private:
    static int run(const QStringList &arguments, QByteArray *output);
    QTemporaryDir m_dir;
};

int TestServerConfig::run(const QStringList &arguments, QByteArray *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(NARA_SERVER_BIN), arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    *output = process.readAll();
    return process.exitCode();
}

void TestServerConfig::badConfigurationIsRefusedClearly_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString data = m_dir.filePath(QStringLiteral("data"));
    QTest::newRow("no data dir") << QStringList{} << "--data-dir is required";
    QTest::newRow("port not a number") << QStringList{u"--data-dir"_qs, data, u"--port"_qs, u"eighty"_qs}
                                       << "--port must be a number";
    QTest::newRow("port too big") << QStringList{u"--data-dir"_qs, data, u"--port"_qs, u"70000"_qs}
                                  << "--port must be a number";
    QTest::newRow("zero workers") << QStringList{u"--data-dir"_qs, data, u"--workers"_qs, u"0"_qs}
                                  << "--workers must be a number";
    QTest::newRow("bad bind") << QStringList{u"--data-dir"_qs, data, u"--bind"_qs, u"localhorst"_qs}
                              << "--bind must be an IP address";
    QTest::newRow("bad trusted proxy") << QStringList{u"--data-dir"_qs, data, u"--trusted-proxy"_qs, u"nginx"_qs}
                                       << "--trusted-proxy must be an IP address";
    QTest::newRow("bad db") << QStringList{u"--data-dir"_qs, data, u"--db"_qs, u"mysql://x"_qs} << "--db must be";
    QTest::newRow("unreachable postgres")
        << QStringList{u"--data-dir"_qs, data, u"--db"_qs, u"postgres://nara@127.0.0.1:1/nara"_qs}
        << "Cannot open database";
    QTest::newRow("cert without key") << QStringList{u"--data-dir"_qs, data, u"--tls-cert"_qs, u"/nonexistent.pem"_qs}
                                      << "--tls-cert and --tls-key go together";
    QTest::newRow("missing cert") << QStringList{u"--data-dir"_qs, data,
                                                 u"--tls-cert"_qs, u"/nonexistent.pem"_qs,
                                                 u"--tls-key"_qs,  u"/nonexistent.key"_qs}
                                  << "Cannot read --tls-cert";
    QTest::newRow("missing config file") << QStringList{u"--config"_qs, u"/nonexistent.ini"_qs}
                                         << "Cannot read the config file";
    QTest::newRow("unknown option") << QStringList{u"--data-dir"_qs, data, u"--colour"_qs, u"blue"_qs}
                                    << "Unknown option";
    QTest::newRow("ice server of another scheme")
        << QStringList{u"--data-dir"_qs, data, u"--ice-server"_qs, u"ftp://x"_qs} << "Invalid ICE server 'ftp://x'";
    QTest::newRow("bad ice server in a list")
        << QStringList{u"--data-dir"_qs, data, u"--ice-server"_qs, u"stun:stun.example.se,turn://t.example.se"_qs}
        << "Invalid ICE server 'turn://t.example.se'";
    QTest::newRow("bad repeated ice server") << QStringList{u"--data-dir"_qs,   data,
                                                            u"--ice-server"_qs, u"stun:s.example.se"_qs,
                                                            u"--ice-server"_qs, u"turns:t.example.se:99999"_qs}
                                             << "Invalid ICE server 'turns:t.example.se:99999'";
    QTest::newRow("turn ttl not a number")
        << QStringList{u"--data-dir"_qs, data, u"--turn-ttl"_qs, u"hour"_qs} << "--turn-ttl must be a number";
    QTest::newRow("short sms secret") << QStringList{u"--data-dir"_qs, data, u"--sms-secret"_qs, u"abc"_qs}
                                      << "--sms-secret must be at least 16 characters";
    // /proc refuses new directories, even to root.
    QTest::newRow("sms outbox where no directory can be made")
        << QStringList{u"--data-dir"_qs, data, u"--sms-outbox"_qs, u"/proc/nara-sms/outbox.jsonl"_qs}
        << "Cannot create the directory of --sms-outbox";
    QTest::newRow("sms outbox is a directory")
        << QStringList{u"--data-dir"_qs, data, u"--sms-outbox"_qs, m_dir.path()} << "is a directory, not a file";
    QTest::newRow("sweep interval not a number")
        << QStringList{u"--data-dir"_qs, data, u"--sweep-interval"_qs, u"1m"_qs}
        << "--sweep-interval must be a number from 0 to 86400, not '1m'";
    QTest::newRow("negative sweep interval") << QStringList{u"--data-dir"_qs, data, u"--sweep-interval"_qs, u"-5"_qs}
                                             << "--sweep-interval must be a number from 0 to 86400";
    QTest::newRow("sweep interval over a day")
        << QStringList{u"--data-dir"_qs, data, u"--sweep-interval"_qs, u"86401"_qs}
        << "--sweep-interval must be a number from 0 to 86400";
    QTest::newRow("referral due days not a number")
        << QStringList{u"--data-dir"_qs, data, u"--referral-due-days"_qs, u"five"_qs}
        << "--referral-due-days must be a number from 1 to 30, not 'five'";
    QTest::newRow("zero referral due days") << QStringList{u"--data-dir"_qs, data, u"--referral-due-days"_qs, u"0"_qs}
                                            << "--referral-due-days must be a number from 1 to 30";
    QTest::newRow("referral due days over a month")
        << QStringList{u"--data-dir"_qs, data, u"--referral-due-days"_qs, u"31"_qs}
        << "--referral-due-days must be a number from 1 to 30";
}

void TestServerConfig::badConfigurationIsRefusedClearly()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QByteArray output;
    QCOMPARE(run(arguments, &output), 2);
    QVERIFY2(output.contains(message.toUtf8()), output.constData());
    QVERIFY(output.startsWith("nara-server: "));
}

void TestServerConfig::configFileIsRead()
{
    const QString ini = m_dir.filePath(QStringLiteral("bad.ini"));
    {
        QFile file(ini);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("data-dir=" + m_dir.filePath(QStringLiteral("ini-data")).toUtf8() + "\nlisten-port=9\n");
    }
    QByteArray output;
    QCOMPARE(run({QStringLiteral("--config"), ini}, &output), 2);
    QVERIFY2(output.contains("Unknown setting 'listen-port'"), output.constData());

    const QString good = m_dir.filePath(QStringLiteral("good.ini"));
    {
        QFile file(good);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("data-dir=" + m_dir.filePath(QStringLiteral("ini-data")).toUtf8() + "\nverify-audit=true\n");
    }
    QCOMPARE(run({QStringLiteral("--config"), good}, &output), 0);
    QVERIFY2(output.contains("audit log intact"), output.constData());

    // ICE servers as a comma list in the file: valid ones pass, a bad one is named.
    const QString ice = m_dir.filePath(QStringLiteral("ice.ini"));
    const auto writeIce = [&](const QByteArray &list) {
        QFile file(ice);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("data-dir=" + m_dir.filePath(QStringLiteral("ini-data")).toUtf8()
                   + "\nverify-audit=true\nturn-secret=s3cret\nturn-ttl=600\nice-server=" + list + "\n");
    };
    writeIce("stun:stun.example.se:3478, turn:turn.example.se:3478?transport=udp");
    QCOMPARE(run({QStringLiteral("--config"), ice}, &output), 0);
    writeIce("stun:stun.example.se:3478, http://turn.example.se");
    QCOMPARE(run({QStringLiteral("--config"), ice}, &output), 2);
    QVERIFY2(output.contains("Invalid ICE server 'http://turn.example.se'"), output.constData());
}

void TestServerConfig::smsWithoutPublicUrlIsWarned_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("warned");
    const QString secret = QStringLiteral("config-sms-secret-0123");
    const QString outbox = m_dir.filePath(QStringLiteral("sms-outbox.jsonl"));
    const QString url = QStringLiteral("https://nara.example");
    QTest::newRow("secret, no url") << QStringList{u"--sms-secret"_qs, secret} << true;
    QTest::newRow("outbox, no url") << QStringList{u"--sms-outbox"_qs, outbox} << true;
    QTest::newRow("secret and url") << QStringList{u"--sms-secret"_qs, secret, u"--public-url"_qs, url} << false;
    QTest::newRow("no sms") << QStringList{} << false;
}

void TestServerConfig::smsWithoutPublicUrlIsWarned()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, warned);
    QByteArray output;
    const QStringList once{u"--data-dir"_qs, m_dir.filePath(QStringLiteral("sms-data")), u"--verify-audit"_qs};
    QCOMPARE(run(once + arguments, &output), 0);
    const QByteArray warning = "SMS is configured but --public-url is not: form links are not sent by SMS";
    QVERIFY2(output.count(warning) == (warned ? 1 : 0), output.constData());
    if (!arguments.isEmpty()) // the line names neither the secret nor the outbox's path
        QVERIFY2(!output.contains(arguments.at(1).toUtf8()), output.constData());
}

void TestServerConfig::servesHttpsWithACertificate()
{
    const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                   QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=localhost")});
    QVERIFY(openssl.waitForFinished(60000));
    QCOMPARE(openssl.exitCode(), 0);

    ServerProcess server(
        {QStringLiteral("--demo"), QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
    QVERIFY2(server.start(), server.output().constData());
    QCOMPARE(server.url().scheme(), QStringLiteral("https"));

    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(server.url().toString() + QStringLiteral("/api/v1/health")));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(cert));
    request.setSslConfiguration(ssl);
    request.setPeerVerifyName(QStringLiteral("localhost"));
    QNetworkReply *reply = manager.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(15000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().contains("\"status\":\"ok\""));
    QVERIFY(reply->sslConfiguration().sessionProtocol() >= QSsl::TlsV1_2);
    reply->deleteLater();

    // Plain HTTP on the TLS port gets nowhere.
    TestHttp plain(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())));
    QCOMPARE(plain.send("GET", QStringLiteral("/api/v1/health"), {}, {}, 5000).status, 0);
}

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_server_config.moc"
