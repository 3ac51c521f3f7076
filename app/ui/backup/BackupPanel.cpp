#include "BackupPanel.h"

#include "TypedConfirmDialog.h"
#include "backup/BackupListModel.h"
#include "backup/BackupService.h"
#include "common/ActionButtons.h"
#include "jobs/Job.h"
#include "ui_BackupPanel.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QMessageBox>
#include <QStyle>
#include <QUrl>

BackupPanel::BackupPanel(BackupService *service, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::BackupPanel>()), m_service(service)
{
    m_ui->setupUi(this);
    m_ui->backupView->setModel(service->list());
    m_ui->migrationView->setModel(service->migrations());
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    // A few dozen rows at most: every column as wide as its content, the file name taking the rest.
    QHeaderView *header = m_ui->backupView->horizontalHeader();
    for (int c = 0; c < BackupListModel::FileColumn; ++c)
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(BackupListModel::FileColumn, QHeaderView::Stretch);
    m_ui->migrationView->setColumnWidth(0, 26 * em);
    for (QTableView *v : {m_ui->backupView, m_ui->migrationView})
        v->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_ui->backupSplitter->setStretchFactor(0, 3);
    m_ui->backupSplitter->setStretchFactor(1, 2);
    m_ui->progressBar->hide();

    const auto make = [this](const QString &text, const QString &name, QStyle::StandardPixmap icon) {
        auto *a = new QAction(style()->standardIcon(icon), text, this);
        a->setObjectName(name);
        return a;
    };
    m_backup = make(tr("Back up n&ow"), QStringLiteral("actionBackupNow"), QStyle::SP_DialogSaveButton);
    m_restore = make(tr("&Restore…"), QStringLiteral("actionRestoreBackup"), QStyle::SP_BrowserReload);
    m_verify = make(tr("V&erify"), QStringLiteral("actionVerifyBackup"), QStyle::SP_DialogApplyButton);
    m_delete = make(tr("Dele&te…"), QStringLiteral("actionDeleteBackup"), QStyle::SP_TrashIcon);
    m_showFolder = make(tr("&Show in folder"), QStringLiteral("actionShowBackupFolder"), QStyle::SP_DirOpenIcon);
    m_cancel = make(tr("&Cancel"), QStringLiteral("actionCancelBackup"), QStyle::SP_DialogCancelButton);
    m_refreshPlan =
        make(tr("Refresh &migrations"), QStringLiteral("actionRefreshMigrations"), QStyle::SP_BrowserReload);
    m_upgrade = make(tr("Upgrade PostgreS&QL…"), QStringLiteral("actionUpgradePostgres"), QStyle::SP_ArrowUp);
    m_backup->setToolTip(tr("A pg_dump of this mode's database into the backups folder"));
    m_restore->setToolTip(tr("Replace this mode's database with the selected backup (web is stopped meanwhile)"));
    m_verify->setToolTip(tr("Check the selected backup's checksum and read it whole"));
    const std::pair<QToolButton *, QAction *> buttons[] = {{m_ui->backupButton, m_backup},
                                                           {m_ui->restoreButton, m_restore},
                                                           {m_ui->verifyButton, m_verify},
                                                           {m_ui->deleteButton, m_delete},
                                                           {m_ui->upgradeButton, m_upgrade}};
    for (const auto &[button, action] : buttons)
        uicommon::bindToolButton(button, action);
    // Icon-only beside what they act on (the window's Alt letters are spoken
    // for); their actions, with text and mnemonic, are in Stack > Backups.
    const std::pair<QToolButton *, QAction *> iconButtons[] = {{m_ui->showFolderButton, m_showFolder},
                                                               {m_ui->cancelButton, m_cancel},
                                                               {m_ui->refreshMigrationsButton, m_refreshPlan}};
    for (const auto &[button, action] : iconButtons) {
        button->setIcon(action->icon());
        const QString name = action->text().remove(QLatin1Char('&'));
        button->setToolTip(name);
        button->setAccessibleName(name);
        button->setFocusPolicy(Qt::StrongFocus);
        button->setAutoRaise(false);
        connect(button, &QToolButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::changed, button, [button, a = action] { button->setEnabled(a->isEnabled()); });
    }
    connect(m_backup, &QAction::triggered, this, [this] { follow(m_service->backupNow()); });
    connect(m_restore, &QAction::triggered, this, &BackupPanel::restoreSelected);
    connect(m_verify, &QAction::triggered, this, [this] {
        if (!selectedPath().isEmpty())
            follow(m_service->verify(selectedPath()));
    });
    connect(m_delete, &QAction::triggered, this, &BackupPanel::deleteSelected);
    connect(m_showFolder, &QAction::triggered, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_service->backupDir())); });
    connect(m_cancel, &QAction::triggered, this, [this] {
        if (m_job)
            m_job->cancel();
    });
    connect(m_refreshPlan, &QAction::triggered, this, [this] { follow(m_service->loadMigrations()); });
    connect(m_upgrade, &QAction::triggered, this, &BackupPanel::upgrade);
    connect(m_service, &BackupService::upgradeOfferChanged, this, &BackupPanel::updateUpgrade);
    connect(m_service, &BackupService::removeFailed, this, [this](const QString &path, const QString &error) {
        QMessageBox::warning(this, tr("Delete backup"), tr("Could not delete %1: %2").arg(path, error));
    });

    connect(m_service, &BackupService::listChanged, this, [this] {
        updateInfo();
        updateActions();
    });
    connect(m_service, &BackupService::planChanged, this, [this] {
        updatePlan();
        // The first pending migration in view: they are what Up will do.
        if (const auto &plan = m_service->plan(); plan && !plan->pending.isEmpty())
            m_ui->migrationView->scrollTo(m_service->migrations()->index(int(plan->applied.size()), 0),
                                          QAbstractItemView::PositionAtTop);
        loadPlanIfStale();
    });
    connect(m_service, &BackupService::busyChanged, this, &BackupPanel::updateActions);
    connect(m_ui->backupView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &BackupPanel::updateActions);
    updateInfo();
    updatePlan();
    updateUpgrade();
    updateActions();
}

