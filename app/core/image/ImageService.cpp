#include "ImageService.h"

#include "engine/EngineLane.h"
#include "image/ImageLog.h"
#include "jobs/Job.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>

Q_LOGGING_CATEGORY(lcImage, "pdd.image", QtWarningMsg)

namespace {
// A build's steps may print nothing for minutes (pip install); the stream has
// no stall limit, only the connect bound.
EngineTimeouts jobTimeouts()
{
    EngineTimeouts t;
    t.connectMs = 5000;
    t.stallSeconds = 30;
    return t;
}
} // namespace

QString ImageInfo::pushedDigest(const ImageReference &ref) const
{
    const QString prefix = ref.name() + QLatin1Char('@');
    for (const QString &d : repoDigests) {
        if (d.startsWith(prefix))
            return d.mid(prefix.size());
    }
    return {};
}

ImageService::ImageService(EngineEndpoint endpoint, QObject *parent) : QObject(parent), m_endpoint(std::move(endpoint))
{
}

ImageService::~ImageService()
{
    for (const auto &lane : {&m_buildLane, &m_pushLane, &m_infoLane}) {
        if (*lane)
            (*lane)->cancel();
    }
}

// The lanes' threads start on first use: nothing is built or pushed at start-up.
EngineLane &ImageService::lane(std::unique_ptr<EngineLane> &slot, const char *name, EngineTimeouts timeouts)
{
    if (!slot) {
        slot = std::make_unique<EngineLane>(QString::fromLatin1(name));
        slot->renewClient(m_endpoint, timeouts);
    }
    return *slot;
}

QString ImageService::backendName(BuildBackend b)
{
    switch (b) {
    case BuildBackend::Auto: return tr("Automatic");
    case BuildBackend::EngineApi: return tr("Docker Engine API (classic builder)");
    case BuildBackend::Buildx: return tr("docker buildx (BuildKit)");
    }
    return {};
}

void ImageService::setSpec(const BuildSpec &spec)
{
    const bool changed = spec.reference.toString() != m_spec.reference.toString();
    m_spec = spec;
    if (changed)
        refresh();
}

QString ImageService::specProblem() const
{
    if (!m_specProblem.isEmpty())
        return m_specProblem;
    if (!m_spec.reference.error.isEmpty())
        return m_spec.reference.error;
    if (m_spec.contextDir.isEmpty())
        return tr("The web service has no build section in docker-compose.yml.");
    return {};
}

void ImageService::setSessionCredential(const RegistryCredential &credential)
{
    m_sessionCredentials.insert(credential.serverAddress, credential);
}

void ImageService::start()
{
    m_started = true;
    refresh();
}

void ImageService::refresh()
{
    if (!m_started)
        return;
    if (!m_endpoint.isUsable() || !m_spec.reference.isValid()) {
        m_info = ImageInfo();
        Q_EMIT infoChanged();
        return;
    }
    const quint64 generation = m_infoGeneration.next();
    const QString ref = m_spec.reference.toString();
    lane(m_infoLane, "image-info", EngineTimeouts{})
        .run(
            async::Target(this),
            [ref](EngineClient &client) {
                ImageInfo info;
                if (!client.apiVersion().isValid()) {
                    const EngineReply n = client.negotiate();
                    if (!n.ok) {
                        info.error = n.error;
                        return info;
                    }
                }
                const EngineReply r = client.getJson(
                    QStringLiteral("/images/%1/json").arg(QString::fromLatin1(QUrl::toPercentEncoding(ref))));
                info.known = r.ok || r.status == 404;
                if (!r.ok) {
                    if (r.status != 404)
                        info.error = r.error;
                    return info;
                }
                const QJsonObject o = r.json().object();
                info.exists = true;
                info.id = o.value(QLatin1String("Id")).toString();
                info.sizeBytes = o.value(QLatin1String("Size")).toInteger();
                info.created = QDateTime::fromString(o.value(QLatin1String("Created")).toString(), Qt::ISODateWithMs);
                // Podman's RepoDigests hold the local manifest's digest under every name,
                // not what a registry got (its push re-compresses): only the push stream's
                // own digest, kept below, says what was pushed there.
                if (!client.isPodman()) {
                    for (const QJsonValue &d : o.value(QLatin1String("RepoDigests")).toArray())
                        info.repoDigests << d.toString();
                }
                return info;
            },
            [this, generation](const ImageInfo &info) {
                if (!m_infoGeneration.isCurrent(generation))
                    return;
                m_info = info;
                addPushedDigests();
                Q_EMIT infoChanged();
            });
}

