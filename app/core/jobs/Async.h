#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

class QThread;

// The one way off the GUI thread and back. Every area uses it; do not add another.
//
//  - Worker: a long-lived named thread (one per resource: engine requests, each
//    database session, each log follower). Tasks posted to it run in order.
//  - Target: a guarded context. Made on the context's own thread; deliver() from
//    any thread runs a call on that thread only while the context still lives.
//    No caller ever dereferences a context that may be gone, and nothing is
//    shared across threads but the values captured in the call.
//  - run(): work on a worker, its result as a value to a Target.
//  - Generation: drops results of requests that a newer one replaced.
//  - CancelFlag: the caller asks, the work polls.
//  - detached(): a one-off thread for a blocking call that must not hold up a
//    worker (PQcancel on a hung server) and that nobody waits for.
//
// A thread that receives deliveries must run an event loop (the GUI thread, or a
// Worker). Deliveries to a thread that has ended are dropped.
namespace async {

class Target
{
public:
    Target() = default;
    explicit Target(QObject *context); // call on the context's thread

    bool isNull() const { return m_context.isNull(); }
    QObject *context() const { return m_context.data(); } // only on the context's thread

    // Queues f on the context's thread; it runs there only if the context still lives.
    void deliver(std::function<void()> f) const;
    // As deliver(), but runs f at once when already on that thread.
    void call(std::function<void()> f) const;

private:
    QPointer<QObject> m_context;
    QThread *m_home = nullptr;
};

class Worker
{
public:
    explicit Worker(const QString &name);
    // Ends the thread after the task in flight (tasks not yet started are dropped).
    ~Worker();
    Worker(const Worker &) = delete;
    Worker &operator=(const Worker &) = delete;

    QString name() const;
    void post(std::function<void()> task);
    bool isCurrentThread() const;

    // Asks the thread to end after the task in flight and waits up to waitMs
    // (negative: for ever). True when it has ended.
    bool stop(int waitMs = -1);
    // For a worker stuck in a call that cannot be interrupted: stop() said false
    // and the owner must not wait longer. The thread ends by itself and frees
    // what it runs in; `keepAlive` (what the stuck task uses) is released after it.
    void abandon(std::shared_ptr<void> keepAlive = {});

private:
    class Thread;
    Thread *m_thread = nullptr;   // owned, unless abandoned
    QObject *m_context = nullptr; // lives on m_thread; tasks are queued to it
};

// Runs work() on the worker and delivers done(result) to the target's thread
// while the context lives. work() may return void (then done takes nothing).
template <typename Work, typename Done>
void run(Worker &worker, const Target &target, Work work, Done done)
{
    using R = std::invoke_result_t<Work &>;
    worker.post([target, work = std::move(work), done = std::move(done)]() mutable {
        if constexpr (std::is_void_v<R>) {
            work();
            target.deliver(std::move(done));
        } else {
            target.deliver([done = std::move(done), result = work()]() mutable { done(std::move(result)); });
        }
    });
}

template <typename Work, typename Done>
void run(Worker &worker, QObject *context, Work work, Done done)
{
    run(worker, Target(context), std::move(work), std::move(done));
}

// A request counter on the caller's thread: next() starts a request and
// invalidates every earlier one; isCurrent(n) tells whether n is the newest.
class Generation
{
public:
    quint64 next() { return ++m_current; }
    quint64 current() const { return m_current; }
    bool isCurrent(quint64 generation) const { return generation == m_current; }
    void invalidate() { ++m_current; }

private:
    quint64 m_current = 0;
};

// Shared between a caller and its work; copies refer to the same flag.
class CancelFlag
{
public:
    void request() const { m_flag->store(true); }
    bool isRequested() const { return m_flag->load(); }
    void reset() const { m_flag->store(false); }

private:
    std::shared_ptr<std::atomic<bool>> m_flag = std::make_shared<std::atomic<bool>>(false);
};

void detached(const QString &name, std::function<void()> f);

} // namespace async
