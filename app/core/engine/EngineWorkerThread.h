#pragma once

#include "engine/EngineClient.h"

#include <QObject>
#include <QThread>

#include <memory>

// A thread with an event loop and its own EngineClient, for requests that must
// run in order off the GUI thread. post() queues a call that receives the
// client; cancel() aborts the request in flight (and all later ones until
// renewClient()).
class EngineWorkerThread
{
public:
    explicit EngineWorkerThread(const QString &name)
    {
        m_thread.setObjectName(name);
        m_context.moveToThread(&m_thread);
        m_thread.start();
    }
    ~EngineWorkerThread()
    {
        cancel();
        m_thread.quit();
        m_thread.wait();
        // m_context was moved to the (now finished) thread; deleting it here is safe.
    }
    EngineWorkerThread(const EngineWorkerThread &) = delete;
    EngineWorkerThread &operator=(const EngineWorkerThread &) = delete;

    void renewClient(const EngineEndpoint &endpoint, EngineTimeouts timeouts)
    {
        m_client = std::make_shared<EngineClient>(endpoint, timeouts);
    }
    bool hasClient() const { return bool(m_client); }

    void cancel()
    {
        if (m_client)
            m_client->cancel();
    }

    template <typename F> void post(F &&f)
    {
        std::shared_ptr<EngineClient> client = m_client;
        QMetaObject::invokeMethod(
            &m_context, [client, f = std::forward<F>(f)]() mutable { f(*client); }, Qt::QueuedConnection);
    }

private:
    QThread m_thread;
    QObject m_context;
    std::shared_ptr<EngineClient> m_client;
};
