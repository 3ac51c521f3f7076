#include "StackSession.h"

#include "StackLog.h"
#include "backup/BackupService.h"
#include "boot/BootService.h"
#include "engine/EngineMonitor.h"
#include "image/ImageService.h"
#include "jobs/JobListModel.h"
#include "stack/ContainerListModel.h"
#include "stack/PullFailure.h"
#include "stack/StackController.h"
#include "stack/VolumeListModel.h"
#include "swarm/SwarmModels.h"
#include "swarm/SwarmMonitor.h"

#include <QDir>
#include <QFileInfo>

#include <utility>

StackSession::StackSession(const QString &projectDir, const EngineEndpoint &endpoint, QObject *parent)
    : QObject(parent), m_project(projectDir), m_endpoint(endpoint)
{
    m_monitor = new EngineMonitor(endpoint, this);
    m_stack = new StackController(projectDir, this);
    m_jobs = new JobListModel(this);
    m_containers = new ContainerListModel(this);
    m_containers->setStateKnown(false); // until the engine first answers
    m_volumes = new VolumeListModel(this);
    m_images = new ImageService(endpoint, this);
    m_boot =
        new BootService(BootService::native(), BootEnvironment::forStack(m_project.dir(), m_project.stackName()), this);
    connect(m_boot, &BootService::jobStarted, this, &StackSession::track);
    connect(m_boot, &BootService::jobStarted, this,
            [this](Job *job) { connect(job, &Job::finished, this, &StackSession::jobsChanged); });
    m_backups = new BackupService([this](const QString &title, const QStringList &args,
                                         int steps) { return m_stack->runScript(title, args, steps); },
                                  this);
    connect(m_backups, &BackupService::upgradeOfferChanged, this, &StackSession::problemsChanged);
    m_swarm = new SwarmMonitor(endpoint, m_monitor, this);
    m_swarmServices = new SwarmServiceModel(this);
    m_swarmTasks = new SwarmTaskModel(this);
    connect(m_swarm, &SwarmMonitor::changed, this, [this] {
        m_swarmServices->setSnapshot(m_swarm->snapshot());
        m_swarmTasks->setSnapshot(m_swarm->snapshot());
    });
    m_engineProblem = endpoint.isUsable() ? QString() : endpoint.unsupportedReason;

    connect(m_monitor, &EngineMonitor::availabilityChanged, this, &StackSession::onAvailabilityChanged);
    connect(m_monitor, &EngineMonitor::containerChanged, m_containers, &ContainerListModel::updateContainer);
    connect(m_monitor, &EngineMonitor::containerRemoved, m_containers, &ContainerListModel::removeContainer);
    connect(m_monitor, &EngineMonitor::volumesChanged, m_volumes, &VolumeListModel::setVolumes);
    connect(m_stack, &StackController::jobStarted, this, &StackSession::track);
    connect(m_images, &ImageService::jobStarted, this, &StackSession::track);
    connect(m_images, &ImageService::jobFinished, this, &StackSession::jobsChanged);
    connect(m_stack, &StackController::jobStarted, this, [this] {
        // A new attempt: the last one's pull failure no longer describes the stack.
        if (!m_pullProblem.isEmpty()) {
            m_pullProblem.clear();
            Q_EMIT problemsChanged();
        }
    });
    connect(m_stack, &StackController::jobFinished, this, [this](Job *job) {
        m_backups->stackJobFinished(job);
        m_monitor->refreshVolumes();
        m_swarm->refresh();
        readCertificate();
        if (job->state() == Job::State::Failed) {
            if (const std::optional<PullFailure> f = PullFailure::parse(job->errorString())) {
                m_pullProblem = pullProblem(*f);
                Q_EMIT problemsChanged();
            }
        }
        Q_EMIT jobsChanged();
    });

    // Another folder's stack may start or stop at any time: the problems follow the rows.
    const auto followOtherFolder = [this] {
        const QString other = otherFolder();
        if (other != m_otherFolderSeen) {
            m_otherFolderSeen = other;
            Q_EMIT problemsChanged();
        }
    };
    connect(m_containers, &QAbstractItemModel::modelReset, this, followOtherFolder);
    connect(m_containers, &QAbstractItemModel::rowsInserted, this, followOtherFolder);
    connect(m_containers, &QAbstractItemModel::rowsRemoved, this, followOtherFolder);
    connect(m_containers, &QAbstractItemModel::dataChanged, this, followOtherFolder);
    connect(m_containers, &QAbstractItemModel::layoutChanged, this, followOtherFolder);

    // Edits to the compose file or .env show up (or clear a problem) without a restart.
    m_reloadDebounce.setSingleShot(true);
    m_reloadDebounce.setInterval(300);
    connect(&m_reloadDebounce, &QTimer::timeout, this, &StackSession::reload);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_reloadDebounce, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_reloadDebounce, qOverload<>(&QTimer::start));
    m_watcher.addPath(projectDir);
    watchFiles();

    // Uptime is derived from startedAt; repainting that column is not polling.
    m_uptimeTick.setInterval(1000);
    connect(&m_uptimeTick, &QTimer::timeout, m_containers, &ContainerListModel::refreshUptime);
    m_uptimeTick.start();

    m_certificateProbe = new CertificateProbe(this);
    connect(m_certificateProbe, &CertificateProbe::finished, this, [this](const EdgeCertificate &c) {
        const bool warned = !m_certificate.warning(QDateTime::currentDateTimeUtc()).isEmpty();
        m_certificate = c;
        qCDebug(lcStack) << "edge certificate" << c.subject << c.issuer << c.notAfter << c.error;
        Q_EMIT certificateChanged();
        if (warned || !c.warning(QDateTime::currentDateTimeUtc()).isEmpty())
            Q_EMIT problemsChanged();
    });
    // Certificates change rarely and outside the app (a renewal, run -0 in a
    // terminal): a loopback handshake a minute keeps the date true.
    m_certificateTick.setInterval(60 * 1000);
    connect(&m_certificateTick, &QTimer::timeout, this, &StackSession::readCertificate);
    m_certificateTick.start();

    present();
}

