#pragma once

#include "engine/EngineTypes.h"

#include <QAbstractTableModel>
#include <QMap>

// The stack's named volumes in both modes: what the engine has for the
// projects `<STACK_NAME>-dev` / `-prod` (sizes from /system/df), plus the
// volumes the compose file declares but no mode has created yet. Down never
// removes volumes, so this is where the user sees what data is kept.
class VolumeListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ModeColumn, SizeColumn, UsedByColumn, ColumnCount };
    enum Role { ModeRole = Qt::UserRole + 1, SizeBytesRole, CreatedRole };

    explicit VolumeListModel(QObject *parent = nullptr);

    // declaredByMode: per mode, the compose file's volume keys (unprefixed) its services mount.
    void setStack(const QString &stackName, const QMap<QString, QStringList> &declaredByMode);
    void setVolumes(const QVector<VolumeInfo> &volumes);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString formatSize(qint64 bytes);

private:
    struct Row
    {
        VolumeInfo volume;
        QString mode;
        bool created = false;
    };
    void rebuild();
    QString modeOf(const VolumeInfo &v) const;

    QString m_stack;
    QMap<QString, QStringList> m_declared;
    QVector<VolumeInfo> m_volumes;
    QVector<Row> m_rows;
};
