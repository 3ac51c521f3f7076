#include "db/CatalogQueries.h"

#include <pqxx/pqxx>

#include <stdexcept>

namespace db::CatalogQueries {

namespace {

QString str(const pqxx::field &f)
{
    return f.is_null() ? QString() : QString::fromUtf8(f.c_str(), int(f.size()));
}

RelationInfo::Kind kindOf(const std::string &relkind)
{
    switch (relkind.empty() ? 'r' : relkind.front()) {
    case 'v': return RelationInfo::Kind::View;
    case 'm': return RelationInfo::Kind::MaterializedView;
    case 'f': return RelationInfo::Kind::ForeignTable;
    case 'p': return RelationInfo::Kind::PartitionedTable;
    default: return RelationInfo::Kind::Table;
    }
}

// System schemas are not what a developer browsing the app's data wants to see.
const char *const kUserSchemas = "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'";

} // namespace

Overview loadOverview(PqConnection &conn)
{
    pqxx::read_transaction tx(conn);
    Overview o;
    for (const auto &row :
         tx.exec(std::string("SELECT n.nspname FROM pg_namespace n WHERE ") + kUserSchemas + " ORDER BY 1")) {
        o.schemas << str(row[0]);
    }
    const auto rels = tx.exec(std::string("SELECT n.nspname, c.relname, c.relkind, c.reltuples::bigint, "
                                          "       coalesce(obj_description(c.oid, 'pg_class'), '') "
                                          "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                          "WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p') AND NOT c.relispartition AND ")
                              + kUserSchemas + " ORDER BY n.nspname, c.relname");
    for (const auto &row : rels) {
        RelationInfo r;
        r.ref = {str(row[0]), str(row[1])};
        r.kind = kindOf(row[2].as<std::string>());
        r.estimatedRows = row[3].as<long long>();
        r.comment = str(row[4]);
        o.relations << r;
    }
    tx.commit();
    return o;
}

TableSchema loadTableSchema(PqConnection &conn, const TableRef &ref)
{
    pqxx::read_transaction tx(conn);
    const std::string schema = ref.schema.toStdString(), name = ref.name.toStdString();
    const auto rel =
        tx.exec_params("SELECT c.oid, c.relkind, c.reltuples::bigint, coalesce(obj_description(c.oid, 'pg_class'), '') "
                       "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE n.nspname = $1 AND c.relname = $2",
                       schema, name);
    if (rel.empty())
        throw std::runtime_error("The table " + ref.displayName().toStdString() + " does not exist (any more).");
    TableSchema s;
    const auto oid = rel[0][0].as<unsigned>();
    s.relation.ref = ref;
    s.relation.kind = kindOf(rel[0][1].as<std::string>());
    s.relation.estimatedRows = rel[0][2].as<long long>();
    s.relation.comment = str(rel[0][3]);

    const auto cols = tx.exec_params(
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod), "
        "       CASE WHEN t.typtype = 'd' THEN bt.typname ELSE t.typname END, "
        "       CASE WHEN t.typtype = 'd' THEN bt.typcategory ELSE t.typcategory END, "
        "       a.attnotnull, coalesce(pg_get_expr(d.adbin, d.adrelid), ''), "
        "       coalesce(array_position(pk.conkey, a.attnum), 0), "
        "       coalesce((SELECT fn.nspname || '.' || fc.relname || '(' || fa.attname || ')' "
        "                 FROM pg_constraint fk "
        "                 JOIN pg_class fc ON fc.oid = fk.confrelid "
        "                 JOIN pg_namespace fn ON fn.oid = fc.relnamespace "
        "                 JOIN pg_attribute fa ON fa.attrelid = fk.confrelid "
        "                      AND fa.attnum = fk.confkey[array_position(fk.conkey, a.attnum)] "
        "                 WHERE fk.conrelid = a.attrelid AND fk.contype = 'f' AND a.attnum = ANY (fk.conkey) "
        "                 ORDER BY fk.conname LIMIT 1), '') "
        "FROM pg_attribute a "
        "JOIN pg_type t ON t.oid = a.atttypid "
        "LEFT JOIN pg_type bt ON bt.oid = t.typbasetype "
        "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
        "LEFT JOIN pg_constraint pk ON pk.conrelid = a.attrelid AND pk.contype = 'p' "
        "WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped "
        "ORDER BY a.attnum",
        oid);
    QVector<QPair<int, int>> pkOrder;
    for (const auto &row : cols) {
        ColumnInfo c;
        c.name = str(row[0]);
        c.type = str(row[1]);
        c.typeName = str(row[2]);
        c.category = str(row[3]);
        c.notNull = row[4].as<bool>();
        c.defaultExpr = str(row[5]);
        const int pkPos = row[6].as<int>();
        c.primaryKeyPosition = pkPos - 1;
        c.foreignKey = str(row[7]);
        if (pkPos > 0)
            pkOrder.append({pkPos, int(s.columns.size())});
        s.columns << c;
    }
    std::sort(pkOrder.begin(), pkOrder.end());
    for (const auto &p : pkOrder)
        s.primaryKey << p.second;

    const auto idx = tx.exec_params(
        "SELECT i.relname, pg_get_indexdef(x.indexrelid), x.indisunique, x.indisprimary "
        "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = $1 ORDER BY i.relname",
        oid);
    for (const auto &row : idx)
        s.indexes << IndexInfo{str(row[0]), str(row[1]), row[2].as<bool>(), row[3].as<bool>()};
    tx.commit();
    return s;
}

} // namespace db::CatalogQueries
