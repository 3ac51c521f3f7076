#pragma once

#include "engine/ContainerState.h"
#include "engine/EngineEndpoint.h"
#include "stack/StackProject.h"

#include <QFileSystemWatcher>
#include <QMainWindow>
#include <QTimer>

#include <memory>

class ContainerListModel;
class DbBrowserPanel;
class EngineMonitor;
class Job;
class JobListModel;
class StackController;
class VolumeListModel;
namespace Ui {
class MainWindow;
}

// The stack at a glance: mode switch, containers and volumes of the stack,
// the selected container's log and the Activity panel. All state lives in the
// core objects it owns (EngineMonitor, StackController, the list models); the
// window only wires their signals to views and user intent back to them.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(const QString &projectDir, const EngineEndpoint &endpoint, QWidget *parent = nullptr);
    ~MainWindow() override;

    StackMode mode() const { return m_mode; }
    void setMode(StackMode mode);
    // Starts the engine feed; separate from construction so the first paint
    // does not wait for anything.
    void startMonitoring();

    ContainerListModel *containerModel() const { return m_containers; }
    const StackProject &project() const { return m_project; }

Q_SIGNALS:
    // After the views took the engine's state in (or lost it).
    void engineAvailabilityChanged(bool available);

private:
    void setupActions();
    void showModeOfProject();
    bool confirmOtherFolder(const QString &action);
    void reloadProject();
    void onAvailabilityChanged(bool available, const QString &reason);
    void updateBanner();
    void updateActions();
    void onContainerSelectionChanged();
    void containerAction(ContainerAction action);
    void trackJob(Job *job);
    void addDatabaseTab();
    void updateDatabaseDefaults();

    std::unique_ptr<Ui::MainWindow> m_ui;
    StackProject m_project;
    EngineEndpoint m_endpoint;
    StackMode m_mode = StackMode::Dev;
    bool m_modeChosen = false;
    QString m_engineProblem;
    QString m_selectedService;
    ContainerState m_followedState = ContainerState::Unknown; // of the container the log pane follows, to notice it starting

    EngineMonitor *m_monitor = nullptr;
    StackController *m_stack = nullptr;
    JobListModel *m_jobs = nullptr;
    ContainerListModel *m_containers = nullptr;
    VolumeListModel *m_volumes = nullptr;
    DbBrowserPanel *m_dbPanel = nullptr; // null when built without the db UI
    QFileSystemWatcher m_watcher;
    QTimer m_reloadDebounce;
    QTimer m_uptimeTick;
    QString m_otherFolderShown; // the folder the banner names, if any
};
