#include "ScriptRun.h"
#include "stack/StackLog.h"

#include "jobs/Job.h"

#include <QTimer>

#include <csignal>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcStack, "pdd.stack", QtWarningMsg)

ScriptRun::ScriptRun(Job *job, const QString &script, const QStringList &arguments, const QString &workingDir,
                     const QProcessEnvironment &env, QObject *parent)
    : QObject(parent), m_job(job), m_killTimer(new QTimer(this))
{
    m_process.setProgram(QStringLiteral("sh"));
    m_process.setArguments(QStringList{script} + arguments);
    m_process.setWorkingDirectory(workingDir);
    m_process.setProcessEnvironment(env);
    m_process.setStandardInputFile(QProcess::nullDevice());
    // Own process group, so cancel reaches docker-compose and its children,
    // not just the shell.
    m_process.setChildProcessModifier([] { ::setpgid(0, 0); });

    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, [this] { signalGroup(SIGKILL); });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] { readStream(QProcess::StandardOutput); });
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] { readStream(QProcess::StandardError); });
    connect(&m_process, &QProcess::finished, this, &ScriptRun::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &ScriptRun::onErrorOccurred);
    if (m_job)
        connect(m_job, &Job::cancelRequested, this, &ScriptRun::requestCancel);
}

ScriptRun::~ScriptRun()
{
    // Quitting the app mid-run must not leave an orphaned compose behind a
    // finished Job; waitForFinished here is bounded and only at teardown.
    if (m_process.state() != QProcess::NotRunning) {
        signalGroup(SIGTERM);
        if (!m_process.waitForFinished(2000))
            signalGroup(SIGKILL);
        m_process.waitForFinished(1000);
    }
}

void ScriptRun::start()
{
    if (m_job) {
        m_job->reportStarted();
        m_job->reportLog(QStringLiteral("$ sh %1").arg(m_process.arguments().join(QLatin1Char(' '))));
    }
    qCDebug(lcStack) << "run" << m_process.arguments() << "in" << m_process.workingDirectory();
    m_process.start();
}

void ScriptRun::readStream(QProcess::ProcessChannel channel)
{
    m_process.setReadChannel(channel);
    const bool isErr = channel == QProcess::StandardError;
    const QStringList lines = (isErr ? m_err : m_out).feed(m_process.readAll());
    for (const QString &line : lines)
        handleLine(line, isErr);
}

void ScriptRun::handleLine(const QString &line, bool isStderr)
{
    if (isStderr && !line.trimmed().isEmpty())
        m_lastErrorLine = line.trimmed();
    if (!m_job)
        return;
    m_job->reportLog(line);
    if (const auto fraction = m_progress.feed(line))
        m_job->reportProgress(*fraction, line.trimmed());
    else
        m_job->reportProgress(m_job->progress(), line.trimmed());
}

void ScriptRun::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_killTimer->stop();
    qCDebug(lcStack) << "run" << m_process.arguments()
                     << "ended:" << (status == QProcess::NormalExit ? "exit" : "crash") << exitCode
                     << (m_cancelling ? "(cancelled)" : "");
    readStream(QProcess::StandardOutput);
    readStream(QProcess::StandardError);
    for (const QString &l : m_out.flush())
        handleLine(l, false);
    for (const QString &l : m_err.flush())
        handleLine(l, true);

    if (m_job) {
        if (m_cancelling)
            m_job->reportCancelled();
        else if (status == QProcess::NormalExit && exitCode == 0)
            m_job->reportSucceeded();
        else if (status == QProcess::CrashExit)
            m_job->reportFailed(tr("The run script was killed."));
        else
            // The script promises one clear sentence on stderr when it fails.
            m_job->reportFailed(m_lastErrorLine.isEmpty() ? tr("The run script exited with code %1.").arg(exitCode)
                                                          : tr("%1 (exit code %2)").arg(m_lastErrorLine).arg(exitCode));
    }
    Q_EMIT done();
}

void ScriptRun::onErrorOccurred(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_finished)
        return;
    m_finished = true;
    if (m_job)
        m_job->reportFailed(
            tr("Could not run %1 in %2: %3")
                .arg(m_process.arguments().value(0), m_process.workingDirectory(), m_process.errorString()));
    Q_EMIT done();
}

void ScriptRun::requestCancel()
{
    if (m_finished || m_process.state() == QProcess::NotRunning)
        return;
    m_cancelling = true;
    if (m_job)
        m_job->reportLog(tr("Cancelling…"));
    signalGroup(SIGTERM);
    m_killTimer->start(m_killTimeoutMs);
}

void ScriptRun::signalGroup(int signal)
{
    const qint64 pid = m_process.processId();
    if (pid > 0)
        ::kill(-pid_t(pid), signal);
}
