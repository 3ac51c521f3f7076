#include "MainWindow.h"

#include "engine/EngineMonitor.h"
#include "jobs/JobListModel.h"
#include "stack/ContainerListModel.h"
#include "stack/StackController.h"
#include "stack/VolumeListModel.h"
#include "ui_MainWindow.h"

#include <QActionGroup>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QMessageBox>
#include <QSettings>
#include <QStyle>

#include <utility>

#ifdef PDD_HAVE_DB_UI
#include "ui/db/DbBrowserPanel.h"
#endif

MainWindow::MainWindow(const QString &projectDir, const EngineEndpoint &endpoint, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_project(projectDir), m_endpoint(endpoint)
{
    m_ui->setupUi(this);
    m_monitor = new EngineMonitor(endpoint, this);
    m_stack = new StackController(projectDir, this);
    m_jobs = new JobListModel(this);
    m_containers = new ContainerListModel(this);
    m_containers->setStateKnown(false); // until the engine first answers
    m_volumes = new VolumeListModel(this);

    m_ui->containerView->setModel(m_containers);
    m_ui->volumeView->setModel(m_volumes);
    m_ui->activityPanel->setModel(m_jobs);
    m_ui->logPane->setEndpoint(endpoint);
    for (QTableView *view : {m_ui->containerView, m_ui->volumeView}) {
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    }
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int widths[] = {10, 8, 7, 30, 22};
    for (int c = 0; c < 5; ++c)
        m_ui->containerView->setColumnWidth(c, widths[c] * em);
    m_ui->volumeView->setColumnWidth(VolumeListModel::NameColumn, 26 * em);
    m_ui->mainSplitter->setStretchFactor(0, 3);
    m_ui->mainSplitter->setStretchFactor(1, 2);
    m_ui->bottomSplitter->setStretchFactor(0, 3);
    m_ui->bottomSplitter->setStretchFactor(1, 2);
    m_ui->bannerFrame->setAutoFillBackground(true);
    QPalette warn = m_ui->bannerFrame->palette();
    warn.setColor(QPalette::Window, QColor(0xff, 0xf0, 0xc8));
    warn.setColor(QPalette::WindowText, QColor(0x40, 0x30, 0x00));
    m_ui->bannerFrame->setPalette(warn);
    m_ui->bannerIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(24, 24));
    m_ui->bannerFrame->hide();

    setupActions();

    connect(m_monitor, &EngineMonitor::availabilityChanged, this, &MainWindow::onAvailabilityChanged);
    connect(m_monitor, &EngineMonitor::containerChanged, m_containers, &ContainerListModel::updateContainer);
    connect(m_monitor, &EngineMonitor::containerRemoved, m_containers, &ContainerListModel::removeContainer);
    connect(m_monitor, &EngineMonitor::volumesChanged, m_volumes, &VolumeListModel::setVolumes);
    connect(m_stack, &StackController::jobStarted, this, &MainWindow::trackJob);
    connect(m_stack, &StackController::jobFinished, this, [this] {
        m_monitor->refreshVolumes();
        updateActions();
    });
    // A state change (the selected service's container starting) can matter to the log pane too.
    connect(m_containers, &QAbstractItemModel::dataChanged, this, &MainWindow::onContainerSelectionChanged);
    // Rows come and go by insert and remove, so the view keeps the user's place itself.
    connect(m_containers, &QAbstractItemModel::modelReset, this, &MainWindow::updateActions);
    connect(m_containers, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateActions);
    connect(m_containers, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateActions);
    connect(m_ui->containerView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onContainerSelectionChanged);
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_ui->tabs->widget(index) == m_ui->volumesTab)
            m_monitor->refreshVolumes();
    });

    // Edits to the compose file or .env show up (or clear the banner) without a restart.
    m_reloadDebounce.setSingleShot(true);
    m_reloadDebounce.setInterval(300);
    connect(&m_reloadDebounce, &QTimer::timeout, this, &MainWindow::reloadProject);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_reloadDebounce, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_reloadDebounce, qOverload<>(&QTimer::start));
    m_watcher.addPath(projectDir);

    // Uptime is derived from startedAt; repainting that column is not polling.
    m_uptimeTick.setInterval(1000);
    connect(&m_uptimeTick, &QTimer::timeout, m_containers, &ContainerListModel::refreshUptime);
    m_uptimeTick.start();

    m_ui->projectLabel->setText(tr("Stack folder: %1").arg(QDir::toNativeSeparators(projectDir)));
    m_engineProblem = endpoint.isUsable() ? QString() : endpoint.unsupportedReason;
    addDatabaseTab();

    QSettings settings;
    setMode(StackModes::parse(settings.value(QStringLiteral("mode")).toString()).value_or(StackMode::Dev));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    reloadProject();
}

