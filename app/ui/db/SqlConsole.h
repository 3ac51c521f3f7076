#pragma once

#include "db/ConnectionSettings.h"
#include "db/QueryRunner.h"
#include "jobs/Job.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

class QAction;

namespace Ui {
class DbSqlConsole;
}

namespace dbui {

class CellDelegate;

// The "SQL console" tab: an editor, Run (Ctrl+Return) and Cancel (Esc), elapsed
// time while running, results in a grid, the server's error with the offending
// position highlighted in the editor, and CSV export of the query.
class SqlConsole : public QWidget
{
    Q_OBJECT
public:
    explicit SqlConsole(QWidget *parent = nullptr);
    ~SqlConsole() override;

    // Opens the console's own connection (so a long query never stalls the browser);
    // `connected` false closes it.
    void setConnection(const db::ConnectionSettings &settings, bool connected);

    void run(); // the selection, or the whole editor
    void cancel();
    Job *exportTo(const QString &path);

    bool isRunning() const;
    db::QueryRunner *runner() const { return m_runner; }
    CellDelegate *delegate() const { return m_delegate; }
    Ui::DbSqlConsole *ui() const { return m_ui.get(); } // for GUI tests
    QAction *runAction() const { return m_runAction; }
    QAction *cancelAction() const { return m_cancelAction; }

Q_SIGNALS:
    void queryFinished(const db::QueryOutcome &outcome);
    void jobStarted(Job *job); // exports, for the app's Activity panel

private:
    void finished(const db::QueryOutcome &outcome);
    void showErrorPosition(int position);
    void runStatement(const QString &sql);
    void start(const QString &sql);
    QString rowsText(int rows, bool more, bool capped) const;
    void updateButtons();
    void tick();
    void exportCsv();

    std::unique_ptr<Ui::DbSqlConsole> m_ui;
    CellDelegate *m_delegate;
    QPointer<db::QueryRunner> m_runner;
    db::ConnectionSettings m_settings;
    QAction *m_runAction;
    QAction *m_cancelAction;
    QTimer m_ticker;
    QElapsedTimer m_elapsed;
    int m_queryStart = 0; // editor offset of the statement being run
    QString m_lastSql;
    bool m_inTransaction = false; // the user's BEGIN is still open (from the last outcome)
    QPointer<Job> m_exportJob;
};

} // namespace dbui
