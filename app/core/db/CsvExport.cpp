#include "db/CsvExport.h"

#include "db/CellFormat.h"
#include "db/ConnInfo.h"
#include "db/DbError.h"

#include "jobs/Job.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <libpq-fe.h>
#include <poll.h>

#include <atomic>
#include <memory>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CsvExport)
};
} // namespace

namespace db::CsvExport {

namespace {

using ConnPtr = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

// Waits up to 100 ms for the server; returns so the caller can look at cancel.
void waitReadable(PGconn *conn)
{
    pollfd p{PQsocket(conn), POLLIN, 0};
    ::poll(&p, 1, 100);
}

QString errorText(PGconn *conn)
{
    return QString::fromUtf8(PQerrorMessage(conn)).trimmed();
}

void run(const Job::Reporter &job, ConnectionSettings settings, std::string tableSchema, std::string tableName,
         QString sql, QString filePath, qint64 estimatedRows)
{
    ConnPtr conn(PQconnectdb(toConnInfo(settings).c_str()), &PQfinish);
    if (PQstatus(conn.get()) != CONNECTION_OK) {
        job.failed(DbError::fromConnectFailure(errorText(conn.get())).fullText());
        return;
    }
    if (!tableName.empty()) {
        // Identifiers quoted by libpq itself (what libpqxx's quote_name wraps).
        auto quote = [&conn](const std::string &id) {
            char *q = PQescapeIdentifier(conn.get(), id.c_str(), id.size());
            std::string s = q ? q : "";
            PQfreemem(q);
            return s;
        };
        sql = QString::fromStdString("SELECT * FROM " + quote(tableSchema) + "." + quote(tableName));
    }
    const QString copy = copyStatement(sql);
    job.log(copy);

    // Unbuffered, with our own chunks: a failed write then carries the OS's
    // reason ("No space left on device"), which QFileDevice's buffer loses.
    QSaveFile out(filePath);
    QByteArray chunk;
    constexpr qsizetype kChunk = 256 * 1024;
    chunk.reserve(kChunk);
    auto writeChunk = [&]() -> bool {
        // A short write says nothing; the next one fails with errno set.
        for (qsizetype done = 0; done < chunk.size();) {
            const qint64 n = out.write(chunk.constData() + done, chunk.size() - done);
            if (n <= 0)
                return false;
            done += n;
        }
        chunk.clear();
        return true;
    };
    if (!out.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        job.failed(Text::tr("Cannot write %1: %2").arg(filePath, out.errorString()));
        return;
    }
    if (!PQsendQuery(conn.get(), copy.toUtf8().constData())) {
        job.failed(errorText(conn.get()));
        return;
    }
    bool cancelSent = false; // the user's Cancel reached the server
    auto sendCancel = [&conn] {
        std::unique_ptr<PGcancel, decltype(&PQfreeCancel)> c(PQgetCancel(conn.get()), &PQfreeCancel);
        char err[256];
        if (c)
            PQcancel(c.get(), err, sizeof err);
    };
    auto checkCancel = [&] {
        if (cancelSent || !job.isCancelRequested())
            return;
        cancelSent = true;
        sendCancel();
    };
    // The query may take a while before the first byte (sorts, joins): stay cancellable.
    while (PQisBusy(conn.get())) {
        checkCancel();
        waitReadable(conn.get());
        if (!PQconsumeInput(conn.get()))
            break;
    }
    ResultPtr first(PQgetResult(conn.get()), &PQclear);
    qint64 bytes = 0, messages = 0;
    bool ok = first && PQresultStatus(first.get()) == PGRES_COPY_OUT;
    QString error = ok ? QString() : QString::fromUtf8(PQresultErrorMessage(first.get())).trimmed();
    while (ok) {
        char *buf = nullptr;
        const int n = PQgetCopyData(conn.get(), &buf, 1);
        if (n > 0) {
            // One CopyData message per row (the first is the header): the server's bytes, untouched.
            chunk.append(buf, n);
            PQfreemem(buf);
            if (chunk.size() >= kChunk && !writeChunk()) {
                // Disk full or similar: stop the server, then read what it had
                // already sent; libpq leaves COPY OUT only at the end of the data.
                error = Text::tr("Writing %1 failed: %2").arg(filePath, out.errorString());
                sendCancel();
                for (int m; (m = PQgetCopyData(conn.get(), &buf, 0)) > 0;)
                    PQfreemem(buf);
                ok = false;
                break;
            }
            bytes += n;
            if (++messages % 5000 == 0) {
                const qint64 rows = messages - 1;
                const double fraction = estimatedRows > 0 ? std::min(0.99, double(rows) / estimatedRows) : -1.0;
                job.progress(fraction, Text::tr("%1 rows, %2").arg(rows).arg(CellFormat::humanSize(bytes)));
                checkCancel();
            }
            continue;
        }
        if (n == 0) { // nothing buffered yet
            checkCancel();
            waitReadable(conn.get());
            if (!PQconsumeInput(conn.get())) {
                ok = false;
                error = errorText(conn.get());
            }
            continue;
        }
        if (n == -2)
            error = errorText(conn.get());
        break; // -1: COPY finished; the final result says how
    }
    for (ResultPtr r(PQgetResult(conn.get()), &PQclear); r; r.reset(PQgetResult(conn.get()))) {
        if (PQresultStatus(r.get()) == PGRES_COPY_OUT)
            break; // data left unread (a broken connection): nothing more will come
        if (PQresultStatus(r.get()) != PGRES_COMMAND_OK && error.isEmpty())
            error = QString::fromUtf8(PQresultErrorMessage(r.get())).trimmed();
    }
    if (cancelSent) {
        out.cancelWriting();
        job.cancelled();
        return;
    }
    if (error.isEmpty() && ok && !writeChunk())
        error = Text::tr("Writing %1 failed: %2").arg(filePath, out.errorString());
    if (!error.isEmpty() || !ok) {
        out.cancelWriting();
        job.failed(error.isEmpty() ? Text::tr("The export failed.") : error);
        return;
    }
    if (!out.commit()) {
        job.failed(Text::tr("Writing %1 failed: %2").arg(filePath, out.errorString()));
        return;
    }
    job.progress(1.0, Text::tr("%1 rows, %2").arg(std::max<qint64>(0, messages - 1)).arg(CellFormat::humanSize(bytes)));
    job.succeeded();
}

Job *start(const QString &title, const ConnectionSettings &settings, const TableRef &table, const QString &sql,
           const QString &filePath, qint64 estimatedRows, QObject *parent)
{
    auto *job = new Job(title, parent);
    job->reportStarted();
    // Its own thread and connection: an export of a big table must not hold up browsing.
    // The export never touches the Job: it reports through a Reporter, which
    // drops what arrives after the Job is gone (a Job that dies is cancelled).
    async::detached(QStringLiteral("csv-export"),
                    [report = job->reporter(), settings, schema = table.schema.toStdString(),
                     name = table.name.toStdString(), sql, filePath,
                     estimatedRows] { run(report, settings, schema, name, sql, filePath, estimatedRows); });
    return job;
}

} // namespace

QString copyStatement(const QString &selectSql)
{
    QString body = selectSql.trimmed();
    while (body.endsWith(QLatin1Char(';')))
        body.chop(1);
    return QStringLiteral("COPY (%1) TO STDOUT WITH (FORMAT csv, HEADER)").arg(body);
}

Job *exportTable(const ConnectionSettings &settings, const TableRef &table, const QString &filePath,
                 qint64 estimatedRows, QObject *parent)
{
    return start(Text::tr("Export %1 to CSV").arg(table.displayName()), settings, table, {}, filePath, estimatedRows,
                 parent);
}

Job *exportQuery(const ConnectionSettings &settings, const QString &sql, const QString &filePath, qint64 estimatedRows,
                 QObject *parent)
{
    return start(Text::tr("Export query to CSV"), settings, {}, sql, filePath, estimatedRows, parent);
}

} // namespace db::CsvExport
