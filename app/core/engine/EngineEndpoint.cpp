#include "EngineEndpoint.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace {
bool fileExists(const QString &path)
{
    return QFileInfo::exists(path);
}

// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(EngineEndpoint)
};
} // namespace

EngineEndpoint EngineEndpoint::fromSocket(const QString &path)
{
    EngineEndpoint e;
    e.socketPath = path;
    return e;
}

EngineEndpoint EngineEndpoint::fromEnvironment()
{
#ifdef Q_OS_MACOS
    const Platform platform = Platform::MacOS;
#else
    const Platform platform = Platform::Linux;
#endif
    return resolve(qEnvironmentVariable("DOCKER_HOST"), platform, QDir::homePath(), &fileExists);
}

EngineEndpoint EngineEndpoint::resolve(const QString &dockerHost, Platform platform, const QString &homeDir,
                                       bool (*exists)(const QString &))
{
    EngineEndpoint e;
    const QString host = dockerHost.trimmed();
    if (!host.isEmpty()) {
        if (host.startsWith(QLatin1String("unix://"))) {
            e.socketPath = host.mid(int(qstrlen("unix://")));
            if (e.socketPath.isEmpty())
                e.unsupportedReason = Text::tr("DOCKER_HOST is \"unix://\" without a socket path; "
                                               "set it to e.g. unix:///var/run/docker.sock or unset it.");
        } else if (host.startsWith(QLatin1Char('/'))) {
            // Some tools accept a bare path; treating it as a socket is the obvious meaning.
            e.socketPath = host;
        } else {
            const QString scheme = QUrl(host).scheme();
            e.unsupportedReason = Text::tr("DOCKER_HOST=%1 uses \"%2\", which PostDoDjango does not support yet; "
                                           "only unix:// sockets work. Unset DOCKER_HOST or point it at a unix socket.")
                                      .arg(host, scheme.isEmpty() ? host : scheme + QLatin1String("://"));
        }
        return e;
    }

    QStringList candidates;
    if (platform == Platform::MacOS)
        candidates << homeDir + QLatin1String("/.docker/run/docker.sock"); // Docker Desktop 4.13+
    candidates << QStringLiteral("/var/run/docker.sock");
    for (const QString &c : std::as_const(candidates)) {
        if (exists(c)) {
            e.socketPath = c;
            return e;
        }
    }
    // Nothing there yet: keep the conventional path so the monitor can retry
    // and say "is Docker running?" about the right file.
    e.socketPath = candidates.last();
    return e;
}
