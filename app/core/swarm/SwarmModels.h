#pragma once

#include "swarm/SwarmTypes.h"

#include <QAbstractTableModel>
#include <QHash>

// What the Swarm view lists of one stack (`docker stack deploy`'s namespace,
// `<STACK_NAME>-swarm`): its services with running/desired replicas and update
// state, and their tasks with node, state and error. Both are fed the same
// SwarmSnapshot; rows are matched by ID so selections survive a refresh.

// How far a service's rolling update has come: tasks running the service's
// current spec (image and force-update counter) against the replicas wanted.
struct SwarmUpdateProgress
{
    int current = 0, desired = 0;
    double fraction() const { return desired > 0 ? std::min(1.0, double(current) / desired) : 1.0; }
};
SwarmUpdateProgress swarmUpdateProgress(const SwarmService &service, const QVector<SwarmTask> &tasks);

class SwarmServiceModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ReplicasColumn, ImageColumn, UpdateColumn, ColumnCount };
    enum Role {
        ServiceIdRole = Qt::UserRole + 1,
        RunningRole,        // int, -1 unknown
        DesiredRole,        // int
        UpdatingRole,       // bool
        UpdateProgressRole, // double 0..1: tasks on the current spec / desired
        ShortNameRole,      // "web" for "mystack-swarm_web": what `run -9 scale` acts on
    };

    explicit SwarmServiceModel(QObject *parent = nullptr);

    // The stack namespace to show; empty shows every service.
    void setStack(const QString &stack);
    QString stack() const { return m_stack; }
    void setSnapshot(const SwarmSnapshot &snapshot);

    const SwarmService *service(int row) const;
    int rowOf(const QString &shortName) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "updating", "rollback_completed" … in words.
    static QString updateStateName(const QString &state);

private:
    void rebuild();
    QString shortName(const SwarmService &s) const;

    QString m_stack;
    SwarmSnapshot m_snapshot;
    QVector<SwarmService> m_rows;
    QVector<SwarmUpdateProgress> m_progress;
};

class SwarmTaskModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TaskColumn, NodeColumn, StateColumn, DesiredColumn, ErrorColumn, ImageColumn, ColumnCount };
    enum Role { TaskIdRole = Qt::UserRole + 1, StateRole, CurrentRole };

    explicit SwarmTaskModel(QObject *parent = nullptr);

    void setStack(const QString &stack);
    void setSnapshot(const SwarmSnapshot &snapshot);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "running", "shutdown" … in words.
    static QString taskStateName(const QString &state);

private:
    struct Row
    {
        SwarmTask task;
        QString name; // "web.2"
        QString node; // hostname, else the ID
    };
    void rebuild();

    QString m_stack;
    SwarmSnapshot m_snapshot;
    QVector<Row> m_rows;
};
