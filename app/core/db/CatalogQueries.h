#pragma once

#include "db/CatalogTypes.h"

#include <QStringList>
#include <QVector>

namespace pqxx {
class connection_base;
}

namespace db {

// Catalog reads, run on a session's worker thread. Names are always bound as
// parameters, so hostile schema or table names are just data here.
namespace CatalogQueries {

struct Overview
{
    QStringList schemas; // user schemas, sorted
    QVector<RelationInfo> relations;
};

Overview loadOverview(pqxx::connection_base &conn);
// Throws std::runtime_error when the relation does not exist (any more).
TableSchema loadTableSchema(pqxx::connection_base &conn, const TableRef &ref);

} // namespace CatalogQueries
} // namespace db
