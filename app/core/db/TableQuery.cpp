#include "db/TableQuery.h"

#include <QCoreApplication>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TableQuery)
};
} // namespace

namespace db {

namespace {

std::string param(SqlParams &params, SqlParam value)
{
    params.push_back(std::move(value));
    return "$" + std::to_string(params.size());
}

// LIKE treats % _ and \ specially; Contains / StartsWith mean the literal text.
std::string likeLiteral(const QString &value)
{
    std::string out;
    for (char c : value.toStdString()) {
        if (c == '%' || c == '_' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

} // namespace

QString Filter::opLabel(FilterOp op)
{
    switch (op) {
    case FilterOp::Equals: return QStringLiteral("=");
    case FilterOp::NotEquals: return QStringLiteral("≠");
    case FilterOp::Less: return QStringLiteral("<");
    case FilterOp::LessOrEqual: return QStringLiteral("≤");
    case FilterOp::Greater: return QStringLiteral(">");
    case FilterOp::GreaterOrEqual: return QStringLiteral("≥");
    case FilterOp::Contains: return Text::tr("contains");
    case FilterOp::StartsWith: return Text::tr("starts with");
    case FilterOp::Like: return QStringLiteral("LIKE");
    case FilterOp::ILike: return QStringLiteral("ILIKE");
    case FilterOp::IsNull: return Text::tr("is NULL");
    case FilterOp::IsNotNull: return Text::tr("is not NULL");
    }
    return {};
}

QVector<FilterOp> Filter::allOps()
{
    return {FilterOp::Equals,  FilterOp::NotEquals,      FilterOp::Less,     FilterOp::LessOrEqual,
            FilterOp::Greater, FilterOp::GreaterOrEqual, FilterOp::Contains, FilterOp::StartsWith,
            FilterOp::Like,    FilterOp::ILike,          FilterOp::IsNull,   FilterOp::IsNotNull};
}

TableQuery::TableQuery(TableSchema schema, Quoter quoteName)
    : m_schema(std::move(schema)), m_quote(std::move(quoteName))
{
}

void TableQuery::setSort(int column, bool ascending)
{
    m_sortColumn = column;
    m_ascending = ascending;
}

void TableQuery::setFilters(QVector<Filter> filters)
{
    m_filters = std::move(filters);
}

QString TableQuery::validate() const
{
    if (m_sortColumn >= m_schema.columns.size())
        return Text::tr("The sort column does not exist.");
    for (const Filter &f : m_filters) {
        if (m_schema.columnIndex(f.column) < 0)
            return Text::tr("The filter refers to a column \"%1\" that this table does not have.").arg(f.column);
    }
    return {};
}

bool TableQuery::selectsXmin() const
{
    return m_schema.relation.kind == RelationInfo::Kind::Table
        || m_schema.relation.kind == RelationInfo::Kind::PartitionedTable;
}

std::string TableQuery::quote(const QString &identifier) const
{
    return m_quote(identifier.toStdString());
}

std::string TableQuery::qualifiedName() const
{
    return quote(m_schema.relation.ref.schema) + "." + quote(m_schema.relation.ref.name);
}

bool TableQuery::sortsByExtraColumn() const
{
    if (m_sortColumn < 0)
        return false;
    // Sorting by the (single) primary key is plain key order.
    return !(m_schema.primaryKey.size() == 1 && m_schema.primaryKey.first() == m_sortColumn);
}

QVector<int> TableQuery::keyColumns() const
{
    QVector<int> cols;
    if (sortsByExtraColumn())
        cols << m_sortColumn;
    cols << m_schema.primaryKey;
    return cols;
}

std::string TableQuery::selectList() const
{
    std::string list;
    for (const ColumnInfo &c : m_schema.columns) {
        if (!list.empty())
            list += ", ";
        list += quote(c.name);
    }
    if (selectsXmin())
        list += (list.empty() ? "" : ", ") + std::string("xmin::text");
    return list;
}

std::string TableQuery::whereFilters(SqlParams &params) const
{
    std::string where;
    for (const Filter &f : m_filters) {
        const std::string col = quote(f.column);
        std::string cond;
        switch (f.op) {
        case FilterOp::Equals: cond = col + " = " + param(params, f.value.toStdString()); break;
        case FilterOp::NotEquals: cond = col + " <> " + param(params, f.value.toStdString()); break;
        case FilterOp::Less: cond = col + " < " + param(params, f.value.toStdString()); break;
        case FilterOp::LessOrEqual: cond = col + " <= " + param(params, f.value.toStdString()); break;
        case FilterOp::Greater: cond = col + " > " + param(params, f.value.toStdString()); break;
        case FilterOp::GreaterOrEqual: cond = col + " >= " + param(params, f.value.toStdString()); break;
        case FilterOp::Contains:
            cond = col + "::text ILIKE '%' || " + param(params, likeLiteral(f.value)) + "::text || '%'";
            break;
        case FilterOp::StartsWith:
            cond = col + "::text LIKE " + param(params, likeLiteral(f.value)) + "::text || '%'";
            break;
        case FilterOp::Like: cond = col + "::text LIKE " + param(params, f.value.toStdString()); break;
        case FilterOp::ILike: cond = col + "::text ILIKE " + param(params, f.value.toStdString()); break;
        case FilterOp::IsNull: cond = col + " IS NULL"; break;
        case FilterOp::IsNotNull: cond = col + " IS NOT NULL"; break;
        }
        where += (where.empty() ? "" : " AND ") + ("(" + cond + ")");
    }
    return where;
}

std::string TableQuery::orderBy(bool reverse) const
{
    // Ascending reads put NULLs last and descending reads NULLs first (PostgreSQL's
    // defaults, so plain indexes serve both); reading an order backwards is then
    // exactly the opposite direction.
    const bool asc = forwardAscending(reverse);
    const std::string dir = asc ? " ASC NULLS LAST" : " DESC NULLS FIRST";
    std::string order;
    auto add = [&order, &dir](const std::string &expr) { order += (order.empty() ? "" : ", ") + expr + dir; };
    if (m_sortColumn >= 0)
        add(quote(m_schema.columns.at(m_sortColumn).name));
    for (int pk : m_schema.primaryKey) {
        if (pk != m_sortColumn || sortsByExtraColumn())
            add(quote(m_schema.columns.at(pk).name));
    }
    // Without a key, OFFSET needs a stable order: the physical one for tables.
    if (!m_schema.hasPrimaryKey() && selectsXmin())
        add("ctid");
    return order.empty() ? std::string() : " ORDER BY " + order;
}

std::string TableQuery::keysetPredicate(const SqlParams &key, bool reverse, bool inclusive, SqlParams &params) const
{
    const bool asc = forwardAscending(reverse);
    const std::string op = asc ? " > " : " < ";
    // Only the final tie-breaker (the primary key) admits equality for an inclusive start.
    const std::string pkOp = inclusive ? (asc ? " >= " : " <= ") : op;
    const auto &pk = m_schema.primaryKey;
    const int first = sortsByExtraColumn() ? 1 : 0;
    std::string lhs, rhs;
    for (int i = 0; i < pk.size(); ++i) {
        lhs += (i ? ", " : "") + quote(m_schema.columns.at(pk.at(i)).name);
        rhs += (i ? ", " : "") + param(params, key.at(size_t(first + i)));
    }
    const std::string pkCond = pk.size() == 1 ? lhs + pkOp + rhs : "(" + lhs + ")" + pkOp + "(" + rhs + ")";
    if (!sortsByExtraColumn())
        return pkCond;

    const std::string s = quote(m_schema.columns.at(m_sortColumn).name);
    const bool nullsAfter = asc; // NULLS LAST when reading ascending, FIRST when descending
    const SqlParam &v = key.at(0);
    if (v) {
        const std::string p = param(params, v);
        std::string cond = s + op + p + " OR (" + s + " = " + p + " AND " + pkCond + ")";
        if (nullsAfter)
            cond += " OR " + s + " IS NULL";
        return "(" + cond + ")";
    }
    std::string cond = "(" + s + " IS NULL AND " + pkCond + ")";
    if (!nullsAfter)
        cond += " OR " + s + " IS NOT NULL";
    return "(" + cond + ")";
}

BuiltQuery TableQuery::firstPage(bool reverse, int limit) const
{
    BuiltQuery q;
    const std::string where = whereFilters(q.params);
    q.sql = "SELECT " + selectList() + " FROM " + qualifiedName() + (where.empty() ? "" : " WHERE " + where)
        + orderBy(reverse) + " LIMIT " + std::to_string(limit);
    return q;
}

BuiltQuery TableQuery::pageAfter(const SqlParams &key, bool reverse, int limit, bool inclusive) const
{
    BuiltQuery q;
    std::string where = whereFilters(q.params);
    const std::string keyset = keysetPredicate(key, reverse, inclusive, q.params);
    where = where.empty() ? keyset : where + " AND " + keyset;
    q.sql = "SELECT " + selectList() + " FROM " + qualifiedName() + " WHERE " + where + orderBy(reverse) + " LIMIT "
        + std::to_string(limit);
    return q;
}

BuiltQuery TableQuery::pageAtOffset(qint64 offset, bool reverse, int limit) const
{
    BuiltQuery q;
    const std::string where = whereFilters(q.params);
    q.sql = "SELECT " + selectList() + " FROM " + qualifiedName() + (where.empty() ? "" : " WHERE " + where)
        + orderBy(reverse) + " OFFSET " + std::to_string(offset) + " LIMIT " + std::to_string(limit);
    return q;
}

BuiltQuery TableQuery::exactCount() const
{
    BuiltQuery q;
    const std::string where = whereFilters(q.params);
    q.sql = "SELECT count(*) FROM " + qualifiedName() + (where.empty() ? "" : " WHERE " + where);
    return q;
}

} // namespace db
