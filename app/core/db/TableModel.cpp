#include "db/TableModel.h"

#include "db/CatalogQueries.h"
#include "db/CellFormat.h"
#include "db/DbSession.h"
#include "db/PqxxExec.h"

#include <pqxx/pqxx>

#include <algorithm>

namespace db {

namespace {

QVector<TableModel::Row> readRows(const pqxx::result &r, const TableQuery &q)
{
    const int columns = int(q.schema().columns.size());
    QVector<TableModel::Row> rows;
    rows.reserve(int(r.size()));
    for (const auto &pgRow : r) {
        TableModel::Row row;
        row.original.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row.original.append(fieldValue(pgRow[c]));
        if (q.selectsXmin())
            row.xmin = QString::fromUtf8(pgRow[columns].c_str());
        rows.append(std::move(row));
    }
    return rows;
}

} // namespace

TableModel::TableModel(DbSession *session, QObject *parent) : QAbstractTableModel(parent), m_session(session)
{
}

TableModel::~TableModel() = default;

void TableModel::setTable(const TableRef &table)
{
    beginResetModel();
    ++m_generation;
    m_schema = TableSchema{};
    m_schema.relation.ref = table;
    m_schemaReady = false;
    m_rows.clear();
    m_inserted.clear();
    m_sortColumn = -1;
    m_filters.clear();
    m_window.resetToStart(true);
    endResetModel();
    setLoading(true);
    const quint64 generation = m_generation;
    const int limit = m_pageSize;
    m_session->submitRead(
        this,
        [this, table, generation, limit](PqConnection &conn) -> DbSession::Continuation {
            // Columns and the first page in one trip to the worker: the first page is
            // what the user waits for.
            TableSchema schema = CatalogQueries::loadTableSchema(conn, table);
            TableQuery q(schema, [&conn](const std::string &s) { return conn.quote_name(s); });
            pqxx::read_transaction tx(conn);
            // One row more than shown tells whether another page exists.
            QVector<Row> rows = readRows(
                execBuilt(tx,
                          schema.hasPrimaryKey() ? q.firstPage(false, limit + 1) : q.pageAtOffset(0, false, limit + 1)),
                q);
            tx.commit();
            const bool exhausted = rows.size() <= limit;
            if (!exhausted)
                rows.removeLast();
            return [this, generation, schema, rows = std::move(rows), exhausted]() mutable {
                if (generation != m_generation)
                    return;
                beginResetModel();
                m_schema = schema;
                m_schemaReady = true;
                m_window.resetToStart(schema.hasPrimaryKey());
                endResetModel();
                Q_EMIT schemaLoaded();
                Q_EMIT slowPagingChanged(slowPaging());
                applyPage(generation, Direction::Forward, std::move(rows), exhausted);
            };
        },
        [this](const DbError &e) { fail(e); });
}

void TableModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
    m_maxRows = std::max(m_maxRows, 2 * m_pageSize);
}

void TableModel::setMaxCachedRows(int rows)
{
    m_maxRows = std::max(rows, 2 * m_pageSize);
}

void TableModel::setFilters(const QVector<Filter> &filters)
{
    m_filters = filters;
    reload();
}

void TableModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    reload();
}

void TableModel::resetWindow()
{
    beginResetModel();
    ++m_generation;
    m_rows.clear();
    m_inserted.clear();
    endResetModel();
    setLoading(false);
    Q_EMIT pendingChangesChanged(false);
}

void TableModel::reload()
{
    if (!m_schemaReady)
        return;
    resetWindow();
    m_window.resetToStart(m_schema.hasPrimaryKey());
    requestPage(Direction::Forward);
}

