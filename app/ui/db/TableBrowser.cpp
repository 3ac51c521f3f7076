#include "ui/db/TableBrowser.h"

#include "common/StandardKeys.h"

#include "db/CatalogModel.h"
#include "db/CsvExport.h"
#include "db/DbSession.h"
#include "db/TableModel.h"
#include "jobs/Job.h"
#include "ui/db/CellDelegate.h"
#include "ui/db/GridPager.h"
#include "ui_DbTableBrowser.h"

#include <QAction>
#include <QFileDialog>
#include <QHeaderView>
#include <QToolBar>

namespace dbui {

TableBrowser::TableBrowser(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::DbTableBrowser>())
{
    m_ui->setupUi(this);
    m_ui->slowBadge->setVisible(false);
    m_ui->exportProgress->setVisible(false);
    m_ui->cancelExportButton->setVisible(false);
    m_ui->mainSplitter->setStretchFactor(0, 1);
    m_ui->mainSplitter->setStretchFactor(1, 4);
    m_ui->mainSplitter->setStretchFactor(2, 1);
    m_ui->mainSplitter->setSizes({340, 700, 240});

    m_delegate = new CellDelegate(this);
    m_ui->gridView->setItemDelegate(m_delegate);
    m_ui->gridView->horizontalHeader()->setSectionsClickable(true);
    m_ui->gridView->horizontalHeader()->setSortIndicatorShown(false);
    m_ui->gridView->verticalHeader()->setDefaultSectionSize(m_ui->gridView->fontMetrics().height() + 6);
    // Row numbers would count within the loaded window, not the table: misleading.
    m_ui->gridView->verticalHeader()->setVisible(false);
    m_ui->gridView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                    | QAbstractItemView::AnyKeyPressed);

    for (db::FilterOp op : db::Filter::allOps())
        m_ui->filterOpCombo->addItem(db::Filter::opLabel(op), int(op));

    createActions();
    connect(m_ui->gridView->horizontalHeader(), &QHeaderView::sectionClicked, this, &TableBrowser::headerClicked);
    connect(m_ui->applyFilterButton, &QPushButton::clicked, this, &TableBrowser::applyFilter);
    connect(m_ui->filterValueEdit, &QLineEdit::returnPressed, this, &TableBrowser::applyFilter);
    connect(m_ui->clearFilterButton, &QPushButton::clicked, this, &TableBrowser::clearFilter);
    connect(m_ui->filterOpCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, &TableBrowser::filterOpChanged);
    connect(m_ui->cancelExportButton, &QPushButton::clicked, this, [this] {
        if (m_exportJob)
            m_exportJob->cancel();
    });
    setSession(nullptr);
}

TableBrowser::~TableBrowser() = default;

