#pragma once

#include <Qt>

namespace db {

// Roles shared by the data grid models (TableModel, QueryResultModel), so one
// delegate and one side panel serve both.
enum GridRole {
    FullValueRole = Qt::UserRole + 100, // QString: the untruncated text value (invalid for NULL)
    IsNullRole,                         // bool: true for SQL NULL (never for an empty string)
    PendingEditRole,                    // bool: the cell has an unsaved new value
    RowStateRole,                       // int RowState: the row's pending change
    TypeNameRole,                       // QString: pg_type.typname of the column
};

enum class RowState { Clean = 0, Modified, Inserted, Deleted };

} // namespace db
