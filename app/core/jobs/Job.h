#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>

// One slow operation (up, down, build, push, export, query...) as the user sees
// it: a title, progress, a log and a way to cancel. Workers on other threads
// report through the thread-safe report*() calls, which hop to the Job's own
// thread before touching state, so views can read a Job without locking.
class Job : public QObject
{
    Q_OBJECT
public:
    enum class State { Pending, Running, Succeeded, Failed, Cancelled };
    Q_ENUM(State)

    explicit Job(QString title, QObject *parent = nullptr);

    QString title() const { return m_title; }
    State state() const { return m_state; }
    bool isFinished() const;
    // 0..1, or a negative value while the total is not known yet.
    double progress() const { return m_progress; }
    QString statusText() const { return m_status; }
    QStringList log() const { return m_log; }
    QString errorString() const { return m_error; }

    // Safe from any thread: workers poll this between steps.
    bool isCancelRequested() const { return m_cancelRequested.load(); }

    // Thread-safe reporting, usable from worker threads.
    void reportStarted();
    void reportProgress(double fraction, const QString &status = {});
    void reportLog(const QString &line);
    void reportSucceeded();
    void reportFailed(const QString &error);
    void reportCancelled();

    static QString stateName(State s);

public Q_SLOTS:
    // Asks the worker to stop; the Job turns Cancelled when the worker confirms.
    void cancel();

Q_SIGNALS:
    void stateChanged(Job::State state);
    void progressChanged(double fraction, const QString &status);
    void logAppended(const QString &line);
    void cancelRequested();
    void finished(Job::State state);

private:
    void setState(State s);
    void finish(State s, const QString &error);

    QString m_title;
    State m_state = State::Pending;
    double m_progress = -1.0;
    QString m_status;
    QStringList m_log;
    QString m_error;
    std::atomic<bool> m_cancelRequested{false};
};
