#pragma once

#include "db/TableQuery.h"

#include <pqxx/pqxx>

#include <QString>

namespace db {

// Runs a built statement with its parameters bound (NULLs as real NULLs).
pqxx::result execBuilt(pqxx::transaction_base &tx, const BuiltQuery &query);

// A field's text as QString; invalid QVariant for NULL.
QVariant fieldValue(const pqxx::field &field);

} // namespace db
