#pragma once

#include "Job.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QVector>

// Every Job the app started, newest last, for the Activity panel. The model
// owns nothing: Jobs are parented by whoever started them.
class JobListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { JobRole = Qt::UserRole + 1, ProgressRole, StateRole, StatusRole, ErrorRole };

    using QAbstractListModel::QAbstractListModel;

    void add(Job *job);
    Job *jobAt(int row) const;
    int runningCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void refresh(Job *job);

    QVector<QPointer<Job>> m_jobs;
};
