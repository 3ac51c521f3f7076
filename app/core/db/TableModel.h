#pragma once

#include "db/CatalogTypes.h"
#include "db/DbError.h"
#include "db/GridRoles.h"
#include "db/PageWindow.h"
#include "db/PqxxCompat.h"
#include "db/TableQuery.h"

#include <QAbstractTableModel>

#include <QHash>
#include <QVariant>
#include <QVector>
#include <pqxx/connection>

#include <deque>
#include <memory>

class Job;

namespace db {

class DbSession;

// The data grid for one table or view. Pages load asynchronously on the session's
// worker: fetchMore() appends the next page, fetchPrevious() prepends the one
// before, jumpToEnd() shows the tail without reading the middle. Only a window of
// maxCachedRows() rows is kept; rows scrolled far away are dropped and refetched on
// demand, so memory stays bounded on any table. Paging is keyset on the primary key
// (and the sort column); relations without a primary key fall back to OFFSET and
// report slowPaging(). Edits (tables with a primary key, writable sessions) are
// kept pending until save(), which applies them in one transaction and detects
// rows changed by someone else since they were read (xmin).
class TableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(bool slowPaging READ slowPaging NOTIFY slowPagingChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
public:
    explicit TableModel(DbSession *session, QObject *parent = nullptr);
    ~TableModel() override;

    // Loads the relation's columns and keys, then its first page.
    void setTable(const TableRef &table);
    TableRef table() const { return m_schema.relation.ref; }
    const TableSchema &tableSchema() const { return m_schema; }

    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    void setMaxCachedRows(int rows);
    int maxCachedRows() const { return m_maxRows; }

    void setFilters(const QVector<Filter> &filters); // reloads from the start
    QVector<Filter> filters() const { return m_filters; }
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override; // server side
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // The calls below re-read rows and DISCARD pending changes: ask the user first
    // (hasPendingChanges()).
    void reload();    // from the start, keeping sort and filters
    void jumpToEnd(); // the last page, read in reverse order
    bool canFetchPrevious() const;
    void fetchPrevious();
    bool atStart() const { return !m_window.hasBefore(); }
    bool atEnd() const { return !m_window.hasAfter(); }

    // Exact number of rows matching the current filters (count(*) on the worker);
    // exactCountReady() follows. The grid itself never needs it.
    void countRows();

    bool slowPaging() const; // true when the relation has no primary key (OFFSET)
    bool isLoading() const { return m_loading; }
    bool isEditable() const; // has a primary key, is a table, session not read-only

    // Editing: recorded only; nothing reaches the server before save().
    bool hasPendingChanges() const;
    // How long a save waits for another session's lock before it gives up and says who holds it.
    static constexpr int kSaveLockTimeoutMs = 5000;
    Job *save(); // nullptr if nothing to save or not editable; the Job reports the outcome
    void revert();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void schemaLoaded();
    void pageLoaded(int rowsAdded, bool atStart, bool atEnd);
    void loadingChanged(bool loading);
    void slowPagingChanged(bool slow);
    void errorOccurred(const db::DbError &error);
    void pendingChangesChanged(bool pending);
    void saved();
    void exactCountReady(qint64 rows);
    void saveFailed(const db::DbError &error); // Kind::Conflict for a row changed meanwhile

public:
    struct Row
    {
        QVector<QVariant> original; // QString per column as read; invalid = NULL; empty for inserts
        QString xmin;               // row version as read
        QHash<int, QVariant> edits; // pending new values by column
        RowState state = RowState::Clean;
    };

private:
    static DbError lockedBy(PqConnection &conn, const TableRef &ref, const QString &serverText);
    enum class Direction { Forward, Backward };
    void resetWindow();
    void reloadInPlace(); // after a save: re-read the window from its first row
    void requestPage(Direction direction);
    void applyPage(quint64 generation, Direction direction, QVector<Row> rows, bool exhausted);
    void trimWindow(Direction grewAt);
    void setLoading(bool loading);
    void fail(const DbError &error);
    SqlParams keyOf(const Row &row) const;
    TableQuery makeQuery(PqConnection &conn) const;
    const Row *rowAt(int row) const;
    Row *rowAt(int row);
    QVariant currentValue(const Row &row, int column) const;
    int dataColumnCount() const { return int(m_schema.columns.size()); }

    DbSession *m_session;
    TableSchema m_schema;
    std::deque<Row> m_rows;
    QVector<Row> m_inserted; // pending inserts, shown after the window
    int m_pendingRows = 0;   // rows with edits or deletes in the window
    QVector<Filter> m_filters;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_pageSize = 200;
    int m_maxRows = 5000;
    PageWindow m_window; // edges and OFFSET anchors: the arithmetic, tested without a server
    bool m_loading = false;
    bool m_schemaReady = false;
    quint64 m_generation = 0;
    // Set by reloadInPlace(): the next (empty-window) page starts at this key, inclusive.
    SqlParams m_restartKey;
    int m_restartRows = 0;
};

} // namespace db
