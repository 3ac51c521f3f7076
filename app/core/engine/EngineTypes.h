#pragma once

#include "engine/ContainerState.h"

#include <QDateTime>
#include <QHash>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

// Plain values the engine feed hands to the UI. They cross threads by value
// (queued signals), so they hold no pointers and no shared state.

struct PortBinding
{
    QString hostIp;
    int hostPort = 0;
    int containerPort = 0;
    QString protocol;

    bool operator==(const PortBinding &o) const
    {
        return hostIp == o.hostIp && hostPort == o.hostPort && containerPort == o.containerPort
            && protocol == o.protocol;
    }
};

struct ContainerInfo
{
    QString id, name, image;
    ContainerState state = ContainerState::Unknown;
    ContainerHealth health = ContainerHealth::None;
    QString status;           // the daemon's human summary ("Up 3 minutes (healthy)"); empty after inspect
    QString project, service; // com.docker.compose.project / .service labels
    QString workingDir;       // com.docker.compose.project.working_dir: the stack folder it came from
    QVector<PortBinding> ports;
    QDateTime startedAt; // invalid when never started
    QStringList volumeNames;
    // Config.StopTimeout in seconds; -1 when the engine did not say (Docker
    // omits it unless set; Podman's compatible API writes 0 for "not set").
    int stopTimeout = -1;
};

struct VolumeInfo
{
    QString name, driver, mountpoint, project;
    qint64 sizeBytes = -1; // -1 until /system/df has been asked
    QStringList usedBy;    // container names
};

struct EngineEvent
{
    QString type, action, id;
    QHash<QString, QString> attributes;
    qint64 timeNano = 0;
};

Q_DECLARE_METATYPE(PortBinding)
Q_DECLARE_METATYPE(ContainerInfo)
Q_DECLARE_METATYPE(VolumeInfo)
Q_DECLARE_METATYPE(EngineEvent)
