#include "NewStack.h"

#include "ProjectLocator.h"
#include "StackLog.h"
#include "compose/EnvFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(NewStack)
};

// What the template's .gitignore keeps out of a stack, and so out of a copy.
bool skipped(const QString &name)
{
    static const QStringList names{QStringLiteral(".env"), QStringLiteral(".venv"),       QStringLiteral("backups"),
                                   QStringLiteral("tls"),  QStringLiteral("__pycache__"), QStringLiteral("staticfiles"),
                                   QStringLiteral(".git")};
    return names.contains(name) || name.endsWith(QLatin1String(".pyc"));
}

// Removes what create() put into `dir`, leaving it as it was found.
void undo(const QString &dir, bool existed)
{
    QDir d(dir);
    if (!existed) {
        d.removeRecursively();
        return;
    }
    const QFileInfoList entries =
        d.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &e : entries) {
        if (e.isDir() && !e.isSymLink())
            QDir(e.absoluteFilePath()).removeRecursively();
        else
            QFile::remove(e.absoluteFilePath());
    }
}

QString copyTree(const QString &from, const QString &to, const NewStack::Hooks &hooks)
{
    QDirIterator it(from, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    const QDir source(from);
    int files = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = source.relativeFilePath(path);
        bool skip = false;
        for (const QString &part : relative.split(QLatin1Char('/')))
            skip = skip || skipped(part);
        if (skip)
            continue;
        if (hooks.cancelled())
            return Text::tr("Cancelled.");
        const QFileInfo info = it.fileInfo();
        const QString target = QDir(to).filePath(relative);
        if (info.isDir()) {
            if (!QDir().mkpath(target))
                return Text::tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(target));
            continue;
        }
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(path, target))
            return Text::tr("Could not copy %1 (disk full, or no permission?).").arg(QDir::toNativeSeparators(target));
        QFile::setPermissions(target, info.permissions());
        ++files;
    }
    hooks.log(Text::tr("Copied %n file(s) of the template.", "", files));
    return {};
}

// Runs a program in `dir`, its output into the log, polling for cancel.
QString runIn(const QString &dir, const QString &program, const QStringList &args, const NewStack::Hooks &hooks,
              const QString &what)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return Text::tr("%1 could not be started: is it installed?").arg(program);
    QString lastLine;
    while (!p.waitForFinished(100)) {
        if (hooks.cancelled()) {
            p.kill();
            p.waitForFinished(5000);
            return Text::tr("Cancelled.");
        }
        while (p.canReadLine()) {
            lastLine = QString::fromUtf8(p.readLine()).trimmed();
            hooks.log(lastLine);
        }
    }
    while (p.canReadLine() || p.bytesAvailable() > 0) {
        const QString line = QString::fromUtf8(p.canReadLine() ? p.readLine() : p.readAll()).trimmed();
        if (!line.isEmpty()) {
            lastLine = line;
            hooks.log(line);
        }
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        // run's last line is its one sentence; say it without the "run: " in front.
        lastLine.remove(QRegularExpression(QStringLiteral("^run: ")));
        return lastLine.isEmpty() ? Text::tr("%1 failed (exit code %2).").arg(what).arg(p.exitCode()) : lastLine;
    }
    return {};
}
} // namespace

namespace NewStack {

QStringList portKeys()
{
    return {QStringLiteral("DEV_WEB_PORT"), QStringLiteral("DEV_HOST_WEB_PORT"), QStringLiteral("DEV_DB_PORT"),
            QStringLiteral("PGADMIN_PORT"), QStringLiteral("PROD_HTTP_PORT"),    QStringLiteral("PROD_HTTPS_PORT")};
}

QString templateDir(const QString &binaryDir)
{
    QStringList candidates;
    if (qEnvironmentVariableIsSet("PDD_STACK_TEMPLATE"))
        candidates << qEnvironmentVariable("PDD_STACK_TEMPLATE");
    candidates << QDir(binaryDir).absoluteFilePath(QStringLiteral("../share/postdodjango/stack"));
    for (QDir d(binaryDir); !d.isRoot(); d.cdUp())
        candidates << d.absoluteFilePath(QStringLiteral("compose"));
    for (const QString &c : candidates) {
        if (ProjectLocator::isStackDir(c) && QFileInfo::exists(QDir(c).filePath(QStringLiteral(".env.example"))))
            return QDir(c).canonicalPath();
    }
    return {};
}

QString nameProblem(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9_-]*$"));
    if (name.isEmpty())
        return Text::tr("The stack needs a name.");
    if (!valid.match(name).hasMatch())
        return Text::tr("\"%1\" is not a valid stack name: use lowercase letters, digits, '-' and '_', starting "
                        "with a letter or a digit.")
            .arg(name);
    return {};
}

