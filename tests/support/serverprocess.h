#pragma once

#include <QDir>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace nara::test {

// A real nara-server on a free loopback port, with a data directory of its own.
// start() waits for the "listening on" line; kill() is SIGKILL; restart keeps the data.
class ServerProcess
{
public:
    // Extra arguments are appended (for example "--demo" or "--db", url).
    explicit ServerProcess(QStringList extraArguments = {QStringLiteral("--demo")});
    ~ServerProcess();

    bool start(int timeoutMs = 60000);
    void kill(); // SIGKILL, no clean shutdown
    void terminate(); // SIGTERM and wait
    bool restart(int timeoutMs = 60000)
    {
        kill();
        return start(timeoutMs);
    }

    QUrl url() const { return m_url; }
    quint16 port() const { return m_port; }
    QString dataDir() const { return m_dataDir.path(); }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    // Everything the server wrote to stdout/stderr so far.
    QByteArray output() const { return m_output; }
    // Resident set size and its high-water mark, from /proc, in KiB.
    qint64 residentKiB() const;
    qint64 peakResidentKiB() const;
    // Runs nara-server once with these arguments on the same data directory; returns exit code.
    int runCommand(const QStringList &arguments, QByteArray *output = nullptr) const;

private:
    QStringList m_extra;
    QTemporaryDir m_dataDir;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
    quint16 m_port = 0;
    QByteArray m_output;
};

} // namespace nara::test
