#include "BootService.h"

#include "BootLog.h"
#include "jobs/Job.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSaveFile>
#include <QXmlStreamWriter>

#include <unistd.h>

Q_LOGGING_CATEGORY(lcBoot, "pdd.boot", QtWarningMsg)

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(BootService)
};

// pkexec's own exit codes: the user dismissed the dialog, or polkit said no.
bool authRefused(int exitCode)
{
    return exitCode == 126 || exitCode == 127;
}

QStringList helperCommand(const BootEnvironment &env, const QStringList &args)
{
    QStringList cmd;
    if (::geteuid() != 0)
        cmd << env.privilegeRunner; // never run the app as root; the helper alone gets it
    cmd << env.helper;
    if (!env.systemRoot.isEmpty())
        cmd << QStringLiteral("--root") << env.systemRoot;
    return cmd + args;
}

BootBackend::Outcome runHelper(const BootEnvironment &env, const QStringList &args, const QByteArray &input = {})
{
    BootBackend::Outcome o;
    if (!QFileInfo(env.helper).isExecutable()) {
        o.message = Text::tr("The boot helper %1 is missing: reinstall PostDoDjango (or use sudo sh run -7 install).")
                        .arg(env.helper);
        return o;
    }
    const QStringList cmd = helperCommand(env, args);
    const BootBackend::Run r = BootBackend::run(cmd.first(), cmd.mid(1), env.env, input);
    if (!r.started) {
        o.message = Text::tr("%1 could not be started: is it installed (apt install pkexec)?").arg(cmd.first());
        return o;
    }
    if (r.exitCode == 0) {
        o.ok = true;
        o.message = r.text();
        return o;
    }
    if (::geteuid() != 0 && authRefused(r.exitCode)) {
        o.message = Text::tr("Authentication was cancelled or refused; nothing was changed.");
        return o;
    }
    // The helper's own sentence, without its name in front.
    QString text = r.text();
    text.remove(QStringLiteral("postdodjango-boot-helper: "));
    o.message = text.isEmpty() ? Text::tr("The boot helper failed (exit code %1).").arg(r.exitCode) : text;
    return o;
}
} // namespace

BootEnvironment BootEnvironment::forStack(const QString &stackDir, const QString &stackName)
{
    BootEnvironment e;
    e.stackDir = stackDir;
    e.stackName = stackName;
    // Installed next to the app (prefix/bin → prefix/libexec/postdodjango); a
    // build tree uses the source tree's copy.
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .absoluteFilePath(QStringLiteral("../libexec/postdodjango/postdodjango-boot-helper"));
    e.helper = QFileInfo::exists(installed) ? QDir::cleanPath(installed)
                                            : QStringLiteral(PDD_SOURCE_DIR "/packaging/boot/postdodjango-boot-helper");
    const QString home = QDir::homePath();
    e.launchAgentsDir = home + QStringLiteral("/Library/LaunchAgents");
    e.logDir = home + QStringLiteral("/Library/Logs/PostDoDjango");
    e.uid = ::getuid();
    return e;
}

BootBackend::Run BootBackend::run(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                                  const QByteArray &input, int timeoutMs)
{
    Run r;
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return r;
    r.started = true;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    qCDebug(lcBoot).noquote() << program << args.join(QLatin1Char(' ')) << "->" << r.exitCode;
    return r;
}

// ---------------------------------------------------------------- status

