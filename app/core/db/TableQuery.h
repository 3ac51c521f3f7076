#pragma once

#include "db/CatalogTypes.h"

#include <QString>
#include <QVector>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace db {

// Filter operators offered in the grid. Only these exist: the SQL text for each is
// fixed here, the user supplies values (bound as parameters), never SQL.
enum class FilterOp {
    Equals,
    NotEquals,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Contains,
    StartsWith,
    Like,
    ILike,
    IsNull,
    IsNotNull
};

struct Filter
{
    QString column;
    FilterOp op = FilterOp::Equals;
    QString value; // ignored by IsNull / IsNotNull
    static QString opLabel(FilterOp op);
    static QVector<FilterOp> allOps();
    static bool takesValue(FilterOp op) { return op != FilterOp::IsNull && op != FilterOp::IsNotNull; }
};

using SqlParam = std::optional<std::string>; // nullopt = SQL NULL
using SqlParams = std::vector<SqlParam>;

struct BuiltQuery
{
    std::string sql;
    SqlParams params;
};

// Builds the SELECTs for browsing one relation: keyset paging on (sort column, pk)
// when a primary key exists, OFFSET otherwise; forward or reverse (for the tail).
// Identifiers go through the injected quoter (libpqxx's quote_name in production),
// values only ever through parameters. Pure logic, unit tested.
class TableQuery
{
public:
    using Quoter = std::function<std::string(const std::string &)>;

    TableQuery(TableSchema schema, Quoter quoteName);

    void setSort(int column, bool ascending); // column -1 = primary key / natural order
    void setFilters(QVector<Filter> filters); // unknown columns are rejected by validate()
    QString validate() const;                 // empty when fine, else a sentence

    bool usesKeyset() const { return m_schema.hasPrimaryKey(); }
    // Extra trailing columns the SELECT returns after the table's own: xmin, for
    // conflict detection, when the relation is a table.
    int hiddenColumnCount() const { return selectsXmin() ? 1 : 0; }
    bool selectsXmin() const;

    // The key of a row as read: the sort column's text (or null) then each pk column.
    // Indexes into a result row of the SELECT.
    QVector<int> keyColumns() const;

    // First page from the start (forward) or from the end (reverse = rows come newest
    // first and the caller flips them).
    BuiltQuery firstPage(bool reverse, int limit) const;
    // Keyset: the page after (forward) / before (reverse) `key` (values per keyColumns());
    // `inclusive` starts at the row with that key itself (re-reading a window in place).
    BuiltQuery pageAfter(const SqlParams &key, bool reverse, int limit, bool inclusive = false) const;
    // OFFSET paging, in either direction.
    BuiltQuery pageAtOffset(qint64 offset, bool reverse, int limit) const;
    BuiltQuery exactCount() const;

    const TableSchema &schema() const { return m_schema; }
    std::string qualifiedName() const;
    std::string quote(const QString &identifier) const;

private:
    std::string selectList() const;
    std::string whereFilters(SqlParams &params) const;
    std::string orderBy(bool reverse) const;
    std::string keysetPredicate(const SqlParams &key, bool reverse, bool inclusive, SqlParams &params) const;
    bool forwardAscending(bool reverse) const { return m_ascending != reverse; }
    bool sortsByExtraColumn() const;

    TableSchema m_schema;
    Quoter m_quote;
    int m_sortColumn = -1;
    bool m_ascending = true;
    QVector<Filter> m_filters;
};

} // namespace db

Q_DECLARE_METATYPE(db::Filter)
