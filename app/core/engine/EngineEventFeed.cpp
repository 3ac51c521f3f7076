#include "EngineEventFeed.h"

#include "engine/EngineJson.h"
#include "engine/EngineLog.h"
#include "engine/JsonMessageStream.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(EngineEventFeed)
};
} // namespace

EngineEventFeed::EngineEventFeed(EngineEndpoint endpoint, EngineTimeouts timeouts, Backoff backoff, Callbacks callbacks)
    : m_endpoint(std::move(endpoint)), m_timeouts(timeouts), m_backoff(backoff), m_callbacks(std::move(callbacks))
{
}

EngineEventFeed::~EngineEventFeed()
{
    stop();
}

void EngineEventFeed::start()
{
    if (m_worker)
        return;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = false;
    }
    m_worker = std::make_unique<async::Worker>(QStringLiteral("engine-events"));
    m_worker->post([this] { run(); });
}

void EngineEventFeed::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
        if (m_client)
            m_client->cancel();
    }
    m_wake.notify_all();
    m_worker.reset(); // joins after run() returns
}

bool EngineEventFeed::waitFor(int ms)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_stopping; });
    return !m_stopping;
}

void EngineEventFeed::run()
{
    int delay = m_backoff.initialMs;
    for (;;) {
        EngineClient client(m_endpoint, m_timeouts);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_stopping)
                return;
            m_client = &client;
        }
        QString reason;
        QElapsedTimer session;
        session.start();
        const EngineReply ping = client.negotiate();
        qint64 since = 0;
        if (!ping.ok)
            reason = ping.error;
        else if ((reason = sync(client, &since)).isEmpty())
            followEvents(client, since, &reason);

        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_client = nullptr;
            if (m_stopping)
                return;
        }
        qCInfo(lcEngine).noquote() << "engine feed lost:" << reason;
        m_callbacks.disconnected(reason);
        if (session.elapsed() > m_backoff.healthyAfterMs)
            delay = m_backoff.initialMs;
        if (!waitFor(delay))
            return;
        delay = qMin(delay * 2, m_backoff.maxMs);
    }
}

QString EngineEventFeed::sync(EngineClient &client, qint64 *since)
{
    // Events are asked for from just before the snapshot, so nothing that
    // happens while listing is lost; replays are harmless because every
    // container event is answered by a fresh inspect.
    *since = QDateTime::currentSecsSinceEpoch() - 1;
    const EngineReply list = client.getJson(QStringLiteral("/containers/json?all=1"));
    if (!list.ok)
        return list.error;
    if (!list.json().isArray())
        return Text::tr("The Docker Engine answered the container list with something else than a list. Retrying.");
    QVector<ContainerInfo> containers;
    for (const QJsonValue &v : list.json().array()) {
        const ContainerInfo listed = EngineJson::containerFromList(v.toObject());
        // The list lacks StartedAt and precise health; inspect each one.
        const EngineReply inspect = client.getJson(QStringLiteral("/containers/%1/json").arg(listed.id));
        if (inspect.ok) {
            ContainerInfo info = EngineJson::containerFromInspect(inspect.json().object());
            info.status = listed.status;
            containers.append(info);
        } else if (inspect.status == 404) {
            continue; // removed meanwhile; its destroy event follows
        } else if (inspect.engineUnreachable()) {
            return inspect.error;
        } else {
            containers.append(listed);
        }
    }
    const EngineReply volumes = client.getJson(QStringLiteral("/volumes"));
    if (!volumes.ok)
        return volumes.error;
    m_callbacks.connected(client.apiVersion().toString(), containers,
                          EngineJson::volumesFromList(volumes.json().object()));
    return {};
}

void EngineEventFeed::followEvents(EngineClient &client, qint64 since, QString *reason)
{
    JsonMessageStream splitter;
    QVector<QJsonObject> messages;
    const EngineReply reply =
        client.stream(QStringLiteral("/events?since=%1").arg(since), [&](const char *data, size_t size) {
            messages.clear();
            const bool ok = splitter.feed(data, qsizetype(size), &messages);
            for (const QJsonObject &m : std::as_const(messages))
                m_callbacks.event(EngineJson::eventFromJson(m));
            return ok;
        });
    if (splitter.hasError())
        *reason = Text::tr("The Docker Engine sent an unreadable event stream (%1). Reconnecting.")
                      .arg(splitter.errorString());
    else if (reply.ok)
        *reason = Text::tr("The Docker Engine closed the event stream (is it restarting?). Reconnecting.");
    else
        *reason = reply.error;
}
