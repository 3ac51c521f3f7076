#pragma once

#include "engine/EngineClient.h"
#include "image/DockerCredentials.h"
#include "image/ImageReference.h"
#include "jobs/Job.h"

#include <QDateTime>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>

// What to build: the web service's build section as the stack resolves it.
struct BuildSpec
{
    QString contextDir;
    QString dockerfile = QStringLiteral("Dockerfile");
    QMap<QString, QString> buildArgs;
    ImageReference reference;
};

struct BuildOutcome
{
    bool ok = false;
    bool cancelled = false;
    QString imageId;
    int steps = 0;
    int cachedSteps = 0;
    QString error;   // one sentence, the failing step first
    QString backend; // the builder that ran, as shown to the user
};

struct PushOutcome
{
    bool ok = false;
    bool cancelled = false;
    bool needsLogin = false; // the registry refused: no or wrong credentials
    QString digest;
    int layers = 0;
    QString error;
};

// The slow parts of build and push, run on a worker thread (blocking) and
// reporting to their Job through its Reporter. Nothing here touches the GUI.
namespace imagework {
// POST /build (the classic builder; also Podman's compatible API): the context
// as a tar from BuildContext, streamed from a temporary file.
BuildOutcome buildWithEngine(EngineClient &client, const BuildSpec &spec, const Job::Reporter &report);
// Podman only: removes the working containers Buildah left behind by a build that
// failed or was cancelled (made since `since`); returns how many.
int removeBuildahLeftovers(EngineClient &client, const QDateTime &since, const Job::Reporter &report);

// `docker buildx build --progress=rawjson` (BuildKit) run with env (its
// DOCKER_CONFIG finds the plugin) against the endpoint's socket; cancel sends
// SIGINT, which makes buildx cancel the solve on the daemon.
BuildOutcome buildWithBuildx(const EngineEndpoint &endpoint, const BuildSpec &spec, const QProcessEnvironment &env,
                             const Job::Reporter &report);
// Whether `docker buildx` runs with env; its version line, or empty.
QString buildxVersion(const QProcessEnvironment &env);

// POST /images/{name}/push?tag= with X-Registry-Auth built from credential
// (empty: anonymous). Progress never goes backwards and ends at 1.0.
PushOutcome push(EngineClient &client, const ImageReference &reference, const RegistryCredential &credential,
                 const Job::Reporter &report);

// The daemon's words for a failed build or push made into a sentence a user
// can act on (disk full, registry down, refused credentials); public for tests.
QString explainBuildError(const QString &daemonMessage, const QString &failedStep);
// podman: the engine is Podman's compatible API (its own word for an insecure registry).
QString explainPushError(const QString &daemonMessage, const ImageReference &reference, bool *needsLogin,
                         bool podman = false);
// "3 of 7 layers · 12.5 MB of 80.0 MB"
QString pushStatus(int done, int total, qint64 sent, qint64 size);
} // namespace imagework
