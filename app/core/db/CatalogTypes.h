#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace db {

// A table or view by name; names are raw (unquoted) identifiers.
struct TableRef
{
    QString schema, name;
    bool isValid() const { return !name.isEmpty(); }
    QString displayName() const { return schema + '.' + name; }
    bool operator==(const TableRef &o) const { return schema == o.schema && name == o.name; }
    bool operator!=(const TableRef &o) const { return !(*this == o); }
};

struct ColumnInfo
{
    QString name;
    QString type;     // format_type(), e.g. "character varying(20)", "integer[]"
    QString typeName; // pg_type.typname of the base type, e.g. "varchar", "_int4", "bytea"
    QString category; // pg_type.typcategory: N numeric, S string, A array, U user (json...)...
    bool notNull = false;
    QString defaultExpr;         // empty when none
    int primaryKeyPosition = -1; // 0-based position within the primary key, -1 if not in it
    QString foreignKey;          // "schema.table(column)" when referencing another table
};

struct IndexInfo
{
    QString name;
    QString definition; // pg_get_indexdef()
    bool unique = false;
    bool primary = false;
};

struct RelationInfo
{
    enum class Kind { Table, View, MaterializedView, ForeignTable, PartitionedTable };
    TableRef ref;
    Kind kind = Kind::Table;
    qint64 estimatedRows = -1; // pg_class.reltuples; -1 when never analyzed
    QString comment;
    bool isView() const { return kind == Kind::View || kind == Kind::MaterializedView; }
};

// Everything the data grid needs to know about a relation.
struct TableSchema
{
    RelationInfo relation;
    QVector<ColumnInfo> columns;
    QVector<IndexInfo> indexes;
    QVector<int> primaryKey; // column indexes in key order; empty = no primary key
    bool hasPrimaryKey() const { return !primaryKey.isEmpty(); }
    int columnIndex(const QString &name) const;
};

} // namespace db

Q_DECLARE_METATYPE(db::TableRef)
Q_DECLARE_METATYPE(db::TableSchema)
