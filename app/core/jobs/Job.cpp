#include "Job.h"
#include "jobs/JobsLog.h"

#include <QThread>

Q_LOGGING_CATEGORY(lcJobs, "pdd.jobs", QtWarningMsg)

namespace {
// Keeps a long build log from growing without bound; the newest lines matter most.
constexpr int kMaxLogLines = 5000;
} // namespace

Job::Reporter::Reporter(Job *job, async::CancelFlag cancel) : m_job(job), m_target(job), m_cancel(std::move(cancel))
{
}

void Job::Reporter::started() const
{
    m_target.call([job = m_job] { job->reportStarted(); });
}

void Job::Reporter::progress(double fraction, const QString &status) const
{
    m_target.call([job = m_job, fraction, status] { job->reportProgress(fraction, status); });
}

void Job::Reporter::log(const QString &line) const
{
    m_target.call([job = m_job, line] { job->reportLog(line); });
}

void Job::Reporter::succeeded() const
{
    m_target.call([job = m_job] { job->reportSucceeded(); });
}

void Job::Reporter::failed(const QString &error) const
{
    m_target.call([job = m_job, error] { job->reportFailed(error); });
}

void Job::Reporter::cancelled() const
{
    m_target.call([job = m_job] { job->reportCancelled(); });
}

Job::Reporter Job::reporter()
{
    return Reporter(this, m_cancel);
}

Job::Job(QString title, QObject *parent) : QObject(parent), m_title(std::move(title))
{
}

Job::~Job()
{
    m_cancel.request();
}

bool Job::isFinished() const
{
    return m_state == State::Succeeded || m_state == State::Failed || m_state == State::Cancelled;
}

QString Job::stateName(State s)
{
    switch (s) {
    case State::Pending: return tr("Pending");
    case State::Running: return tr("Running");
    case State::Succeeded: return tr("Done");
    case State::Failed: return tr("Failed");
    case State::Cancelled: return tr("Cancelled");
    }
    return {};
}

void Job::cancel()
{
    if (isFinished() || std::exchange(m_cancelSignalled, true))
        return;
    m_cancel.request();
    Q_EMIT cancelRequested();
}

void Job::reportStarted()
{
    if (m_state == State::Pending)
        setState(State::Running);
}

void Job::reportProgress(double fraction, const QString &status)
{
    if (isFinished())
        return;
    if (m_state == State::Pending)
        setState(State::Running);
    m_progress = fraction < 0 ? -1.0 : qBound(0.0, fraction, 1.0);
    if (!status.isNull())
        m_status = status;
    Q_EMIT progressChanged(m_progress, m_status);
}

void Job::reportLog(const QString &line)
{
    m_log.append(line);
    if (m_log.size() > kMaxLogLines)
        m_log.remove(0, m_log.size() - kMaxLogLines);
    Q_EMIT logAppended(line);
}

void Job::reportSucceeded()
{
    if (!isFinished()) {
        m_progress = 1.0;
        Q_EMIT progressChanged(m_progress, m_status);
    }
    finish(State::Succeeded, {});
}

void Job::reportFailed(const QString &error)
{
    finish(State::Failed, error);
}

void Job::reportCancelled()
{
    finish(State::Cancelled, tr("Cancelled"));
}

void Job::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void Job::finish(State s, const QString &error)
{
    if (isFinished())
        return; // the first outcome wins: a late "failed" after a cancel changes nothing
    m_error = error;
    qCDebug(lcJobs).noquote() << "job" << m_title << stateName(s) << error;
    setState(s);
    Q_EMIT finished(s);
}
