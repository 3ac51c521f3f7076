#include "SwarmJson.h"

#include <QJsonValue>

#include <algorithm>
#include <tuple>

namespace {
QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// The Engine writes "0001-01-01T00:00:00Z" for "never".
QDateTime when(const QString &s)
{
    const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    return t.isValid() && t.date().year() > 1 ? t : QDateTime();
}

quint64 u64(const QJsonValue &v)
{
    return v.isDouble() ? static_cast<quint64>(std::max(0.0, v.toDouble())) : 0;
}
} // namespace

namespace SwarmJson {

QString withoutDigest(const QString &image)
{
    const qsizetype at = image.indexOf(QLatin1Char('@'));
    return at < 0 ? image : image.left(at);
}

SwarmState stateFromInfo(const QJsonObject &info)
{
    SwarmState s;
    const QJsonValue v = info.value(QLatin1String("Swarm"));
    if (!v.isObject())
        return s;
    const QJsonObject o = v.toObject();
    s.localNodeState = str(o, "LocalNodeState");
    s.controlAvailable = o.value(QLatin1String("ControlAvailable")).toBool();
    s.nodeId = str(o, "NodeID");
    s.nodeAddr = str(o, "NodeAddr");
    s.error = str(o, "Error");
    s.nodes = o.value(QLatin1String("Nodes")).toInt();
    s.managers = o.value(QLatin1String("Managers")).toInt();
    return s;
}

QVector<SwarmService> servicesFromList(const QJsonArray &a)
{
    QVector<SwarmService> out;
    out.reserve(a.size());
    for (const QJsonValue &v : a) {
        const QJsonObject o = v.toObject();
        const QJsonObject spec = obj(o, "Spec");
        const QJsonObject task = obj(spec, "TaskTemplate");
        const QJsonObject mode = obj(spec, "Mode");
        const QJsonObject status = obj(o, "ServiceStatus");
        const QJsonObject update = obj(o, "UpdateStatus");
        SwarmService s;
        s.id = str(o, "ID");
        s.name = str(spec, "Name");
        s.stack = obj(spec, "Labels").value(QLatin1String("com.docker.stack.namespace")).toString();
        s.image = withoutDigest(str(obj(task, "ContainerSpec"), "Image"));
        s.forceUpdate = u64(task.value(QLatin1String("ForceUpdate")));
        s.global = mode.contains(QLatin1String("Global"));
        if (s.global)
            s.desired = status.value(QLatin1String("DesiredTasks")).toInt();
        else
            s.desired = obj(mode, "Replicated").value(QLatin1String("Replicas")).toInt();
        if (status.contains(QLatin1String("RunningTasks")))
            s.running = status.value(QLatin1String("RunningTasks")).toInt();
        s.updateState = str(update, "State");
        s.updateMessage = str(update, "Message");
        s.updateStartedAt = when(str(update, "StartedAt"));
        out << s;
    }
    std::sort(out.begin(), out.end(), [](const SwarmService &x, const SwarmService &y) { return x.name < y.name; });
    return out;
}

QVector<SwarmTask> tasksFromList(const QJsonArray &a)
{
    QVector<SwarmTask> out;
    out.reserve(a.size());
    for (const QJsonValue &v : a) {
        const QJsonObject o = v.toObject();
        const QJsonObject status = obj(o, "Status");
        const QJsonObject spec = obj(o, "Spec");
        SwarmTask t;
        t.id = str(o, "ID");
        t.serviceId = str(o, "ServiceID");
        t.nodeId = str(o, "NodeID");
        t.slot = o.value(QLatin1String("Slot")).toInt();
        t.state = str(status, "State");
        t.desiredState = str(o, "DesiredState");
        t.message = str(status, "Message");
        t.error = str(status, "Err");
        t.image = withoutDigest(str(obj(spec, "ContainerSpec"), "Image"));
        t.forceUpdate = u64(spec.value(QLatin1String("ForceUpdate")));
        t.containerId = str(obj(status, "ContainerStatus"), "ContainerID");
        t.timestamp = when(str(status, "Timestamp"));
        out << t;
    }
    // By service and slot, the newest first within a slot: the order `docker service ps` uses.
    std::sort(out.begin(), out.end(), [](const SwarmTask &x, const SwarmTask &y) {
        return std::tie(x.serviceId, x.slot, y.timestamp, x.id) < std::tie(y.serviceId, y.slot, x.timestamp, y.id);
    });
    return out;
}

QVector<SwarmNode> nodesFromList(const QJsonArray &a)
{
    QVector<SwarmNode> out;
    out.reserve(a.size());
    for (const QJsonValue &v : a) {
        const QJsonObject o = v.toObject();
        const QJsonObject spec = obj(o, "Spec");
        const QJsonObject status = obj(o, "Status");
        SwarmNode n;
        n.id = str(o, "ID");
        n.hostname = str(obj(o, "Description"), "Hostname");
        n.role = str(spec, "Role");
        n.availability = str(spec, "Availability");
        n.state = str(status, "State");
        n.addr = str(status, "Addr");
        n.leader = obj(o, "ManagerStatus").value(QLatin1String("Leader")).toBool();
        out << n;
    }
    std::sort(out.begin(), out.end(), [](const SwarmNode &x, const SwarmNode &y) { return x.hostname < y.hostname; });
    return out;
}

} // namespace SwarmJson
