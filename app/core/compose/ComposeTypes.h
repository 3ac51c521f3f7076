#pragma once

#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

// Plain values describing what the compose files declare, after interpolation
// (and, for several files, after merging them; see ComposeMerge).

struct ComposePort
{
    QString hostIp;   // empty = all interfaces
    int hostPort = 0; // 0 = not published on a fixed port (ephemeral)
    int containerPort = 0;
    QString protocol = QStringLiteral("tcp");

    bool operator==(const ComposePort &o) const
    {
        return hostIp == o.hostIp && hostPort == o.hostPort && containerPort == o.containerPort
            && protocol == o.protocol;
    }
};

struct ComposeMount
{
    QString source; // volume name, host path, or empty for an anonymous volume
    QString target;
    bool namedVolume = false;
    bool readOnly = false;
};

struct ComposeService
{
    QString name;
    QString image; // interpolated; may be empty when only `build:` is given
    bool hasBuild = false;
    // `build:` as a string (the context) or a mapping (context, dockerfile,
    // args as a mapping or a list of KEY=VALUE), interpolated. The context is
    // relative to the file's folder, as Compose resolves it.
    QString buildContext;
    QString buildDockerfile;
    QMap<QString, QString> buildArgs;
    QStringList profiles;
    QVector<ComposePort> ports;
    QVector<ComposeMount> mounts;
    // Whether the file said `profiles:` at all: an overlay that does not
    // mention them keeps the base's, one that does replaces them.
    bool profilesGiven = false;
    // Where the service is first declared, for messages (a project merged
    // from several files keeps the first file that names the service).
    QString file;
    int line = 0;
    int column = 0;

    // Compose enables a service without profiles always, others only when one
    // of their profiles is active.
    bool isEnabledFor(const QString &profile) const { return profiles.isEmpty() || profiles.contains(profile); }
};

// "file:line:column: message" — line and column are 1-based, 0 when unknown.
struct ComposeError
{
    QString file;
    int line = 0;
    int column = 0;
    QString message;

    bool isNull() const { return message.isEmpty(); }
    QString toString() const
    {
        if (line <= 0)
            return QStringLiteral("%1: %2").arg(file, message);
        return QStringLiteral("%1:%2:%3: %4").arg(file).arg(line).arg(column).arg(message);
    }
};

Q_DECLARE_METATYPE(ComposePort)
Q_DECLARE_METATYPE(ComposeService)
