#include "StackController.h"

#include "ScriptRun.h"
#include "jobs/Job.h"

#include <QDir>

StackController::StackController(QString projectDir, QObject *parent)
    : QObject(parent), m_projectDir(std::move(projectDir)), m_env(QProcessEnvironment::systemEnvironment())
{
}

QStringList StackController::upArguments(StackMode mode)
{
    return {mode == StackMode::Prod ? QStringLiteral("-0") : QStringLiteral("-1")};
}

QStringList StackController::downArguments(StackMode mode)
{
    return {QStringLiteral("-5"), StackModes::key(mode)};
}

Job *StackController::up(StackMode mode, int containers)
{
    return runScript(tr("Up (%1)").arg(StackModes::key(mode)), upArguments(mode), containers);
}

Job *StackController::down(StackMode mode, int containers)
{
    // Each container is stopped, then removed.
    return runScript(tr("Down (%1)").arg(StackModes::key(mode)), downArguments(mode), 2 * containers);
}

Job *StackController::runScript(const QString &title, const QStringList &arguments, int expectedSteps)
{
    auto *job = new Job(title, this);
    const QString script = QDir(m_projectDir).filePath(QStringLiteral("run"));
    // The ScriptRun is a child of the Job, so it lives exactly as long as the
    // Job's record does and dies with it.
    auto *run = new ScriptRun(job, script, arguments, m_projectDir, m_env, job);
    run->setKillTimeout(m_killTimeoutMs);
    run->setExpectedSteps(expectedSteps);
    ++m_running;
    connect(run, &ScriptRun::done, this, [this, job] {
        --m_running;
        Q_EMIT jobFinished(job);
    });
    Q_EMIT jobStarted(job);
    run->start();
    return job;
}
