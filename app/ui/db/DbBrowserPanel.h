#pragma once

#include "db/ConnectionSettings.h"
#include "db/DbError.h"
#include "db/DbSession.h"
#include "jobs/Job.h"
#include "ui/db/ConnectionDialog.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

namespace Ui {
class DbBrowserPanel;
}

namespace dbui {
class PasswordStore;
class SavedConnections;
class SqlConsole;
class TableBrowser;
} // namespace dbui

class QSettings;

// The "Database" tab of the main window: a connection bar (with a PRODUCTION banner
// for prod connections), one message line for problems (never a dialog storm), and
// two tabs: Browse (catalog, grid, edits, export) and the SQL console. It owns the
// DbSession; everything that talks to the server runs on the session's worker.
class DbBrowserPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DbBrowserPanel(QWidget *parent = nullptr);
    ~DbBrowserPanel() override;

    // The connection to use until the user picks another one (from compose/.env for
    // the dev mode). Connects on first show, or at once when already visible.
    // Production connections (label says prod) are forced read-only here.
    void setDefaultConnection(const db::ConnectionSettings &settings);

    void connectTo(const db::ConnectionSettings &settings);
    void disconnectFromServer();
    void openConnectionDialog();

    db::DbSession *session() const { return m_session; }
    db::ConnectionSettings currentSettings() const { return m_current; }
    bool isConnected() const;
    bool isProductionBannerShown() const;
    QString productionBannerText() const;
    QString messageText() const;
    bool messageIsError() const { return m_messageIsError; }
    dbui::TableBrowser *browser() const;
    dbui::SqlConsole *console() const;
    dbui::ConnectionDialog *connectionDialog() const { return m_dialog; } // while open

Q_SIGNALS:
    void connected(const QString &serverVersion);
    void connectionFailed(const db::DbError &error);
    // Exports and saves, so the main window can list them in the Activity panel
    // (JobListModel::add). The Job is parented inside the panel.
    void jobStarted(Job *job);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showMessage(const QString &text, const QString &details, bool isError);
    void updateConnectionUi();
    void dialogAccepted();

    std::unique_ptr<Ui::DbBrowserPanel> m_ui;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<dbui::SavedConnections> m_saved;
    dbui::PasswordStore *m_passwords;
    QPointer<dbui::ConnectionDialog> m_dialog;
    QPointer<db::DbSession> m_session;
    db::ConnectionSettings m_default;
    db::ConnectionSettings m_current;
    bool m_hasDefault = false;
    bool m_userChoseConnection = false;
    bool m_messageIsError = false;
    QString m_connectedMessage;    // the "Connected to …" text while it is shown
    bool m_reconnectLater = false; // .env changed while edits were pending; the user kept them
    void afterPendingEdits(const QString &why, bool fromSettings, const std::function<void()> &then);
};
