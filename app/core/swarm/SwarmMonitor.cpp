#include "SwarmMonitor.h"

#include "engine/EngineJson.h"
#include "engine/EngineLane.h"
#include "engine/EngineMonitor.h"
#include "swarm/SwarmJson.h"

#include <QJsonArray>

namespace {
// Whether an event can change what the Swarm view shows.
bool concernsSwarm(const EngineEvent &e)
{
    if (e.type == QLatin1String("service") || e.type == QLatin1String("node"))
        return true;
    // swarm init/leave create and remove the ingress network; stacks add overlays.
    if (e.type == QLatin1String("network"))
        return true;
    // A task's container starting, dying or turning healthy; not the exec_* of
    // every healthcheck probe (several a second on a stack with a few replicas).
    return e.type == QLatin1String("container") && !EngineJson::isIrrelevantContainerAction(e.action)
        && e.attributes.contains(QStringLiteral("com.docker.swarm.service.id"));
}

struct ReadResult
{
    SwarmSnapshot snapshot;
    QString problem;
};

ReadResult readSwarm(EngineClient &client)
{
    ReadResult out;
    const EngineReply info = client.getJson(QStringLiteral("/info"));
    if (!info.ok) {
        out.problem = info.error;
        return out;
    }
    out.snapshot.swarm = SwarmJson::stateFromInfo(info.json().object());
    if (!out.snapshot.swarm.isManager())
        return out;
    const EngineReply services = client.getJson(QStringLiteral("/services?status=true"));
    const EngineReply tasks = services.ok ? client.getJson(QStringLiteral("/tasks")) : services;
    const EngineReply nodes = tasks.ok ? client.getJson(QStringLiteral("/nodes")) : tasks;
    if (!nodes.ok) {
        // A manager that has just been demoted or left answers 503 "This node is not a swarm manager".
        out.problem = nodes.error;
        return out;
    }
    out.snapshot.services = SwarmJson::servicesFromList(services.json().array());
    out.snapshot.tasks = SwarmJson::tasksFromList(tasks.json().array());
    out.snapshot.nodes = SwarmJson::nodesFromList(nodes.json().array());
    return out;
}
} // namespace

SwarmMonitor::SwarmMonitor(EngineEndpoint endpoint, EngineMonitor *engine, QObject *parent)
    : QObject(parent), m_endpoint(std::move(endpoint)), m_engine(engine),
      m_lane(std::make_unique<EngineLane>(QStringLiteral("engine-swarm")))
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(150);
    connect(&m_coalesce, &QTimer::timeout, this, &SwarmMonitor::read);
    m_converge.setSingleShot(true);
    connect(&m_converge, &QTimer::timeout, this, &SwarmMonitor::refresh);
    connect(m_engine, &EngineMonitor::availabilityChanged, this,
            [this](bool available, const QString &) { onEngineAvailability(available); });
    connect(m_engine, &EngineMonitor::eventReceived, this, &SwarmMonitor::onEvent);
    if (m_engine->isAvailable())
        onEngineAvailability(true);
}

SwarmMonitor::~SwarmMonitor() = default;

bool SwarmMonitor::isConverging() const
{
    for (const SwarmService &s : m_snapshot.services)
        if (s.running < s.desired || s.isUpdating())
            return true;
    return false;
}

void SwarmMonitor::refresh()
{
    if (m_engine->isAvailable())
        m_coalesce.start();
}

void SwarmMonitor::onEngineAvailability(bool available)
{
    if (!available) {
        m_lane->cancel();
        m_converge.stop();
        const bool wasManager = isManager();
        m_snapshot = {};
        m_problem.clear();
        Q_EMIT changed();
        if (wasManager)
            Q_EMIT managerChanged(false);
        return;
    }
    m_lane->renewClient(m_endpoint, {});
    const ApiVersion version = ApiVersion::parse(m_engine->apiVersion());
    m_lane->run(
        m_self, [version](EngineClient &c) { c.setApiVersion(version); }, [] {});
    read();
}

void SwarmMonitor::onEvent(const EngineEvent &event)
{
    if (concernsSwarm(event))
        refresh();
}

void SwarmMonitor::read()
{
    if (m_inFlight) {
        m_again = true;
        return;
    }
    m_inFlight = true;
    ++m_reads;
    m_lane->run(m_self, readSwarm, [this](const ReadResult &r) { onRead(r.snapshot, r.problem); });
}

void SwarmMonitor::onRead(const SwarmSnapshot &snapshot, const QString &problem)
{
    m_inFlight = false;
    const bool wasManager = isManager();
    m_snapshot = snapshot;
    m_problem = problem;
    Q_EMIT changed();
    if (wasManager != isManager())
        Q_EMIT managerChanged(isManager());
    if (m_again) {
        m_again = false;
        refresh();
    } else if (isConverging()) {
        m_converge.start(m_convergeIntervalMs);
    }
}
