#include "db/CatalogTypes.h"

namespace db {

int TableSchema::columnIndex(const QString &name) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).name == name)
            return i;
    }
    return -1;
}

} // namespace db