StackSession::~StackSession()
{
    // Whoever listened may be half destroyed by now (a window deleting its children).
    m_monitor->disconnect(this);
    disconnect();
    stop();
}

void StackSession::startMonitoring()
{
    if (m_endpoint.isUsable())
        m_monitor->start();
    m_images->start();
    m_boot->refresh();
}

void StackSession::stop()
{
    m_uptimeTick.stop();
    m_certificateTick.stop();
    m_certificateProbe->cancel();
    m_reloadDebounce.stop();
    m_monitor->stop();
}

void StackSession::setMode(StackMode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    qCDebug(lcStack) << "mode" << StackModes::key(mode);
    present();
    Q_EMIT modeChanged(mode);
}

void StackSession::reload()
{
    m_project.reload();
    watchFiles();
    qCDebug(lcStack) << "reloaded" << m_project.dir() << "problems:" << m_project.composeProblems().size();
    present();
}

// Editors replace files on save, which drops them from the watcher.
void StackSession::watchFiles()
{
    QStringList files{m_project.composeFile(), m_project.envFilePath()};
    for (StackMode mode : StackProject::modes())
        files << m_project.overlayFile(mode) << m_project.composeFiles(mode); // with prod's TLS overlay
    const QStringList watched = m_watcher.files();
    for (const QString &f : std::as_const(files)) {
        if (QFileInfo::exists(f) && !watched.contains(f))
            m_watcher.addPath(f);
    }
}

// The one path from (files, mode, engine snapshot) to what the models show.
void StackSession::present()
{
    m_containers->setProject(m_project.projectName(m_mode), m_project.services(m_mode), m_project.dir());
    m_containers->setContainers(m_monitor->containers());
    QMap<QString, QStringList> declared;
    for (StackMode mode : StackProject::modes())
        declared.insert(StackModes::key(mode), m_project.volumes(mode));
    m_volumes->setStack(m_project.stackName(), declared);
    m_volumes->setVolumes(m_monitor->volumes());
    const StackProject::WebImage web = m_project.webImage(m_mode);
    m_images->setSpecProblem(web.problem);
    m_images->setSpec(web.spec);
    if (m_boot->environment().stackName != m_project.stackName()) {
        BootEnvironment env = m_boot->environment();
        env.stackName = m_project.stackName();
        m_boot->setEnvironment(env);
    }
    m_backups->setStack(m_project.dir(), m_project.stackName(), m_mode);
    m_swarmServices->setStack(swarmStackName());
    m_swarmTasks->setStack(swarmStackName());
    m_otherFolderSeen = otherFolder();
    readCertificate();
    Q_EMIT presented();
    Q_EMIT problemsChanged();
}

