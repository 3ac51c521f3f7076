#include "MainWindow.h"

#include "BootLogDialog.h"
#include "NewStackDialog.h"
#include "backup/BackupService.h"
#include "boot/BootService.h"
#include "common/ActionButtons.h"
#include "common/StandardKeys.h"
#include "engine/EngineMonitor.h"
#include "i18n/Translations.h"
#include "stack/ContainerListModel.h"
#include "stack/NewStack.h"
#include "stack/ProjectLocator.h"
#include "stack/StackSession.h"
#include "stack/VolumeListModel.h"
#include "swarm/SwarmMonitor.h"
#include "swarm/SwarmPanel.h"
#include "ui/backup/BackupPanel.h"
#include "ui/image/ImagePanel.h"
#include "ui_MainWindow.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

#include <utility>

#ifdef PDD_HAVE_DB_UI
#include "ui/db/DbBrowserPanel.h"
#endif

namespace {
// A tab page whose rows scroll on a small screen rather than growing the window's minimum.
QScrollArea *scrolled(QWidget *panel, const QString &name, QWidget *parent)
{
    auto *scroll = new QScrollArea(parent);
    scroll->setObjectName(name);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumSize(120, 80);
    scroll->setWidget(panel);
    return scroll;
}
} // namespace

MainWindow::MainWindow(const QString &projectDir, const EngineEndpoint &endpoint, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);
    m_session = new StackSession(projectDir, endpoint, this);

    m_ui->containerView->setModel(m_session->containers());
    m_ui->volumeView->setModel(m_session->volumes());
    m_ui->activityPanel->setModel(m_session->jobs());
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

    ContainerListModel *containers = m_session->containers();
    connect(m_session, &StackSession::availabilityChanged, this, &MainWindow::onAvailabilityChanged);
    connect(m_session, &StackSession::presented, this, &MainWindow::present);
    connect(m_session, &StackSession::problemsChanged, this, &MainWindow::updateBanner);
    connect(m_session, &StackSession::jobsChanged, this, &MainWindow::updateActions);
    connect(m_session, &StackSession::certificateChanged, this, &MainWindow::updateWebLabel);
    // A state change (the selected service's container starting) can matter to the log pane too.
    connect(containers, &QAbstractItemModel::dataChanged, this, &MainWindow::onContainerSelectionChanged);
    // Rows come and go by insert and remove, so the view keeps the user's place itself.
    connect(containers, &QAbstractItemModel::modelReset, this, &MainWindow::updateActions);
    connect(containers, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateActions);
    connect(containers, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateActions);
    connect(m_ui->containerView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onContainerSelectionChanged);
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_ui->tabs->widget(index) == m_ui->volumesTab)
            m_session->refreshVolumes();
    });

    m_ui->projectLabel->setText(tr("Stack folder: %1").arg(QDir::toNativeSeparators(projectDir)));
    addImageTab();
    addDatabaseTab();
    addBackupTab();
    addSwarmTab();
    addBootSection();

    QSettings settings;
    setMode(StackModes::parse(settings.value(QStringLiteral("mode")).toString()).value_or(StackMode::Dev));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    present();
    updateBanner();
}

MainWindow::~MainWindow()
{
    QSettings settings;
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    m_ui->logPane->stopFollowing();
    m_session->disconnect(this);
    m_session->stop();
}

StackMode MainWindow::mode() const
{
    return m_session->mode();
}

ContainerListModel *MainWindow::containerModel() const
{
    return m_session->containers();
}