BootStatus BootStatus::fromSystemctlShow(const QByteArray &output)
{
    BootStatus s;
    QHash<QString, QString> p;
    for (const QByteArray &line : output.split('\n')) {
        const int eq = int(line.indexOf('='));
        if (eq > 0)
            p.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)).trimmed());
    }
    if (p.isEmpty())
        return s;
    s.known = true;
    s.installed = p.value(QStringLiteral("LoadState")) == QLatin1String("loaded");
    s.enabled = p.value(QStringLiteral("UnitFileState")) == QLatin1String("enabled");
    s.activeState = p.value(QStringLiteral("ActiveState"));
    s.subState = p.value(QStringLiteral("SubState"));
    s.result = p.value(QStringLiteral("Result"));
    s.execMainStatus = p.value(QStringLiteral("ExecMainStatus")).toInt();
    s.unitPath = p.value(QStringLiteral("FragmentPath"));
    // "Tue 2026-12-01 08:12:03 UTC"; empty or "n/a" when it never started.
    const QString ts = p.value(QStringLiteral("ActiveEnterTimestamp"));
    const QStringList parts = ts.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() >= 3) {
        s.lastStart =
            QDateTime::fromString(parts.at(1) + QLatin1Char(' ') + parts.at(2), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (parts.size() >= 4 && parts.at(3) == QLatin1String("UTC"))
            s.lastStart.setTimeSpec(Qt::UTC);
    }
    return s;
}

QString BootStatus::summary() const
{
    if (!known)
        return Text::tr("Prod on boot: unknown (%1)").arg(error.isEmpty() ? Text::tr("no answer") : error);
    if (!installed)
        return managerDown ? Text::tr("Prod starts on boot: not installed (systemd is not running on this system now)")
                           : Text::tr("Prod starts on boot: not installed");
    QString s = enabled ? Text::tr("Prod starts on boot: enabled") : Text::tr("Prod on boot: installed, not enabled");
    if (managerDown)
        return s + Text::tr(" (systemd is not running on this system now)");
    if (activeState == QLatin1String("failed"))
        s += Text::tr(" · last start failed (%1)").arg(result.isEmpty() ? activeState : result);
    else if (lastStart.isValid())
        s += Text::tr(" · last start %1, %2")
                 .arg(lastStart.toLocalTime().toString(QStringLiteral("HH:mm")),
                      result == QLatin1String("success") || result.isEmpty() ? Text::tr("succeeded") : result);
    else if (activeState == QLatin1String("activating"))
        s += Text::tr(" · starting");
    return s;
}

// ---------------------------------------------------------------- systemd

QString SystemdBackend::unitName(const BootEnvironment &env) const
{
    return QStringLiteral("postdodjango-%1.service").arg(env.stackName);
}

QString SystemdBackend::unitPath(const BootEnvironment &env) const
{
    return env.systemRoot + QStringLiteral("/etc/systemd/system/") + unitName(env);
}

QString SystemdBackend::render(const BootEnvironment &env, QString *error) const
{
    // compose/run is the one generator of the unit (run.service, paths escaped).
    const Run r =
        run(QStringLiteral("/bin/sh"),
            {QDir(env.stackDir).filePath(QStringLiteral("run")), QStringLiteral("-7"), QStringLiteral("print")},
            env.env, {}, 60000);
    if (r.exitCode != 0) {
        if (error)
            *error = Text::tr("run -7 print failed: %1").arg(r.text());
        return {};
    }
    return QString::fromUtf8(r.out);
}

BootStatus SystemdBackend::readStatus(const BootEnvironment &env) const
{
    BootStatus s;
    const QString name = unitName(env);
    if (!env.systemRoot.isEmpty()) {
        // No running manager to ask: the files and `systemctl --root` say it.
        s.known = true;
        s.installed = QFileInfo::exists(unitPath(env));
        const Run r =
            run(env.systemctl, {QStringLiteral("--root=") + env.systemRoot, QStringLiteral("is-enabled"), name},
                env.env, {}, 30000);
        s.enabled = QString::fromUtf8(r.out).trimmed() == QLatin1String("enabled");
        s.unitPath = s.installed ? unitPath(env) : QString();
        return s;
    }
    const Run r = run(env.systemctl,
                      {QStringLiteral("show"), QStringLiteral("-p"),
                       QStringLiteral("LoadState,UnitFileState,ActiveState,SubState,Result,ExecMainStatus,"
                                      "ActiveEnterTimestamp,FragmentPath"),
                       name},
                      env.env, {}, 30000);
    if (r.started && r.exitCode != 0 && !QFileInfo::exists(QStringLiteral("/run/systemd/system"))) {
        // Not booted with systemd (a container, WSL without it): the unit
        // files still say whether prod would start at the next real boot.
        s.known = true;
        s.managerDown = true;
        s.installed = QFileInfo::exists(unitPath(env));
        s.unitPath = s.installed ? unitPath(env) : QString();
        const Run e = run(env.systemctl, {QStringLiteral("is-enabled"), name}, env.env, {}, 30000);
        s.enabled = QString::fromUtf8(e.out).trimmed() == QLatin1String("enabled");
        return s;
    }
    if (!r.started || r.exitCode != 0) {
        s.error = r.started ? r.text().section(QLatin1Char('\n'), 0, 0) : Text::tr("systemctl is not installed");
        return s;
    }
    s = BootStatus::fromSystemctlShow(r.out);
    return s;
}

