#pragma once

#include "jobs/Async.h"

#include <QObject>
#include <QString>
#include <QStringList>

// One slow operation (up, down, build, push, export, query...) as the user sees
// it: a title, progress, a log and a way to cancel. The report*() calls are for
// the Job's own thread. Work on another thread gets a Reporter (a value, made on
// the Job's thread) and reports through it: each report is delivered with the
// async helper and dropped if the Job is gone by then, and the cancel flag is
// shared, so a worker never touches a Job that its owner may have deleted.
class Job : public QObject
{
    Q_OBJECT
public:
    enum class State { Pending, Running, Succeeded, Failed, Cancelled };
    Q_ENUM(State)

    explicit Job(QString title, QObject *parent = nullptr);
    ~Job() override; // a Job that goes away is cancelled: its workers see the flag

    QString title() const { return m_title; }
    State state() const { return m_state; }
    bool isFinished() const;
    // 0..1, or a negative value while the total is not known yet.
    double progress() const { return m_progress; }
    QString statusText() const { return m_status; }
    QStringList log() const { return m_log; }
    QString errorString() const { return m_error; }

    bool isCancelRequested() const { return m_cancel.isRequested(); }

    // What a worker holds instead of the Job. Copies are cheap; any thread.
    class Reporter
    {
    public:
        bool isCancelRequested() const { return m_cancel.isRequested(); }
        void started() const;
        void progress(double fraction, const QString &status = {}) const;
        void log(const QString &line) const;
        void succeeded() const;
        void failed(const QString &error) const;
        void cancelled() const;

    private:
        friend class Job;
        Reporter(Job *job, async::CancelFlag cancel);
        Job *m_job; // dereferenced only by calls delivered to the Job's thread while it lives
        async::Target m_target;
        async::CancelFlag m_cancel;
    };
    Reporter reporter(); // on the Job's thread

    // On the Job's own thread.
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
    async::CancelFlag m_cancel;
    bool m_cancelSignalled = false;
};
