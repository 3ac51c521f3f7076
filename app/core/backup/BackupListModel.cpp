#include "BackupListModel.h"

#include <QLocale>

BackupListModel::BackupListModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void BackupListModel::setEntries(QList<BackupEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    for (BackupEntry &e : m_entries)
        e.checksum = m_checked.value(e.path, BackupEntry::Checksum::NotChecked);
    endResetModel();
}

const BackupEntry *BackupListModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

void BackupListModel::setChecksum(const QString &path, BackupEntry::Checksum state)
{
    m_checked.insert(path, state);
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].path != path)
            continue;
        m_entries[row].checksum = state;
        Q_EMIT dataChanged(index(row, ChecksumColumn), index(row, ChecksumColumn));
    }
}

QString BackupListModel::reasonName(BackupEntry::Reason reason)
{
    switch (reason) {
    case BackupEntry::Reason::Manual: return tr("manual");
    case BackupEntry::Reason::PreMigration: return tr("before migrating");
    case BackupEntry::Reason::PreUpgrade: return tr("before upgrading PostgreSQL");
    case BackupEntry::Reason::Unknown: break;
    }
    return tr("unknown");
}

QString BackupListModel::checksumName(const BackupEntry &e)
{
    if (!e.hasSidecar)
        return tr("no sidecar");
    if (e.sizeMismatch() || e.checksum == BackupEntry::Checksum::Bad)
        return tr("damaged");
    if (e.checksum == BackupEntry::Checksum::Good)
        return tr("verified");
    return tr("not checked");
}

int BackupListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int BackupListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackupListModel::data(const QModelIndex &index, int role) const
{
    const BackupEntry *e = index.isValid() ? entryAt(index.row()) : nullptr;
    if (!e)
        return {};
    if (role == PathRole)
        return e->path;
    if (role == Qt::TextAlignmentRole && (index.column() == SizeColumn || index.column() == MigrationsColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        if (index.column() == MigrationsColumn && !e->migrations.isEmpty())
            return e->migrations.join(QLatin1Char('\n'));
        if (index.column() == ChecksumColumn && e->hasSidecar)
            return tr("SHA-256 %1").arg(e->sha256);
        if (index.column() == FileColumn)
            return e->path;
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case TimeColumn: return locale.toString(e->created.toLocalTime(), QLocale::ShortFormat);
    case ReasonColumn: return reasonName(e->reason);
    case SizeColumn: return locale.formattedDataSize(e->size);
    case PostgresColumn: return e->postgresVersion;
    case MigrationsColumn: return e->hasSidecar ? QVariant(e->migrations.size()) : QVariant();
    case ChecksumColumn: return checksumName(*e);
    case FileColumn: return e->fileName;
    default: return {};
    }
}

QVariant BackupListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Taken");
    case ReasonColumn: return tr("Reason");
    case SizeColumn: return tr("Size");
    case PostgresColumn: return tr("PostgreSQL");
    case MigrationsColumn: return tr("Migrations");
    case ChecksumColumn: return tr("Checksum");
    case FileColumn: return tr("File");
    default: return {};
    }
}
