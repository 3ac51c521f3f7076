#pragma once

#include "jobs/Async.h"

#include <QDateTime>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class Job;

// What the system says of a stack's boot service (never guessed from files
// alone): systemd's `systemctl show` properties, or launchd's `launchctl print`.
struct BootStatus
{
    bool known = false;     // the service manager answered
    bool installed = false; // the unit / agent file is there and loaded
    bool enabled = false;   // starts at boot (systemd) / at login (launchd)
    QString activeState;    // active, inactive, failed, activating...
    QString subState;
    QString result; // success, exit-code, ...
    int execMainStatus = 0;
    QDateTime lastStart; // invalid when it never started
    QString unitPath;
    bool managerDown = false; // systemd is not PID 1 here: read from the unit files only
    QString error;            // why the status could not be read

    // "Prod starts on boot: enabled · last start 08:12, succeeded"
    QString summary() const;
    // systemctl show's KEY=VALUE lines; public for tests.
    static BootStatus fromSystemctlShow(const QByteArray &output);
};

// Where and how a boot service is installed; every path and command can be
// replaced, so tests run against a temporary root with the real tools.
struct BootEnvironment
{
    QString stackDir;  // the folder holding run
    QString stackName; // STACK_NAME
    // systemd
    QString systemRoot; // empty: the real system; else a folder used like `systemctl --root`
    QString helper;     // postdodjango-boot-helper
    QStringList privilegeRunner{QStringLiteral("pkexec")}; // prefixed to the helper unless we are root
    QString systemctl = QStringLiteral("systemctl");
    QString journalctl = QStringLiteral("journalctl");
    // launchd
    QString launchAgentsDir; // ~/Library/LaunchAgents
    QString launchctl = QStringLiteral("launchctl");
    QString logDir; // ~/Library/Logs/PostDoDjango
    uint uid = 0;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();

    // Defaults for this machine and stack (helper next to the app, or installed in libexec).
    static BootEnvironment forStack(const QString &stackDir, const QString &stackName);
};

// The commands of one service manager, stateless: every call takes the
// environment, so the work can run on a worker with copies only.
class BootBackend
{
public:
    struct Outcome
    {
        bool ok = false;
        QString message; // one sentence; the error when !ok
    };
    virtual ~BootBackend() = default;
    virtual QString unitName(const BootEnvironment &env) const = 0;
    virtual QString unitPath(const BootEnvironment &env) const = 0;
    // The unit or plist this stack would get. Blocking.
    virtual QString render(const BootEnvironment &env, QString *error) const = 0;
    virtual BootStatus readStatus(const BootEnvironment &env) const = 0;
    virtual Outcome install(const BootEnvironment &env) const = 0;
    virtual Outcome remove(const BootEnvironment &env) const = 0;
    virtual Outcome startStop(const BootEnvironment &env, bool start) const = 0;
    virtual QStringList logCommand(const BootEnvironment &env, bool follow) const = 0;

    // Runs program with args (stdin given) and waits: for workers only.
    struct Run
    {
        int exitCode = -1;
        bool started = false;
        QByteArray out, err;
        QString text() const { return QString::fromUtf8(err + out).trimmed(); }
    };
    static Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                   const QByteArray &input = {}, int timeoutMs = 600000);
};

// "Start prod on boot" for one stack: install, remove, start, stop and the
// status, the same for systemd (Linux) and launchd (macOS). Every call that
// waits runs on the "boot" worker through the async helper; actions are Jobs.
class BootService : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Systemd, Launchd };
    static Kind native();
    BootService(Kind kind, const BootEnvironment &env, QObject *parent = nullptr);
    ~BootService() override;

    Kind kind() const { return m_kind; }
    QString unitName() const { return m_backend->unitName(m_env); }
    QString unitPath() const { return m_backend->unitPath(m_env); }
    QStringList logCommand(bool follow) const { return m_backend->logCommand(m_env, follow); }
    const BootEnvironment &environment() const { return m_env; }
    // The stack changed (another folder or STACK_NAME): a new unit name.
    void setEnvironment(const BootEnvironment &env);

    BootStatus status() const { return m_status; }
    void refresh();
    Job *install();
    Job *remove();
    Job *start();
    Job *stop();

Q_SIGNALS:
    void statusChanged();
    void jobStarted(Job *job);

private:
    enum class Verb { Install, Remove, Start, Stop };
    // Start and stop need the unit installed; install and remove do not.
    Job *action(const QString &title, Verb verb);

    Kind m_kind;
    BootEnvironment m_env;
    std::shared_ptr<const BootBackend> m_backend;
    BootStatus m_status;
    std::unique_ptr<async::Worker> m_worker; // started on first use
    async::Worker &worker();
    async::Generation m_generation;
};

// The backends; public so tests can call render() on them directly.
class SystemdBackend : public BootBackend
{
public:
    QString unitName(const BootEnvironment &env) const override;
    QString unitPath(const BootEnvironment &env) const override;
    QString render(const BootEnvironment &env, QString *error) const override;
    BootStatus readStatus(const BootEnvironment &env) const override;
    Outcome install(const BootEnvironment &env) const override;
    Outcome remove(const BootEnvironment &env) const override;
    Outcome startStop(const BootEnvironment &env, bool start) const override;
    QStringList logCommand(const BootEnvironment &env, bool follow) const override;
};

class LaunchdBackend : public BootBackend
{
public:
    QString label(const BootEnvironment &env) const;
    QString unitName(const BootEnvironment &env) const override;
    QString unitPath(const BootEnvironment &env) const override;
    QString render(const BootEnvironment &env, QString *error) const override;
    BootStatus readStatus(const BootEnvironment &env) const override;
    Outcome install(const BootEnvironment &env) const override;
    Outcome remove(const BootEnvironment &env) const override;
    Outcome startStop(const BootEnvironment &env, bool start) const override;
    QStringList logCommand(const BootEnvironment &env, bool follow) const override;
};
