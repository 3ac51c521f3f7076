#include "EngineMonitor.h"

#include "engine/EngineClient.h"
#include "engine/EngineEventFeed.h"
#include "engine/EngineJson.h"
#include "engine/EngineLane.h"
#include "jobs/Job.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <optional>

namespace {
// Docker's stop/restart default grace period is 10 s; requests must outlive it.
constexpr int kActionStallSeconds = 60;
// /system/df on API 1.41 sizes every layer too; it is slow but not hung.
constexpr int kDfStallSeconds = 180;
constexpr int kSizeRefreshDelayMs = 500;
constexpr int kSizeRetries = 2;
} // namespace

EngineMonitor::EngineMonitor(EngineEndpoint endpoint, QObject *parent)
    : QObject(parent), m_endpoint(std::move(endpoint))
{
    qRegisterMetaType<ContainerInfo>();
    qRegisterMetaType<VolumeInfo>();
    qRegisterMetaType<EngineEvent>();
    qRegisterMetaType<QVector<VolumeInfo>>();
    m_sizeRefresh.setSingleShot(true);
    m_sizeRefresh.setInterval(kSizeRefreshDelayMs);
    connect(&m_sizeRefresh, &QTimer::timeout, this, &EngineMonitor::fetchVolumeSizes);
}

EngineMonitor::~EngineMonitor()
{
    stop();
    // The worker threads are joined here, before any member they call back into dies.
    m_requests.reset();
    m_actions.reset();
    m_slowRequests.reset();
}

void EngineMonitor::setReconnectDelays(int initialMs, int maxMs)
{
    m_backoffInitialMs = initialMs;
    m_backoffMaxMs = maxMs;
}

void EngineMonitor::setRequestTimeouts(int connectMs, int stallSeconds)
{
    m_connectTimeoutMs = connectMs;
    m_stallSeconds = stallSeconds;
}

void EngineMonitor::start()
{
    if (m_running)
        return;
    m_running = true;
    const EngineTimeouts timeouts{m_connectTimeoutMs, m_stallSeconds};
    if (!m_requests) {
        m_requests = std::make_unique<EngineLane>(QStringLiteral("engine-requests"));
        m_actions = std::make_unique<EngineLane>(QStringLiteral("engine-actions"));
        m_slowRequests = std::make_unique<EngineLane>(QStringLiteral("engine-df"));
    }
    m_requests->renewClient(m_endpoint, timeouts);
    m_actions->renewClient(m_endpoint, timeouts);
    m_slowRequests->renewClient(m_endpoint, timeouts);

    // The feed calls back on its own thread; each callback is delivered here
    // (and runs only while the monitor lives, which joins the feed anyway).
    EngineEventFeed::Callbacks cb;
    const async::Target self = m_self;
    cb.connected = [this, self](const QString &version, const QVector<ContainerInfo> &containers,
                                const QVector<VolumeInfo> &volumes) {
        self.deliver([this, version, containers, volumes] { onConnected(version, containers, volumes); });
    };
    cb.event = [this, self](const EngineEvent &e) { self.deliver([this, e] { onEvent(e); }); };
    cb.disconnected = [this, self](const QString &reason) { self.deliver([this, reason] { onDisconnected(reason); }); };
    EngineEventFeed::Backoff backoff;
    backoff.initialMs = m_backoffInitialMs;
    backoff.maxMs = m_backoffMaxMs;
    m_feed = std::make_unique<EngineEventFeed>(m_endpoint, timeouts, backoff, std::move(cb));
    m_feed->start();
}

void EngineMonitor::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_sizeRefresh.stop();
    m_sizesInFlight = m_sizesAgain = false;
    // Requests in flight end now; their queued results are ignored (!m_running).
    m_requests->cancel();
    m_actions->cancel();
    m_slowRequests->cancel();
    if (m_feed) {
        m_feed->stop();
        m_feed.reset();
    }
    setAvailable(false, tr("Not watching the Docker Engine."));
}

QVector<ContainerInfo> EngineMonitor::containers() const
{
    QVector<ContainerInfo> out;
    out.reserve(m_containers.size());
    for (const ContainerInfo &c : m_containers)
        out.append(c);
    std::sort(out.begin(), out.end(), [](const ContainerInfo &a, const ContainerInfo &b) { return a.name < b.name; });
    return out;
}

