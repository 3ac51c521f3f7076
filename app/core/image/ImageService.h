#pragma once

#include "engine/EngineClient.h"
#include "engine/EngineEndpoint.h"
#include "image/DockerCredentials.h"
#include "image/ImageWork.h"
#include "jobs/Async.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

#include <memory>

class EngineLane;
class Job;

// The web image as the daemon knows it (GET /images/{ref}/json).
struct ImageInfo
{
    bool known = false; // the engine answered
    bool exists = false;
    QString id;
    qint64 sizeBytes = 0;
    QDateTime created;
    QStringList repoDigests; // "registry/name@sha256:..." for every push or pull
    QString error;           // why the engine could not be asked
    // The digest of the last push of this reference to its registry, if the daemon recorded one.
    QString pushedDigest(const ImageReference &ref) const;
};

enum class BuildBackend { Auto, EngineApi, Buildx };

// Build and push of the stack's web image as Jobs (GUI thread facade). The
// slow parts run on their own async::Workers ("image-build", "image-push")
// through imagework; results come back as values. Build & Push starts the
// push Job only once the build Job succeeded.
class ImageService : public QObject
{
    Q_OBJECT
public:
    explicit ImageService(EngineEndpoint endpoint, QObject *parent = nullptr);
    ~ImageService() override;

    void setSpec(const BuildSpec &spec);
    BuildSpec spec() const { return m_spec; }
    // Empty, or why the spec cannot be built (no build section, bad image name).
    void setSpecProblem(const QString &problem) { m_specProblem = problem; }
    QString specProblem() const;

    ImageInfo info() const { return m_info; }
    // Asks the engine about the image from now on (after the first paint);
    // refresh() before start() does nothing.
    void start();
    void refresh();

    void setBackend(BuildBackend backend) { m_backend = backend; }
    BuildBackend backend() const { return m_backend; }
    // The builder the last build used, with why (empty before the first build).
    QString lastBackendUsed() const { return m_lastBackend; }
    // Environment for helpers and buildx (DOCKER_CONFIG, PATH); tests set their own.
    void setEnvironment(const QProcessEnvironment &env) { m_env = env; }
    QProcessEnvironment environment() const { return m_env; }

    // Credentials typed into the login dialog (or saved by the app), used
    // before Docker's own config for that registry key. In memory only.
    void setSessionCredential(const RegistryCredential &credential);

    Job *build();
    Job *push();
    // The build Job; the push Job follows through jobStarted when the build succeeds.
    Job *buildAndPush();

    int runningCount() const { return m_running; }

    static QString backendName(BuildBackend b);

Q_SIGNALS:
    void infoChanged();
    void jobStarted(Job *job);
    void jobFinished(Job *job);
    // The same Jobs by kind, for the two progress bars of the Image panel.
    void buildStarted(Job *job);
    void pushStarted(Job *job);
    // A push was refused for credentials: ask the user and call setSessionCredential, then push() again.
    void loginRequired(const QString &registryKey, const QString &message);

private:
    Job *startBuild(bool thenPush);
    Job *startPush();
    void track(Job *job, bool isPush);
    Job *refused(Job *job, bool isPush, const QString &error);
    EngineLane &lane(std::unique_ptr<EngineLane> &slot, const char *name, EngineTimeouts timeouts);

    EngineEndpoint m_endpoint;
    BuildSpec m_spec;
    QString m_specProblem;
    ImageInfo m_info;
    struct Pushed
    {
        QString digest, imageId;
    };
    QHash<QString, Pushed> m_pushed; // name (registry/repository) → this session's last push there
    void addPushedDigests();
    BuildBackend m_backend = BuildBackend::Auto;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    QHash<QString, RegistryCredential> m_sessionCredentials;
    std::unique_ptr<EngineLane> m_buildLane;
    std::unique_ptr<EngineLane> m_pushLane;
    std::unique_ptr<EngineLane> m_infoLane;
    async::Generation m_infoGeneration;
    int m_running = 0;
    bool m_started = false;
    QString m_lastBackend;
    // The buildx probe's answers by environment; touched only on the build lane.
    std::shared_ptr<QHash<QString, QString>> m_buildxProbe = std::make_shared<QHash<QString, QString>>();
};