void TableBrowser::createActions()
{
    auto make = [this](const QString &text, const QKeySequence &key, const QString &tip) {
        auto *a = new QAction(text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        addAction(a);
        return a;
    };
    m_reload = make(tr("Re&load"), uicommon::standardKeys(QKeySequence::Refresh, QKeySequence(Qt::Key_F5)).first(),
                    tr("Reload from the start"));
    m_jumpToEnd = make(tr("&Jump to end"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_End),
                       tr("Show the last rows without reading the middle"));
    m_insertRow = make(tr("&Insert row"), QKeySequence(Qt::CTRL | Qt::Key_Insert), tr("Add a new row"));
    m_deleteRow =
        make(tr("&Delete row"), QKeySequence(Qt::CTRL | Qt::Key_Delete), tr("Mark the selected rows for deletion"));
    m_setNull =
        make(tr("Set &NULL"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), tr("Set the current cell to NULL"));
    m_save = make(tr("&Save"), uicommon::standardKeys(QKeySequence::Save, QKeySequence(Qt::CTRL | Qt::Key_S)).first(),
                  tr("Save pending changes in one transaction"));
    m_revert = make(tr("Re&vert"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), tr("Drop pending changes"));
    m_export = make(tr("E&xport CSV…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                    tr("Export the table (with the current filter ignored) to a CSV file"));
    m_countRows = new QAction(tr("&Count rows exactly"), this);
    m_countRows->setToolTip(tr("Run SELECT count(*) (may be slow on big tables)"));
    m_ui->catalogView->addAction(m_countRows);
    m_ui->gridView->addAction(m_setNull);
    m_ui->gridView->addAction(m_insertRow);
    m_ui->gridView->addAction(m_deleteRow);

    m_toolBar = new QToolBar(this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->setIconSize(QSize(16, 16));
    // Most needed first: a narrow window pushes the last ones into the overflow menu,
    // and Save / Revert must never be there (issue 9.11).
    for (QAction *a : {m_save, m_revert, m_insertRow, m_deleteRow, m_setNull, m_reload, m_jumpToEnd, m_export})
        m_toolBar->addAction(a);
    m_ui->toolbarLayout->insertWidget(0, m_toolBar, 1);

    connect(m_reload, &QAction::triggered, this, [this] {
        if (m_table && m_table->table().isValid())
            m_table->reload();
    });
    connect(m_jumpToEnd, &QAction::triggered, this, [this] {
        if (m_table && m_table->table().isValid()) {
            m_pager->jumpToEnd();
        }
    });
    connect(m_insertRow, &QAction::triggered, this, &TableBrowser::insertRow);
    connect(m_deleteRow, &QAction::triggered, this, &TableBrowser::deleteRows);
    connect(m_setNull, &QAction::triggered, this, &TableBrowser::setCurrentNull);
    connect(m_save, &QAction::triggered, this, &TableBrowser::save);
    connect(m_revert, &QAction::triggered, this, [this] {
        if (m_table)
            m_table->revert();
    });
    connect(m_export, &QAction::triggered, this, &TableBrowser::exportCsv);
    connect(m_countRows, &QAction::triggered, this, [this] {
        const QModelIndex current = m_ui->catalogView->currentIndex();
        if (m_catalog && m_catalog->tableAt(current).isValid())
            m_catalog->countRows(current.siblingAtColumn(0));
    });
}

void TableBrowser::setSession(db::DbSession *session)
{
    m_ui->catalogView->setModel(nullptr);
    m_ui->gridView->setModel(nullptr);
    m_ui->detailView->clear();
    delete m_catalog;
    delete m_table;
    m_catalog = nullptr;
    m_table = nullptr;
    m_pager = nullptr;
    m_session = session;
    if (session) {
        m_catalog = new db::CatalogModel(session, this);
        m_table = new db::TableModel(session, this);
        m_pager = new GridPager(m_ui->gridView, m_table, m_table);
        m_ui->catalogView->setModel(m_catalog);
        m_ui->gridView->setModel(m_table);
        // Name and type at fixed widths so the details (row estimates, keys, defaults)
        // start in view; the details column takes what it needs, with a scroll bar.
        auto *treeHeader = m_ui->catalogView->header();
        treeHeader->setStretchLastSection(false);
        treeHeader->setSectionResizeMode(QHeaderView::Interactive);
        treeHeader->resizeSection(db::CatalogModel::NameColumn, 170);
        treeHeader->resizeSection(db::CatalogModel::TypeColumn, 80);
        treeHeader->setSectionResizeMode(db::CatalogModel::DetailColumn, QHeaderView::ResizeToContents);

        connect(m_ui->catalogView->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &TableBrowser::catalogCurrentChanged);
        connect(m_ui->gridView->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this](const QModelIndex &current) {
                    m_ui->detailView->showIndex(current);
                    updateActions();
                });
        connect(m_catalog, &db::CatalogModel::errorOccurred, this, &TableBrowser::reportError);
        connect(m_catalog, &db::CatalogModel::loaded, this, [this] {
            clearErrorAfterSuccess();
            m_ui->catalogView->expandToDepth(0);
        });
        connect(m_catalog, &db::CatalogModel::exactCountReady, this, [this](const db::TableRef &ref, qint64 rows) {
            Q_EMIT message(
                tr("%1 has exactly %L2 row(s).", "", int(qMin<qint64>(rows, INT_MAX))).arg(ref.displayName()).arg(rows),
                {}, false);
        });
        connect(m_table, &db::TableModel::errorOccurred, this, &TableBrowser::reportError);
        connect(m_table, &db::TableModel::schemaLoaded, this, [this] {
            m_sizeColumns = true;
            rebuildFilterColumns();
            m_ui->gridView->horizontalHeader()->setSortIndicatorShown(false);
            updateActions();
        });
        connect(m_table, &db::TableModel::pageLoaded, this, [this] {
            clearErrorAfterSuccess();
            if (m_sizeColumns) {
                m_sizeColumns = false;
                sizeColumns();
            }
            updateStatus();
        });
        // The detail pane shows the current cell as it is now: after an edit, a save
        // (which reloads in place), a revert or a page that replaced the rows.
        connect(m_table, &db::TableModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
            const QModelIndex current = m_ui->gridView->currentIndex();
            if (current.isValid() && current.row() >= from.row() && current.row() <= to.row()
                && current.column() >= from.column() && current.column() <= to.column())
                m_ui->detailView->showIndex(current);
        });
        // A save reloads the window in place (a reset, then the page): the user's cell
        // is the same place in it, so it becomes current again when the page is in
        // (m_restoreCell, recorded on saved(), which comes just before that reload).
        connect(m_table, &db::TableModel::modelReset, this,
                [this] { m_ui->detailView->showIndex(m_ui->gridView->currentIndex()); });
        connect(m_table, &db::TableModel::pageLoaded, this, [this] {
            if (m_restoreCell.y() >= 0 && m_restoreCell.y() < m_table->rowCount()
                && !m_ui->gridView->currentIndex().isValid())
                m_ui->gridView->setCurrentIndex(m_table->index(m_restoreCell.y(), m_restoreCell.x()));
            m_restoreCell = QPoint(-1, -1);
        });
        connect(m_table, &db::TableModel::layoutChanged, this,
                [this] { m_ui->detailView->showIndex(m_ui->gridView->currentIndex()); });
        connect(m_table, &db::TableModel::loadingChanged, this, &TableBrowser::updateStatus);
        connect(m_table, &db::TableModel::slowPagingChanged, this, &TableBrowser::updateActions);
        connect(m_table, &db::TableModel::pendingChangesChanged, this, &TableBrowser::updateActions);
        connect(m_table, &db::TableModel::modelReset, this, &TableBrowser::updateStatus);
        connect(m_table, &db::TableModel::saved, this, [this] {
            const QModelIndex current = m_ui->gridView->currentIndex();
            m_restoreCell = current.isValid() ? QPoint(current.column(), current.row()) : QPoint(-1, -1);
            Q_EMIT message(tr("Changes saved."), {}, false);
            updateActions();
        });
        connect(m_table, &db::TableModel::saveFailed, this, [this](const db::DbError &error) {
            // The core's sentence already says nothing was written and what to do.
            if (error.kind == db::DbError::Kind::Conflict)
                Q_EMIT message(tr("Save conflict: %1").arg(error.message), error.fullText(), true);
            else
                Q_EMIT message(tr("Not saved: %1").arg(error.message), error.fullText(), true);
            updateActions();
        });
        m_catalog->reload();
    }
    m_ui->tableTitle->setText(tr("No table selected"));
    rebuildFilterColumns();
    updateActions();
    updateStatus();
}

void TableBrowser::openTable(const db::TableRef &ref)
{
    if (!m_table)
        return;
    m_ui->detailView->clear();
    m_ui->tableTitle->setText(ref.displayName());
    // "Changes saved.", a conflict, an export: they were about the table left behind.
    if (m_table->table() != ref)
        Q_EMIT message({}, {}, false);
    m_restoreCell = QPoint(-1, -1);
    m_table->setTable(ref);
    if (m_catalog) {
        const QModelIndex at = m_catalog->indexOf(ref);
        if (at.isValid() && at != m_ui->catalogView->currentIndex().siblingAtColumn(0))
            m_ui->catalogView->setCurrentIndex(at);
    }
    updateActions();
}

void TableBrowser::catalogCurrentChanged()
{
    const QModelIndex current = m_ui->catalogView->currentIndex();
    const auto kind = db::CatalogModel::NodeKind(current.data(db::CatalogModel::NodeKindRole).toInt());
    m_countRows->setEnabled(current.isValid() && kind == db::CatalogModel::NodeKind::Relation);
    const db::TableRef ref = m_catalog ? m_catalog->tableAt(current) : db::TableRef{};
    if (ref.isValid() && m_table && ref != m_table->table())
        openTable(ref);
}

void TableBrowser::headerClicked(int section)
{
    if (!m_table || section >= m_table->tableSchema().columns.size())
        return;
    // First click ascending, second descending, third back to key order.
    int column = section;
    Qt::SortOrder order = Qt::AscendingOrder;
    if (m_table->sortColumn() == section)
        order = m_table->sortOrder() == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
    if (m_table->sortColumn() == section && m_table->sortOrder() == Qt::DescendingOrder)
        column = -1;
    auto *header = m_ui->gridView->horizontalHeader();
    header->setSortIndicatorShown(column >= 0);
    if (column >= 0)
        header->setSortIndicator(column, order);
    m_table->sort(column, order);
}

void TableBrowser::rebuildFilterColumns()
{
    m_ui->filterColumnCombo->clear();
    if (m_table) {
        for (const auto &c : m_table->tableSchema().columns)
            m_ui->filterColumnCombo->addItem(c.name);
    }
    const bool any = m_ui->filterColumnCombo->count() > 0;
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_ui->filterColumnCombo, m_ui->filterOpCombo, m_ui->filterValueEdit,
                                          m_ui->applyFilterButton, m_ui->clearFilterButton})
        w->setEnabled(any);
    filterOpChanged();
}

