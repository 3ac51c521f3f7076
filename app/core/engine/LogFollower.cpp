#include "LogFollower.h"

#include "engine/EngineClient.h"
#include "engine/EngineJson.h"
#include "engine/LogStreamDecoder.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <mutex>
#include <thread>

// The worker side: one thread per followed container, blocking in libcurl.
class LogFollowerThread
{
public:
    LogFollowerThread(LogFollower *owner, int generation, EngineEndpoint endpoint, QString id, int tail)
        : m_owner(owner), m_generation(generation), m_client(std::move(endpoint)), m_id(std::move(id)), m_tail(tail)
    {
        m_thread = std::thread([this] { run(); });
    }
    ~LogFollowerThread()
    {
        m_client.cancel();
        m_thread.join();
    }

private:
    void post(const std::function<void(LogFollower *)> &f)
    {
        LogFollower *owner = m_owner;
        const int generation = m_generation;
        QMetaObject::invokeMethod(
            owner,
            [owner, generation, f] {
                if (owner->m_generation == generation)
                    f(owner);
            },
            Qt::QueuedConnection);
    }

    // One wake-up per burst: only when the queue turns non-empty.
    void emitLines(const QVector<LogLine> &lines)
    {
        if (m_owner->m_queue.push(lines))
            post([](LogFollower *o) { Q_EMIT o->linesAvailable(); });
    }

    void fail(const QString &error)
    {
        post([error](LogFollower *o) {
            o->m_ended = true;
            Q_EMIT o->failed(error);
            Q_EMIT o->finished();
        });
    }

    void run()
    {
        const EngineReply ping = m_client.negotiate();
        if (!ping.ok)
            return fail(ping.error);
        const EngineReply inspect = m_client.getJson(QStringLiteral("/containers/%1/json").arg(m_id));
        if (!inspect.ok)
            return fail(inspect.error);
        const bool tty = EngineJson::inspectHasTty(inspect.json().object());
        LogStreamDecoder decoder(tty ? LogStreamDecoder::Mode::Raw : LogStreamDecoder::Mode::Multiplexed);
        QVector<LogLine> lines;
        const QString path = QStringLiteral("/containers/%1/logs?follow=1&stdout=1&stderr=1&timestamps=0&tail=%2")
                                 .arg(m_id, m_tail < 0 ? QStringLiteral("all") : QString::number(m_tail));
        const EngineReply r = m_client.stream(path, [&](const char *data, size_t size) {
            lines.clear();
            const bool ok = decoder.feed(data, qsizetype(size), &lines);
            emitLines(lines);
            return ok;
        });
        lines.clear();
        decoder.flush(&lines);
        emitLines(lines);
        if (!decoder.errorString().isEmpty())
            return fail(decoder.errorString());
        if (r.failure == HttpResult::Failure::Cancelled)
            return; // stop() reports finished itself
        if (!r.ok)
            return fail(r.error);
        post([](LogFollower *o) {
            o->m_ended = true;
            Q_EMIT o->finished();
        });
    }

    LogFollower *m_owner;
    int m_generation;
    EngineClient m_client;
    QString m_id;
    int m_tail;
    std::thread m_thread;
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
    m_thread = std::make_unique<LogFollowerThread>(this, m_generation, m_endpoint, m_containerId, tail);
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