void StackSession::readCertificate()
{
    const QUrl url = m_project.webUrl(m_mode);
    if (url.scheme() != QLatin1String("https")) {
        m_certificateProbe->cancel();
        if (!m_certificate.isNull() || !m_certificate.error.isEmpty()) {
            m_certificate = {};
            Q_EMIT certificateChanged();
        }
        return;
    }
    m_certificateProbe->probe(url.host(), quint16(url.port(443)));
}

void StackSession::onAvailabilityChanged(bool available, const QString &reason)
{
    m_engineProblem = available ? QString() : reason;
    m_containers->setStateKnown(available);
    if (available) {
        m_containers->setContainers(m_monitor->containers());
        m_volumes->setVolumes(m_monitor->volumes());
        m_monitor->refreshVolumes();
        m_images->refresh();
    }
    Q_EMIT problemsChanged();
    Q_EMIT availabilityChanged(available);
}

bool StackSession::engineAvailable() const
{
    return m_monitor->isAvailable();
}

QString StackSession::otherFolder() const
{
    return m_containers->otherFolder();
}

QStringList StackSession::problems() const
{
    QStringList problems;
    if (!m_engineProblem.isEmpty())
        problems << tr("Docker engine unavailable: %1").arg(m_engineProblem);
    for (const QString &problem : m_project.composeProblems())
        problems << tr("Compose file problem: %1").arg(problem);
    if (!m_pullProblem.isEmpty())
        problems << m_pullProblem;
    if (const QString expiry = m_certificate.warning(QDateTime::currentDateTimeUtc()); !expiry.isEmpty())
        problems << expiry;
    if (const auto &offer = m_backups->upgradeOffer())
        problems << tr("The %1 database needs %2's newer PostgreSQL; Backups > Upgrade PostgreSQL… does it safely "
                       "(backup, new volume, restore, check; the old data is kept).")
                        .arg(StackModes::key(offer->mode), offer->image);
    const QString other = otherFolder();
    if (!other.isEmpty())
        problems << tr("The running %1 containers belong to another folder, %2, with the same STACK_NAME; Up, "
                       "Down and the container actions here would act on that stack. Give this folder its own "
                       "STACK_NAME in its .env.")
                        .arg(m_project.projectName(m_mode), other);
    return problems;
}

QString StackSession::pullProblem(const PullFailure &f) const
{
    // The checkout's own setup when this folder is one; otherwise where it is found.
    const QFileInfo setup(QDir(m_project.dir()).filePath(QStringLiteral("../packaging/setup")));
    const QString command = setup.isFile() ? QStringLiteral("sudo %1 --local-images").arg(setup.canonicalFilePath())
                                           : QStringLiteral("sudo packaging/setup --local-images");
    const QString why = f.noRegistry ? tr("no image registry is reachable") : f.why;
    return tr("Up failed: could not pull %1: %2 (%3). Set %4 in %5 to a mirror or a local image, or build local "
              "images from Debian's packages: %6")
        .arg(f.image, why, f.reason, f.variable, f.envFile, command);
}

bool StackSession::busy() const
{
    return m_stack->runningCount() > 0;
}

Job *StackSession::up()
{
    return m_stack->up(m_mode, int(m_project.services(m_mode).size()));
}

Job *StackSession::down()
{
    return m_stack->down(m_mode, int(m_project.services(m_mode).size()));
}

Job *StackSession::containerAction(int row, ContainerAction action)
{
    const QString id = m_containers->containerIdAt(row);
    if (id.isEmpty())
        return nullptr;
    Job *job = m_monitor->containerAction(id, action);
    track(job);
    return job;
}

void StackSession::refreshVolumes()
{
    m_monitor->refreshVolumes();
}

void StackSession::track(Job *job)
{
    if (job)
        m_jobs->add(job);
    Q_EMIT jobsChanged();
}

QString StackSession::swarmStackName() const
{
    return m_project.stackName() + QStringLiteral("-swarm");
}

Job *StackSession::swarmDeploy()
{
    return m_stack->runScript(tr("Deploy %1 to the swarm").arg(swarmStackName()),
                              {QStringLiteral("-9"), QStringLiteral("deploy")});
}

Job *StackSession::swarmScale(int replicas)
{
    return m_stack->runScript(tr("Scale web of %1 to %2").arg(swarmStackName()).arg(replicas),
                              {QStringLiteral("-9"), QStringLiteral("scale"), QString::number(replicas)});
}

Job *StackSession::swarmRemove()
{
    return m_stack->runScript(tr("Remove %1 from the swarm (volumes and secrets kept)").arg(swarmStackName()),
                              {QStringLiteral("-9"), QStringLiteral("remove")});
}
