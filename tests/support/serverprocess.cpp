#include "serverprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

#include <csignal>

namespace nara::test {

ServerProcess::ServerProcess(QStringList extraArguments)
    : m_extra(std::move(extraArguments))
{
}

ServerProcess::~ServerProcess()
{
    terminate();
}

bool ServerProcess::start(int timeoutMs)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QStringList arguments{QStringLiteral("--data-dir"), m_dataDir.path(),
                          QStringLiteral("--port"),     QString::number(m_port), // 0 the first time
                          QStringLiteral("--workers"),  QStringLiteral("2")};
    arguments += m_extra;
    m_process->start(QStringLiteral(NARA_SERVER_BIN), arguments);
    if (!m_process->waitForStarted(10000))
        return false;
    static const QRegularExpression listening(QStringLiteral("listening on (https?://[^ ]+):(\\d+)"));
    QElapsedTimer timer;
    timer.start();
    // Only this run's output counts: after a restart, m_output still holds the first run's line.
    const qsizetype runStart = m_output.size();
    while (timer.elapsed() < timeoutMs) {
        if (!m_process->waitForReadyRead(200) && m_process->state() != QProcess::Running)
            break;
        m_output += m_process->readAll();
        const auto match = listening.match(QString::fromUtf8(m_output.mid(runStart)));
        if (match.hasMatch()) {
            m_port = match.captured(2).toUShort();
            m_url = QUrl(match.captured(1) + u':' + match.captured(2));
            // Keep reading output so the pipe never fills up.
            QObject::connect(m_process.get(), &QProcess::readyRead, m_process.get(),
                             [this] { m_output += m_process->readAll(); });
            return true;
        }
    }
    m_output += m_process->readAll();
    qWarning("nara-server did not start:\n%s", m_output.constData());
    return false;
}

void ServerProcess::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_process->processId()), SIGKILL);
    m_process->waitForFinished(10000);
    m_output += m_process->readAll();
    m_output += "\n--- restart ---\n";
}

void ServerProcess::terminate()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

static qint64 procStatusKiB(qint64 pid, const char *field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

qint64 ServerProcess::residentKiB() const
{
    return procStatusKiB(pid(), "VmRSS:");
}

qint64 ServerProcess::peakResidentKiB() const
{
    return procStatusKiB(pid(), "VmHWM:");
}

int ServerProcess::runCommand(const QStringList &arguments, QByteArray *output) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(NARA_SERVER_BIN),
                  QStringList{QStringLiteral("--data-dir"), m_dataDir.path()} + m_extra + arguments);
    process.waitForFinished(120000);
    if (output)
        *output = process.readAll();
    return process.exitCode();
}

} // namespace nara::test
