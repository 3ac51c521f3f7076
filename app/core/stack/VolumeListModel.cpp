#include "VolumeListModel.h"

#include <QLocale>

VolumeListModel::VolumeListModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void VolumeListModel::setStack(const QString &stackName, const QMap<QString, QStringList> &declaredByMode)
{
    m_stack = stackName;
    m_declared = declaredByMode;
    rebuild();
}

void VolumeListModel::setVolumes(const QVector<VolumeInfo> &volumes)
{
    m_volumes = volumes;
    rebuild();
}

QString VolumeListModel::modeOf(const VolumeInfo &v) const
{
    for (const QString &mode : m_declared.keys()) {
        if (v.project == m_stack + QLatin1Char('-') + mode)
            return mode;
    }
    return {};
}

void VolumeListModel::rebuild()
{
    QVector<Row> rows;
    QStringList seen;
    for (const VolumeInfo &v : std::as_const(m_volumes)) {
        const QString mode = modeOf(v);
        if (mode.isEmpty())
            continue;
        rows.append(Row{v, mode, true});
        seen << v.name;
    }
    for (auto it = m_declared.cbegin(); it != m_declared.cend(); ++it) {
        const QString &mode = it.key();
        for (const QString &declared : it.value()) {
            // Compose names a project's volume `<project>_<key>`.
            const QString name = m_stack + QLatin1Char('-') + mode + QLatin1Char('_') + declared;
            if (seen.contains(name))
                continue;
            VolumeInfo v;
            v.name = name;
            v.project = m_stack + QLatin1Char('-') + mode;
            rows.append(Row{v, mode, false});
        }
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return a.mode != b.mode ? a.mode < b.mode : a.volume.name < b.volume.name;
    });
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int VolumeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VolumeListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VolumeListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    if (role == ModeRole)
        return r.mode;
    if (role == SizeBytesRole)
        return r.volume.sizeBytes;
    if (role == CreatedRole)
        return r.created;
    if (role == Qt::ToolTipRole)
        return r.created ? r.volume.mountpoint
                         : tr("Declared in the compose file; created by the first Up in %1 mode.").arg(r.mode);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn: return r.volume.name;
    case ModeColumn: return r.mode;
    case SizeColumn:
        if (!r.created)
            return tr("not created");
        return r.volume.sizeBytes < 0 ? QStringLiteral("…") : formatSize(r.volume.sizeBytes);
    case UsedByColumn:
        return r.volume.usedBy.isEmpty() ? QStringLiteral("—") : r.volume.usedBy.join(QStringLiteral(", "));
    default: return {};
    }
}

QVariant VolumeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Volume");
    case ModeColumn: return tr("Mode");
    case SizeColumn: return tr("Size");
    case UsedByColumn: return tr("Used by");
    default: return {};
    }
}

QString VolumeListModel::formatSize(qint64 bytes)
{
    // The UI language's decimal separator ("1,5 MB" in pt_BR); QLocale's default follows it.
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}
