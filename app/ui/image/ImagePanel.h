#pragma once

#include <QPointer>
#include <QWidget>

#include <memory>

class ImageService;
class Job;
class QAction;
class QLabel;
class QProgressBar;
namespace Ui {
class ImagePanel;
}
namespace dbui {
class PasswordStore;
}

// The "Image" tab: the web image as the stack names it and as the daemon has
// it (ID, size, age, last pushed digest), Build / Push / Build & Push with a
// progress bar and status for each, the builder in use, and the registry
// login when a push is refused. Thin over ImageService; the Jobs also appear
// in the Activity panel with their full log.
class ImagePanel : public QWidget
{
    Q_OBJECT
public:
    explicit ImagePanel(ImageService *service, QWidget *parent = nullptr);
    ~ImagePanel() override;

    // Build, Push, Build & Push, Cancel: for the main window's Image menu.
    QList<QAction *> imageActions() const;

    // Registry credentials the user chose to remember (OS keychain), under this service name.
    static QString keychainService();

private:
    void updateInfo();
    void updateActions();
    void follow(Job *job, QProgressBar *bar, QLabel *status, QPointer<Job> *slot);
    void askForLogin(const QString &registryKey, const QString &message);
    void loadRememberedCredential();

    std::unique_ptr<Ui::ImagePanel> m_ui;
    ImageService *m_service;
    QAction *m_build;
    QAction *m_push;
    QAction *m_buildPush;
    QAction *m_cancel;
    QPointer<Job> m_buildJob;
    QPointer<Job> m_pushJob;
    dbui::PasswordStore *m_keychain = nullptr;
    QString m_loadedKey;
};