QString folderProblem(const QString &dir)
{
    if (dir.trimmed().isEmpty())
        return Text::tr("Choose a folder for the new stack.");
    const QFileInfo info(dir);
    if (info.exists() && !info.isDir())
        return Text::tr("%1 is a file, not a folder.").arg(QDir::toNativeSeparators(dir));
    if (info.exists()) {
        if (!QDir(dir).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
            return Text::tr("%1 is not empty: a new stack goes into an empty folder, so nothing of yours is "
                            "overwritten.")
                .arg(QDir::toNativeSeparators(dir));
        if (!info.isWritable())
            return Text::tr("%1 is not writable for you.").arg(QDir::toNativeSeparators(dir));
        return {};
    }
    // A folder to be made: its nearest existing parent must be writable.
    QFileInfo parent(info.absolutePath());
    while (!parent.exists() && !parent.isRoot())
        parent = QFileInfo(parent.absolutePath());
    if (!parent.isDir() || !parent.isWritable())
        return Text::tr("%1 cannot be created: %2 is not writable for you.")
            .arg(QDir::toNativeSeparators(dir), QDir::toNativeSeparators(parent.absoluteFilePath()));
    return {};
}

QString suggestedName(const QString &dir)
{
    QString name = QFileInfo(QDir::cleanPath(dir)).fileName().toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9_-]+")), QStringLiteral("-"));
    name.remove(QRegularExpression(QStringLiteral("^[-_]+")));
    name.remove(QRegularExpression(QStringLiteral("-+$")));
    return name.isEmpty() ? QStringLiteral("postdodjango") : name;
}

QMap<QString, int> templatePorts(const QString &templateDir)
{
    const EnvFile env = EnvFile::load(QDir(templateDir).filePath(QStringLiteral(".env.example")));
    QMap<QString, int> ports;
    for (const QString &key : portKeys())
        ports.insert(key, env.fileValue(key).toInt());
    return ports;
}

QSet<int> declaredPorts(const QStringList &stackDirs)
{
    QSet<int> ports;
    for (const QString &dir : stackDirs) {
        const EnvFile env = EnvFile::load(QDir(dir).filePath(QStringLiteral(".env")));
        for (const QString &key : portKeys()) {
            const int p = env.fileValue(key).toInt();
            if (p > 0)
                ports.insert(p);
        }
    }
    return ports;
}

bool portFree(int port)
{
    QTcpServer probe;
    if (probe.listen(QHostAddress::Any, quint16(port)))
        return true;
    // Only "in use" means taken: a privileged port refused to a normal user is
    // still free for the engine, which binds it as root.
    return probe.serverError() != QAbstractSocket::AddressInUseError;
}

QMap<QString, int> freePorts(const QMap<QString, int> &wanted, const QSet<int> &taken)
{
    QMap<QString, int> chosen;
    QSet<int> used = taken;
    for (const QString &key : portKeys()) {
        int port = wanted.value(key) > 0 ? wanted.value(key) : 8000;
        while (port < 65535 && (used.contains(port) || !portFree(port)))
            ++port;
        chosen.insert(key, port);
        used.insert(port);
    }
    return chosen;
}

QString create(const Settings &settings, const QString &templateDir, const Hooks &hooks)
{
    if (templateDir.isEmpty())
        return Text::tr("The stack template was not found (reinstall PostDoDjango, or set PDD_STACK_TEMPLATE).");
    QString problem = folderProblem(settings.dir);
    if (problem.isEmpty())
        problem = nameProblem(settings.name);
    if (!problem.isEmpty())
        return problem;
    const bool existed = QFileInfo::exists(settings.dir);
    if (!existed && !QDir().mkpath(settings.dir))
        return Text::tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(settings.dir));
    const QString dir = QDir(settings.dir).absolutePath();
    hooks.log(Text::tr("Copying the template from %1").arg(QDir::toNativeSeparators(templateDir)));
    QString error = copyTree(templateDir, dir, hooks);
    if (error.isEmpty()) {
        QStringList args{QDir(dir).filePath(QStringLiteral("run")), QStringLiteral("--init-env"),
                         QStringLiteral("STACK_NAME=") + settings.name};
        for (auto it = settings.ports.cbegin(); it != settings.ports.cend(); ++it)
            args << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
        error = runIn(dir, QStringLiteral("sh"), args, hooks, QStringLiteral("run --init-env"));
    }
    if (error.isEmpty() && settings.initGit) {
        error = runIn(dir, QStringLiteral("git"), {QStringLiteral("init"), QStringLiteral("-q")}, hooks,
                      QStringLiteral("git init"));
        if (error.isEmpty())
            error = runIn(dir, QStringLiteral("git"), {QStringLiteral("add"), QStringLiteral("-A")}, hooks,
                          QStringLiteral("git add"));
        if (error.isEmpty())
            hooks.log(Text::tr("A git repository was initialised; .env, backups and virtualenvs stay out of it "
                               "(.gitignore)."));
    }
    if (!error.isEmpty()) {
        qCInfo(lcStack) << "new stack in" << dir << "failed:" << error;
        undo(dir, existed);
        return error;
    }
    qCInfo(lcStack) << "new stack" << settings.name << "in" << dir;
    return {};
}

} // namespace NewStack
