#include "EngineMonitor.h"

#include "engine/EngineClient.h"
#include "engine/EngineEventFeed.h"
#include "engine/EngineJson.h"
#include "engine/EngineWorkerThread.h"
#include "jobs/Job.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace {
// Container actions that change nothing we show; health checks alone fire
// exec_* every few seconds per container.
bool isIrrelevantContainerAction(const QString &action)
{
    static const QStringList ignored{QStringLiteral("attach"), QStringLiteral("detach"),
                                     QStringLiteral("resize"), QStringLiteral("top"),
                                     QStringLiteral("archive-path"), QStringLiteral("extract-to-dir"),
                                     QStringLiteral("export"), QStringLiteral("copy"), QStringLiteral("commit")};
    return action.startsWith(QLatin1String("exec_")) || ignored.contains(action);
}

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
        m_requests = std::make_unique<EngineWorkerThread>(QStringLiteral("engine-requests"));
        m_slowRequests = std::make_unique<EngineWorkerThread>(QStringLiteral("engine-df"));
    }
    m_requests->renewClient(m_endpoint, timeouts);
    m_slowRequests->renewClient(m_endpoint, timeouts);

    // The feed calls back on its own thread; each callback hops here. The
    // monitor joins the feed before it dies, and queued calls to a deleted
    // context are dropped, so capturing `this` is safe.
    EngineEventFeed::Callbacks cb;
    cb.connected = [this](const QString &version, const QVector<ContainerInfo> &containers,
                          const QVector<VolumeInfo> &volumes) {
        QMetaObject::invokeMethod(
            this, [this, version, containers, volumes] { onConnected(version, containers, volumes); },
            Qt::QueuedConnection);
    };
    cb.event = [this](const EngineEvent &e) {
        QMetaObject::invokeMethod(this, [this, e] { onEvent(e); }, Qt::QueuedConnection);
    };
    cb.disconnected = [this](const QString &reason) {
        QMetaObject::invokeMethod(this, [this, reason] { onDisconnected(reason); }, Qt::QueuedConnection);
    };
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
    m_requests->post([version](EngineClient &c) { c.setApiVersion(version); });
    m_slowRequests->post([version](EngineClient &c) { c.setApiVersion(version); });

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
        || isIrrelevantContainerAction(event.action))
        return;
    const QString id = event.id;
    if (event.action == QLatin1String("destroy")) {
        // Through the worker as well, so an inspect queued by an earlier event
        // cannot land after the removal and resurrect the container.
        m_requests->post([this, id](EngineClient &) {
            QMetaObject::invokeMethod(this, [this, id] { onInspected(id, {}, true); }, Qt::QueuedConnection);
        });
        return;
    }
    m_requests->post([this, id](EngineClient &client) {
        const EngineReply r = client.getJson(QStringLiteral("/containers/%1/json").arg(id));
        if (!r.ok && r.status != 404)
            return; // the feed notices an unreachable engine and resyncs
        const ContainerInfo info = r.ok ? EngineJson::containerFromInspect(r.json().object()) : ContainerInfo();
        const bool gone = !r.ok;
        QMetaObject::invokeMethod(this, [this, id, info, gone] { onInspected(id, info, gone); },
                                  Qt::QueuedConnection);
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
    const bool volumesMoved = old == m_containers.constEnd() || old->volumeNames != info.volumeNames
        || old->name != info.name;
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
    m_requests->post([this](EngineClient &client) {
        const EngineReply r = client.getJson(QStringLiteral("/volumes"));
        if (!r.ok)
            return;
        const QVector<VolumeInfo> volumes = EngineJson::volumesFromList(r.json().object());
        QMetaObject::invokeMethod(this, [this, volumes] { onVolumesListed(volumes); }, Qt::QueuedConnection);
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
    m_slowRequests->post([this](EngineClient &client) {
        const EngineReply r = client.getJson(QStringLiteral("/system/df"), kDfStallSeconds);
        const bool ok = r.ok;
        const bool cancelled = r.failure == HttpResult::Failure::Cancelled;
        const QHash<QString, qint64> sizes = ok ? EngineJson::volumeSizesFromDf(r.json().object())
                                                : QHash<QString, qint64>();
        QMetaObject::invokeMethod(
            this,
            [this, ok, cancelled, sizes] {
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
            },
            Qt::QueuedConnection);
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

Job *EngineMonitor::containerAction(const QString &id, const QString &action)
{
    const auto it = m_containers.constFind(id);
    const QString name = it != m_containers.constEnd() ? it->name : id.left(12);
    auto *job = new Job(tr("%1 %2").arg(action, name), this);
    static const QStringList allowed{QStringLiteral("start"), QStringLiteral("stop"), QStringLiteral("restart")};
    if (!allowed.contains(action)) {
        job->reportFailed(tr("Unknown container action \"%1\".").arg(action));
        return job;
    }
    if (!m_running) {
        job->reportFailed(tr("The Docker Engine is not being watched; start the monitor first."));
        return job;
    }
    // The Job is a child of the monitor, which joins this worker before it
    // (and so the Job) is destroyed.
    m_requests->post([job, id, action](EngineClient &client) {
        job->reportStarted();
        job->reportProgress(-1, QCoreApplication::translate("EngineMonitor", "Asking the engine to %1 the container")
                                    .arg(action));
        const EngineReply r = client.post(QStringLiteral("/containers/%1/%2").arg(id, action),
                                          [job] { return job->isCancelRequested(); }, kActionStallSeconds);
        if (r.ok || r.status == 304) // 304: already in that state
            job->reportSucceeded();
        else if (r.failure == HttpResult::Failure::Cancelled)
            job->reportCancelled();
        else
            job->reportFailed(r.error);
    });
    return job;
}