MainWindow::~MainWindow()
{
    QSettings settings;
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    m_ui->logPane->stopFollowing();
    m_monitor->stop();
}

void MainWindow::setupActions()
{
    QStyle *s = style();
    auto *modes = new QActionGroup(this);
    modes->addAction(m_ui->actionDevMode);
    modes->addAction(m_ui->actionProdMode);
    m_ui->actionUp->setIcon(s->standardIcon(QStyle::SP_MediaPlay));
    m_ui->actionDown->setIcon(s->standardIcon(QStyle::SP_MediaStop));
    m_ui->actionOpenWeb->setIcon(s->standardIcon(QStyle::SP_DirLinkIcon));
    m_ui->actionStart->setIcon(s->standardIcon(QStyle::SP_MediaPlay));
    m_ui->actionStop->setIcon(s->standardIcon(QStyle::SP_MediaStop));
    m_ui->actionRestart->setIcon(s->standardIcon(QStyle::SP_BrowserReload));
    m_ui->actionRefreshVolumes->setIcon(s->standardIcon(QStyle::SP_BrowserReload));
    m_ui->actionCancelJob->setIcon(s->standardIcon(QStyle::SP_DialogCancelButton));

    const std::pair<QToolButton *, QAction *> buttons[] = {
        {m_ui->devButton, m_ui->actionDevMode},   {m_ui->prodButton, m_ui->actionProdMode},
        {m_ui->upButton, m_ui->actionUp},         {m_ui->downButton, m_ui->actionDown},
        {m_ui->openWebButton, m_ui->actionOpenWeb}, {m_ui->startButton, m_ui->actionStart},
        {m_ui->stopButton, m_ui->actionStop},     {m_ui->restartButton, m_ui->actionRestart},
        {m_ui->refreshVolumesButton, m_ui->actionRefreshVolumes}};
    for (const auto &[button, action] : buttons) {
        // A tool button shows the action's iconText, which drops the '&';
        // keep it so every button has its Alt+letter.
        action->setIconText(action->text());
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setFocusPolicy(Qt::StrongFocus);
        button->setAutoRaise(false);
    }
    m_ui->activityPanel->setCancelAction(m_ui->actionCancelJob);

    // The banner follows the containers: another folder's stack may start or stop at any time.
    const auto followOtherFolder = [this] {
        const QString other = m_containers->otherFolder();
        if (other != m_otherFolderShown) {
            m_otherFolderShown = other;
            updateBanner();
        }
    };
    connect(m_containers, &QAbstractItemModel::modelReset, this, followOtherFolder);
    connect(m_containers, &QAbstractItemModel::rowsInserted, this, followOtherFolder);
    connect(m_containers, &QAbstractItemModel::rowsRemoved, this, followOtherFolder);
    connect(m_containers, &QAbstractItemModel::dataChanged, this, followOtherFolder);
    connect(m_containers, &QAbstractItemModel::layoutChanged, this, followOtherFolder);
    connect(m_ui->actionDevMode, &QAction::triggered, this, [this] { setMode(StackMode::Dev); });
    connect(m_ui->actionProdMode, &QAction::triggered, this, [this] { setMode(StackMode::Prod); });
    connect(m_ui->actionUp, &QAction::triggered, this, [this] {
        if (confirmOtherFolder(tr("Up")))
            m_stack->up(m_mode, int(m_project.services(m_mode).size()));
    });
    connect(m_ui->actionDown, &QAction::triggered, this, [this] {
        if (confirmOtherFolder(tr("Down")))
            m_stack->down(m_mode, int(m_project.services(m_mode).size()));
    });
    connect(m_ui->actionOpenWeb, &QAction::triggered, this,
            [this] { QDesktopServices::openUrl(m_project.webUrl(m_mode)); });
    connect(m_ui->actionStart, &QAction::triggered, this, [this] { containerAction(ContainerAction::Start); });
    connect(m_ui->actionStop, &QAction::triggered, this, [this] { containerAction(ContainerAction::Stop); });
    connect(m_ui->actionRestart, &QAction::triggered, this, [this] { containerAction(ContainerAction::Restart); });
    connect(m_ui->actionRefreshVolumes, &QAction::triggered, this, [this] { m_monitor->refreshVolumes(); });
    connect(m_ui->actionReload, &QAction::triggered, this, &MainWindow::reloadProject);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About PostDoDjango"),
                           tr("PostDoDjango %1\nDesktop companion for a Django + PostgreSQL stack on Docker Compose.")
                               .arg(QStringLiteral(PDD_VERSION)));
    });
}

