#pragma once

#include "db/CatalogTypes.h"
#include "db/ConnectionSettings.h"

#include <QString>

class Job;
class QObject;

namespace db {

// CSV export through COPY (…) TO STDOUT WITH (FORMAT csv, HEADER), streamed to the
// file as the server sends it (the bytes are the server's, identical to psql's
// \copy … csv header). Runs on its own connection and thread; the Job reports bytes
// and rows against the estimate and cancels on the server. A cancelled or failed
// export removes the partial file.
namespace CsvExport {

// `estimatedRows` < 0: progress stays indeterminate (bytes/rows still reported).
Job *exportTable(const ConnectionSettings &settings, const TableRef &table, const QString &filePath,
                 qint64 estimatedRows = -1, QObject *parent = nullptr);
Job *exportQuery(const ConnectionSettings &settings, const QString &sql, const QString &filePath,
                 qint64 estimatedRows = -1, QObject *parent = nullptr);

// The COPY statement used for a query (exposed for tests and the UI's preview).
QString copyStatement(const QString &selectSql);

} // namespace CsvExport
} // namespace db
