#pragma once

#include <QPointer>
#include <QWidget>

#include <memory>

class BackupService;
class Job;
class QAction;
namespace Ui {
class BackupPanel;
}

// The "Backups" tab for the shown mode: its backups (time, reason, size,
// PostgreSQL, migrations at the time, checksum) with Back up now, Restore…,
// Verify, Delete and Show in folder, one progress bar for the Job in flight
// with Cancel, and Django's applied and pending migrations below. Restoring
// into prod asks for the stack name to be typed. Thin over BackupService; the
// Jobs also appear in the Activity panel with their full log.
class BackupPanel : public QWidget
{
    Q_OBJECT
public:
    explicit BackupPanel(BackupService *service, QWidget *parent = nullptr);
    ~BackupPanel() override;

    // For the main window's Backups menu.
    QList<QAction *> backupActions() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateInfo();
    void updateActions();
    void updatePlan();
    void loadPlanIfStale();
    void follow(Job *job);
    void restoreSelected();
    void updateUpgrade();
    void upgrade();
    void deleteSelected();
    QString selectedPath() const;

    std::unique_ptr<Ui::BackupPanel> m_ui;
    BackupService *m_service;
    QAction *m_backup;
    QAction *m_restore;
    QAction *m_verify;
    QAction *m_delete;
    QAction *m_showFolder;
    QAction *m_cancel;
    QAction *m_refreshPlan;
    QAction *m_upgrade;
    QPointer<Job> m_job;
};
