#pragma once

#include "backup/BackupEntry.h"

#include <QAbstractTableModel>

// The backups of the shown mode, newest first: Time, Reason, Size, PostgreSQL,
// Migrations (count; the names in the tooltip), Checksum, File. Verify results
// are kept per path across reloads of the folder.
class BackupListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        ReasonColumn,
        SizeColumn,
        PostgresColumn,
        MigrationsColumn,
        ChecksumColumn,
        FileColumn,
        ColumnCount
    };
    enum Role { PathRole = Qt::UserRole + 1 };

    explicit BackupListModel(QObject *parent = nullptr);

    void setEntries(QList<BackupEntry> entries);
    const QList<BackupEntry> &entries() const { return m_entries; }
    const BackupEntry *entryAt(int row) const;
    void setChecksum(const QString &path, BackupEntry::Checksum state);

    static QString reasonName(BackupEntry::Reason reason);
    static QString checksumName(const BackupEntry &entry);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<BackupEntry> m_entries;
    QHash<QString, BackupEntry::Checksum> m_checked;
};