void EngineMonitor::setAvailable(bool available, const QString &reason)
{
    if (available == m_available && reason == m_lastReason)
        return;
    m_available = available;
    m_lastReason = reason;
    Q_EMIT availabilityChanged(available, reason);
}

void EngineMonitor::onConnected(const QString &apiVersion, const QVector<ContainerInfo> &containers,
                                const QVector<VolumeInfo> &volumes)
{
    if (!m_running)
        return;
    m_apiVersion = apiVersion;
    const ApiVersion version = ApiVersion::parse(apiVersion);
    for (EngineLane *lane : {m_requests.get(), m_actions.get(), m_slowRequests.get()})
        lane->run(
            m_self, [version](EngineClient &c) { c.setApiVersion(version); }, [] {});

    // Full resync: whatever vanished while we were away is removed.
    QSet<QString> seen;
    for (const ContainerInfo &c : containers)
        seen.insert(c.id);
    const QStringList known = m_containers.keys();
    for (const QString &id : known) {
        if (!seen.contains(id)) {
            m_containers.remove(id);
            Q_EMIT containerRemoved(id);
        }
    }
    for (const ContainerInfo &c : containers) {
        m_containers.insert(c.id, c);
        Q_EMIT containerChanged(c);
    }
    onVolumesListed(volumes);
    setAvailable(true, QString());
    m_sizeRefresh.start();
}

void EngineMonitor::onDisconnected(const QString &reason)
{
    if (m_running)
        setAvailable(false, reason);
}

void EngineMonitor::onEvent(const EngineEvent &event)
{
    if (!m_running)
        return;
    Q_EMIT eventReceived(event);
    if (event.type == QLatin1String("volume")) {
        fetchVolumeList();
        m_sizeRefresh.start();
        return;
    }
    if (event.type != QLatin1String("container") || event.id.isEmpty()
        || EngineJson::isIrrelevantContainerAction(event.action))
        return;
    const QString id = event.id;
    if (event.action == QLatin1String("destroy")) {
        // Through the worker as well, so an inspect queued by an earlier event
        // cannot land after the removal and resurrect the container.
        m_requests->run(
            m_self, [](EngineClient &) {}, [this, id] { onInspected(id, {}, true); });
        return;
    }
    struct Inspected
    {
        bool answered = false; // false: the feed notices an unreachable engine and resyncs
        bool gone = false;
        ContainerInfo info;
    };
    m_requests->run(
        m_self,
        [id](EngineClient &client) {
            const EngineReply r = client.getJson(QStringLiteral("/containers/%1/json").arg(id));
            Inspected out;
            out.answered = r.ok || r.status == 404;
            out.gone = !r.ok;
            if (r.ok)
                out.info = EngineJson::containerFromInspect(r.json().object());
            return out;
        },
        [this, id](const Inspected &r) {
            if (r.answered)
                onInspected(id, r.info, r.gone);
        });
}

void EngineMonitor::onInspected(const QString &id, const ContainerInfo &info, bool gone)
{
    if (!m_running)
        return;
    if (gone) {
        if (m_containers.remove(id) > 0) {
            Q_EMIT containerRemoved(id);
            updateVolumeUsers(true);
        }
        return;
    }
    const auto old = m_containers.constFind(id);
    const bool volumesMoved =
        old == m_containers.constEnd() || old->volumeNames != info.volumeNames || old->name != info.name;
    m_containers.insert(id, info);
    Q_EMIT containerChanged(info);
    if (volumesMoved)
        updateVolumeUsers(true);
}

void EngineMonitor::refreshVolumes()
{
    fetchVolumeList();
    m_sizeRefresh.start();
}

void EngineMonitor::fetchVolumeList()
{
    if (!m_running)
        return;
    m_requests->run(
        m_self,
        [](EngineClient &client) -> std::optional<QVector<VolumeInfo>> {
            const EngineReply r = client.getJson(QStringLiteral("/volumes"));
            if (!r.ok)
                return std::nullopt;
            return EngineJson::volumesFromList(r.json().object());
        },
        [this](const std::optional<QVector<VolumeInfo>> &volumes) {
            if (volumes)
                onVolumesListed(*volumes);
        });
}

