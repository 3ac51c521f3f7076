#include "EngineJson.h"

#include <QJsonValue>

#include <algorithm>
#include <limits>
#include <tuple>

namespace {
QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

QString stripSlash(QString name)
{
    if (name.startsWith(QLatin1Char('/')))
        name.remove(0, 1);
    return name;
}

void applyLabels(ContainerInfo &c, const QJsonObject &labels)
{
    c.project = labels.value(QLatin1String("com.docker.compose.project")).toString();
    c.service = labels.value(QLatin1String("com.docker.compose.service")).toString();
    c.workingDir = labels.value(QLatin1String("com.docker.compose.project.working_dir")).toString();
}

// "80/tcp" → (80, "tcp")
std::pair<int, QString> splitPortKey(const QString &key)
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return {key.toInt(), QStringLiteral("tcp")};
    return {key.left(slash).toInt(), key.mid(slash + 1)};
}

void sortPorts(QVector<PortBinding> &ports)
{
    std::sort(ports.begin(), ports.end(), [](const PortBinding &a, const PortBinding &b) {
        return std::tie(a.containerPort, a.protocol, a.hostIp, a.hostPort)
            < std::tie(b.containerPort, b.protocol, b.hostIp, b.hostPort);
    });
}

QStringList volumeNamesFromMounts(const QJsonArray &mounts)
{
    QStringList names;
    for (const QJsonValue &m : mounts) {
        const QJsonObject mo = m.toObject();
        if (str(mo, "Type") == QLatin1String("volume") && !str(mo, "Name").isEmpty())
            names << str(mo, "Name");
    }
    names.sort();
    return names;
}

ContainerHealth healthFromStatus(const QString &status)
{
    if (status.contains(QLatin1String("(healthy)")))
        return ContainerHealth::Healthy;
    if (status.contains(QLatin1String("(unhealthy)")))
        return ContainerHealth::Unhealthy;
    if (status.contains(QLatin1String("(health: starting)")))
        return ContainerHealth::Starting;
    return ContainerHealth::None;
}
} // namespace

