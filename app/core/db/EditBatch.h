#pragma once

#include "db/CatalogTypes.h"
#include "db/TableQuery.h"

#include <QVariant>
#include <QVector>

#include <string>

namespace db {

// Pending grid edits turned into statements. UPDATE and DELETE are keyed by the
// primary key as read and guarded by the row version (xmin) as read, so a row
// that someone else changed or deleted meanwhile matches nothing: the caller
// treats 0 affected rows as a conflict and rolls the whole batch back.
struct RowChange
{
    enum class Kind { Update, Delete, Insert };
    Kind kind = Kind::Update;
    QVector<int> columns;     // Update / Insert: columns to set
    QVector<QVariant> values; // same length; invalid QVariant = NULL
    SqlParams key;            // Update / Delete: primary key values as read
    QString xmin;             // Update / Delete: row version as read
};

struct EditStatement
{
    BuiltQuery query;
    bool mustAffectOneRow = true; // false for INSERT
};

class EditBatch
{
public:
    EditBatch(TableSchema schema, TableQuery::Quoter quote);
    EditStatement statementFor(const RowChange &change) const;
    static SqlParam toParam(const QVariant &value);

private:
    std::string keyPredicate(const RowChange &change, SqlParams &params) const;
    TableQuery m_query; // for identifier quoting and the qualified name
};

} // namespace db