void EngineMonitor::fetchVolumeSizes()
{
    if (!m_running)
        return;
    if (m_sizesInFlight) {
        m_sizesAgain = true; // one more round when the current one ends
        return;
    }
    m_sizesInFlight = true;
    struct Df
    {
        bool ok = false;
        bool cancelled = false;
        QHash<QString, qint64> sizes;
    };
    m_slowRequests->run(
        m_self,
        [](EngineClient &client) {
            const EngineReply r = client.getJson(QStringLiteral("/system/df"), kDfStallSeconds);
            Df out;
            out.ok = r.ok;
            out.cancelled = r.failure == HttpResult::Failure::Cancelled;
            if (r.ok)
                out.sizes = EngineJson::volumeSizesFromDf(r.json().object());
            return out;
        },
        [this](const Df &df) {
            const bool ok = df.ok;
            const bool cancelled = df.cancelled;
            const QHash<QString, qint64> &sizes = df.sizes;
            {
                m_sizesInFlight = false;
                if (ok) {
                    m_sizeRetriesLeft = kSizeRetries;
                    onVolumeSizes(sizes);
                } else if (!cancelled && m_sizeRetriesLeft > 0) {
                    // Older daemons refuse a df while another one runs; try again shortly.
                    --m_sizeRetriesLeft;
                    m_sizesAgain = true;
                }
                if (std::exchange(m_sizesAgain, false))
                    m_sizeRefresh.start();
            }
        });
}

void EngineMonitor::onVolumesListed(QVector<VolumeInfo> volumes)
{
    if (!m_running)
        return;
    for (VolumeInfo &v : volumes)
        v.sizeBytes = m_volumeSizes.value(v.name, -1);
    m_volumes = volumes;
    updateVolumeUsers(false);
    Q_EMIT volumesChanged(m_volumes);
}

void EngineMonitor::onVolumeSizes(const QHash<QString, qint64> &sizes)
{
    if (!m_running)
        return;
    m_volumeSizes = sizes;
    for (VolumeInfo &v : m_volumes)
        v.sizeBytes = m_volumeSizes.value(v.name, -1);
    Q_EMIT volumesChanged(m_volumes);
}

void EngineMonitor::updateVolumeUsers(bool emitIfChanged)
{
    QHash<QString, QStringList> users;
    for (const ContainerInfo &c : std::as_const(m_containers))
        for (const QString &v : c.volumeNames)
            users[v].append(c.name);
    bool changed = false;
    for (VolumeInfo &v : m_volumes) {
        QStringList u = users.value(v.name);
        u.sort();
        if (u != v.usedBy) {
            v.usedBy = u;
            changed = true;
        }
    }
    if (changed && emitIfChanged)
        Q_EMIT volumesChanged(m_volumes);
}

Job *EngineMonitor::containerAction(const QString &id, ContainerAction action)
{
    const auto it = m_containers.constFind(id);
    const QString name = it != m_containers.constEnd() ? it->name : id.left(12);
    auto *job = new Job(tr("%1 %2").arg(ContainerStates::displayName(action), name), this);
    if (!m_running) {
        job->reportFailed(tr("The Docker Engine is not being watched; start the monitor first."));
        return job;
    }
    // Its own lane: a stop waits out the container's grace period, and the
    // events that other containers send meanwhile must still be inspected.
    const Job::Reporter report = job->reporter();
    report.started();
    report.progress(-1, tr("Asking the engine: %1").arg(ContainerStates::displayName(action)));
    // Stop and restart name their grace period: Podman would otherwise kill at once (app/core/engine/README.md).
    QString path = QStringLiteral("/containers/%1/%2").arg(id, ContainerStates::apiName(action));
    int stallSeconds = kActionStallSeconds;
    if (action == ContainerAction::Stop || action == ContainerAction::Restart) {
        const int grace = EngineJson::stopGraceSeconds(it != m_containers.constEnd() ? *it : ContainerInfo{});
        path += QStringLiteral("?t=%1").arg(grace);
        stallSeconds = std::max(kActionStallSeconds, grace + 30);
    }
    m_actions->run(
        m_self,
        [report, path, stallSeconds](EngineClient &client) {
            const EngineReply r = client.post(
                path, [report] { return report.isCancelRequested(); }, stallSeconds);
            if (r.ok || r.status == 304) // 304: already in that state
                report.succeeded();
            else if (r.failure == HttpResult::Failure::Cancelled)
                report.cancelled();
            else
                report.failed(r.error);
        },
        [] {});
    return job;
}
