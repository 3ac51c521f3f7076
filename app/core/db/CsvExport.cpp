#include "db/CsvExport.h"

#include "db/CellFormat.h"
#include "db/ConnInfo.h"
#include "db/DbError.h"

#include "jobs/Job.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSaveFile>

#include <libpq-fe.h>
#include <poll.h>

#include <atomic>
#include <memory>
#include <thread>

namespace db::CsvExport {

namespace {

// The export thread never touches the Job itself: whoever owns the Job may delete
// it at any time. Reports hop to the GUI thread and are dropped if the Job is gone;
// cancel (or the Job's destruction) arrives through an atomic flag.
class JobLink
{
public:
    explicit JobLink(Job *job)
        : m_job(job)
        , m_cancel(std::make_shared<std::atomic<bool>>(false))
    {
        auto flag = m_cancel;
        QObject::connect(job, &Job::cancelRequested, [flag] { *flag = true; });
        QObject::connect(job, &QObject::destroyed, [flag] { *flag = true; });
    }
    bool isCancelRequested() const { return *m_cancel; }
    void reportLog(const QString &line)
    {
        post([line](Job *j) { j->reportLog(line); });
    }
    void reportProgress(double f, const QString &status)
    {
        post([f, status](Job *j) { j->reportProgress(f, status); });
    }
    void reportFailed(const QString &error)
    {
        post([error](Job *j) { j->reportFailed(error); });
    }
    void reportCancelled()
    {
        post([](Job *j) { j->reportCancelled(); });
    }
    void reportSucceeded()
    {
        post([](Job *j) { j->reportSucceeded(); });
    }

private:
    template <typename F> void post(F f)
    {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [job = m_job, f] {
                if (job)
                    f(job.data());
            },
            Qt::QueuedConnection);
    }
    QPointer<Job> m_job; // only dereferenced on the GUI thread, where the Job lives
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

using ConnPtr = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

// Waits up to 100 ms for the server; returns so the caller can look at cancel.
void waitReadable(PGconn *conn)
{
    pollfd p { PQsocket(conn), POLLIN, 0 };
    ::poll(&p, 1, 100);
}

QString errorText(PGconn *conn)
{
    return QString::fromUtf8(PQerrorMessage(conn)).trimmed();
}

void run(std::shared_ptr<JobLink> job, ConnectionSettings settings, std::string tableSchema,
    std::string tableName, QString sql, QString filePath, qint64 estimatedRows)
{
    ConnPtr conn(PQconnectdb(toConnInfo(settings).c_str()), &PQfinish);
    if (PQstatus(conn.get()) != CONNECTION_OK) {
        job->reportFailed(DbError::fromConnectFailure(errorText(conn.get())).fullText());
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
    job->reportLog(copy);

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
        job->reportFailed(QStringLiteral("Cannot write %1: %2").arg(filePath, out.errorString()));
        return;
    }
    if (!PQsendQuery(conn.get(), copy.toUtf8().constData())) {
        job->reportFailed(errorText(conn.get()));
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
        if (cancelSent || !job->isCancelRequested())
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
                error = QStringLiteral("Writing %1 failed: %2").arg(filePath, out.errorString());
                sendCancel();
                for (int m; (m = PQgetCopyData(conn.get(), &buf, 0)) > 0;)
                    PQfreemem(buf);
                ok = false;
                break;
            }
            bytes += n;
            if (++messages % 5000 == 0) {
                const qint64 rows = messages - 1;
                const double fraction
                    = estimatedRows > 0 ? std::min(0.99, double(rows) / estimatedRows) : -1.0;
                job->reportProgress(
                    fraction, QStringLiteral("%1 rows, %2").arg(rows).arg(CellFormat::humanSize(bytes)));
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
        job->reportCancelled();
        return;
    }
    if (error.isEmpty() && ok && !writeChunk())
        error = QStringLiteral("Writing %1 failed: %2").arg(filePath, out.errorString());
    if (!error.isEmpty() || !ok) {
        out.cancelWriting();
        job->reportFailed(error.isEmpty() ? QStringLiteral("The export failed.") : error);
        return;
    }
    if (!out.commit()) {
        job->reportFailed(QStringLiteral("Writing %1 failed: %2").arg(filePath, out.errorString()));
        return;
    }
    job->reportProgress(1.0,
        QStringLiteral("%1 rows, %2")
            .arg(std::max<qint64>(0, messages - 1))
            .arg(CellFormat::humanSize(bytes)));
    job->reportSucceeded();
}

Job *start(const QString &title, const ConnectionSettings &settings, const TableRef &table,
    const QString &sql, const QString &filePath, qint64 estimatedRows, QObject *parent)
{
    auto *job = new Job(title, parent);
    job->reportStarted();
    // Its own thread and connection: an export of a big table must not hold up browsing.
    std::thread(run, std::make_shared<JobLink>(job), settings, table.schema.toStdString(),
        table.name.toStdString(), sql, filePath, estimatedRows)
        .detach();
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
    return start(QStringLiteral("Export %1 to CSV").arg(table.displayName()), settings, table, {}, filePath,
        estimatedRows, parent);
}

Job *exportQuery(const ConnectionSettings &settings, const QString &sql, const QString &filePath,
    qint64 estimatedRows, QObject *parent)
{
    return start(QStringLiteral("Export query to CSV"), settings, {}, sql, filePath, estimatedRows, parent);
}

} // namespace db::CsvExport
