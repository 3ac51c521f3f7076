#pragma once

#include "engine/EngineEndpoint.h"
#include "engine/EngineTypes.h"
#include "jobs/Async.h"
#include "swarm/SwarmTypes.h"

#include <QObject>
#include <QTimer>

#include <memory>

class EngineLane;
class EngineMonitor;

// Docker Swarm as the engine shows it, for the UI. Lives on the GUI thread and
// rides on the EngineMonitor's /events feed: a service, node or network event,
// or an event of a task's container, re-reads /info, /services?status=true,
// /tasks and /nodes on a lane of its own (coalesced over a short delay, so a
// rolling update's burst of events costs one read). The Engine has no task
// events, and a task that waits (no node fits, image not pulled yet) makes no
// container event either, so while a service has fewer running tasks than it
// wants the read is repeated every convergeIntervalMs until it has them; with
// everything converged nothing is asked until the next event.
class SwarmMonitor : public QObject
{
    Q_OBJECT
public:
    SwarmMonitor(EngineEndpoint endpoint, EngineMonitor *engine, QObject *parent = nullptr);
    ~SwarmMonitor() override;

    const SwarmSnapshot &snapshot() const { return m_snapshot; }
    bool isManager() const { return m_snapshot.swarm.isManager(); }
    // Empty, or the sentence of the last failed read.
    QString problem() const { return m_problem; }
    bool isConverging() const;

    // Reads everything again soon (also after a deploy, scale or remove ran).
    void refresh();
    void setConvergeInterval(int ms) { m_convergeIntervalMs = ms; }
    // How many reads were made, for tests and the benchmark.
    int readCount() const { return m_reads; }

Q_SIGNALS:
    void changed();
    // The engine became a swarm manager, or stopped being one.
    void managerChanged(bool manager);

private:
    void onEngineAvailability(bool available);
    void onEvent(const EngineEvent &event);
    void read();
    void onRead(const SwarmSnapshot &snapshot, const QString &problem);

    EngineEndpoint m_endpoint;
    EngineMonitor *m_engine;
    SwarmSnapshot m_snapshot;
    QString m_problem;
    bool m_inFlight = false;
    bool m_again = false;
    int m_reads = 0;
    int m_convergeIntervalMs = 2000;
    QTimer m_coalesce; // events to one read
    QTimer m_converge; // while replicas are missing
    async::Target m_self{this};
    std::unique_ptr<EngineLane> m_lane;
};
