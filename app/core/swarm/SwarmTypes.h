#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QVector>

// Plain values for Docker Swarm as the Engine API shows it (/info's Swarm,
// /services?status=true, /tasks, /nodes). Like the engine's types they cross
// threads by value and hold no pointers.

struct SwarmState
{
    // /info Swarm.LocalNodeState: "inactive", "pending", "active", "error", "locked";
    // empty when the engine has no Swarm section at all (Podman).
    QString localNodeState;
    bool controlAvailable = false; // this engine is a manager: it can list and change services
    QString nodeId, nodeAddr, error;
    int nodes = 0, managers = 0;

    bool isActive() const { return localNodeState == QLatin1String("active"); }
    bool isManager() const { return isActive() && controlAvailable; }
};

struct SwarmService
{
    QString id, name, stack; // stack: the com.docker.stack.namespace label
    QString image;           // TaskTemplate.ContainerSpec.Image, digest cut off
    bool global = false;
    int desired = 0;  // Replicated.Replicas, or ServiceStatus.DesiredTasks for global services
    int running = -1; // ServiceStatus.RunningTasks; -1 when the engine did not say
    // UpdateStatus: "updating", "paused", "completed", "rollback_started",
    // "rollback_paused", "rollback_completed"; empty when never updated.
    QString updateState, updateMessage;
    QDateTime updateStartedAt;
    quint64 forceUpdate = 0; // TaskTemplate.ForceUpdate

    bool isUpdating() const
    {
        return updateState == QLatin1String("updating") || updateState == QLatin1String("rollback_started");
    }
};

struct SwarmTask
{
    QString id, serviceId, nodeId;
    int slot = 0;                // replicated services number their tasks 1..N; 0 for global ones
    QString state, desiredState; // Status.State, DesiredState ("running", "shutdown", ...)
    QString message, error;      // Status.Message, Status.Err
    QString image;               // Spec.ContainerSpec.Image, digest cut off
    quint64 forceUpdate = 0;     // Spec.ForceUpdate: with image, tells whether it runs the service's current spec
    QString containerId;
    QDateTime timestamp; // of the last state change

    bool isRunning() const { return state == QLatin1String("running"); }
};

struct SwarmNode
{
    QString id, hostname, role, availability, state, addr; // role: "manager"/"worker"; state: "ready", "down"
    bool leader = false;
};

struct SwarmSnapshot
{
    SwarmState swarm;
    QVector<SwarmService> services;
    QVector<SwarmTask> tasks;
    QVector<SwarmNode> nodes;
};

Q_DECLARE_METATYPE(SwarmState)
Q_DECLARE_METATYPE(SwarmService)
Q_DECLARE_METATYPE(SwarmTask)
Q_DECLARE_METATYPE(SwarmNode)
Q_DECLARE_METATYPE(SwarmSnapshot)