// Acting on containers another folder started (same STACK_NAME) asks first (issue 9.8).
bool MainWindow::confirmOtherFolder(const QString &action)
{
    const QString other = m_containers->otherFolder();
    if (other.isEmpty())
        return true;
    return QMessageBox::warning(this, tr("Another folder's stack"),
                                tr("The %1 containers running now were started from %2, not from this folder "
                                   "(%3). %4 would act on that stack.\n\nGo on anyway?")
                                    .arg(m_project.projectName(m_mode), other, m_project.dir(), action),
                                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes;
}

void MainWindow::startMonitoring()
{
    if (m_endpoint.isUsable())
        m_monitor->start();
    updateBanner();
}

void MainWindow::setMode(StackMode mode)
{
    m_ui->actionDevMode->setChecked(mode == StackMode::Dev);
    m_ui->actionProdMode->setChecked(mode == StackMode::Prod);
    if (mode == m_mode && m_modeChosen)
        return;
    m_mode = mode;
    m_modeChosen = true;
    QSettings().setValue(QStringLiteral("mode"), StackModes::key(m_mode));
    showModeOfProject();
    updateActions();
}

// What depends on the stack and the mode together: the containers shown and the title.
void MainWindow::showModeOfProject()
{
    m_containers->setProject(m_project.projectName(m_mode), m_project.services(m_mode), m_project.dir());
    m_containers->setContainers(m_monitor->containers());
    // Qt appends the application display name ("— PostDoDjango") itself.
    setWindowTitle(tr("%1 (%2)").arg(m_project.stackName(), StackModes::key(m_mode)));
}

void MainWindow::reloadProject()
{
    m_project.reload();
    // Editors replace files on save, which drops them from the watcher.
    QStringList files{m_project.composeFile(), m_project.envFilePath()};
    for (StackMode mode : StackProject::modes())
        files << m_project.overlayFile(mode);
    for (const QString &f : std::as_const(files)) {
        if (QFileInfo::exists(f) && !m_watcher.files().contains(f))
            m_watcher.addPath(f);
    }
    showModeOfProject();
    QMap<QString, QStringList> declared;
    for (StackMode mode : StackProject::modes())
        declared.insert(StackModes::key(mode), m_project.volumes(mode));
    m_volumes->setStack(m_project.stackName(), declared);
    m_volumes->setVolumes(m_monitor->volumes());
    m_ui->actionOpenWeb->setToolTip(tr("Open %1 in the browser").arg(m_project.webUrl(m_mode).toString()));
    updateDatabaseDefaults();
    updateBanner();
}

void MainWindow::onAvailabilityChanged(bool available, const QString &reason)
{
    m_engineProblem = available ? QString() : reason;
    m_containers->setStateKnown(available);
    if (available) {
        m_containers->setContainers(m_monitor->containers());
        m_volumes->setVolumes(m_monitor->volumes());
        m_monitor->refreshVolumes();
    }
    statusBar()->showMessage(available ? tr("Docker Engine API %1").arg(m_monitor->apiVersion()) : tr("Engine unavailable"));
    updateBanner();
    updateActions();
    Q_EMIT engineAvailabilityChanged(available);
}

void MainWindow::updateBanner()
{
    QStringList problems;
    if (!m_engineProblem.isEmpty())
        problems << tr("Docker engine unavailable: %1").arg(m_engineProblem);
    for (const QString &problem : m_project.composeProblems())
        problems << tr("Compose file problem: %1").arg(problem);
    const QString other = m_containers->otherFolder();
    m_otherFolderShown = other;
    // "web (another folder's)" is the point of such a row: not to be elided.
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    int serviceWidth = 10 * em;
    for (int r = 0; !other.isEmpty() && r < m_containers->rowCount(); ++r)
        serviceWidth = qMax(serviceWidth, fontMetrics().horizontalAdvance(
                                              m_containers->index(r, ContainerListModel::ServiceColumn).data().toString())
                                              + 2 * em);
    m_ui->containerView->setColumnWidth(ContainerListModel::ServiceColumn, serviceWidth);
    if (!other.isEmpty())
        problems << tr("The running %1 containers belong to another folder, %2, with the same STACK_NAME; Up, "
                       "Down and the container actions here would act on that stack. Give this folder its own "
                       "STACK_NAME in its .env.")
                        .arg(m_project.projectName(m_mode), other);
    m_ui->bannerText->setText(problems.join(QLatin1Char('\n')));
    m_ui->bannerFrame->setVisible(!problems.isEmpty());
}

void MainWindow::updateActions()
{
    const bool engine = m_monitor->isAvailable();
    const bool busy = m_stack->runningCount() > 0;
    m_ui->actionUp->setEnabled(!busy);
    m_ui->actionDown->setEnabled(!busy);
    const int row = m_ui->containerView->currentIndex().row();
    const auto state = m_containers->index(row, 0).data(ContainerListModel::StateRole).value<ContainerState>();
    const bool hasContainer = engine && !m_containers->containerIdAt(row).isEmpty();
    const bool running = ContainerStates::isUp(state);
    m_ui->actionStart->setEnabled(hasContainer && !running);
    m_ui->actionStop->setEnabled(hasContainer && running);
    m_ui->actionRestart->setEnabled(hasContainer);
    m_ui->actionRefreshVolumes->setEnabled(engine);
}

void MainWindow::onContainerSelectionChanged()
{
    const QModelIndex current = m_ui->containerView->currentIndex();
    m_selectedService = current.data(ContainerListModel::ServiceRole).toString();
    const QString id = m_containers->containerIdAt(current.row());
    const QString name = current.data(ContainerListModel::ContainerNameRole).toString();
    const auto state = current.data(ContainerListModel::StateRole).value<ContainerState>();
    // The daemon ends a log stream at once for a container that is not running
    // (just created by Up, or stopped). With the same service names in both
    // modes the selection survives Up, so follow again once it starts.
    const bool started = state == ContainerState::Running && m_followedState != ContainerState::Running;
    if (id != m_ui->logPane->followedId() || (started && !id.isEmpty())) {
        m_ui->logPane->stopFollowing();
        m_ui->logPane->follow(id, name.isEmpty() ? m_selectedService : name);
    }
    m_followedState = state;
    updateActions();
}

void MainWindow::containerAction(ContainerAction action)
{
    const int row = m_ui->containerView->currentIndex().row();
    const QString id = m_containers->containerIdAt(row);
    if (id.isEmpty())
        return;
    if (m_containers->isFromOtherFolder(row) && !confirmOtherFolder(ContainerStates::displayName(action)))
        return;
    trackJob(m_monitor->containerAction(id, action));
}

void MainWindow::trackJob(Job *job)
{
    if (job)
        m_jobs->add(job);
    updateActions();
}

void MainWindow::addDatabaseTab()
{
#ifdef PDD_HAVE_DB_UI
    m_dbPanel = new DbBrowserPanel(m_ui->tabs);
    m_dbPanel->setObjectName(QStringLiteral("dbPanel"));
    m_ui->tabs->addTab(m_dbPanel, tr("Data&base"));
    connect(m_dbPanel, &DbBrowserPanel::jobStarted, this, &MainWindow::trackJob);
#endif
}

void MainWindow::updateDatabaseDefaults()
{
#ifdef PDD_HAVE_DB_UI
    // The dev database as compose/.env publishes it on loopback; prod's is never published.
    const StackProject::DbDefaults d = m_project.devDatabase();
    db::ConnectionSettings s;
    s.host = d.host;
    s.port = d.port;
    s.user = d.user;
    s.database = d.database;
    s.password = d.password;
    s.label = tr("%1 dev (compose/.env)").arg(m_project.stackName());
    m_dbPanel->setDefaultConnection(s);
#endif
}
