#pragma once

#include "stack/StackMode.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QString>

class Job;

// The GUI's handle on compose/run: every stack operation is a flag of that
// script, so the script stays the one source of truth. Each call returns a
// running Job (parented to the controller) and never blocks.
class StackController : public QObject
{
    Q_OBJECT
public:
    explicit StackController(QString projectDir, QObject *parent = nullptr);

    QString projectDir() const { return m_projectDir; }
    // Defaults to the app's own environment; tests and the GUI e2e add
    // STACK_NAME, ports and forged image names here.
    void setEnvironment(const QProcessEnvironment &env) { m_env = env; }
    QProcessEnvironment environment() const { return m_env; }
    void setKillTimeout(int ms) { m_killTimeoutMs = ms; }

    // dev → -1, prod → -0; down → -5 dev|prod (contract with compose/run).
    static QStringList upArguments(StackMode mode);
    static QStringList downArguments(StackMode mode);

    // containers: how many the mode runs, so progress can count compose's
    // per-container lines (0 leaves the Job indeterminate).
    Job *up(StackMode mode, int containers = 0);
    Job *down(StackMode mode, int containers = 0);
    Job *runScript(const QString &title, const QStringList &arguments, int expectedSteps = 0);

    int runningCount() const { return m_running; }

Q_SIGNALS:
    void jobStarted(Job *job);
    // Emitted when a run ends, so views can refresh what the script changed.
    void jobFinished(Job *job);

private:
    QString m_projectDir;
    QProcessEnvironment m_env;
    int m_killTimeoutMs = 10000;
    int m_running = 0;
};