BootBackend::Outcome SystemdBackend::install(const BootEnvironment &env) const
{
    QString error;
    const QString unit = render(env, &error);
    if (unit.isEmpty())
        return {false, error};
    return runHelper(env, {QStringLiteral("install"), unitName(env)}, unit.toUtf8());
}

BootBackend::Outcome SystemdBackend::remove(const BootEnvironment &env) const
{
    return runHelper(env, {QStringLiteral("remove"), unitName(env)});
}

BootBackend::Outcome SystemdBackend::startStop(const BootEnvironment &env, bool start) const
{
    return runHelper(env, {start ? QStringLiteral("start") : QStringLiteral("stop"), unitName(env)});
}

QStringList SystemdBackend::logCommand(const BootEnvironment &env, bool follow) const
{
    QStringList cmd{env.journalctl,
                    QStringLiteral("-u"),
                    unitName(env),
                    QStringLiteral("-n"),
                    QStringLiteral("200"),
                    QStringLiteral("-o"),
                    QStringLiteral("short-iso"),
                    QStringLiteral("--no-pager")};
    if (follow)
        cmd << QStringLiteral("-f");
    return cmd;
}

// ---------------------------------------------------------------- launchd

QString LaunchdBackend::label(const BootEnvironment &env) const
{
    return QStringLiteral("org.postdodjango.%1").arg(env.stackName);
}

QString LaunchdBackend::unitName(const BootEnvironment &env) const
{
    return label(env);
}

QString LaunchdBackend::unitPath(const BootEnvironment &env) const
{
    return QDir(env.launchAgentsDir).filePath(label(env) + QStringLiteral(".plist"));
}

// A LaunchAgent (Docker Desktop only runs after login): absolute paths, Homebrew's
// and Docker Desktop's bin folders on PATH, and a wait for the Docker socket
// before run -0. The run path is an argument of the script, never spliced in.
QString LaunchdBackend::render(const BootEnvironment &env, QString *) const
{
    static const char kWait[] =
        "for i in $(seq 1 180); do "
        "[ -S \"$HOME/.docker/run/docker.sock\" ] || [ -S /var/run/docker.sock ] && break; sleep 1; done; "
        "exec /bin/sh \"$1\" -0";
    QString xml;
    QXmlStreamWriter w(&xml);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeDTD(QStringLiteral("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                              "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">"));
    w.writeStartElement(QStringLiteral("plist"));
    w.writeAttribute(QStringLiteral("version"), QStringLiteral("1.0"));
    w.writeStartElement(QStringLiteral("dict"));
    const auto key = [&w](const QString &k, const QString &v) {
        w.writeTextElement(QStringLiteral("key"), k);
        w.writeTextElement(QStringLiteral("string"), v);
    };
    const QString dir = QDir(env.stackDir).absolutePath();
    key(QStringLiteral("Label"), label(env));
    w.writeTextElement(QStringLiteral("key"), QStringLiteral("ProgramArguments"));
    w.writeStartElement(QStringLiteral("array"));
    for (const QString &a : {QStringLiteral("/bin/sh"), QStringLiteral("-c"), QString::fromLatin1(kWait),
                             QStringLiteral("postdodjango-boot"), dir + QStringLiteral("/run")})
        w.writeTextElement(QStringLiteral("string"), a);
    w.writeEndElement();
    key(QStringLiteral("WorkingDirectory"), dir);
    w.writeTextElement(QStringLiteral("key"), QStringLiteral("EnvironmentVariables"));
    w.writeStartElement(QStringLiteral("dict"));
    key(QStringLiteral("PATH"),
        QStringLiteral("/usr/local/bin:/opt/homebrew/bin:/Applications/Docker.app/Contents/"
                       "Resources/bin:/usr/bin:/bin:/usr/sbin:/sbin"));
    w.writeEndElement();
    w.writeTextElement(QStringLiteral("key"), QStringLiteral("RunAtLoad"));
    w.writeEmptyElement(QStringLiteral("true"));
    const QString log = QDir(env.logDir).filePath(env.stackName + QStringLiteral(".log"));
    key(QStringLiteral("StandardOutPath"), log);
    key(QStringLiteral("StandardErrorPath"), log);
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return xml;
}

