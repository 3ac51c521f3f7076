#pragma once

#include <QString>

// Where the Docker Engine API listens. Only unix sockets are supported (also
// Podman's compatible socket); a DOCKER_HOST we cannot use is kept in
// `unsupportedReason` so the UI can say why instead of failing obscurely.
struct EngineEndpoint
{
    QString socketPath;
    QString unsupportedReason; // non-empty: socketPath is unusable, show this

    bool isUsable() const { return unsupportedReason.isEmpty() && !socketPath.isEmpty(); }

    static EngineEndpoint fromEnvironment();
    static EngineEndpoint fromSocket(const QString &path);

    enum class Platform { Linux, MacOS };
    // The testable core of fromEnvironment(): dockerHost is $DOCKER_HOST (may be
    // empty), exists() says whether a candidate socket is present.
    static EngineEndpoint resolve(const QString &dockerHost, Platform platform, const QString &homeDir,
                                  bool (*exists)(const QString &path));
};
