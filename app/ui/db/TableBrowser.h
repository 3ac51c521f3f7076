#pragma once

#include "db/CatalogTypes.h"
#include "db/DbError.h"
#include "db/DbSession.h"
#include "jobs/Job.h"

#include <QPoint>
#include <QPointer>
#include <QWidget>

#include <memory>

class QAction;
class QToolBar;

namespace Ui {
class DbTableBrowser;
}

namespace db {
class CatalogModel;
class TableModel;
} // namespace db

namespace dbui {

class CellDelegate;
class GridPager;

// The "Browse" tab: catalog tree, data grid with filter bar and edit toolbar, the
// full-value side panel, CSV export. All state and SQL live in the core models;
// this class wires them to widgets and reports problems through message().
class TableBrowser : public QWidget
{
    Q_OBJECT
public:
    explicit TableBrowser(QWidget *parent = nullptr);
    ~TableBrowser() override;

    // nullptr detaches (disconnected). The session must outlive its use here.
    void setSession(db::DbSession *session);

    db::CatalogModel *catalogModel() const { return m_catalog; }
    db::TableModel *tableModel() const { return m_table; }
    CellDelegate *delegate() const { return m_delegate; }
    Ui::DbTableBrowser *ui() const { return m_ui.get(); } // for GUI tests

    void openTable(const db::TableRef &ref);
    // Starts the CSV export of the current table to `path` without asking (tests,
    // and the file dialog's answer).
    Job *exportTo(const QString &path);

    QAction *insertRowAction() const { return m_insertRow; }
    QAction *deleteRowAction() const { return m_deleteRow; }
    QAction *saveAction() const { return m_save; }
    QAction *revertAction() const { return m_revert; }
    QAction *jumpToEndAction() const { return m_jumpToEnd; }
    QAction *exportAction() const { return m_export; }
    QAction *countRowsAction() const { return m_countRows; }
    QAction *setNullAction() const { return m_setNull; }

Q_SIGNALS:
    // One line for the panel's message bar; details go to its tooltip / details view.
    void message(const QString &text, const QString &details, bool isError);
    // Every slow operation started here (export, save), for the app's Activity panel.
    void jobStarted(Job *job);

private:
    void createActions();
    void clearErrorAfterSuccess();
    void catalogCurrentChanged();
    void headerClicked(int section);
    void applyFilter();
    void clearFilter();
    void filterOpChanged();
    void updateActions();
    void updateStatus();
    void rebuildFilterColumns();
    void sizeColumns();
    void insertRow();
    void deleteRows();
    void setCurrentNull();
    void save();
    void exportCsv();
    void reportError(const db::DbError &error);

    std::unique_ptr<Ui::DbTableBrowser> m_ui;
    QToolBar *m_toolBar = nullptr;
    CellDelegate *m_delegate = nullptr;
    QPointer<db::DbSession> m_session;
    db::CatalogModel *m_catalog = nullptr;
    db::TableModel *m_table = nullptr;
    QPointer<Job> m_exportJob;
    QPointer<Job> m_saveJob;
    GridPager *m_pager = nullptr; // owned by m_table
    bool m_sizeColumns = false;   // next page sizes the columns (new table)

    QAction *m_insertRow = nullptr;
    QAction *m_deleteRow = nullptr;
    QAction *m_save = nullptr;
    QAction *m_revert = nullptr;
    QAction *m_jumpToEnd = nullptr;
    QAction *m_reload = nullptr;
    QAction *m_export = nullptr;
    QAction *m_countRows = nullptr;
    QAction *m_setNull = nullptr;
    QPoint m_restoreCell{-1, -1}; // (column, row) to make current again after an in-place reload
    bool m_errorShown = false;    // the last message we sent was an error
};

} // namespace dbui
