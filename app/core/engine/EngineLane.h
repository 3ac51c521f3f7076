#pragma once

#include "engine/EngineClient.h"
#include "jobs/Async.h"

#include <memory>

// An EngineClient bound to one async::Worker: requests on a lane run in order,
// off the caller's thread, and their results come back through the async
// helper. cancel() aborts the request in flight and every later one until
// renewClient().
class EngineLane
{
public:
    explicit EngineLane(const QString &name) : m_worker(name) {}
    ~EngineLane() { cancel(); } // then m_worker joins its thread
    EngineLane(const EngineLane &) = delete;
    EngineLane &operator=(const EngineLane &) = delete;

    void renewClient(const EngineEndpoint &endpoint, EngineTimeouts timeouts)
    {
        m_client = std::make_shared<EngineClient>(endpoint, timeouts);
    }
    void cancel()
    {
        if (m_client)
            m_client->cancel();
    }

    // work(EngineClient &) runs on the lane; done(result) on the target's thread.
    template <typename Work, typename Done>
    void run(const async::Target &target, Work work, Done done)
    {
        async::run(
            m_worker, target, [client = m_client, work = std::move(work)]() mutable { return work(*client); },
            std::move(done));
    }

private:
    async::Worker m_worker;
    std::shared_ptr<EngineClient> m_client;
};