const StackProject &MainWindow::project() const
{
    return m_session->project();
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

    const std::pair<QToolButton *, QAction *> buttons[] = {{m_ui->devButton, m_ui->actionDevMode},
                                                           {m_ui->prodButton, m_ui->actionProdMode},
                                                           {m_ui->upButton, m_ui->actionUp},
                                                           {m_ui->downButton, m_ui->actionDown},
                                                           {m_ui->openWebButton, m_ui->actionOpenWeb},
                                                           {m_ui->startButton, m_ui->actionStart},
                                                           {m_ui->stopButton, m_ui->actionStop},
                                                           {m_ui->restartButton, m_ui->actionRestart},
                                                           {m_ui->refreshVolumesButton, m_ui->actionRefreshVolumes}};
    for (const auto &[button, action] : buttons)
        uicommon::bindToolButton(button, action);
    m_ui->activityPanel->setCancelAction(m_ui->actionCancelJob);

    connect(m_ui->actionDevMode, &QAction::triggered, this, [this] { setMode(StackMode::Dev); });
    connect(m_ui->actionProdMode, &QAction::triggered, this, [this] { setMode(StackMode::Prod); });
    connect(m_ui->actionUp, &QAction::triggered, this, [this] {
        if (confirmOtherFolder(tr("Up")) && confirmPendingMigrations())
            m_session->up();
    });
    connect(m_ui->actionDown, &QAction::triggered, this, [this] {
        if (confirmOtherFolder(tr("Down")))
            m_session->down();
    });
    connect(m_ui->actionOpenWeb, &QAction::triggered, this,
            [this] { QDesktopServices::openUrl(project().webUrl(mode())); });
    connect(m_ui->actionStart, &QAction::triggered, this, [this] { containerAction(ContainerAction::Start); });
    connect(m_ui->actionStop, &QAction::triggered, this, [this] { containerAction(ContainerAction::Stop); });
    connect(m_ui->actionRestart, &QAction::triggered, this, [this] { containerAction(ContainerAction::Restart); });
    connect(m_ui->actionRefreshVolumes, &QAction::triggered, this, [this] { m_session->refreshVolumes(); });
    connect(m_ui->actionReload, &QAction::triggered, m_session, &StackSession::reload);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    // The platform's own keys where one exists (QKeySequence::StandardKey), else the app's.
    uicommon::setStandardShortcut(m_ui->actionQuit, QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_ui->actionReload->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    uicommon::setStandardShortcut(m_ui->actionFind, QKeySequence::Find, QKeySequence(Qt::CTRL | Qt::Key_F));
    uicommon::setStandardShortcut(m_ui->actionFindNext, QKeySequence::FindNext, QKeySequence(Qt::Key_F3));
    uicommon::setStandardShortcut(m_ui->actionFindPrevious, QKeySequence::FindPrevious,
                                  QKeySequence(Qt::SHIFT | Qt::Key_F3));
    uicommon::setStandardShortcut(m_ui->actionShortcuts, QKeySequence::HelpContents, QKeySequence(Qt::Key_F1));
    connect(m_ui->actionFind, &QAction::triggered, m_ui->logPane, &LogPane::focusFind);
    connect(m_ui->actionFindNext, &QAction::triggered, this, [this] { m_ui->logPane->findNext(false); });
    connect(m_ui->actionFindPrevious, &QAction::triggered, this, [this] { m_ui->logPane->findNext(true); });
    connect(m_ui->actionShortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    setupFileMenu();
    setupLanguageMenu();
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About PostDoDjango"),
                           tr("PostDoDjango %1\nDesktop companion for a Django + PostgreSQL stack on Docker Compose.")
                               .arg(QStringLiteral(PDD_VERSION)));
    });
}