void ImageService::track(Job *job, bool isPush)
{
    ++m_running;
    connect(job, &Job::finished, this, [this, job] {
        --m_running;
        Q_EMIT jobFinished(job);
        refresh();
    });
    Q_EMIT jobStarted(job);
    Q_EMIT(isPush ? pushStarted(job) : buildStarted(job));
}

// A Job that cannot start still shows up, failed, with the reason.
Job *ImageService::refused(Job *job, bool isPush, const QString &error)
{
    Q_EMIT jobStarted(job);
    Q_EMIT(isPush ? pushStarted(job) : buildStarted(job));
    job->reportFailed(error);
    return job;
}

Job *ImageService::build()
{
    return startBuild(false);
}

Job *ImageService::buildAndPush()
{
    return startBuild(true);
}

Job *ImageService::push()
{
    return startPush();
}

Job *ImageService::startBuild(bool thenPush)
{
    auto *job = new Job(tr("Build %1").arg(m_spec.reference.toString()), this);
    if (const QString problem = specProblem(); !problem.isEmpty())
        return refused(job, false, problem);
    if (!m_endpoint.isUsable())
        return refused(job, false,
                       m_endpoint.unsupportedReason.isEmpty() ? tr("No Docker socket is configured.")
                                                              : m_endpoint.unsupportedReason);
    track(job, false);
    const Job::Reporter report = job->reporter();
    report.started();
    const BuildSpec spec = m_spec;
    const BuildBackend wanted = m_backend;
    const QProcessEnvironment env = m_env;
    const EngineEndpoint endpoint = m_endpoint;
    lane(m_buildLane, "image-build", jobTimeouts())
        .run(
            async::Target(job),
            [report, spec, wanted, env, endpoint, probe = m_buildxProbe](EngineClient &client) {
                BuildOutcome out;
                const EngineReply n = client.negotiate();
                if (!n.ok) {
                    out.error = n.error;
                    return out;
                }
                // BuildKit when the daemon builds with it and buildx is there (what
                // `docker build` does today); the classic builder otherwise.
                const bool buildKitDaemon = client.builderVersion() == "2";
                // `docker buildx version` costs ~100 ms: asked once per environment (on this lane only).
                QString buildx;
                if (wanted != BuildBackend::EngineApi) {
                    const QString key = env.value(QStringLiteral("DOCKER_CONFIG")) + QLatin1Char('\n')
                        + env.value(QStringLiteral("HOME")) + QLatin1Char('\n') + env.value(QStringLiteral("PATH"));
                    if (!probe->contains(key))
                        probe->insert(key, imagework::buildxVersion(env));
                    buildx = probe->value(key);
                }
                bool useBuildx = false;
                QString why;
                switch (wanted) {
                case BuildBackend::EngineApi: why = tr("chosen in the settings"); break;
                case BuildBackend::Buildx:
                    if (buildx.isEmpty()) {
                        out.error = tr("The buildx builder is chosen, but docker buildx is not installed (apt install "
                                       "docker-buildx, or choose Automatic).");
                        return out;
                    }
                    useBuildx = true;
                    why = tr("chosen in the settings");
                    break;
                case BuildBackend::Auto:
                    useBuildx = buildKitDaemon && !buildx.isEmpty();
                    why = useBuildx       ? tr("the daemon builds with BuildKit")
                        : !buildKitDaemon ? tr("the daemon uses the classic builder")
                                          : tr("docker buildx is not installed");
                    break;
                }
                const BuildBackend used = useBuildx ? BuildBackend::Buildx : BuildBackend::EngineApi;
                report.log(tr("Builder: %1 (%2)").arg(ImageService::backendName(used), why));
                out = useBuildx ? imagework::buildWithBuildx(endpoint, spec, env, report)
                                : imagework::buildWithEngine(client, spec, report);
                out.backend = tr("%1 (%2)").arg(ImageService::backendName(used), why);
                return out;
            },
            [this, job, thenPush](const BuildOutcome &out) {
                if (!out.backend.isEmpty())
                    m_lastBackend = out.backend;
                if (out.ok)
                    job->reportSucceeded();
                else if (out.cancelled)
                    job->reportCancelled();
                else
                    job->reportFailed(out.error);
                if (out.ok && thenPush)
                    startPush();
            });
    return job;
}