void TableBrowser::filterOpChanged()
{
    const auto op = db::FilterOp(m_ui->filterOpCombo->currentData().toInt());
    m_ui->filterValueEdit->setEnabled(m_ui->filterColumnCombo->count() > 0 && db::Filter::takesValue(op));
}

void TableBrowser::applyFilter()
{
    if (!m_table || m_ui->filterColumnCombo->currentIndex() < 0)
        return;
    db::Filter f;
    f.column = m_ui->filterColumnCombo->currentText();
    f.op = db::FilterOp(m_ui->filterOpCombo->currentData().toInt());
    f.value = m_ui->filterValueEdit->text();
    m_table->setFilters({f});
    updateStatus();
}

void TableBrowser::clearFilter()
{
    m_ui->filterValueEdit->clear();
    if (m_table && !m_table->filters().isEmpty())
        m_table->setFilters({});
    updateStatus();
}

void TableBrowser::updateActions()
{
    const bool hasTable = m_table && m_table->table().isValid();
    const bool editable = hasTable && m_table->isEditable();
    const bool pending = hasTable && m_table->hasPendingChanges();
    QString why;
    if (!hasTable)
        why = tr("Select a table first.");
    else if (m_session && m_session->isReadOnly())
        why = tr("Read-only connection: editing is disabled.");
    else if (m_table->tableSchema().relation.isView())
        why = tr("Views cannot be edited here.");
    else if (!m_table->tableSchema().hasPrimaryKey())
        why = tr("This table has no primary key, so a row cannot be identified safely: editing is disabled.");
    for (QAction *a : {m_insertRow, m_deleteRow, m_setNull}) {
        a->setEnabled(editable);
        a->setToolTip(editable ? a->text().remove(QLatin1Char('&')) : why);
    }
    m_save->setEnabled(editable && pending);
    m_revert->setEnabled(pending);
    m_save->setToolTip(editable ? tr("Save pending changes in one transaction (%1)")
                                      .arg(m_save->shortcut().toString(QKeySequence::NativeText))
                                : why);
    m_jumpToEnd->setEnabled(hasTable);
    m_reload->setEnabled(hasTable);
    m_export->setEnabled(hasTable && !m_exportJob);
    m_ui->slowBadge->setVisible(hasTable && m_table->slowPaging());
    // In-grid editing follows the same rule (the model's flags() enforce it too).
    m_ui->gridView->setEditTriggers(editable ? QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                            | QAbstractItemView::AnyKeyPressed
                                             : QAbstractItemView::NoEditTriggers);
}