void MainWindow::setupFileMenu()
{
    m_templateDir = NewStack::templateDir(QCoreApplication::applicationDirPath());
    uicommon::setStandardShortcut(m_ui->actionNewStack, QKeySequence::New, QKeySequence(Qt::CTRL | Qt::Key_N));
    uicommon::setStandardShortcut(m_ui->actionOpenStack, QKeySequence::Open, QKeySequence(Qt::CTRL | Qt::Key_O));
    m_ui->actionNewStack->setIcon(style()->standardIcon(QStyle::SP_FileDialogNewFolder));
    m_ui->actionOpenStack->setIcon(style()->standardIcon(QStyle::SP_DirOpenIcon));
    connect(m_ui->actionNewStack, &QAction::triggered, this, [this] {
        NewStackDialog *dialog = newStackDialog();
        connect(dialog, &QDialog::accepted, this, [this, dialog] {
            ProjectLocator::remember(dialog->createdDir());
            updateRecentMenu();
            statusBar()->showMessage(tr("Created the stack %1 in %2.")
                                         .arg(dialog->settings().name, QDir::toNativeSeparators(dialog->createdDir())),
                                     10000);
            openStack(dialog->createdDir());
        });
        dialog->open();
    });
    connect(m_ui->actionOpenStack, &QAction::triggered, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open stack"), QDir::homePath());
        if (dir.isEmpty())
            return;
        if (!ProjectLocator::isStackDir(dir)) {
            QMessageBox::warning(this, tr("Open stack"),
                                 tr("%1 holds no stack: docker-compose.yml and run are needed (File > New stack… "
                                    "creates one).")
                                     .arg(QDir::toNativeSeparators(dir)));
            return;
        }
        openStack(dir);
    });
    m_recentMenu = new QMenu(tr("Open &recent"), this);
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    m_ui->menuFile->insertMenu(m_ui->actionQuit, m_recentMenu);
    m_ui->menuFile->insertSeparator(m_ui->actionQuit);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    updateRecentMenu();
}

NewStackDialog *MainWindow::newStackDialog()
{
    auto *dialog = new NewStackDialog(m_templateDir, ProjectLocator::recent(), this);
    dialog->setObjectName(QStringLiteral("newStackDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    return dialog;
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList dirs = ProjectLocator::recent();
    for (const QString &dir : dirs) {
        if (QDir(dir) == QDir(project().dir()))
            continue;
        QAction *a = m_recentMenu->addAction(QDir::toNativeSeparators(dir));
        connect(a, &QAction::triggered, this, [this, dir] { openStack(dir); });
    }
    if (m_recentMenu->isEmpty())
        m_recentMenu->addAction(tr("(no other stack yet)"))->setEnabled(false);
}

void MainWindow::openStack(const QString &dir)
{
    ProjectLocator::remember(dir);
    Q_EMIT openStackRequested(QDir(dir).absolutePath());
}

// File > Language: the system's, or one the app ships; it applies at the next start.
// (In the File menu: the window's Alt letters leave no room for a Settings menu.)
void MainWindow::setupLanguageMenu()
{
    QMenu *menu = new QMenu(tr("&Language"), this);
    m_ui->menuFile->insertMenu(m_ui->actionQuit, menu);
    m_ui->menuFile->insertSeparator(m_ui->actionQuit);
    menu->setObjectName(QStringLiteral("menuLanguage"));
    auto *group = new QActionGroup(menu);
    const QString current = QSettings().value(pdd::i18n::settingKey()).toString();
    const auto add = [&](const QString &text, const QString &language) {
        QAction *a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(current == language);
        a->setData(language);
        a->setObjectName(QStringLiteral("language_") + (language.isEmpty() ? QStringLiteral("system") : language));
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, language] {
            QSettings().setValue(pdd::i18n::settingKey(), language);
            QMessageBox::information(this, tr("Language"),
                                     tr("The new language applies when PostDoDjango starts again."));
        });
    };
    add(tr("&System default"), QString());
    for (const QString &language : pdd::i18n::available())
        add(pdd::i18n::nativeName(language), language);
}

