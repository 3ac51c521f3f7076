#include "LogFollower.h"

#include "engine/EngineClient.h"
#include "engine/EngineJson.h"
#include "engine/LogStreamDecoder.h"
#include "jobs/Async.h"

#include <QCoreApplication>
#include <QJsonObject>

// The worker side: one async::Worker per followed container, blocking in
// libcurl for as long as the log is followed. What it reports is delivered to
// the follower through the async helper and dropped if the follower is gone or
// has been restarted (generation) meanwhile; lines go through the queue.
class LogFollowerRun
{
public:
    LogFollowerRun(LogFollower *owner, EngineEndpoint endpoint, const QString &id, int tail)
        : m_client(std::make_shared<EngineClient>(std::move(endpoint))),
          m_worker(QStringLiteral("log:%1").arg(id.left(12)))
    {
        m_worker.post([client = m_client, target = async::Target(owner), owner, generation = owner->m_generation,
                       queue = &owner->m_queue, id, tail] {
            follow(*client, Reports{target, owner, generation}, *queue, id, tail);
        });
    }
    ~LogFollowerRun()
    {
        m_client->cancel();
        m_worker.stop(); // the queue the run pushes to outlives this
    }

private:
    struct Reports
    {
        async::Target target;
        LogFollower *owner; // dereferenced only by delivered calls, while it lives
        int generation;
        void send(std::function<void(LogFollower *)> f) const
        {
            target.deliver([owner = owner, generation = generation, f = std::move(f)] {
                if (owner->m_generation == generation)
                    f(owner);
            });
        }
        void fail(const QString &error) const
        {
            send([error](LogFollower *o) {
                o->m_ended = true;
                Q_EMIT o->failed(error);
                Q_EMIT o->finished();
            });
        }
    };

    static void follow(EngineClient &client, const Reports &reports, LogLineQueue &queue, const QString &id, int tail)
    {
        // One wake-up per burst: only when the queue turns non-empty.
        const auto emitLines = [&](const QVector<LogLine> &lines) {
            if (queue.push(lines))
                reports.send([](LogFollower *o) { Q_EMIT o->linesAvailable(); });
        };
        const EngineReply ping = client.negotiate();
        if (!ping.ok)
            return reports.fail(ping.error);
        const EngineReply inspect = client.getJson(QStringLiteral("/containers/%1/json").arg(id));
        if (!inspect.ok)
            return reports.fail(inspect.error);
        const bool tty = EngineJson::inspectHasTty(inspect.json().object());
        LogStreamDecoder decoder(tty ? LogStreamDecoder::Mode::Raw : LogStreamDecoder::Mode::Multiplexed);
        QVector<LogLine> lines;
        const QString path = QStringLiteral("/containers/%1/logs?follow=1&stdout=1&stderr=1&timestamps=0&tail=%2")
                                 .arg(id, tail < 0 ? QStringLiteral("all") : QString::number(tail));
        const EngineReply r = client.stream(path, [&](const char *data, size_t size) {
            lines.clear();
            const bool ok = decoder.feed(data, qsizetype(size), &lines);
            emitLines(lines);
            return ok;
        });
        lines.clear();
        decoder.flush(&lines);
        emitLines(lines);
        if (!decoder.errorString().isEmpty())
            return reports.fail(decoder.errorString());
        if (r.failure == HttpResult::Failure::Cancelled)
            return; // stop() reports finished itself
        if (!r.ok)
            return reports.fail(r.error);
        reports.send([](LogFollower *o) {
            o->m_ended = true;
            Q_EMIT o->finished();
        });
    }

    std::shared_ptr<EngineClient> m_client;
    async::Worker m_worker;
};

LogFollower::LogFollower(EngineEndpoint endpoint, QString containerId, QObject *parent)
    : QObject(parent), m_endpoint(std::move(endpoint)), m_containerId(std::move(containerId))
{
}

LogFollower::~LogFollower()
{
    m_thread.reset();
}

void LogFollower::start(int tail)
{
    m_thread.reset();
    ++m_generation;
    m_queue.clear();
    m_ended = false;
    m_thread = std::make_unique<LogFollowerRun>(this, m_endpoint, m_containerId, tail);
}

void LogFollower::stop()
{
    if (!m_thread)
        return;
    m_thread.reset(); // cancels and joins
    ++m_generation;
    if (!m_ended) {
        m_ended = true;
        Q_EMIT finished();
    }
}
