#pragma once

#include "compose/ComposeTypes.h"
#include "engine/EngineTypes.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

#include <functional>

// The Containers view of one mode: every service the compose file enables for
// that mode, merged with the engine's containers of the matching Compose
// project (label com.docker.compose.project = `<STACK_NAME>-<mode>`). A service
// with no container yet shows as "not created"; containers of the project that
// the file no longer declares still show, so nothing running is hidden.
// Pure data in, rows out: the window feeds it from EngineMonitor's signals.
class ContainerListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ServiceColumn, StateColumn, HealthColumn, ImageColumn, PortsColumn, UptimeColumn, ColumnCount };
    // StateRole: a ContainerState (NotCreated for a service without a container,
    // Unknown while the engine does not answer); HealthRole: a ContainerHealth.
    enum Role { ContainerIdRole = Qt::UserRole + 1, ServiceRole, StateRole, HealthRole, ContainerNameRole };

    explicit ContainerListModel(QObject *parent = nullptr);

    // The mode's compose project and the services it should run.
    // stackDir: the folder of the stack shown. Compose labels each container with the
    // folder it was started from; containers of the same project name from another
    // folder are another stack's (a copy with the same STACK_NAME), so they are
    // marked, and otherFolder() names that folder for the window to warn before acting.
    void setProject(const QString &projectName, const QVector<ComposeService> &services, const QString &stackDir = {});
    QString otherFolder() const;
    bool isFromOtherFolder(int row) const;
    QString projectName() const { return m_project; }

    // Engine side: a full snapshot (on connect) and live updates (from /events).
    void setContainers(const QVector<ContainerInfo> &containers);
    void updateContainer(const ContainerInfo &info);
    void removeContainer(const QString &id);

    // Uptime is relative to "now"; tests pin the clock, the window ticks it.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // While the engine does not answer, no row can say "not created" (or
    // anything else): its container may well be running. States read "unknown".
    void setStateKnown(bool known);
    bool isStateKnown() const { return m_stateKnown; }
    void refreshUptime();

    int rowForService(const QString &service) const;
    QString containerIdAt(int row) const;
    // True when every service of the mode has a running container that is not
    // unhealthy/starting (what "the stack is up" means to the e2e test and the UI).
    bool allServicesRunning() const;
    bool anyContainerRunning() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString formatPorts(const QVector<PortBinding> &ports);
    static QString formatPorts(const QVector<ComposePort> &ports);
    static QString formatUptime(qint64 seconds);

private:
    struct Row
    {
        QString service;
        bool declared = false;
        bool created = false;
        ComposeService spec;
        ContainerInfo container;
    };
    void rebuild();
    void applyRows(QVector<Row> rows);
    QString displayText(const Row &row, int column) const;

    QString m_project;
    QString m_stackDir; // canonical, or empty: not known (every folder counts as ours)
    QVector<ComposeService> m_services;
    QHash<QString, ContainerInfo> m_containers; // all containers of m_project, by id
    QVector<Row> m_rows;
    std::function<QDateTime()> m_clock;
    bool m_stateKnown = true;
};