BootStatus LaunchdBackend::readStatus(const BootEnvironment &env) const
{
    BootStatus s;
    s.installed = QFileInfo::exists(unitPath(env));
    s.unitPath = s.installed ? unitPath(env) : QString();
    const Run r =
        run(env.launchctl, {QStringLiteral("print"), QStringLiteral("gui/%1/%2").arg(env.uid).arg(label(env))}, env.env,
            {}, 30000);
    s.known = r.started;
    if (!r.started) {
        s.error = Text::tr("launchctl is not available");
        return s;
    }
    s.enabled = s.installed && r.exitCode == 0; // loaded: runs at each login
    for (const QString &line : QString::fromUtf8(r.out).split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (t.startsWith(QLatin1String("state = ")))
            s.activeState = t.mid(8);
        else if (t.startsWith(QLatin1String("last exit code = "))) {
            s.execMainStatus = t.mid(17).toInt();
            s.result = s.execMainStatus == 0 ? QStringLiteral("success") : QStringLiteral("exit-code");
        }
    }
    return s;
}

BootBackend::Outcome LaunchdBackend::install(const BootEnvironment &env) const
{
    QDir().mkpath(env.launchAgentsDir);
    QDir().mkpath(env.logDir);
    QSaveFile f(unitPath(env));
    if (!f.open(QIODevice::WriteOnly))
        return {false, Text::tr("%1 cannot be written: %2").arg(unitPath(env), f.errorString())};
    f.write(render(env, nullptr).toUtf8());
    if (!f.commit())
        return {false, Text::tr("%1 cannot be written: %2").arg(unitPath(env), f.errorString())};
    const Run r = run(env.launchctl,
                      {QStringLiteral("bootstrap"), QStringLiteral("gui/%1").arg(env.uid), unitPath(env)}, env.env);
    if (r.exitCode != 0)
        return {false, Text::tr("launchctl bootstrap failed: %1").arg(r.text())};
    return {true, Text::tr("Installed %1; prod starts at each login.").arg(unitPath(env))};
}

BootBackend::Outcome LaunchdBackend::remove(const BootEnvironment &env) const
{
    run(env.launchctl, {QStringLiteral("bootout"), QStringLiteral("gui/%1/%2").arg(env.uid).arg(label(env))}, env.env);
    if (QFileInfo::exists(unitPath(env)) && !QFile::remove(unitPath(env)))
        return {false, Text::tr("%1 cannot be removed.").arg(unitPath(env))};
    return {true, Text::tr("Removed %1; the stack's volumes are kept.").arg(unitPath(env))};
}