BackupPanel::~BackupPanel() = default;

QList<QAction *> BackupPanel::backupActions() const
{
    return {m_backup, m_restore, m_verify, m_delete, m_showFolder, m_refreshPlan, m_cancel};
}

void BackupPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    loadPlanIfStale();
}

// The plan is read while the tab is looked at (first shown, another mode, after
// an Up), not on every start of the app; a failed read waits for Refresh.
void BackupPanel::loadPlanIfStale()
{
    if (isVisible() && !m_service->plan() && m_service->planProblem().isEmpty() && !m_service->busy())
        follow(m_service->loadMigrations());
}

QString BackupPanel::selectedPath() const
{
    const QModelIndex i = m_ui->backupView->currentIndex();
    return i.isValid() ? i.data(BackupListModel::PathRole).toString() : QString();
}

void BackupPanel::updateInfo()
{
    const int n = m_service->list()->rowCount();
    const QString where = QDir::toNativeSeparators(m_service->backupDir());
    m_ui->folderLabel->setText(n == 0 ? tr("No backups of %1-%2 yet (they go to %3).")
                                            .arg(m_service->stackName(), StackModes::key(m_service->mode()), where)
                                      : tr("Backups of %1-%2 in %3, newest first:")
                                            .arg(m_service->stackName(), StackModes::key(m_service->mode()), where));
}

void BackupPanel::updateActions()
{
    const bool busy = m_service->busy();
    const bool selected = !selectedPath().isEmpty();
    m_backup->setEnabled(!busy);
    m_restore->setEnabled(!busy && selected);
    m_verify->setEnabled(!busy && selected);
    m_delete->setEnabled(!busy && selected);
    m_showFolder->setEnabled(m_service->list()->rowCount() > 0);
    m_refreshPlan->setEnabled(!busy);
    m_upgrade->setEnabled(!busy && m_service->upgradeOffer().has_value());
    m_cancel->setEnabled(busy && m_job && !m_job->isFinished());
}

