#include "db/PqxxExec.h"

#include <pqxx/pqxx>

#include <QVariant>

namespace db {

pqxx::result execBuilt(pqxx::transaction_base &tx, const BuiltQuery &query)
{
    std::vector<const char *> values;
    values.reserve(query.params.size());
    for (const SqlParam &p : query.params)
        values.push_back(p ? p->c_str() : nullptr);
    return tx.exec_params(query.sql, pqxx::prepare::make_dynamic_params(values));
}

QVariant fieldValue(const pqxx::field &field)
{
    if (field.is_null())
        return {};
    return QString::fromUtf8(field.c_str(), int(field.size()));
}

} // namespace db