QStringList MainWindow::shortcutList() const
{
    QStringList rows;
    const std::function<void(const QMenu *, const QString &)> walk = [&](const QMenu *menu, const QString &path) {
        for (const QAction *a : menu->actions()) {
            const QString text = QString(a->text()).remove(QLatin1Char('&'));
            if (a->menu()) {
                walk(a->menu(), path + QStringLiteral(" > ") + text);
                continue;
            }
            if (a->isSeparator() || a->shortcuts().isEmpty())
                continue;
            QStringList keys;
            for (const QKeySequence &k : a->shortcuts())
                keys << k.toString(QKeySequence::NativeText);
            rows << QStringLiteral("%1\t%2 > %3").arg(keys.join(QStringLiteral(", ")), path, text);
        }
    };
    for (const QAction *top : menuBar()->actions()) {
        if (top->menu())
            walk(top->menu(), QString(top->text()).remove(QLatin1Char('&')));
    }
#ifdef PDD_HAVE_DB_UI
    // The Database tab's own keys (its toolbar and console), active while it has focus.
    if (m_dbPanel) {
        auto *panelMenu = new QMenu(const_cast<MainWindow *>(this));
        for (QAction *a : m_dbPanel->findChildren<QAction *>()) {
            if (!a->shortcuts().isEmpty())
                panelMenu->addAction(a);
        }
        walk(panelMenu, tr("Database tab"));
        delete panelMenu;
    }
#endif
    return rows;
}

void MainWindow::showShortcuts()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Keyboard shortcuts"));
    auto *table = new QTableWidget(dialog);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Action")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    const QStringList rows = shortcutList();
    table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const QStringList cells = rows.at(r).split(QLatin1Char('\t'));
        table->setItem(r, 0, new QTableWidgetItem(cells.value(0)));
        table->setItem(r, 1, new QTableWidgetItem(cells.value(1)));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog->resize(640, 480);
    dialog->show();
}

