#include "SwarmModels.h"

#include <QColor>
#include <QSet>

#include <algorithm>

namespace {
bool inStack(const SwarmService &s, const QString &stack)
{
    return stack.isEmpty() || s.stack == stack;
}

// "mystack-swarm_web" → "web": docker stack deploy prefixes the namespace and "_".
QString withoutNamespace(const QString &name, const QString &stack)
{
    const QString prefix = stack + QLatin1Char('_');
    return !stack.isEmpty() && name.startsWith(prefix) ? name.mid(prefix.size()) : name;
}
} // namespace

SwarmUpdateProgress swarmUpdateProgress(const SwarmService &service, const QVector<SwarmTask> &tasks)
{
    SwarmUpdateProgress p;
    p.desired = service.desired;
    for (const SwarmTask &t : tasks)
        if (t.serviceId == service.id && t.isRunning() && t.desiredState == QLatin1String("running")
            && t.image == service.image && t.forceUpdate == service.forceUpdate)
            ++p.current;
    return p;
}

SwarmServiceModel::SwarmServiceModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void SwarmServiceModel::setStack(const QString &stack)
{
    if (stack == m_stack)
        return;
    m_stack = stack;
    beginResetModel();
    rebuild();
    endResetModel();
}

void SwarmServiceModel::rebuild()
{
    m_rows.clear();
    m_progress.clear();
    for (const SwarmService &s : m_snapshot.services)
        if (inStack(s, m_stack)) {
            m_rows << s;
            m_progress << swarmUpdateProgress(s, m_snapshot.tasks);
        }
}

void SwarmServiceModel::setSnapshot(const SwarmSnapshot &snapshot)
{
    QStringList before, after;
    for (const SwarmService &s : m_rows)
        before << s.id;
    m_snapshot = snapshot;
    for (const SwarmService &s : snapshot.services)
        if (inStack(s, m_stack))
            after << s.id;
    if (before != after) {
        beginResetModel();
        rebuild();
        endResetModel();
        return;
    }
    rebuild();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

const SwarmService *SwarmServiceModel::service(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int SwarmServiceModel::rowOf(const QString &name) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (shortName(m_rows[r]) == name)
            return r;
    return -1;
}

QString SwarmServiceModel::shortName(const SwarmService &s) const
{
    return withoutNamespace(s.name, s.stack);
}

int SwarmServiceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SwarmServiceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SwarmServiceModel::updateStateName(const QString &state)
{
    if (state == QLatin1String("updating"))
        return tr("updating");
    if (state == QLatin1String("paused"))
        return tr("update paused");
    if (state == QLatin1String("completed"))
        return tr("updated");
    if (state == QLatin1String("rollback_started"))
        return tr("rolling back");
    if (state == QLatin1String("rollback_paused"))
        return tr("rollback paused");
    if (state == QLatin1String("rollback_completed"))
        return tr("rolled back");
    return state;
}

QVariant SwarmServiceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const SwarmService &s = m_rows[index.row()];
    const SwarmUpdateProgress &p = m_progress[index.row()];
    switch (role) {
    case ServiceIdRole: return s.id;
    case RunningRole: return s.running;
    case DesiredRole: return s.desired;
    case UpdatingRole: return s.isUpdating();
    case UpdateProgressRole: return p.fraction();
    case ShortNameRole: return shortName(s);
    case Qt::TextAlignmentRole:
        if (index.column() == ReplicasColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == ReplicasColumn && s.running >= 0 && s.running < s.desired)
            return QColor(0xb0, 0x60, 0x00);
        if (index.column() == UpdateColumn && s.updateState.startsWith(QLatin1String("rollback")))
            return QColor(0xb0, 0x20, 0x20);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == UpdateColumn && !s.updateMessage.isEmpty())
            return s.updateMessage;
        if (index.column() == NameColumn)
            return s.name;
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return shortName(s);
        case ReplicasColumn: {
            const QString running = s.running < 0 ? QStringLiteral("?") : QString::number(s.running);
            return s.global ? tr("%1/%2 (global)").arg(running).arg(s.desired)
                            : QStringLiteral("%1/%2").arg(running).arg(s.desired);
        }
        case ImageColumn: return s.image;
        case UpdateColumn:
            if (s.isUpdating())
                return tr("%1: %2 of %3 on the new spec")
                    .arg(updateStateName(s.updateState))
                    .arg(p.current)
                    .arg(p.desired);
            return updateStateName(s.updateState);
        }
        return {};
    }
    return {};
}

QVariant SwarmServiceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Service");
    case ReplicasColumn: return tr("Replicas");
    case ImageColumn: return tr("Image");
    case UpdateColumn: return tr("Update");
    }
    return {};
}

