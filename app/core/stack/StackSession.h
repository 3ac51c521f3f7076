#pragma once

#include "engine/ContainerState.h"
#include "engine/EngineEndpoint.h"
#include "stack/EdgeCertificate.h"
#include "stack/StackMode.h"
#include "stack/StackProject.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

class BackupService;
class ContainerListModel;
class BootService;
class EngineMonitor;
struct PullFailure;
class ImageService;
class Job;
class JobListModel;
class StackController;
class SwarmMonitor;
class SwarmServiceModel;
class SwarmTaskModel;
class VolumeListModel;

// The app's core objects for one stack folder, created and wired in one place:
// the project's files (watched, reloaded on change), the chosen mode, the
// engine feed, the compose/run controller and the list models the views show.
// No widgets: tests create it without a window, and MainWindow only presents
// it. Mode changes and reloads take one path (present()), so the containers,
// volumes, problems and database defaults never disagree with the files.
class StackSession : public QObject
{
    Q_OBJECT
public:
    StackSession(const QString &projectDir, const EngineEndpoint &endpoint, QObject *parent = nullptr);
    ~StackSession() override;

    const StackProject &project() const { return m_project; }
    const EngineEndpoint &endpoint() const { return m_endpoint; }
    StackMode mode() const { return m_mode; }

    EngineMonitor *monitor() const { return m_monitor; }
    StackController *controller() const { return m_stack; }
    JobListModel *jobs() const { return m_jobs; }
    ContainerListModel *containers() const { return m_containers; }
    VolumeListModel *volumes() const { return m_volumes; }
    // Build and push of the web image; its spec follows the files and the mode.
    ImageService *images() const { return m_images; }
    // Start prod on boot (systemd or launchd); its unit name follows STACK_NAME.
    BootService *boot() const { return m_boot; }
    // The shown mode's backups and Django migrations (compose/run -8).
    BackupService *backups() const { return m_backups; }
    // Docker Swarm (compose/run -9): the engine's swarm, and this stack's
    // services and tasks (namespace swarmStackName()).
    SwarmMonitor *swarm() const { return m_swarm; }
    SwarmServiceModel *swarmServices() const { return m_swarmServices; }
    SwarmTaskModel *swarmTasks() const { return m_swarmTasks; }
    // `<STACK_NAME>-swarm`, what compose/run -9 deploys.
    QString swarmStackName() const;

    // Starts the engine feed (when the endpoint is usable); separate from
    // construction so the first paint waits for nothing.
    void startMonitoring();
    void stop();

    void setMode(StackMode mode);
    // Re-reads .env and the compose files (also done by itself when they change).
    void reload();

    bool engineAvailable() const;
    // Empty, or why the engine cannot be used (unreachable, unsupported API).
    QString engineProblem() const { return m_engineProblem; }
    // Where the running containers of this stack's name were started from,
    // when that is not this folder (issue 9.8); empty otherwise.
    QString otherFolder() const;
    // Everything the user must know before acting, one sentence each: the
    // engine, broken compose files, a base image that could not be pulled on
    // the last Up (until the next compose/run starts), another folder's containers.
    QStringList problems() const;
    // While compose/run runs, Up and Down wait.
    bool busy() const;
    // Prod with TLS on: the certificate the running NGINX presents (read again
    // after each compose/run job, on every reload and once a minute); null
    // otherwise. problems() warns EdgeCertificate::warnDays before it expires.
    const EdgeCertificate &edgeCertificate() const { return m_certificate; }
    void readCertificate();
    // The dev database as compose/.env publishes it on loopback.
    StackProject::DbDefaults devDatabase() const { return m_project.devDatabase(); }

    Job *up();
    Job *down();
    // The container shown at the given row of containers(); null when there is none.
    Job *containerAction(int row, ContainerAction action);
    // compose/run -9 deploy | scale N | remove (keeps volumes and secrets).
    Job *swarmDeploy();
    Job *swarmScale(int replicas);
    Job *swarmRemove();
    void refreshVolumes();
    // Shows a Job of any area (database exports, ...) in the Activity list.
    void track(Job *job);

Q_SIGNALS:
    // After a reload or a mode change was presented: project(), mode(), the
    // models and devDatabase() are consistent again.
    void presented();
    void modeChanged(StackMode mode);
    // problems() may read differently.
    void problemsChanged();
    // After the models took the engine's state in (or lost it).
    void availabilityChanged(bool available);
    // A Job started or ended, so busy() or an action's availability may differ.
    void jobsChanged();
    // edgeCertificate() was read again (or cleared).
    void certificateChanged();

private:
    void present();
    void watchFiles();
    void onAvailabilityChanged(bool available, const QString &reason);
    QString pullProblem(const PullFailure &failure) const;

    StackProject m_project;
    EngineEndpoint m_endpoint;
    StackMode m_mode = StackMode::Dev;
    QString m_engineProblem;
    QString m_otherFolderSeen;
    QString m_pullProblem;

    EngineMonitor *m_monitor = nullptr;
    StackController *m_stack = nullptr;
    JobListModel *m_jobs = nullptr;
    ContainerListModel *m_containers = nullptr;
    VolumeListModel *m_volumes = nullptr;
    ImageService *m_images = nullptr;
    BootService *m_boot = nullptr;
    BackupService *m_backups = nullptr;
    SwarmMonitor *m_swarm = nullptr;
    SwarmServiceModel *m_swarmServices = nullptr;
    SwarmTaskModel *m_swarmTasks = nullptr;
    QFileSystemWatcher m_watcher;
    QTimer m_reloadDebounce;
    QTimer m_uptimeTick;
    CertificateProbe *m_certificateProbe = nullptr;
    EdgeCertificate m_certificate;
    QTimer m_certificateTick;
};
