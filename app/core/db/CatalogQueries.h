#pragma once

#include "db/CatalogTypes.h"
#include "db/PqxxCompat.h"

#include <QStringList>
#include <QVector>

namespace db {

// Catalog reads, run on a session's worker thread. Names are always bound as
// parameters, so hostile schema or table names are just data here.
namespace CatalogQueries {

struct Overview
{
    QStringList schemas; // user schemas, sorted
    QVector<RelationInfo> relations;
};

Overview loadOverview(PqConnection &conn);
// Throws std::runtime_error when the relation does not exist (any more).
TableSchema loadTableSchema(PqConnection &conn, const TableRef &ref);

} // namespace CatalogQueries
} // namespace db
