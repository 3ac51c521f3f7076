#pragma once

#include "engine/EngineEndpoint.h"
#include "engine/LogLineQueue.h"

#include <QObject>
#include <QString>

#include <memory>

class LogFollowerRun;

// Follows one container's log (/containers/{id}/logs?follow=1) on an async
// worker and hands out complete lines. TTY containers send raw bytes; all
// others use the 8-byte-header multiplexed format, decoded incrementally.
// Lines wait in a bounded LogLineQueue: linesAvailable() fires once when the
// queue turns non-empty and the consumer take()s batches until more is false,
// so a chatty container never floods the GUI thread's event queue.
class LogFollower : public QObject
{
    Q_OBJECT
public:
    LogFollower(EngineEndpoint endpoint, QString containerId, QObject *parent = nullptr);
    ~LogFollower() override;

    void start(int tail = 200);
    void stop();

    QString containerId() const { return m_containerId; }
    // At most maxLines of what arrived since the last take(), oldest first.
    LogLineQueue::Batch take(int maxLines) { return m_queue.take(maxLines); }
    // How many lines may wait before the oldest are dropped (and counted).
    void setCapacity(int lines) { m_queue.setCapacity(lines); }

Q_SIGNALS:
    void linesAvailable();
    void failed(const QString &error);
    void finished(); // the log ended (container stopped) or stop() was called

private:
    friend class LogFollowerRun;

    EngineEndpoint m_endpoint;
    QString m_containerId;
    LogLineQueue m_queue;                     // outlives m_thread, which is joined first
    std::unique_ptr<LogFollowerRun> m_thread; // reset (joined) first by the destructor
    // Bumped by start()/stop(): queued signals of an earlier run are dropped.
    int m_generation = 0;
    bool m_ended = true; // finished() already emitted for the current run
};