void TableModel::reloadInPlace()
{
    if (!m_schemaReady || m_rows.empty() || !m_schema.hasPrimaryKey()) {
        reload();
        return;
    }
    const bool wasAtStart = atStart();
    const SqlParams first = keyOf(m_rows.front());
    const int rows = std::min(int(m_rows.size() + size_t(m_inserted.size())), m_maxRows);
    resetWindow();
    m_window.restartAt(wasAtStart);
    m_restartKey = first;
    m_restartRows = std::max(rows, m_pageSize);
    requestPage(Direction::Forward);
}

void TableModel::jumpToEnd()
{
    if (!m_schemaReady)
        return;
    resetWindow();
    m_window.resetToEnd(m_schema.hasPrimaryKey());
    requestPage(Direction::Backward);
}

bool TableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_schemaReady && m_window.hasAfter() && !m_loading;
}

void TableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage(Direction::Forward);
}

bool TableModel::canFetchPrevious() const
{
    return m_schemaReady && m_window.hasBefore() && !m_loading;
}

void TableModel::fetchPrevious()
{
    if (canFetchPrevious())
        requestPage(Direction::Backward);
}

void TableModel::countRows()
{
    if (!m_schemaReady)
        return;
    const TableSchema schema = m_schema;
    const QVector<Filter> filters = m_filters;
    const quint64 generation = m_generation;
    m_session->submitRead(
        this,
        [this, schema, filters, generation](PqConnection &conn) -> DbSession::Continuation {
            TableQuery q(schema, [&conn](const std::string &s) { return conn.quote_name(s); });
            q.setFilters(filters);
            pqxx::read_transaction tx(conn);
            const qint64 rows = execBuilt(tx, q.exactCount())[0][0].as<long long>();
            tx.commit();
            return [this, rows, generation] {
                if (generation == m_generation)
                    Q_EMIT exactCountReady(rows);
            };
        },
        [this](const DbError &e) { Q_EMIT errorOccurred(e); });
}

bool TableModel::slowPaging() const
{
    return m_schemaReady && !m_schema.hasPrimaryKey();
}

SqlParams TableModel::keyOf(const Row &row) const
{
    SqlParams key;
    TableQuery q(m_schema, {});
    q.setSort(m_sortColumn, m_sortOrder == Qt::AscendingOrder);
    for (int c : q.keyColumns()) {
        const QVariant &v = row.original.value(c);
        key.push_back(v.isValid() ? SqlParam(v.toString().toStdString()) : std::nullopt);
    }
    return key;
}

void TableModel::requestPage(Direction direction)
{
    if (m_loading || !m_schemaReady)
        return;
    const bool forward = direction == Direction::Forward;
    const bool empty = m_rows.empty();
    const qint64 loaded = qint64(m_rows.size());
    const bool keyset = m_schema.hasPrimaryKey();
    SqlParams key;
    if (keyset && !empty)
        key = keyOf(forward ? m_rows.back() : m_rows.front());
    const bool restart = keyset && empty && forward && !m_restartKey.empty();
    if (restart)
        key = m_restartKey;
    const int limit = restart ? m_restartRows : m_pageSize;
    m_restartKey.clear();

    // OFFSET paging: which slice, read in which order (PageWindow's anchors).
    PageWindow::Slice slice;
    slice.count = limit;
    slice.reverse = !forward;
    if (!keyset) {
        slice = m_window.offsetSlice(forward, loaded, limit);
        if (slice.none) {
            m_window.noMore(forward);
            return;
        }
    }

    setLoading(true);
    const quint64 generation = m_generation;
    const TableSchema schema = m_schema;
    const QVector<Filter> filters = m_filters;
    const int sortColumn = m_sortColumn;
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    m_session->submitRead(
        this,
        [=](PqConnection &conn) -> DbSession::Continuation {
            TableQuery q(schema, [&conn](const std::string &s) { return conn.quote_name(s); });
            q.setSort(sortColumn, ascending);
            q.setFilters(filters);
            if (const QString problem = q.validate(); !problem.isEmpty())
                throw std::runtime_error(problem.toStdString());
            BuiltQuery built;
            if (!keyset)
                built = q.pageAtOffset(slice.offset, slice.reverse, int(slice.count));
            // Keyset reads ask for one row more than shown: it tells whether another page
            // exists, so the edge is known without an extra empty round trip.
            else if (restart)
                built = q.pageAfter(key, false, limit + 1, true);
            else if (empty)
                built = q.firstPage(!forward, limit + 1);
            else
                built = q.pageAfter(key, !forward, limit + 1);
            pqxx::read_transaction tx(conn);
            const pqxx::result r = execBuilt(tx, built);
            tx.commit();
            QVector<Row> rows = readRows(r, q);
            bool exhausted = false;
            if (keyset) {
                exhausted = rows.size() <= limit;
                if (!exhausted)
                    rows.removeLast(); // the farthest from where we read, in either direction
            } else {
                exhausted = PageWindow::offsetExhausted(slice, forward, rows.size());
            }
            // Rows read in reverse order are shown in the table's order.
            if (slice.reverse)
                std::reverse(rows.begin(), rows.end());
            return [this, generation, direction, rows = std::move(rows), exhausted]() mutable {
                applyPage(generation, direction, std::move(rows), exhausted);
            };
        },
        [this, generation, forward](const DbError &e) {
            if (generation != m_generation)
                return;
            m_window.noMore(forward);
            fail(e);
        });
}

