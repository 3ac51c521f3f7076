#include "JobListModel.h"

void JobListModel::add(Job *job)
{
    beginInsertRows({}, m_jobs.size(), m_jobs.size());
    m_jobs.append(job);
    endInsertRows();
    connect(job, &Job::stateChanged, this, [this, job] { refresh(job); });
    connect(job, &Job::progressChanged, this, [this, job] { refresh(job); });
    // QPointer has already cleared the entry when destroyed() arrives, so drop
    // whichever rows went null rather than searching for the dead pointer.
    connect(job, &QObject::destroyed, this, [this] {
        for (int row = m_jobs.size() - 1; row >= 0; --row) {
            if (!m_jobs.at(row)) {
                beginRemoveRows({}, row, row);
                m_jobs.remove(row);
                endRemoveRows();
            }
        }
    });
}

Job *JobListModel::jobAt(int row) const
{
    return row >= 0 && row < m_jobs.size() ? m_jobs.at(row).data() : nullptr;
}

int JobListModel::runningCount() const
{
    int n = 0;
    for (const auto &j : m_jobs)
        n += j && !j->isFinished();
    return n;
}

int JobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_jobs.size();
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    const Job *job = jobAt(index.row());
    if (!job)
        return {};
    switch (role) {
    case Qt::DisplayRole: return job->title();
    case Qt::ToolTipRole: return job->errorString().isEmpty() ? job->statusText() : job->errorString();
    case JobRole: return QVariant::fromValue(const_cast<Job *>(job));
    case ProgressRole: return job->progress();
    case StateRole: return QVariant::fromValue(job->state());
    case StatusRole: return job->statusText();
    case ErrorRole: return job->errorString();
    }
    return {};
}

QHash<int, QByteArray> JobListModel::roleNames() const
{
    return {{Qt::DisplayRole, "title"},
            {ProgressRole, "progress"},
            {StateRole, "state"},
            {StatusRole, "status"},
            {ErrorRole, "error"}};
}

void JobListModel::refresh(Job *job)
{
    const int row = m_jobs.indexOf(job);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row));
}