void TableBrowser::updateStatus()
{
    if (!m_table || !m_table->table().isValid()) {
        m_ui->gridStatus->setText(m_session ? tr("Pick a table or view in the tree.") : tr("Not connected."));
        return;
    }
    QStringList parts;
    parts << tr("%Ln row(s) in view", "", m_table->rowCount());
    const qint64 estimate = m_table->tableSchema().relation.estimatedRows;
    if (estimate >= 0)
        parts << tr("~%L1 estimated").arg(estimate);
    if (!m_table->filters().isEmpty())
        parts << tr("filtered");
    if (!m_table->atEnd())
        parts << tr("more below");
    if (m_table->isLoading())
        parts << tr("loading…");
    m_ui->gridStatus->setText(parts.join(QStringLiteral(" · ")));
    updateActions();
}

void TableBrowser::sizeColumns()
{
    // From the first page, with room for values a little wider than those (ids grow),
    // capped so one long text column does not push the rest out; then the user's.
    auto *view = m_ui->gridView;
    view->resizeColumnsToContents();
    const int slack = view->fontMetrics().horizontalAdvance(QStringLiteral("0000"));
    for (int c = 0; c < m_table->columnCount(); ++c)
        view->setColumnWidth(c, qMin(view->columnWidth(c) + slack, 320));
}