SwarmTaskModel::SwarmTaskModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void SwarmTaskModel::setStack(const QString &stack)
{
    if (stack == m_stack)
        return;
    m_stack = stack;
    beginResetModel();
    rebuild();
    endResetModel();
}

void SwarmTaskModel::setSnapshot(const SwarmSnapshot &snapshot)
{
    beginResetModel();
    m_snapshot = snapshot;
    rebuild();
    endResetModel();
}

void SwarmTaskModel::rebuild()
{
    m_rows.clear();
    QHash<QString, QString> serviceNames;
    for (const SwarmService &s : m_snapshot.services)
        if (inStack(s, m_stack))
            serviceNames.insert(s.id, withoutNamespace(s.name, s.stack));
    QHash<QString, QString> nodeNames;
    for (const SwarmNode &n : m_snapshot.nodes)
        nodeNames.insert(n.id, n.hostname.isEmpty() ? n.id.left(12) : n.hostname);
    for (const SwarmTask &t : m_snapshot.tasks) {
        const auto service = serviceNames.constFind(t.serviceId);
        if (service == serviceNames.constEnd())
            continue;
        Row r;
        r.task = t;
        r.name = t.slot > 0 ? QStringLiteral("%1.%2").arg(*service).arg(t.slot)
                            : QStringLiteral("%1.%2").arg(*service, t.nodeId.left(12));
        r.node = t.nodeId.isEmpty() ? QString() : nodeNames.value(t.nodeId, t.nodeId.left(12));
        m_rows << r;
    }
    // Service and slot, the tasks meant to run first, then the newest.
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
        if (a.name.section(QLatin1Char('.'), 0, 0) != b.name.section(QLatin1Char('.'), 0, 0))
            return a.name < b.name;
        if (a.task.slot != b.task.slot)
            return a.task.slot < b.task.slot;
        const bool ac = a.task.desiredState == QLatin1String("running");
        const bool bc = b.task.desiredState == QLatin1String("running");
        if (ac != bc)
            return ac;
        return a.task.timestamp > b.task.timestamp;
    });
}

int SwarmTaskModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SwarmTaskModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SwarmTaskModel::taskStateName(const QString &state)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("new"), QT_TR_NOOP("new")},
        {QStringLiteral("pending"), QT_TR_NOOP("pending")},
        {QStringLiteral("assigned"), QT_TR_NOOP("assigned")},
        {QStringLiteral("accepted"), QT_TR_NOOP("accepted")},
        {QStringLiteral("preparing"), QT_TR_NOOP("preparing")},
        {QStringLiteral("ready"), QT_TR_NOOP("ready")},
        {QStringLiteral("starting"), QT_TR_NOOP("starting")},
        {QStringLiteral("running"), QT_TR_NOOP("running")},
        {QStringLiteral("complete"), QT_TR_NOOP("complete")},
        {QStringLiteral("shutdown"), QT_TR_NOOP("shut down")},
        {QStringLiteral("failed"), QT_TR_NOOP("failed")},
        {QStringLiteral("rejected"), QT_TR_NOOP("rejected")},
        {QStringLiteral("remove"), QT_TR_NOOP("removing")},
        {QStringLiteral("orphaned"), QT_TR_NOOP("orphaned")},
    };
    const auto it = names.constFind(state);
    return it == names.constEnd() ? state : tr(*it);
}

QVariant SwarmTaskModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows[index.row()];
    const SwarmTask &t = r.task;
    switch (role) {
    case TaskIdRole: return t.id;
    case StateRole: return t.state;
    case CurrentRole: return t.desiredState == QLatin1String("running");
    case Qt::ForegroundRole:
        if (index.column() == StateColumn
            && (t.state == QLatin1String("failed") || t.state == QLatin1String("rejected")))
            return QColor(0xb0, 0x20, 0x20);
        if (t.desiredState != QLatin1String("running"))
            return QColor(0x80, 0x80, 0x80);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ErrorColumn || index.column() == StateColumn)
            return t.message;
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case TaskColumn: return r.name;
        case NodeColumn: return r.node;
        case StateColumn: return taskStateName(t.state);
        case DesiredColumn: return taskStateName(t.desiredState);
        case ErrorColumn: return t.error;
        case ImageColumn: return t.image;
        }
        return {};
    }
    return {};
}

QVariant SwarmTaskModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TaskColumn: return tr("Task");
    case NodeColumn: return tr("Node");
    case StateColumn: return tr("State");
    case DesiredColumn: return tr("Desired");
    case ErrorColumn: return tr("Error");
    case ImageColumn: return tr("Image");
    }
    return {};
}
