#include "BackupService.h"

#include "BackupListModel.h"
#include "BackupLog.h"
#include "jobs/Job.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcBackup, "pdd.backup", QtWarningMsg)

BackupService::BackupService(ScriptRunner runner, QObject *parent)
    : QObject(parent), m_runner(std::move(runner)), m_list(new BackupListModel(this)),
      m_migrations(new MigrationListModel(this)), m_worker(std::make_unique<async::Worker>(QStringLiteral("backups")))
{
}

BackupService::~BackupService() = default;

void BackupService::setStack(const QString &projectDir, const QString &stackName, StackMode mode)
{
    if (projectDir == m_projectDir && stackName == m_stackName && mode == m_mode)
        return;
    const bool modeChanged = mode != m_mode || stackName != m_stackName;
    m_projectDir = projectDir;
    m_stackName = stackName;
    m_mode = mode;
    if (modeChanged) {
        m_plan.reset();
        m_planProblem.clear();
        m_migrations->clear();
        Q_EMIT planChanged();
    }
    refresh();
}

QString BackupService::backupDir() const
{
    return QDir(m_projectDir).filePath(QStringLiteral("backups/") + StackModes::key(m_mode));
}

void BackupService::refresh()
{
    if (m_projectDir.isEmpty())
        return;
    const quint64 gen = m_scan.next();
    const QString dir = backupDir();
    async::run(
        *m_worker, this, [dir] { return Backups::scan(dir); },
        [this, gen](QList<BackupEntry> entries) {
            if (!m_scan.isCurrent(gen))
                return;
            qCDebug(lcBackup) << "scanned" << backupDir() << ":" << entries.size() << "backups";
            m_list->setEntries(std::move(entries));
            Q_EMIT listChanged();
        });
}

Job *BackupService::start(const QString &title, const QStringList &args, int steps)
{
    Job *job = m_runner(title, args, steps);
    if (!job)
        return nullptr;
    qCDebug(lcBackup) << "run" << args;
    m_running = job;
    m_ours.insert(job);
    connect(job, &QObject::destroyed, this, [this, job] { m_ours.remove(job); });
    Q_EMIT busyChanged(true);
    connect(job, &Job::finished, this, [this, job, args] { onFinished(job, args); });
    return job;
}

void BackupService::onFinished(Job *job, const QStringList &args)
{
    const QString verb = args.value(1);
    if (verb == QLatin1String("verify")) {
        const QString path = args.value(2);
        if (job->state() == Job::State::Succeeded)
            m_list->setChecksum(path, BackupEntry::Checksum::Good);
        else if (job->state() == Job::State::Failed && job->errorString().contains(QLatin1String("refused")))
            m_list->setChecksum(path, BackupEntry::Checksum::Bad);
    } else if (verb == QLatin1String("upgrade-postgres") || verb == QLatin1String("restore")) {
        if (verb == QLatin1String("upgrade-postgres") && job->state() == Job::State::Succeeded) {
            m_upgrade.reset();
            Q_EMIT upgradeOfferChanged();
        }
        // Another database now (or the db started): what Django sees is read again.
        m_plan.reset();
        m_planProblem.clear();
    } else if (verb == QLatin1String("migrations")) {
        if (job->state() == Job::State::Succeeded) {
            m_plan = MigrationPlan::fromRunOutput(job->log());
            m_planProblem = m_plan ? QString() : tr("compose/run printed no migration plan.");
        } else {
            m_plan.reset();
            m_planProblem = job->errorString();
        }
        m_migrations->setPlan(m_plan.value_or(MigrationPlan{}));
        Q_EMIT planChanged();
    }
    if (m_running == job)
        m_running.clear();
    Q_EMIT busyChanged(false);
    if (!m_plan && m_planProblem.isEmpty())
        Q_EMIT planChanged(); // stale: once no longer busy, so a visible tab reads it again
    refresh();
}

std::optional<BackupService::UpgradeOffer> BackupService::parseUpgradeOffer(const QString &error)
{
    // "... holds PostgreSQL 15 data, but POSTGRES_IMAGE=IMG runs PostgreSQL 17, which cannot
    // open it. Upgrade it with: sh run -8 upgrade-postgres IMG dev (...)"
    static const QRegularExpression re(QStringLiteral("sh run -8 upgrade-postgres (\\S+) (dev|prod)\\b"));
    const QRegularExpressionMatch m = re.match(error);
    if (!m.hasMatch())
        return std::nullopt;
    UpgradeOffer offer;
    offer.image = m.captured(1);
    offer.mode = StackModes::parse(m.captured(2)).value_or(StackMode::Dev);
    offer.reason = error;
    return offer;
}

Job *BackupService::upgradePostgres()
{
    if (!m_upgrade)
        return nullptr;
    return start(
        tr("Upgrade PostgreSQL (%1)").arg(StackModes::key(m_upgrade->mode)),
        {QStringLiteral("-8"), QStringLiteral("upgrade-postgres"), m_upgrade->image, StackModes::key(m_upgrade->mode)});
}

void BackupService::stackJobFinished(Job *job)
{
    if (job == m_running || m_ours.contains(job))
        return;
    if (job->state() == Job::State::Failed) {
        if (auto offer = parseUpgradeOffer(job->errorString())) {
            m_upgrade = offer;
            Q_EMIT upgradeOfferChanged();
        }
    }
    m_plan.reset();
    m_planProblem.clear();
    Q_EMIT planChanged();
    refresh();
}

Job *BackupService::backupNow()
{
    return start(tr("Back up %1").arg(StackModes::key(m_mode)),
                 {QStringLiteral("-8"), QStringLiteral("backup"), StackModes::key(m_mode)});
}

Job *BackupService::restore(const QString &path, const QString &confirmation)
{
    QStringList args{QStringLiteral("-8"), QStringLiteral("restore"), path, StackModes::key(m_mode)};
    if (m_mode == StackMode::Prod)
        args << QStringLiteral("--yes-restore-prod=") + confirmation;
    return start(tr("Restore %1").arg(StackModes::key(m_mode)), args);
}

Job *BackupService::verify(const QString &path)
{
    return start(tr("Verify %1").arg(QFileInfo(path).fileName()),
                 {QStringLiteral("-8"), QStringLiteral("verify"), path});
}

Job *BackupService::loadMigrations()
{
    return start(
        tr("Migrations (%1)").arg(StackModes::key(m_mode)),
        {QStringLiteral("-8"), QStringLiteral("migrations"), StackModes::key(m_mode), QStringLiteral("--json")});
}

void BackupService::remove(const QString &path)
{
    const BackupEntry *found = nullptr;
    for (const BackupEntry &e : m_list->entries())
        if (e.path == path)
            found = &e;
    if (!found) {
        Q_EMIT removeFailed(path, tr("it is not one of the listed backups"));
        return;
    }
    async::run(
        *m_worker, this,
        [entry = *found] {
            QString error;
            return Backups::remove(entry, &error) ? QString() : error;
        },
        [this, path](const QString &error) {
            qCDebug(lcBackup) << "removed" << path << (error.isEmpty() ? "" : qPrintable(error));
            if (!error.isEmpty())
                Q_EMIT removeFailed(path, error);
            refresh();
        });
}