void BackupPanel::updatePlan()
{
    const auto &plan = m_service->plan();
    QString text;
    if (!plan) {
        text = m_service->planProblem().isEmpty()
            ? tr("Not read yet.")
            : tr("Could not read the migrations: %1").arg(m_service->planProblem());
    } else if (!plan->unmigratedApps.isEmpty()) {
        text = tr("Model changes without a migration in %1: prod refuses to start until they are made "
                  "(makemigrations in dev) and built into the image.")
                   .arg(plan->unmigratedApps.join(QStringLiteral(", ")));
    } else if (!plan->pending.isEmpty()) {
        text = m_service->mode() == StackMode::Prod
            ? tr("Migrations pending: %n. Up takes a backup of the prod database before applying them.", "",
                 int(plan->pending.size()))
            : tr("Migrations pending: %n. Up applies them.", "", int(plan->pending.size()));
    } else {
        text = tr("Migrations applied: %n; none pending.", "", int(plan->applied.size()));
    }
    m_ui->planLabel->setText(text);
}

void BackupPanel::follow(Job *job)
{
    if (!job)
        return;
    m_job = job;
    m_ui->progressBar->show();
    const auto show = [this, job] {
        const double p = job->progress();
        if (p < 0) {
            m_ui->progressBar->setRange(0, 0);
        } else {
            m_ui->progressBar->setRange(0, 1000);
            m_ui->progressBar->setValue(int(p * 1000));
        }
        m_ui->statusLabel->setText(job->statusText());
    };
    show();
    connect(job, &Job::progressChanged, this, show);
    connect(job, &Job::finished, this, [this, job](Job::State state) {
        m_ui->progressBar->setRange(0, 1000);
        m_ui->progressBar->setValue(state == Job::State::Succeeded ? 1000 : 0);
        if (state == Job::State::Succeeded)
            m_ui->statusLabel->setText(tr("%1: done.").arg(job->title()));
        else if (state == Job::State::Cancelled)
            m_ui->statusLabel->setText(tr("%1: cancelled; nothing was kept of it.").arg(job->title()));
        else
            m_ui->statusLabel->setText(job->errorString());
        updateActions();
    });
    updateActions();
}

void BackupPanel::updateUpgrade()
{
    const auto &offer = m_service->upgradeOffer();
    m_ui->upgradeFrame->setVisible(offer.has_value());
    if (offer)
        m_ui->upgradeLabel->setText(
            tr("The %1 database was made by an older PostgreSQL than %2 runs, so it cannot start. The upgrade backs "
               "it up, restores it into a new volume with %2, checks that every table has the same rows, then "
               "switches; the old data stays in a volume of its own.")
                .arg(StackModes::key(offer->mode), offer->image));
    updateActions();
}

void BackupPanel::upgrade()
{
    const auto &offer = m_service->upgradeOffer();
    if (!offer)
        return;
    const QString mode = StackModes::key(offer->mode);
    const QString text = tr("Upgrade the %1 database to %2? Web is stopped while it runs; this takes about as long as "
                            "a backup and a restore.")
                             .arg(mode, offer->image);
    if (offer->mode == StackMode::Prod) {
        TypedConfirmDialog dialog(tr("Upgrade PostgreSQL (prod)"), text, m_service->stackName(), this);
        dialog.setAcceptText(tr("&Upgrade the database"));
        if (dialog.exec() != QDialog::Accepted)
            return;
    } else if (QMessageBox::question(this, tr("Upgrade PostgreSQL (%1)").arg(mode), text,
                                     QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Yes) {
        return;
    }
    follow(m_service->upgradePostgres());
}

void BackupPanel::restoreSelected()
{
    const QString path = selectedPath();
    if (path.isEmpty())
        return;
    const QString file = QFileInfo(path).fileName();
    const QString mode = StackModes::key(m_service->mode());
    if (m_service->mode() == StackMode::Prod) {
        TypedConfirmDialog dialog(
            tr("Restore prod"),
            tr("Restoring %1 replaces the whole prod database of %2 with the backup's contents. Web is stopped "
               "while it runs. Rows written since the backup are lost.")
                .arg(file, m_service->stackName()),
            m_service->stackName(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        follow(m_service->restore(path, dialog.typed()));
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Restore %1").arg(mode),
        tr("Replace the %1 database with %2? Web is stopped while it runs; rows written since the backup are lost.")
            .arg(mode, file),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        follow(m_service->restore(path));
}

void BackupPanel::deleteSelected()
{
    const QString path = selectedPath();
    if (path.isEmpty())
        return;
    const auto answer =
        QMessageBox::question(this, tr("Delete backup"),
                              tr("Delete %1 and its sidecar? This cannot be undone.").arg(QFileInfo(path).fileName()),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_service->remove(path);
}
