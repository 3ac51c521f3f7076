#pragma once

#include "engine/EngineEndpoint.h"
#include "engine/EngineTypes.h"
#include "jobs/Async.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

class Job;
class EngineEventFeed;
class EngineLane;

// The live picture of one Docker Engine for the UI. Lives on the GUI thread;
// every request runs on async workers (the /events feed on one, inspects and
// volume lists on another, container actions on a third), and results come
// back through the async helper as values. State is driven by /events, never by polling: each
// container event re-inspects just that container. When the daemon goes away
// it reports why, retries with exponential backoff and resyncs everything.
class EngineMonitor : public QObject
{
    Q_OBJECT
public:
    explicit EngineMonitor(EngineEndpoint endpoint, QObject *parent = nullptr);
    ~EngineMonitor() override;

    void start();
    void stop();

    bool isAvailable() const { return m_available; }
    QString apiVersion() const { return m_apiVersion; }
    QVector<ContainerInfo> containers() const;
    QVector<VolumeInfo> volumes() const { return m_volumes; }

    // Re-lists volumes including their sizes (/system/df is slow, so calls are
    // coalesced over a short delay).
    void refreshVolumes();

    // The Job is owned by the monitor (parent) and finishes
    // when the daemon answered; the new state arrives through containerChanged.
    Job *containerAction(const QString &id, ContainerAction action);

    // Tuning for tests and the benchmark; defaults suit real use.
    void setReconnectDelays(int initialMs, int maxMs);
    void setRequestTimeouts(int connectMs, int stallSeconds);

Q_SIGNALS:
    void availabilityChanged(bool available, const QString &reason);
    void containerChanged(const ContainerInfo &info);
    void containerRemoved(const QString &id);
    void volumesChanged(const QVector<VolumeInfo> &volumes);
    void eventReceived(const EngineEvent &event);

private:
    void onConnected(const QString &apiVersion, const QVector<ContainerInfo> &containers,
                     const QVector<VolumeInfo> &volumes);
    void onDisconnected(const QString &reason);
    void onEvent(const EngineEvent &event);
    void onInspected(const QString &id, const ContainerInfo &info, bool gone);
    void onVolumesListed(QVector<VolumeInfo> volumes);
    void onVolumeSizes(const QHash<QString, qint64> &sizes);
    void setAvailable(bool available, const QString &reason);
    void updateVolumeUsers(bool emitIfChanged);
    void fetchVolumeList();
    void fetchVolumeSizes();

    EngineEndpoint m_endpoint;
    bool m_available = false;
    bool m_running = false;
    QString m_apiVersion;
    QString m_lastReason;
    QHash<QString, ContainerInfo> m_containers;
    QVector<VolumeInfo> m_volumes;
    QHash<QString, qint64> m_volumeSizes; // last /system/df answer
    QTimer m_sizeRefresh;                 // coalesces /system/df requests
    bool m_sizesInFlight = false;
    bool m_sizesAgain = false;
    int m_sizeRetriesLeft = 2;
    int m_connectTimeoutMs = 3000;
    int m_stallSeconds = 10;
    int m_backoffInitialMs = 500;
    int m_backoffMaxMs = 10000;

    async::Target m_self{this};
    std::unique_ptr<EngineEventFeed> m_feed;
    // Inspects and volume lists run in order on m_requests, so an event's
    // inspect never overtakes an earlier one. A stop waits out the container's
    // grace period and /system/df can take tens of seconds, so actions and df
    // have lanes of their own and never hold back an event's inspect.
    std::unique_ptr<EngineLane> m_requests;
    std::unique_ptr<EngineLane> m_actions;
    std::unique_ptr<EngineLane> m_slowRequests;
};
