#include "MigrationPlan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &s : v.toArray())
        out << s.toString();
    return out;
}
} // namespace

std::optional<MigrationPlan> MigrationPlan::fromRunOutput(const QStringList &lines)
{
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QString t = it->trimmed();
        if (!t.startsWith(QLatin1Char('{')))
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(t.toUtf8());
        if (!doc.isObject())
            continue;
        const QJsonObject o = doc.object();
        if (!o.contains(QLatin1String("pending")) || !o.contains(QLatin1String("applied")))
            continue;
        MigrationPlan plan;
        plan.applied = strings(o.value(QLatin1String("applied")));
        plan.pending = strings(o.value(QLatin1String("pending")));
        plan.unmigratedApps = strings(o.value(QLatin1String("unmigrated_changes")));
        return plan;
    }
    return std::nullopt;
}

MigrationListModel::MigrationListModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void MigrationListModel::setPlan(const MigrationPlan &plan)
{
    beginResetModel();
    m_plan = plan;
    endResetModel();
}

void MigrationListModel::clear()
{
    setPlan({});
}

int MigrationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_plan.applied.size() + m_plan.pending.size());
}

int MigrationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MigrationListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const bool pending = index.row() >= m_plan.applied.size();
    const QString name =
        pending ? m_plan.pending.at(index.row() - m_plan.applied.size()) : m_plan.applied.at(index.row());
    if (role == PendingRole)
        return pending;
    if (role == Qt::DisplayRole) {
        if (index.column() == NameColumn)
            return name;
        return pending ? tr("pending") : tr("applied");
    }
    return {};
}

QVariant MigrationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Migration") : tr("State");
}
