#pragma once

#include "engine/ContainerState.h"
#include "engine/EngineEndpoint.h"
#include "stack/StackProject.h"

#include <QMainWindow>

#include <memory>

class ContainerListModel;
class DbBrowserPanel;
class BackupPanel;
class ImagePanel;
class SwarmPanel;
class QAction;
class QLabel;
class QMenu;
class Job;
class StackSession;
namespace Ui {
class MainWindow;
}
class NewStackDialog;

// The stack at a glance: mode switch, containers and volumes of the stack,
// the selected container's log and the Activity panel. All state lives in the
// StackSession it owns (engine feed, compose/run, project files, models); the
// window only presents it and passes the user's intent back to it.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(const QString &projectDir, const EngineEndpoint &endpoint, QWidget *parent = nullptr);
    ~MainWindow() override;

    StackMode mode() const;
    void setMode(StackMode mode);
    // Starts the engine feed; separate from construction so the first paint
    // does not wait for anything.
    void startMonitoring();

    StackSession *session() const { return m_session; }
    ContainerListModel *containerModel() const;
    const StackProject &project() const;

    // File > New stack…: the dialog (its Job runs off the GUI thread). Public for the tests.
    NewStackDialog *newStackDialog();
    // Help > Keyboard shortcuts: every action of the window with a shortcut, by menu.
    QStringList shortcutList() const;

Q_SIGNALS:
    // After the views took the engine's state in (or lost it).
    void engineAvailabilityChanged(bool available);
    // File > Open stack…, Open recent, a created stack: main() opens `dir` in a new window.
    void openStackRequested(const QString &dir);

private:
    void setupActions();
    void setupFileMenu();
    void setupLanguageMenu();
    void updateRecentMenu();
    void openStack(const QString &dir);
    void showShortcuts();
    bool confirmOtherFolder(const QString &action);
    void present();
    void onAvailabilityChanged(bool available);
    void updateBanner();
    void updateWebLabel();
    void updateActions();
    void onContainerSelectionChanged();
    void containerAction(ContainerAction action);
    void addImageTab();
    void addBootSection();
    void updateBoot();
    bool event(QEvent *event) override;
    void addDatabaseTab();
    void addBackupTab();
    // The Swarm tab and the mode row's Swarm button: shown while the engine is a swarm manager.
    void addSwarmTab();
    void updateSwarmTab();
    // Prod with pending migrations: shows them and that a backup comes first.
    bool confirmPendingMigrations();
    void updateDatabaseDefaults();

    std::unique_ptr<Ui::MainWindow> m_ui;
    StackSession *m_session = nullptr;
    QString m_selectedService;
    ContainerState m_followedState =
        ContainerState::Unknown; // of the container the log pane follows, to notice it starting
    ImagePanel *m_imagePanel = nullptr;
    BackupPanel *m_backupPanel = nullptr;
    SwarmPanel *m_swarmPanel = nullptr;
    QWidget *m_swarmTab = nullptr;
    QAction *m_swarmAction = nullptr;
    QLabel *m_bootLabel = nullptr;
    QMenu *m_bootMenu = nullptr;
    DbBrowserPanel *m_dbPanel = nullptr; // null when built without the db UI
    QMenu *m_recentMenu = nullptr;
    QString m_templateDir;
};
