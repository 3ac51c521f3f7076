#include "Job.h"

#include <QMetaObject>
#include <QThread>

namespace {
// Keeps a long build log from growing without bound; the newest lines matter most.
constexpr int kMaxLogLines = 5000;

template <typename F> void onOwnerThread(QObject *o, F &&f)
{
    if (QThread::currentThread() == o->thread())
        f();
    else
        QMetaObject::invokeMethod(o, std::forward<F>(f), Qt::QueuedConnection);
}
} // namespace

Job::Job(QString title, QObject *parent) : QObject(parent), m_title(std::move(title)) {}

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
    if (isFinished() || m_cancelRequested.exchange(true))
        return;
    Q_EMIT cancelRequested();
}

void Job::reportStarted()
{
    onOwnerThread(this, [this] {
        if (m_state == State::Pending)
            setState(State::Running);
    });
}

void Job::reportProgress(double fraction, const QString &status)
{
    onOwnerThread(this, [this, fraction, status] {
        if (isFinished())
            return;
        if (m_state == State::Pending)
            setState(State::Running);
        m_progress = fraction < 0 ? -1.0 : qBound(0.0, fraction, 1.0);
        if (!status.isNull())
            m_status = status;
        Q_EMIT progressChanged(m_progress, m_status);
    });
}

void Job::reportLog(const QString &line)
{
    onOwnerThread(this, [this, line] {
        m_log.append(line);
        if (m_log.size() > kMaxLogLines)
            m_log.remove(0, m_log.size() - kMaxLogLines);
        Q_EMIT logAppended(line);
    });
}

void Job::reportSucceeded()
{
    onOwnerThread(this, [this] {
        if (!isFinished()) {
            m_progress = 1.0;
            Q_EMIT progressChanged(m_progress, m_status);
        }
        finish(State::Succeeded, {});
    });
}

void Job::reportFailed(const QString &error)
{
    onOwnerThread(this, [this, error] { finish(State::Failed, error); });
}

void Job::reportCancelled()
{
    onOwnerThread(this, [this] { finish(State::Cancelled, tr("Cancelled")); });
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
    setState(s);
    Q_EMIT finished(s);
}
