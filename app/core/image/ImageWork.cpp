#include "ImageWork.h"

#include "engine/BuildProgress.h"
#include "engine/JsonMessageStream.h"
#include "engine/PushProgress.h"
#include "image/BuildContext.h"
#include "image/BuildxProgress.h"
#include "image/ImageLog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryFile>
#include <QThread>
#include <QUrl>

#include <csignal>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ImageWork)
};
QString mb(qint64 bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1) + QStringLiteral(" MB");
}
QString encoded(const QString &v)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(v));
}
} // namespace

namespace imagework {

QString explainBuildError(const QString &daemonMessage, const QString &failedStep)
{
    const QString m = daemonMessage.trimmed();
    if (m.contains(QLatin1String("no space left on device"), Qt::CaseInsensitive))
        return Text::tr("The Docker daemon's disk is full (no space left on device). Free space (docker system prune) "
                        "and build again.");
    if (m.contains(QLatin1String("Cannot locate specified Dockerfile"), Qt::CaseInsensitive)
        || m.contains(QLatin1String("Dockerfile: no such file"), Qt::CaseInsensitive))
        return Text::tr("The Dockerfile is missing from the build context: %1").arg(m);
    if (!failedStep.isEmpty())
        return Text::tr("%1 failed: %2").arg(failedStep, m);
    return Text::tr("The build failed: %1").arg(m);
}

QString explainPushError(const QString &daemonMessage, const ImageReference &reference, bool *needsLogin, bool podman)
{
    const QString m = daemonMessage.trimmed();
    const QString registry = reference.registryDisplayName();
    *needsLogin = false;
    const auto has = [&m](const char *s) { return m.contains(QLatin1String(s), Qt::CaseInsensitive); };
    if (has("no basic auth credentials") || has("authentication required") || has("unauthorized")
        || has("denied: requested access")) {
        *needsLogin = true;
        return Text::tr("The registry %1 refused the credentials (or none were given): log in to push.").arg(registry);
    }
    if (has("connection refused") || has("no such host") || has("i/o timeout") || has("dial tcp")
        || has("network is unreachable") || has("connection reset"))
        return Text::tr("The registry %1 cannot be reached (%2). Is it running, and is REGISTRY in .env right?")
            .arg(registry, m);
    if (has("server gave HTTP response to HTTPS client") && podman)
        return Text::tr("The registry %1 speaks plain HTTP; Podman only allows that for registries marked insecure in "
                        "registries.conf ([[registry]] location=\"%1\" insecure=true).")
            .arg(registry);
    if (has("server gave HTTP response to HTTPS client"))
        return Text::tr("The registry %1 speaks plain HTTP; the Docker daemon only allows that for registries listed "
                        "in its insecure-registries (localhost is always allowed).")
            .arg(registry);
    if (has("no space left on device"))
        return Text::tr("The registry %1 is out of disk space: %2").arg(registry, m);
    if (has("does not exist locally") || has("No such image") || has("An image does not exist locally"))
        return Text::tr("There is no local image %1 to push: build it first.").arg(reference.toString());
    return Text::tr("The push to %1 failed: %2").arg(registry, m);
}

QString pushStatus(int done, int total, qint64 sent, qint64 size)
{
    QString s = Text::tr("%1 of %2 layers").arg(done).arg(total);
    if (size > 0)
        s += QStringLiteral(" · ") + Text::tr("%1 of %2").arg(mb(sent), mb(size));
    return s;
}

int removeBuildahLeftovers(EngineClient &client, const QDateTime &since, const Job::Reporter &report)
{
    int removed = 0;
    for (int pass = 0; pass < 2; ++pass) {
        // Libpod's own list: the compatible /containers/json never shows Buildah's.
        const EngineReply list = client.getJson(QStringLiteral("/libpod/containers/json?all=true&external=true"));
        if (!list.ok)
            return removed;
        QStringList ids;
        for (const QJsonValue &v : list.json().array()) {
            const QJsonObject c = v.toObject();
            const QDateTime created =
                QDateTime::fromString(c.value(QLatin1String("Created")).toString(), Qt::ISODateWithMs);
            // Only this build's: Buildah's command, in storage only, made since it started (a second's slack).
            if (c.value(QLatin1String("Command")).toArray().contains(QStringLiteral("buildah"))
                && c.value(QLatin1String("State")).toString() == QLatin1String("storage") && created.isValid()
                && created >= since.addSecs(-1))
                ids << c.value(QLatin1String("Id")).toString();
        }
        if (ids.isEmpty())
            break;
        for (const QString &id : std::as_const(ids)) {
            if (client.del(QStringLiteral("/libpod/containers/%1?force=true").arg(id)).ok)
                ++removed;
        }
        QThread::msleep(300); // Buildah may still be tearing down a cancelled step
    }
    if (removed > 0)
        report.log(Text::tr("Removed %n working container(s) that Podman's builder left behind.", "", removed));
    return removed;
}

BuildOutcome buildWithEngine(EngineClient &client, const BuildSpec &spec, const Job::Reporter &report)
{
    BuildOutcome out;
    const auto cancelled = [&report] { return report.isCancelRequested(); };
    report.progress(-1, Text::tr("Packing the build context"));
    QTemporaryFile tar(QDir::temp().filePath(QStringLiteral("pdd-context-XXXXXX.tar")));
    if (!tar.open()) {
        out.error = Text::tr("No temporary file for the build context: %1").arg(tar.errorString());
        return out;
    }
    tar.close();
    const BuildContext::Result context =
        BuildContext::write(spec.contextDir, spec.dockerfile, tar.fileName(), cancelled);
    if (!context.ok) {
        out.cancelled = context.cancelled;
        out.error = context.error;
        return out;
    }
    report.log(Text::tr("Build context: %1 entries, %2").arg(context.entries).arg(mb(context.bytes)));
    report.progress(-1, Text::tr("Sending the build context (%1)").arg(mb(context.bytes)));

    QString query = QStringLiteral("t=%1&dockerfile=%2&rm=1&forcerm=1")
                        .arg(encoded(spec.reference.toString()), encoded(spec.dockerfile));
    if (!spec.buildArgs.isEmpty()) {
        QJsonObject args;
        for (auto it = spec.buildArgs.begin(); it != spec.buildArgs.end(); ++it)
            args.insert(it.key(), it.value());
        query += QStringLiteral("&buildargs=")
            + encoded(QString::fromUtf8(QJsonDocument(args).toJson(QJsonDocument::Compact)));
    }
    EngineClient::Upload upload;
    upload.bodyFile = tar.fileName();
    upload.contentType = "application/x-tar";
    upload.cancelCheck = cancelled;

    JsonMessageStream splitter;
    BuildProgress progress;
    QVector<QJsonObject> messages;
    double shown = -1;
    // Podman's Buildah leaves its working containers behind when a build fails or
    // is cancelled; they are removed again below (app/core/engine/README.md).
    const QDateTime started = QDateTime::currentDateTimeUtc();
    const auto leftovers = qScopeGuard([&] {
        if (client.isPodman() && !out.ok)
            removeBuildahLeftovers(client, started, report);
    });
    const EngineReply reply =
        client.postStream(QStringLiteral("/build?") + query, upload, [&](const char *data, size_t size) {
            messages.clear();
            const bool ok = splitter.feed(data, qsizetype(size), &messages);
            for (const QJsonObject &m : std::as_const(messages)) {
                const int cachedBefore = progress.cachedSteps();
                for (const QString &line : progress.apply(m))
                    report.log(line);
                QString status = progress.status();
                if (progress.cachedSteps() > cachedBefore)
                    status += QStringLiteral(" ") + Text::tr("(cached)");
                const double f = progress.fraction();
                if (f >= 0 && (f > shown || progress.cachedSteps() > cachedBefore)) {
                    shown = qMax(shown, f);
                    report.progress(shown, status);
                }
            }
            return ok;
        });
    out.steps = progress.totalSteps();
    out.cachedSteps = progress.cachedSteps();
    if (reply.failure == HttpResult::Failure::Cancelled || report.isCancelRequested()) {
        out.cancelled = true;
        out.error = Text::tr("The build was cancelled.");
        return out;
    }
    if (splitter.hasError()) {
        out.error = Text::tr("The Docker Engine sent an unreadable build stream (%1).").arg(splitter.errorString());
        return out;
    }
    if (!reply.ok) {
        out.error = explainBuildError(reply.error, QString());
        return out;
    }
    if (progress.failed()) {
        out.error = explainBuildError(progress.error(), progress.failedStep());
        return out;
    }
    if (progress.imageId().isEmpty()) {
        out.error = Text::tr("The build ended without naming an image (the stream stopped early).");
        return out;
    }
    out.ok = true;
    out.imageId = progress.imageId();
    report.progress(
        1.0,
        Text::tr("Built %1 (%2 steps, %3 cached)").arg(spec.reference.toString()).arg(out.steps).arg(out.cachedSteps));
    qCDebug(lcImage) << "built" << spec.reference.toString() << out.imageId << "steps" << out.steps << "cached"
                     << out.cachedSteps;
    return out;
}

QString buildxVersion(const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("docker"), {QStringLiteral("buildx"), QStringLiteral("version")});
    if (!p.waitForFinished(15000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed().section(QLatin1Char('\n'), 0, 0);
}

BuildOutcome buildWithBuildx(const EngineEndpoint &endpoint, const BuildSpec &spec, const QProcessEnvironment &env,
                             const Job::Reporter &report)
{
    BuildOutcome out;
    QTemporaryFile iid(QDir::temp().filePath(QStringLiteral("pdd-iid-XXXXXX")));
    if (!iid.open()) {
        out.error = Text::tr("No temporary file for the image ID: %1").arg(iid.errorString());
        return out;
    }
    iid.close();
    QStringList args{
        QStringLiteral("buildx"),    QStringLiteral("build"), QStringLiteral("--progress=rawjson"),
        QStringLiteral("--iidfile"), iid.fileName(),          QStringLiteral("-t"),
        spec.reference.toString(),   QStringLiteral("-f"),    QDir(spec.contextDir).filePath(spec.dockerfile)};
    for (auto it = spec.buildArgs.begin(); it != spec.buildArgs.end(); ++it)
        args << QStringLiteral("--build-arg") << it.key() + QLatin1Char('=') + it.value();
    args << spec.contextDir;
    QProcessEnvironment e = env;
    e.insert(QStringLiteral("DOCKER_HOST"), QStringLiteral("unix://") + endpoint.socketPath);
    e.insert(QStringLiteral("BUILDX_NO_DEFAULT_ATTESTATIONS"), QStringLiteral("1"));
    QProcess p;
    p.setProcessEnvironment(e);
    p.setProcessChannelMode(QProcess::MergedChannels);
    report.progress(-1, Text::tr("Starting docker buildx"));
    p.start(QStringLiteral("docker"), args);
    if (!p.waitForStarted(10000)) {
        out.error = Text::tr("docker buildx could not be started: %1").arg(p.errorString());
        return out;
    }
    BuildxProgress progress;
    double shown = -1;
    bool interrupted = false;
    QElapsedTimer sinceInterrupt;
    const auto take = [&](const QStringList &lines) {
        for (const QString &line : lines)
            report.log(line);
        const double f = progress.fraction();
        if (f >= 0) {
            shown = qMax(shown, f);
            report.progress(shown, progress.status());
        }
    };
    // waitForFinished returns the moment buildx exits; meanwhile output is
    // taken every 100 ms at most, which is what a progress bar needs.
    while (!p.waitForFinished(100) && p.state() != QProcess::NotRunning) {
        const QByteArray chunk = p.readAll();
        if (!chunk.isEmpty())
            take(progress.feed(chunk));
        if (report.isCancelRequested() && !interrupted) {
            interrupted = true;
            sinceInterrupt.start();
            ::kill(pid_t(p.processId()), SIGINT);
        }
        if (interrupted && sinceInterrupt.elapsed() > 5000)
            p.kill();
    }
    take(progress.feed(p.readAll()));
    take(progress.finish());
    out.steps = progress.stepsSeen();
    out.cachedSteps = progress.cachedSteps();
    if (interrupted) {
        out.cancelled = true;
        out.error = Text::tr("The build was cancelled.");
        return out;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0 || progress.failed()) {
        const QString message = progress.error().isEmpty()
            ? Text::tr("docker buildx exited with code %1").arg(p.exitCode())
            : progress.error();
        out.error = explainBuildError(message, progress.failedStep());
        return out;
    }
    QFile f(iid.fileName());
    f.open(QIODevice::ReadOnly);
    out.imageId = QString::fromLatin1(f.readAll()).trimmed();
    if (out.imageId.isEmpty()) {
        out.error = Text::tr("docker buildx ended without an image ID.");
        return out;
    }
    out.ok = true;
    report.progress(
        1.0,
        Text::tr("Built %1 (%2 steps, %3 cached)").arg(spec.reference.toString()).arg(out.steps).arg(out.cachedSteps));
    return out;
}

PushOutcome push(EngineClient &client, const ImageReference &reference, const RegistryCredential &credential,
                 const Job::Reporter &report)
{
    PushOutcome out;
    report.progress(-1, Text::tr("Connecting to %1").arg(reference.registryDisplayName()));
    EngineClient::Upload upload;
    // Sent even when empty: the daemon requires the header on push.
    upload.headers << QByteArray("X-Registry-Auth: ") + credential.registryAuthHeader();
    upload.cancelCheck = [&report] { return report.isCancelRequested(); };

    JsonMessageStream splitter;
    PushProgress progress;
    QVector<QJsonObject> messages;
    double shown = 0;
    QString path = QStringLiteral("/images/%1/push?tag=%2").arg(encoded(reference.name()), encoded(reference.tag));
    // Docker pushes to a registry on this machine over plain HTTP by itself;
    // Podman only when told, so it is told for loopback registries and no other.
    if (client.isPodman() && reference.isLoopbackRegistry())
        path += QStringLiteral("&tlsVerify=false");
    const EngineReply reply = client.postStream(path, upload, [&](const char *data, size_t size) {
        messages.clear();
        const bool ok = splitter.feed(data, qsizetype(size), &messages);
        for (const QJsonObject &m : std::as_const(messages)) {
            const QString line = progress.apply(m);
            if (!line.isEmpty())
                report.log(line);
            QString status = progress.layerCount() == 0
                ? (client.isPodman()
                       // Podman's compatible push streams no layers, only the result.
                       ? Text::tr("Pushing to %1 (Podman reports no progress per layer)")
                             .arg(reference.registryDisplayName())
                       : Text::tr("Preparing the push to %1").arg(reference.registryDisplayName()))
                : pushStatus(progress.layersDone(), progress.layerCount(), progress.bytesSent(), progress.bytesTotal());
            const QString raw = m.value(QLatin1String("status")).toString();
            if (raw.startsWith(QLatin1String("Retrying")))
                status += QStringLiteral(" · ") + raw;
            // A layer that appears late raises the total: the bar holds still, never goes back.
            shown = qMax(shown, progress.fraction());
            report.progress(progress.layerCount() ? shown : -1, status);
        }
        return ok;
    });
    out.layers = progress.layerCount();
    if (reply.failure == HttpResult::Failure::Cancelled || report.isCancelRequested()) {
        out.cancelled = true;
        out.error = Text::tr("The push was cancelled.");
        return out;
    }
    if (splitter.hasError()) {
        out.error = Text::tr("The Docker Engine sent an unreadable push stream (%1).").arg(splitter.errorString());
        return out;
    }
    const QString failure = !reply.ok ? reply.error : progress.error();
    if (!failure.isEmpty()) {
        out.error = explainPushError(failure, reference, &out.needsLogin, client.isPodman());
        return out;
    }
    if (progress.digest().isEmpty()) {
        out.error = Text::tr("The push ended without a digest (the stream stopped early).");
        return out;
    }
    out.ok = true;
    out.digest = progress.digest();
    report.progress(1.0, Text::tr("Pushed %1 · %2").arg(reference.toString(), out.digest));
    return out;
}

} // namespace imagework
