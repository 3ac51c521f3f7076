#include "db/EditBatch.h"

namespace db {

namespace {

std::string param(SqlParams &params, SqlParam value)
{
    params.push_back(std::move(value));
    return "$" + std::to_string(params.size());
}

} // namespace

EditBatch::EditBatch(TableSchema schema, TableQuery::Quoter quote) : m_query(std::move(schema), std::move(quote))
{
}

SqlParam EditBatch::toParam(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return std::nullopt;
    return value.toString().toStdString();
}

std::string EditBatch::keyPredicate(const RowChange &change, SqlParams &params) const
{
    const TableSchema &s = m_query.schema();
    std::string where;
    for (int i = 0; i < s.primaryKey.size(); ++i) {
        where += (i ? " AND " : "") + m_query.quote(s.columns.at(s.primaryKey.at(i)).name) + " = "
            + param(params, change.key.at(size_t(i)));
    }
    // The row version as read: any committed UPDATE since then gave the row a new xmin.
    where += " AND xmin = " + param(params, change.xmin.toStdString()) + "::xid";
    return where;
}

EditStatement EditBatch::statementFor(const RowChange &change) const
{
    const TableSchema &s = m_query.schema();
    EditStatement st;
    BuiltQuery &q = st.query;
    switch (change.kind) {
    case RowChange::Kind::Delete:
        q.sql = "DELETE FROM " + m_query.qualifiedName() + " WHERE ";
        q.sql += keyPredicate(change, q.params);
        break;
    case RowChange::Kind::Update: {
        std::string set;
        for (int i = 0; i < change.columns.size(); ++i) {
            set += (i ? ", " : "") + m_query.quote(s.columns.at(change.columns.at(i)).name) + " = "
                + param(q.params, toParam(change.values.at(i)));
        }
        q.sql = "UPDATE " + m_query.qualifiedName() + " SET " + set + " WHERE ";
        q.sql += keyPredicate(change, q.params);
        break;
    }
    case RowChange::Kind::Insert: {
        st.mustAffectOneRow = false;
        if (change.columns.isEmpty()) {
            q.sql = "INSERT INTO " + m_query.qualifiedName() + " DEFAULT VALUES";
            break;
        }
        std::string cols, vals;
        for (int i = 0; i < change.columns.size(); ++i) {
            cols += (i ? ", " : "") + m_query.quote(s.columns.at(change.columns.at(i)).name);
            vals += (i ? ", " : "") + param(q.params, toParam(change.values.at(i)));
        }
        q.sql = "INSERT INTO " + m_query.qualifiedName() + " (" + cols + ") VALUES (" + vals + ")";
        break;
    }
    }
    return st;
}

} // namespace db
