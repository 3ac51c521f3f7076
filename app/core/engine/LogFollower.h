#pragma once

#include "engine/EngineEndpoint.h"

#include <QObject>
#include <QString>

#include <memory>

class LogFollowerThread;

// Follows one container's log (/containers/{id}/logs?follow=1) on a worker
// thread and hands out complete lines. TTY containers send raw bytes; all
// others use the 8-byte-header multiplexed format, decoded incrementally.
class LogFollower : public QObject
{
    Q_OBJECT
public:
    LogFollower(EngineEndpoint endpoint, QString containerId, QObject *parent = nullptr);
    ~LogFollower() override;

    void start(int tail = 200);
    void stop();

    QString containerId() const { return m_containerId; }

Q_SIGNALS:
    void lineReceived(const QString &stream /*stdout|stderr*/, const QString &text);
    void failed(const QString &error);
    void finished(); // the log ended (container stopped) or stop() was called

private:
    friend class LogFollowerThread;

    EngineEndpoint m_endpoint;
    QString m_containerId;
    std::unique_ptr<LogFollowerThread> m_thread;
    // Bumped by start()/stop(): queued signals of an earlier run are dropped.
    int m_generation = 0;
    bool m_ended = true; // finished() already emitted for the current run
};