BootBackend::Outcome LaunchdBackend::startStop(const BootEnvironment &env, bool start) const
{
    const QString target = QStringLiteral("gui/%1/%2").arg(env.uid).arg(label(env));
    const Run r = start
        ? run(env.launchctl, {QStringLiteral("kickstart"), target}, env.env)
        : run(QStringLiteral("/bin/sh"),
              {QDir(env.stackDir).filePath(QStringLiteral("run")), QStringLiteral("-5"), QStringLiteral("prod")},
              env.env);
    if (r.exitCode != 0)
        return {false, r.text()};
    return {true, QString()};
}

QStringList LaunchdBackend::logCommand(const BootEnvironment &env, bool follow) const
{
    return {QStringLiteral("tail"), QStringLiteral("-n"), QStringLiteral("200"),
            follow ? QStringLiteral("-F") : QStringLiteral("-q"),
            QDir(env.logDir).filePath(env.stackName + QStringLiteral(".log"))};
}

// ---------------------------------------------------------------- service

BootService::Kind BootService::native()
{
#ifdef Q_OS_MACOS
    return Kind::Launchd;
#else
    return Kind::Systemd;
#endif
}

BootService::BootService(Kind kind, const BootEnvironment &env, QObject *parent)
    : QObject(parent), m_kind(kind), m_env(env)
{
    if (kind == Kind::Launchd)
        m_backend = std::make_shared<LaunchdBackend>();
    else
        m_backend = std::make_shared<SystemdBackend>();
}

BootService::~BootService() = default;

async::Worker &BootService::worker()
{
    if (!m_worker)
        m_worker = std::make_unique<async::Worker>(QStringLiteral("boot"));
    return *m_worker;
}

void BootService::setEnvironment(const BootEnvironment &env)
{
    const bool changed = env.stackDir != m_env.stackDir || env.stackName != m_env.stackName;
    m_env = env;
    if (changed)
        refresh();
}

void BootService::refresh()
{
    const quint64 generation = m_generation.next();
    async::run(
        worker(), async::Target(this), [backend = m_backend, env = m_env] { return backend->readStatus(env); },
        [this, generation](const BootStatus &s) {
            if (!m_generation.isCurrent(generation))
                return;
            m_status = s;
            Q_EMIT statusChanged();
        });
}

Job *BootService::action(const QString &title, Verb verb)
{
    auto *job = new Job(title, this);
    Q_EMIT jobStarted(job);
    if ((verb == Verb::Start || verb == Verb::Stop) && !m_status.installed) {
        job->reportFailed(verb == Verb::Start ? Text::tr("The boot service is not installed; install it first.")
                                              : Text::tr("The boot service is not installed."));
        return job;
    }
    const Job::Reporter report = job->reporter();
    report.started();
    report.progress(
        -1, ::geteuid() == 0 ? Text::tr("Running the boot helper") : Text::tr("Asking for permission (pkexec)"));
    async::run(
        worker(), async::Target(job),
        [backend = m_backend, env = m_env, verb, report] {
            BootBackend::Outcome o;
            switch (verb) {
            case Verb::Install: o = backend->install(env); break;
            case Verb::Remove: o = backend->remove(env); break;
            case Verb::Start:
            case Verb::Stop: o = backend->startStop(env, verb == Verb::Start); break;
            }
            if (!o.message.isEmpty())
                report.log(o.message);
            return o;
        },
        [this, job](const BootBackend::Outcome &o) {
            if (o.ok)
                job->reportSucceeded();
            else
                job->reportFailed(o.message);
            refresh();
        });
    return job;
}

Job *BootService::install()
{
    return action(Text::tr("Install boot service %1").arg(unitName()), Verb::Install);
}

Job *BootService::remove()
{
    return action(Text::tr("Remove boot service %1").arg(unitName()), Verb::Remove);
}

Job *BootService::start()
{
    return action(Text::tr("Start %1").arg(unitName()), Verb::Start);
}

Job *BootService::stop()
{
    return action(Text::tr("Stop %1").arg(unitName()), Verb::Stop);
}