void TableBrowser::insertRow()
{
    if (!m_table || !m_table->isEditable())
        return;
    const int row = m_table->rowCount();
    if (m_table->insertRows(row, 1)) {
        // Start on the first column the user must fill: serials and defaults can stay DEFAULT.
        const auto &columns = m_table->tableSchema().columns;
        int column = 0;
        while (column < columns.size() - 1 && !columns.at(column).defaultExpr.isEmpty())
            ++column;
        const QModelIndex at = m_table->index(m_table->rowCount() - 1, column);
        m_ui->gridView->scrollTo(at);
        m_ui->gridView->setCurrentIndex(at);
        m_ui->gridView->edit(at);
    }
}

void TableBrowser::deleteRows()
{
    if (!m_table || !m_table->isEditable())
        return;
    QList<int> rows;
    for (const QModelIndex &i : m_ui->gridView->selectionModel()->selectedIndexes())
        if (!rows.contains(i.row()))
            rows << i.row();
    if (rows.isEmpty() && m_ui->gridView->currentIndex().isValid())
        rows << m_ui->gridView->currentIndex().row();
    std::sort(rows.begin(), rows.end(), std::greater<int>()); // back to front keeps indexes valid
    for (int r : rows)
        m_table->removeRows(r, 1);
}

void TableBrowser::setCurrentNull()
{
    const QModelIndex at = m_ui->gridView->currentIndex();
    if (m_table && at.isValid())
        m_table->setData(at, QVariant(), Qt::EditRole);
}

void TableBrowser::save()
{
    if (!m_table)
        return;
    m_ui->gridView->setFocus(); // commits an open editor first
    m_saveJob = m_table->save();
    if (m_saveJob) {
        Q_EMIT message(tr("Saving…"), {}, false);
        Q_EMIT jobStarted(m_saveJob);
    }
}

void TableBrowser::exportCsv()
{
    if (!m_table || !m_table->table().isValid())
        return;
    const QString suggested = m_table->table().name + QStringLiteral(".csv");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export %1 to CSV").arg(m_table->table().displayName()),
                                                      suggested, tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        exportTo(path);
}

Job *TableBrowser::exportTo(const QString &path)
{
    if (!m_session || !m_table || !m_table->table().isValid() || m_exportJob)
        return nullptr;
    const db::TableRef ref = m_table->table();
    Job *job = db::CsvExport::exportTable(m_session->settings(), ref, path,
                                          m_table->tableSchema().relation.estimatedRows, this);
    m_exportJob = job;
    m_ui->exportProgress->setRange(0, 0);
    m_ui->exportProgress->setVisible(true);
    m_ui->cancelExportButton->setVisible(true);
    connect(job, &Job::progressChanged, this, [this](double fraction, const QString &status) {
        if (fraction < 0) {
            m_ui->exportProgress->setRange(0, 0);
        } else {
            m_ui->exportProgress->setRange(0, 1000);
            m_ui->exportProgress->setValue(int(fraction * 1000));
        }
        m_ui->exportProgress->setFormat(status.isEmpty() ? QStringLiteral("%p%") : status);
        m_ui->exportProgress->setToolTip(status);
    });
    connect(job, &Job::finished, this, [this, job, path, ref](Job::State state) {
        m_ui->exportProgress->setVisible(false);
        m_ui->cancelExportButton->setVisible(false);
        if (state == Job::State::Succeeded)
            Q_EMIT message(tr("Exported %1 to %2.").arg(ref.displayName(), path), job->log().join('\n'), false);
        else if (state == Job::State::Cancelled)
            Q_EMIT message(tr("Export cancelled; the partial file was removed."), {}, false);
        else
            Q_EMIT message(tr("Export failed: %1").arg(job->errorString()), job->log().join('\n'), true);
        m_exportJob = nullptr; // the Job itself stays (parented here) for the Activity panel
        updateActions();
    });
    updateActions();
    Q_EMIT jobStarted(job);
    return job;
}

// A read that worked after one that failed: the red bar no longer says the truth.
void TableBrowser::clearErrorAfterSuccess()
{
    if (std::exchange(m_errorShown, false))
        Q_EMIT message(QString(), QString(), false);
}

void TableBrowser::reportError(const db::DbError &error)
{
    m_errorShown = true;
    Q_EMIT message(error.message, error.fullText(), true);
    updateStatus();
}

} // namespace dbui