Job *ImageService::startPush()
{
    const ImageReference ref = m_spec.reference;
    auto *job = new Job(tr("Push %1").arg(ref.toString()), this);
    if (!ref.isValid())
        return refused(job, true, ref.error.isEmpty() ? tr("The web image has no name.") : ref.error);
    if (!m_endpoint.isUsable())
        return refused(job, true,
                       m_endpoint.unsupportedReason.isEmpty() ? tr("No Docker socket is configured.")
                                                              : m_endpoint.unsupportedReason);
    track(job, true);
    const Job::Reporter report = job->reporter();
    report.started();
    const RegistryCredential session = m_sessionCredentials.value(ref.credentialKey());
    const QProcessEnvironment env = m_env;
    lane(m_pushLane, "image-push", jobTimeouts())
        .run(
            async::Target(job),
            [report, ref, session, env](EngineClient &client) {
                PushOutcome out;
                const EngineReply n = client.negotiate();
                if (!n.ok) {
                    out.error = n.error;
                    return out;
                }
                RegistryCredential credential = session;
                if (credential.isEmpty()) {
                    report.progress(-1, tr("Looking up your credentials for %1").arg(ref.registryDisplayName()));
                    const CredentialResolution found = resolveCredential(ref.credentialKey(), env);
                    if (!found.error.isEmpty()) {
                        out.error = found.error;
                        return out;
                    }
                    credential = found.credential;
                    switch (found.lookup.source) {
                    case DockerConfig::Source::None: report.log(tr("Credentials: none (anonymous push)")); break;
                    case DockerConfig::Source::Inline: report.log(tr("Credentials: config.json auths")); break;
                    case DockerConfig::Source::Helper:
                    case DockerConfig::Source::Store:
                        report.log(
                            tr("Credentials: docker-credential-%1%2")
                                .arg(found.lookup.helper,
                                     credential.isEmpty() ? tr(" (nothing stored for this registry)") : QString()));
                        break;
                    }
                } else {
                    report.log(tr("Credentials: the ones you entered"));
                }
                return imagework::push(client, ref, credential, report);
            },
            [this, job, ref](const PushOutcome &out) {
                if (out.ok) {
                    job->reportLog(tr("Digest: %1").arg(out.digest));
                    m_pushed.insert(ref.name(), {out.digest, m_info.id});
                    addPushedDigests();
                    Q_EMIT infoChanged();
                    job->reportSucceeded();
                } else if (out.cancelled) {
                    job->reportCancelled();
                } else {
                    job->reportFailed(out.error);
                    if (out.needsLogin)
                        Q_EMIT loginRequired(ref.credentialKey(), out.error);
                }
            });
    return job;
}

// What this session pushed, where the engine does not say it: Docker's
// RepoDigests do, Podman's never do. Only for the image that was pushed (its ID),
// so a rebuild shows no digest it never had.
void ImageService::addPushedDigests()
{
    for (auto it = m_pushed.constBegin(); it != m_pushed.constEnd(); ++it) {
        const QString prefix = it.key() + QLatin1Char('@');
        const bool engineSays = std::any_of(m_info.repoDigests.cbegin(), m_info.repoDigests.cend(),
                                            [&prefix](const QString &d) { return d.startsWith(prefix); });
        if (!engineSays && !m_info.id.isEmpty() && m_info.id == it->imageId)
            m_info.repoDigests << prefix + it->digest;
    }
}
