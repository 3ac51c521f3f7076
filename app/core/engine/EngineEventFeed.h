#pragma once

#include "engine/EngineClient.h"
#include "engine/EngineEndpoint.h"
#include "engine/EngineTypes.h"
#include "jobs/Async.h"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

// The connection loop behind EngineMonitor, on its own async::Worker: negotiate,
// take a full snapshot (containers inspected one by one, volumes), then follow
// /events until it breaks; on any failure report why, wait with exponential
// backoff and start over. Callbacks run on the feed thread; the owner hops
// them to its own thread.
class EngineEventFeed
{
public:
    struct Callbacks
    {
        std::function<void(const QString &apiVersion, const QVector<ContainerInfo> &, const QVector<VolumeInfo> &)>
            connected;
        std::function<void(const EngineEvent &)> event;
        std::function<void(const QString &reason)> disconnected;
    };
    struct Backoff
    {
        int initialMs = 500;
        int maxMs = 10000;
        // A session shorter than this counts as a failed attempt, so a daemon
        // that accepts and then breaks at once does not get hammered.
        int healthyAfterMs = 5000;
    };

    EngineEventFeed(EngineEndpoint endpoint, EngineTimeouts timeouts, Backoff backoff, Callbacks callbacks);
    ~EngineEventFeed();

    void start();
    void stop(); // cancels the request in flight and joins

private:
    void run();
    QString sync(EngineClient &client, qint64 *since); // error sentence, empty on success
    void followEvents(EngineClient &client, qint64 since, QString *reason);
    bool waitFor(int ms); // false when stopping

    EngineEndpoint m_endpoint;
    EngineTimeouts m_timeouts;
    Backoff m_backoff;
    Callbacks m_callbacks;

    std::unique_ptr<async::Worker> m_worker; // runs run() once, start to stop
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    EngineClient *m_client = nullptr; // the one in use, for stop() to cancel
};