namespace EngineJson {

QString displayImage(const QString &reference)
{
    for (const char *prefix : {"docker.io/library/", "docker.io/", "localhost/"}) {
        const QLatin1String p(prefix);
        // Only a prefix followed by a name ("localhost:5000/x" is a registry, kept).
        if (reference.startsWith(p) && reference.size() > p.size())
            return reference.mid(p.size());
    }
    return reference;
}

bool isIrrelevantContainerAction(const QString &action)
{
    static const QStringList ignored{
        QStringLiteral("attach"), QStringLiteral("detach"),       QStringLiteral("resize"),
        QStringLiteral("top"),    QStringLiteral("archive-path"), QStringLiteral("extract-to-dir"),
        QStringLiteral("export"), QStringLiteral("copy"),         QStringLiteral("commit")};
    return action.startsWith(QLatin1String("exec_")) || ignored.contains(action);
}

int stopGraceSeconds(const ContainerInfo &c)
{
    return c.stopTimeout > 0 ? c.stopTimeout : 10;
}

ContainerInfo containerFromInspect(const QJsonObject &o)
{
    ContainerInfo c;
    c.id = str(o, "Id");
    c.name = stripSlash(str(o, "Name"));
    const QJsonObject config = obj(o, "Config");
    c.image = displayImage(str(config, "Image"));
    if (c.image.isEmpty())
        c.image = displayImage(str(o, "Image"));
    const QJsonValue stopTimeout = config.value(QLatin1String("StopTimeout"));
    if (stopTimeout.isDouble())
        c.stopTimeout = stopTimeout.toInt();
    const QJsonObject state = obj(o, "State");
    c.state = ContainerStates::parse(str(state, "Status"));
    c.health = ContainerStates::parseHealth(str(obj(state, "Health"), "Status"));
    // The daemon writes "0001-01-01T00:00:00Z" for "never started".
    const QDateTime started = QDateTime::fromString(str(state, "StartedAt"), Qt::ISODateWithMs);
    if (started.isValid() && started.date().year() > 1970)
        c.startedAt = started;
    applyLabels(c, obj(config, "Labels"));

    const QJsonObject ports = obj(obj(o, "NetworkSettings"), "Ports");
    for (auto it = ports.begin(); it != ports.end(); ++it) {
        const auto [containerPort, protocol] = splitPortKey(it.key());
        const QJsonArray bindings = it.value().toArray(); // null when exposed but not published
        for (const QJsonValue &b : bindings) {
            const QJsonObject bo = b.toObject();
            c.ports.append({str(bo, "HostIp"), str(bo, "HostPort").toInt(), containerPort, protocol});
        }
    }
    sortPorts(c.ports);
    c.volumeNames = volumeNamesFromMounts(o.value(QLatin1String("Mounts")).toArray());
    return c;
}

ContainerInfo containerFromList(const QJsonObject &o)
{
    ContainerInfo c;
    c.id = str(o, "Id");
    const QJsonArray names = o.value(QLatin1String("Names")).toArray();
    if (!names.isEmpty())
        c.name = stripSlash(names.first().toString());
    c.image = displayImage(str(o, "Image"));
    c.state = ContainerStates::parse(str(o, "State"));
    c.status = str(o, "Status");
    c.health = healthFromStatus(c.status);
    applyLabels(c, obj(o, "Labels"));
    for (const QJsonValue &p : o.value(QLatin1String("Ports")).toArray()) {
        const QJsonObject po = p.toObject();
        if (!po.contains(QLatin1String("PublicPort")))
            continue;
        c.ports.append({str(po, "IP"), po.value(QLatin1String("PublicPort")).toInt(),
                        po.value(QLatin1String("PrivatePort")).toInt(), str(po, "Type")});
    }
    sortPorts(c.ports);
    c.volumeNames = volumeNamesFromMounts(o.value(QLatin1String("Mounts")).toArray());
    return c;
}

bool inspectHasTty(const QJsonObject &o)
{
    return obj(o, "Config").value(QLatin1String("Tty")).toBool();
}

QVector<VolumeInfo> volumesFromList(const QJsonObject &o)
{
    QVector<VolumeInfo> out;
    for (const QJsonValue &v : o.value(QLatin1String("Volumes")).toArray()) {
        const QJsonObject vo = v.toObject();
        VolumeInfo info;
        info.name = str(vo, "Name");
        info.driver = str(vo, "Driver");
        info.mountpoint = str(vo, "Mountpoint");
        info.project = obj(vo, "Labels").value(QLatin1String("com.docker.compose.project")).toString();
        out.append(info);
    }
    std::sort(out.begin(), out.end(), [](const VolumeInfo &a, const VolumeInfo &b) { return a.name < b.name; });
    return out;
}

QHash<QString, qint64> volumeSizesFromDf(const QJsonObject &o)
{
    QHash<QString, qint64> sizes;
    for (const QJsonValue &v : o.value(QLatin1String("Volumes")).toArray()) {
        const QJsonObject vo = v.toObject();
        const QJsonValue size = obj(vo, "UsageData").value(QLatin1String("Size"));
        sizes.insert(str(vo, "Name"), size.isDouble() ? size.toInteger(-1) : -1);
    }
    return sizes;
}

EngineEvent eventFromJson(const QJsonObject &o)
{
    EngineEvent e;
    e.type = str(o, "Type");
    e.action = str(o, "Action");
    const QJsonObject actor = obj(o, "Actor");
    e.id = str(actor, "ID");
    if (e.id.isEmpty())
        e.id = str(o, "id"); // pre-1.22 field, still sent alongside
    const QJsonObject attrs = obj(actor, "Attributes");
    for (auto it = attrs.begin(); it != attrs.end(); ++it)
        e.attributes.insert(it.key(), it.value().toString());
    e.timeNano = o.value(QLatin1String("timeNano")).toInteger();
    if (e.timeNano == 0) {
        // Seconds to nanoseconds, without the signed overflow a garbage time would cause.
        const qint64 seconds = o.value(QLatin1String("time")).toInteger();
        e.timeNano =
            seconds > 0 && seconds < std::numeric_limits<qint64>::max() / 1000000000LL ? seconds * 1000000000LL : 0;
    }
    return e;
}

} // namespace EngineJson
