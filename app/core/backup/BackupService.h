#pragma once

#include "backup/BackupEntry.h"
#include "backup/MigrationPlan.h"
#include "jobs/Async.h"
#include "stack/StackMode.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

class BackupListModel;
class Job;

// The Backups tab's core: the shown mode's backups (compose/backups/<mode>,
// read on the "backups" worker) and its Django migrations, and the Jobs that
// change them. Every operation is a compose/run -8 flag through the injected
// script runner (StackController::runScript in the app), so the script stays
// the one implementation of dumping, checking and restoring; the app adds the
// list, the progress and the typed confirmation. GUI thread only.
class BackupService : public QObject
{
    Q_OBJECT
public:
    // title, compose/run arguments, expected steps → a running Job.
    using ScriptRunner = std::function<Job *(const QString &, const QStringList &, int)>;

    BackupService(ScriptRunner runner, QObject *parent = nullptr);
    ~BackupService() override;

    // The compose folder, STACK_NAME and the mode shown; a change reloads the list.
    void setStack(const QString &projectDir, const QString &stackName, StackMode mode);
    QString stackName() const { return m_stackName; }
    StackMode mode() const { return m_mode; }
    QString backupDir() const;

    BackupListModel *list() const { return m_list; }
    MigrationListModel *migrations() const { return m_migrations; }
    // The plan last read for this mode; nullopt before one was read (or after it failed).
    const std::optional<MigrationPlan> &plan() const { return m_plan; }
    QString planProblem() const { return m_planProblem; }

    void refresh();
    // Another compose/run job ended (Up, Down...): the folder may hold a new
    // pre-migration backup and the plan may have changed.
    void stackJobFinished(Job *job);

    Job *backupNow();
    // confirmation: for prod, the stack name the user typed (compose/run checks it again).
    Job *restore(const QString &path, const QString &confirmation = {});
    Job *verify(const QString &path);
    Job *loadMigrations();
    // Deletes the dump and its sidecar on the backups worker, then reloads the list.
    void remove(const QString &path);

    bool busy() const { return !m_running.isNull(); }

    // A start refused because the database volume holds an older PostgreSQL
    // major than POSTGRES_IMAGE runs: compose/run's sentence names the image and
    // the mode, and the tab offers the upgrade. Cleared once it succeeded.
    struct UpgradeOffer
    {
        QString image;
        StackMode mode = StackMode::Dev;
        QString reason; // the script's sentence
    };
    static std::optional<UpgradeOffer> parseUpgradeOffer(const QString &error);
    const std::optional<UpgradeOffer> &upgradeOffer() const { return m_upgrade; }
    // run -8 upgrade-postgres IMAGE MODE for the offer (prod: after the typed confirmation).
    Job *upgradePostgres();

Q_SIGNALS:
    void listChanged();
    void planChanged();
    void busyChanged(bool busy);
    void upgradeOfferChanged();
    void removeFailed(const QString &path, const QString &error);

private:
    Job *start(const QString &title, const QStringList &args, int steps = 0);
    void onFinished(Job *job, const QStringList &args);

    ScriptRunner m_runner;
    QString m_projectDir;
    QString m_stackName;
    StackMode m_mode = StackMode::Dev;
    BackupListModel *m_list;
    MigrationListModel *m_migrations;
    std::optional<MigrationPlan> m_plan;
    std::optional<UpgradeOffer> m_upgrade;
    QString m_planProblem;
    std::unique_ptr<async::Worker> m_worker;
    async::Generation m_scan;
    QPointer<Job> m_running;
    QSet<Job *> m_ours; // compared, never dereferenced
};