// Acting on containers another folder started (same STACK_NAME) asks first (issue 9.8).
bool MainWindow::confirmOtherFolder(const QString &action)
{
    const QString other = m_session->otherFolder();
    if (other.isEmpty())
        return true;
    return QMessageBox::warning(this, tr("Another folder's stack"),
                                tr("The %1 containers running now were started from %2, not from this folder "
                                   "(%3). %4 would act on that stack.\n\nGo on anyway?")
                                    .arg(project().projectName(mode()), other, project().dir(), action),
                                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes;
}

void MainWindow::startMonitoring()
{
    m_session->startMonitoring();
    updateBanner();
}

void MainWindow::setMode(StackMode mode)
{
    m_ui->actionDevMode->setChecked(mode == StackMode::Dev);
    m_ui->actionProdMode->setChecked(mode == StackMode::Prod);
    QSettings().setValue(QStringLiteral("mode"), StackModes::key(mode));
    m_session->setMode(mode);
}

// After every reload and mode change (StackSession::presented).
void MainWindow::present()
{
    const StackProject &p = project();
    // Qt appends the application display name ("— PostDoDjango") itself.
    setWindowTitle(tr("%1 (%2)").arg(p.stackName(), StackModes::key(mode())));
    m_ui->actionOpenWeb->setToolTip(tr("Open %1 in the browser").arg(p.webUrl(mode()).toString()));
    updateWebLabel();
    updateDatabaseDefaults();
    updateActions();
}

// The site's address with its scheme, and in prod with TLS what its certificate says.
void MainWindow::updateWebLabel()
{
    const QUrl url = project().webUrl(mode());
    const EdgeCertificate &c = m_session->edgeCertificate();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString note; // after the address, plain text
    if (url.scheme() == QLatin1String("https"))
        note = c.summary(now);
    else if (mode() == StackMode::Prod)
        note = tr("plain HTTP (TLS_MODE=off)");
    const bool warn =
        c.state(now) == EdgeCertificate::State::ExpiresSoon || c.state(now) == EdgeCertificate::State::Expired;
    QString text = QStringLiteral("<a href=\"%1\">%1</a>").arg(url.toString().toHtmlEscaped());
    if (!note.isEmpty())
        text += QStringLiteral(" &middot; ")
            + QString::fromLatin1(warn ? "<b>%1</b>" : "<span>%1</span>").arg(note.toHtmlEscaped());
    m_ui->webLabel->setText(text);
    m_ui->webLabel->setFocusPolicy(Qt::NoFocus); // a link makes QLabel take focus; Open does this by keyboard
    // The tooltip adds whom the certificate is for and its exact expiry.
    QStringList tip{url.toString()};
    if (!note.isEmpty())
        tip.last() += QStringLiteral(" \u00b7 ") + note;
    if (!c.details().isEmpty())
        tip << c.details();
    m_ui->webLabel->setToolTip(tip.join(QLatin1Char('\n')));
}

void MainWindow::onAvailabilityChanged(bool available)
{
    statusBar()->showMessage(available ? tr("Docker Engine API %1").arg(m_session->monitor()->apiVersion())
                                       : tr("Engine unavailable"));
    updateActions();
    Q_EMIT engineAvailabilityChanged(available);
}

void MainWindow::updateBanner()
{
    const ContainerListModel *containers = m_session->containers();
    const bool other = !m_session->otherFolder().isEmpty();
    // "web (another folder's)" is the point of such a row: not to be elided.
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    int serviceWidth = 10 * em;
    for (int r = 0; other && r < containers->rowCount(); ++r)
        serviceWidth = qMax(
            serviceWidth,
            fontMetrics().horizontalAdvance(containers->index(r, ContainerListModel::ServiceColumn).data().toString())
                + 2 * em);
    m_ui->containerView->setColumnWidth(ContainerListModel::ServiceColumn, serviceWidth);
    const QStringList problems = m_session->problems();
    m_ui->bannerText->setText(problems.join(QLatin1Char('\n')));
    m_ui->bannerFrame->setVisible(!problems.isEmpty());
}

void MainWindow::updateActions()
{
    const ContainerListModel *containers = m_session->containers();
    const bool engine = m_session->engineAvailable();
    const bool busy = m_session->busy();
    m_ui->actionUp->setEnabled(!busy);
    m_ui->actionDown->setEnabled(!busy);
    const int row = m_ui->containerView->currentIndex().row();
    const auto state = containers->index(row, 0).data(ContainerListModel::StateRole).value<ContainerState>();
    const bool hasContainer = engine && !containers->containerIdAt(row).isEmpty();
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
    const QString id = m_session->containers()->containerIdAt(current.row());
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
    if (m_session->containers()->containerIdAt(row).isEmpty())
        return;
    if (m_session->containers()->isFromOtherFolder(row) && !confirmOtherFolder(ContainerStates::displayName(action)))
        return;
    m_session->containerAction(row, action);
}

void MainWindow::addImageTab()
{
    m_imagePanel = new ImagePanel(m_session->images());
    m_imagePanel->setObjectName(QStringLiteral("imagePanel"));
    m_ui->tabs->addTab(scrolled(m_imagePanel, QStringLiteral("imageScroll"), m_ui->tabs), tr("&Image"));
    QMenu *menu = new QMenu(tr("I&mage"), this);
    menu->setObjectName(QStringLiteral("menuImage"));
    menu->addActions(m_imagePanel->imageActions());
    menuBar()->insertMenu(m_ui->menuHelp->menuAction(), menu);
}

// "Start prod on boot": the status from systemd (or launchd) in the status bar,
// and the actions in Stack > Start prod on boot (and the button beside the status).
void MainWindow::addBootSection()
{
    BootService *boot = m_session->boot();
    m_bootMenu = new QMenu(tr("Start prod on &boot"), this);
    m_bootMenu->setObjectName(QStringLiteral("menuBoot"));
    QAction *install = m_bootMenu->addAction(tr("&Install and enable"));
    install->setObjectName(QStringLiteral("bootInstall"));
    QAction *remove = m_bootMenu->addAction(tr("&Remove"));
    remove->setObjectName(QStringLiteral("bootRemove"));
    m_bootMenu->addSeparator();
    QAction *start = m_bootMenu->addAction(tr("&Start now"));
    start->setObjectName(QStringLiteral("bootStart"));
    QAction *stop = m_bootMenu->addAction(tr("S&top"));
    stop->setObjectName(QStringLiteral("bootStop"));
    m_bootMenu->addSeparator();
    QAction *log = m_bootMenu->addAction(tr("Show &log"));
    log->setObjectName(QStringLiteral("bootLog"));
    m_ui->menuStack->insertMenu(m_ui->actionReload, m_bootMenu);
    m_ui->menuStack->insertSeparator(m_ui->actionReload);

    m_bootLabel = new QLabel(this);
    m_bootLabel->setObjectName(QStringLiteral("bootLabel"));
    m_bootLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *button = new QToolButton(this);
    button->setObjectName(QStringLiteral("bootButton"));
    button->setIcon(style()->standardIcon(QStyle::SP_ComputerIcon));
    button->setAccessibleName(tr("Start prod on boot"));
    button->setToolTip(tr("Start prod on boot: install, remove, start, stop, log (also in the Stack menu)"));
    button->setMenu(m_bootMenu);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setAutoRaise(true);
    statusBar()->addPermanentWidget(m_bootLabel);
    statusBar()->addPermanentWidget(button);

    connect(boot, &BootService::statusChanged, this, &MainWindow::updateBoot);
    connect(install, &QAction::triggered, this, [this] { m_session->boot()->install(); });
    connect(remove, &QAction::triggered, this, [this] {
        if (QMessageBox::question(this, tr("Remove the boot service"),
                                  tr("Remove %1? Prod will no longer start at boot. Running containers and the "
                                     "database volumes are kept.")
                                      .arg(m_session->boot()->unitName()))
            == QMessageBox::Yes)
            m_session->boot()->remove();
    });
    connect(start, &QAction::triggered, this, [this] { m_session->boot()->start(); });
    connect(stop, &QAction::triggered, this, [this] {
        if (QMessageBox::question(
                this, tr("Stop prod"),
                tr("Stop %1? The prod containers stop; their volumes are kept.").arg(m_session->boot()->unitName()))
            == QMessageBox::Yes)
            m_session->boot()->stop();
    });
    connect(log, &QAction::triggered, this, [this] {
        auto *dialog = new BootLogDialog(m_session->boot()->unitName(), m_session->boot()->logCommand(true), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    updateBoot();
}

void MainWindow::updateBoot()
{
    const BootStatus s = m_session->boot()->status();
    m_bootLabel->setText(s.known || !s.error.isEmpty() ? s.summary() : tr("Prod on boot: …"));
    m_bootLabel->setToolTip(s.installed ? s.unitPath : m_session->boot()->unitPath());
    const QList<QAction *> actions = m_bootMenu->actions();
    for (QAction *a : actions) {
        const QString n = a->objectName();
        if (n == QLatin1String("bootInstall"))
            a->setText(s.installed ? tr("&Install again (update the unit)") : tr("&Install and enable"));
        else if (n == QLatin1String("bootRemove") || n == QLatin1String("bootStart") || n == QLatin1String("bootStop"))
            a->setEnabled(s.installed);
    }
}

// The status is systemd's: asked again whenever the window comes back to the front.
bool MainWindow::event(QEvent *event)
{
    if (event->type() == QEvent::WindowActivate && m_session)
        m_session->boot()->refresh();
    return QMainWindow::event(event);
}

void MainWindow::addDatabaseTab()
{
#ifdef PDD_HAVE_DB_UI
    m_dbPanel = new DbBrowserPanel(m_ui->tabs);
    m_dbPanel->setObjectName(QStringLiteral("dbPanel"));
    m_ui->tabs->addTab(m_dbPanel, tr("Data&base"));
    connect(m_dbPanel, &DbBrowserPanel::jobStarted, m_session, &StackSession::track);
#endif
}

void MainWindow::addBackupTab()
{
    m_backupPanel = new BackupPanel(m_session->backups());
    m_backupPanel->setObjectName(QStringLiteral("backupPanel"));
    m_ui->tabs->addTab(scrolled(m_backupPanel, QStringLiteral("backupScroll"), m_ui->tabs), tr("Bac&kups"));
    // In the Stack menu: the menu bar's letters are spoken for.
    QMenu *menu = new QMenu(tr("Bac&kups"), this);
    menu->setObjectName(QStringLiteral("menuBackups"));
    menu->addActions(m_backupPanel->backupActions());
    m_ui->menuStack->insertMenu(m_ui->actionReload, menu);
    m_ui->menuStack->insertSeparator(m_ui->actionReload);
}

void MainWindow::addSwarmTab()
{
    m_swarmPanel = new SwarmPanel(m_session);
    m_swarmPanel->setObjectName(QStringLiteral("swarmPanel"));
    m_swarmTab = m_swarmPanel;
    m_ui->tabs->addTab(m_swarmPanel, tr("Swarm (&X)"));
    // Swarm is the third way to run the stack, with its own services, volume
    // and secrets, so it is a page of its own rather than a filter of the
    // Containers list (which shows Compose projects); Stack > Swarm (Ctrl+3)
    // sits beside Dev (Ctrl+1) and Prod (Ctrl+2).
    m_swarmAction = new QAction(tr("S&warm"), this);
    m_swarmAction->setObjectName(QStringLiteral("actionSwarmMode"));
    m_swarmAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    m_swarmAction->setToolTip(tr("The stack on Docker Swarm: services, tasks, deploy, scale, remove (Ctrl+3)"));
    connect(m_swarmAction, &QAction::triggered, this, [this] { m_ui->tabs->setCurrentWidget(m_swarmTab); });
    const QList<QAction *> stackActions = m_ui->menuStack->actions();
    const qsizetype prod = stackActions.indexOf(m_ui->actionProdMode);
    m_ui->menuStack->insertAction(
        prod >= 0 && prod + 1 < stackActions.size() ? stackActions.at(prod + 1) : m_ui->actionReload, m_swarmAction);
    connect(m_session->swarm(), &SwarmMonitor::managerChanged, this, &MainWindow::updateSwarmTab);
    updateSwarmTab();
}

void MainWindow::updateSwarmTab()
{
    // Only on a swarm manager: elsewhere there is nothing to show or do.
    const bool manager = m_session->swarm()->isManager();
    m_ui->tabs->setTabVisible(m_ui->tabs->indexOf(m_swarmTab), manager);
    m_swarmAction->setVisible(manager);
    m_swarmAction->setEnabled(manager);
}

bool MainWindow::confirmPendingMigrations()
{
    const auto &plan = m_session->backups()->plan();
    if (mode() != StackMode::Prod || !plan || plan->pending.isEmpty())
        return true;
    QMessageBox box(QMessageBox::Information, tr("Up (prod)"),
                    tr("Migrations to apply to the prod database: %n. A backup of it is taken first; if a "
                       "migration fails, web keeps its previous image and the backup brings the data back.",
                       "", int(plan->pending.size())),
                    QMessageBox::Ok | QMessageBox::Cancel, this);
    box.setDetailedText(plan->pending.join(QLatin1Char('\n')));
    box.button(QMessageBox::Ok)->setText(tr("&Back up and migrate"));
    return box.exec() == QMessageBox::Ok;
}

void MainWindow::updateDatabaseDefaults()
{
#ifdef PDD_HAVE_DB_UI
    // The dev database as compose/.env publishes it on loopback; prod's is never published.
    const StackProject::DbDefaults d = m_session->devDatabase();
    db::ConnectionSettings s;
    s.host = d.host;
    s.port = d.port;
    s.user = d.user;
    s.database = d.database;
    s.password = d.password;
    s.label = tr("%1 dev (compose/.env)").arg(project().stackName());
    m_dbPanel->setDefaultConnection(s);
#endif
}
