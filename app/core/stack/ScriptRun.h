#pragma once

#include "LineSplitter.h"
#include "RunProgress.h"

#include <QObject>
#include <QPointer>
#include <QProcess>

class Job;
class QTimer;

// Runs one `sh <dir>/run <flags>` for one Job: streams stdout/stderr lines into
// the Job's log, maps the exit code onto the Job's result, and turns
// Job::cancel() into SIGTERM for the script's whole process group (compose
// children included), escalating to SIGKILL if it lingers. Everything is
// signal-driven on the owner's thread; nothing waits.
class ScriptRun : public QObject
{
    Q_OBJECT
public:
    ScriptRun(Job *job, const QString &script, const QStringList &arguments, const QString &workingDir,
              const QProcessEnvironment &env, QObject *parent = nullptr);
    ~ScriptRun() override;

    void start();
    // Container steps the run is expected to print, for counted progress (0: unknown).
    void setExpectedSteps(int steps) { m_progress = RunProgress(steps); }
    // How long a cancelled script gets between SIGTERM and SIGKILL.
    void setKillTimeout(int ms) { m_killTimeoutMs = ms; }
    qint64 processId() const { return m_process.processId(); }

Q_SIGNALS:
    void done();

private:
    void readStream(QProcess::ProcessChannel channel);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onErrorOccurred(QProcess::ProcessError error);
    void requestCancel();
    void signalGroup(int signal);
    void handleLine(const QString &line, bool isStderr);

    QPointer<Job> m_job;
    QProcess m_process;
    LineSplitter m_out;
    LineSplitter m_err;
    RunProgress m_progress;
    QString m_lastErrorLine;
    QTimer *m_killTimer = nullptr;
    int m_killTimeoutMs = 10000;
    bool m_cancelling = false;
    bool m_finished = false;
};