void TableModel::applyPage(quint64 generation, Direction direction, QVector<Row> rows, bool exhausted)
{
    if (generation != m_generation)
        return;
    const int added = int(rows.size());
    if (direction == Direction::Forward) {
        if (added > 0) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + added - 1);
            for (Row &r : rows)
                m_rows.push_back(std::move(r));
            endInsertRows();
        }
    } else {
        if (added > 0) {
            beginInsertRows({}, 0, added - 1);
            for (auto it = rows.rbegin(); it != rows.rend(); ++it)
                m_rows.push_front(std::move(*it));
            endInsertRows();
        }
    }
    m_window.pageAdded(direction == Direction::Forward, added, exhausted);
    trimWindow(direction);
    setLoading(false);
    Q_EMIT pageLoaded(added, atStart(), atEnd());
}

void TableModel::trimWindow(Direction grewAt)
{
    // Drop clean rows at the far end so memory stays bounded however far one scrolls.
    const int excess = int(PageWindow::excess(qint64(m_rows.size()), m_maxRows));
    if (excess <= 0)
        return;
    if (grewAt == Direction::Forward) {
        int n = 0;
        while (n < excess && m_rows[size_t(n)].state == RowState::Clean)
            ++n;
        if (n == 0)
            return;
        beginRemoveRows({}, 0, n - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + n);
        endRemoveRows();
        m_window.trimmed(true, n);
    } else {
        int n = 0;
        const int size = int(m_rows.size());
        while (n < excess && m_rows[size_t(size - 1 - n)].state == RowState::Clean)
            ++n;
        if (n == 0)
            return;
        beginRemoveRows({}, size - n, size - 1);
        m_rows.erase(m_rows.end() - n, m_rows.end());
        endRemoveRows();
        m_window.trimmed(false, n);
    }
}

void TableModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void TableModel::fail(const DbError &error)
{
    setLoading(false);
    Q_EMIT errorOccurred(error);
}

int TableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size() + size_t(m_inserted.size()));
}

int TableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : dataColumnCount();
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= dataColumnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const ColumnInfo &c = m_schema.columns.at(section);
    switch (role) {
    case Qt::DisplayRole: return c.name;
    case Qt::ToolTipRole:
        return c.type + (c.primaryKeyPosition >= 0 ? QStringLiteral(", primary key") : QString())
            + (c.notNull ? QStringLiteral(", not null") : QString())
            + (c.foreignKey.isEmpty() ? QString() : QStringLiteral(", references ") + c.foreignKey);
    case TypeNameRole: return c.typeName;
    default: return {};
    }
}

} // namespace db
