#include "ContainerListModel.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

ContainerListModel::ContainerListModel(QObject *parent)
    : QAbstractTableModel(parent), m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

namespace {
QString canonical(const QString &dir)
{
    const QString c = QFileInfo(dir).canonicalFilePath();
    return c.isEmpty() ? QDir::cleanPath(dir) : c;
}
} // namespace

void ContainerListModel::setProject(const QString &projectName, const QVector<ComposeService> &services,
                                    const QString &stackDir)
{
    m_stackDir = stackDir.isEmpty() ? QString() : canonical(stackDir);
    if (projectName != m_project) {
        // Containers are kept per project; a new project means a new snapshot.
        m_containers.clear();
    }
    m_project = projectName;
    m_services = services;
    rebuild();
}

void ContainerListModel::setContainers(const QVector<ContainerInfo> &containers)
{
    m_containers.clear();
    for (const ContainerInfo &c : containers) {
        if (c.project == m_project)
            m_containers.insert(c.id, c);
    }
    rebuild();
}

void ContainerListModel::updateContainer(const ContainerInfo &info)
{
    if (info.project != m_project) {
        // A container can only leave the project by being recreated, but be safe.
        if (m_containers.remove(info.id))
            rebuild();
        return;
    }
    m_containers.insert(info.id, info);
    rebuild();
}

void ContainerListModel::removeContainer(const QString &id)
{
    if (m_containers.remove(id))
        rebuild();
}

void ContainerListModel::rebuild()
{
    QVector<Row> rows;
    QHash<QString, QVector<ContainerInfo>> byService;
    for (const ContainerInfo &c : std::as_const(m_containers))
        byService[c.service].append(c);
    for (auto &list : byService)
        std::sort(list.begin(), list.end(),
                  [](const ContainerInfo &a, const ContainerInfo &b) { return a.name < b.name; });

    for (const ComposeService &s : std::as_const(m_services)) {
        const QVector<ContainerInfo> cs = byService.take(s.name);
        if (cs.isEmpty()) {
            rows.append(Row{s.name, true, false, s, {}});
            continue;
        }
        for (const ContainerInfo &c : cs)
            rows.append(Row{s.name, true, true, s, c});
    }
    // Leftovers: the project runs something the file does not declare (an
    // orphan from an older file, or a service of another profile).
    QStringList extra = byService.keys();
    extra.sort();
    for (const QString &service : std::as_const(extra)) {
        for (const ContainerInfo &c : byService.value(service))
            rows.append(Row{service, false, true, {}, c});
    }

    applyRows(std::move(rows));
}

// A row's identity is its service and its place among that service's containers,
// so a service whose container appears, changes or goes is the same row with new
// cells: views keep selection and scroll by themselves. Rows that come or go are
// inserted and removed; only a change of order (a reordered compose file) resets.
void ContainerListModel::applyRows(QVector<Row> rows)
{
    const auto identities = [](const QVector<Row> &list) {
        QStringList out;
        QHash<QString, int> seen;
        for (const Row &r : list)
            out << r.service + QLatin1Char('#') + QString::number(seen[r.service]++);
        return out;
    };
    const QStringList next = identities(rows);
    QStringList current = identities(m_rows);

    for (int i = current.size() - 1; i >= 0; --i) {
        if (next.contains(current.at(i)))
            continue;
        beginRemoveRows({}, i, i);
        m_rows.remove(i);
        current.removeAt(i);
        endRemoveRows();
    }
    // What is left must keep its order in the new list, else only a reset is honest.
    int at = 0;
    for (const QString &id : std::as_const(current)) {
        at = int(next.indexOf(id, at));
        if (at < 0) {
            beginResetModel();
            m_rows = rows;
            endResetModel();
            return;
        }
        ++at;
    }
    for (int i = 0; i < next.size(); ++i) {
        if (i < current.size() && current.at(i) == next.at(i))
            continue;
        beginInsertRows({}, i, i);
        m_rows.insert(i, rows.at(i));
        current.insert(i, next.at(i));
        endInsertRows();
    }
    m_rows = std::move(rows);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(m_rows.size() - 1, ColumnCount - 1));
}

void ContainerListModel::refreshUptime()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, UptimeColumn), index(m_rows.size() - 1, UptimeColumn), {Qt::DisplayRole});
}

int ContainerListModel::rowForService(const QString &service) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).service == service)
            return i;
    }
    return -1;
}

QString ContainerListModel::containerIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).container.id : QString();
}

bool ContainerListModel::allServicesRunning() const
{
    bool any = false;
    for (const Row &r : m_rows) {
        if (!r.declared)
            continue;
        any = true;
        if (!r.created || r.container.state != ContainerState::Running)
            return false;
        if (r.container.health != ContainerHealth::None && r.container.health != ContainerHealth::Healthy)
            return false;
    }
    return any;
}

bool ContainerListModel::anyContainerRunning() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(),
                       [](const Row &r) { return r.created && r.container.state == ContainerState::Running; });
}

int ContainerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ContainerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContainerListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    if (!m_stateKnown) {
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == StateColumn)
                return ContainerStates::displayName(ContainerState::Unknown);
            if (index.column() == HealthColumn || index.column() == UptimeColumn)
                return QStringLiteral("—");
            return displayText(r, index.column());
        case Qt::ToolTipRole:
            return tr("The Docker Engine does not answer: this container's state is unknown until it does.");
        case StateRole: return QVariant::fromValue(ContainerState::Unknown);
        case HealthRole: return QVariant::fromValue(ContainerHealth::None);
        default: break;
        }
    }
    const bool foreign = isFromOtherFolder(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (foreign && index.column() == ServiceColumn)
            return tr("%1 (another folder's)").arg(displayText(r, index.column()));
        return displayText(r, index.column());
    case Qt::ToolTipRole:
        if (foreign)
            return tr("This container was started from %1, another stack with the same STACK_NAME; "
                      "actions here would act on that stack.")
                .arg(r.container.workingDir);
        if (!r.created)
            return tr("Defined in the compose file; no container yet. Use Up to create it.");
        return r.container.status.isEmpty() ? r.container.name
                                            : r.container.name + QStringLiteral(" — ") + r.container.status;
    case ContainerIdRole: return r.container.id;
    case ContainerNameRole: return r.container.name;
    case ServiceRole: return r.service;
    case StateRole: return QVariant::fromValue(r.created ? r.container.state : ContainerState::NotCreated);
    case HealthRole: return QVariant::fromValue(r.container.health);
    default: return {};
    }
}

void ContainerListModel::setStateKnown(bool known)
{
    if (known == m_stateKnown)
        return;
    m_stateKnown = known;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

bool ContainerListModel::isFromOtherFolder(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_stackDir.isEmpty())
        return false;
    const Row &r = m_rows.at(row);
    return r.created && !r.container.workingDir.isEmpty() && canonical(r.container.workingDir) != m_stackDir;
}

QString ContainerListModel::otherFolder() const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (isFromOtherFolder(row))
            return m_rows.at(row).container.workingDir;
    return {};
}

QString ContainerListModel::displayText(const Row &r, int column) const
{
    switch (column) {
    case ServiceColumn: return r.declared ? r.service : tr("%1 (not in compose file)").arg(r.service);
    case StateColumn: return ContainerStates::displayName(r.created ? r.container.state : ContainerState::NotCreated);
    case HealthColumn: return ContainerStates::displayName(r.created ? r.container.health : ContainerHealth::None);
    case ImageColumn: return r.created ? r.container.image : r.spec.image;
    case PortsColumn:
        // A stopped container publishes nothing; show what the file declares instead.
        return r.created && r.container.state == ContainerState::Running ? formatPorts(r.container.ports)
                                                                         : formatPorts(r.spec.ports);
    case UptimeColumn:
        if (r.created && r.container.state == ContainerState::Running && r.container.startedAt.isValid())
            return formatUptime(qMax<qint64>(0, r.container.startedAt.secsTo(m_clock())));
        return QStringLiteral("—");
    default: return {};
    }
}

QVariant ContainerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ServiceColumn: return tr("Service");
    case StateColumn: return tr("State");
    case HealthColumn: return tr("Health");
    case ImageColumn: return tr("Image");
    case PortsColumn: return tr("Ports");
    case UptimeColumn: return tr("Uptime");
    default: return {};
    }
}

namespace {
QString portText(const QString &ip, int host, int container, const QString &proto)
{
    QString s;
    if (host > 0)
        s = (ip.isEmpty() || ip == QLatin1String("0.0.0.0") || ip == QLatin1String("::") ? QString()
                                                                                         : ip + QLatin1Char(':'))
            + QString::number(host) + QStringLiteral("→");
    s += QString::number(container);
    if (!proto.isEmpty() && proto != QLatin1String("tcp"))
        s += QLatin1Char('/') + proto;
    return s;
}

// By container port, so what the files declare and what the daemon lists (in
// its own order) read the same: "80→80, 443→443".
QString joinByContainerPort(QVector<QPair<int, QString>> parts)
{
    std::stable_sort(parts.begin(), parts.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList texts;
    for (const auto &p : std::as_const(parts))
        texts << p.second;
    return texts.join(QStringLiteral(", "));
}
} // namespace

QString ContainerListModel::formatPorts(const QVector<PortBinding> &ports)
{
    QVector<QPair<int, QString>> parts;
    for (const PortBinding &p : ports) {
        if (p.hostPort <= 0)
            continue; // exposed but not published: not reachable from the host
        const QString text = portText(p.hostIp, p.hostPort, p.containerPort, p.protocol);
        // The daemon lists IPv4 and IPv6 bindings separately; once is enough.
        if (!std::any_of(parts.cbegin(), parts.cend(), [&](const auto &q) { return q.second == text; }))
            parts.append({p.containerPort, text});
    }
    return joinByContainerPort(parts);
}

QString ContainerListModel::formatPorts(const QVector<ComposePort> &ports)
{
    QVector<QPair<int, QString>> parts;
    for (const ComposePort &p : ports)
        parts.append({p.containerPort, portText(p.hostIp, p.hostPort, p.containerPort, p.protocol)});
    return joinByContainerPort(parts);
}

QString ContainerListModel::formatUptime(qint64 s)
{
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min").arg(s / 60);
    if (s < 86400)
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}
