#include "db/QueryRunner.h"

#include "db/DbSession.h"
#include "db/QueryResultModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QRegularExpression>

#include "db/ConnInfo.h"

#include <libpq-fe.h>

#include <memory>
#include <mutex>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(QueryRunnerText)
};
} // namespace

namespace db {

// The key PQcancel needs: independent of the connection (usable while another
// thread reads from it, and after it is gone), replaced on each reconnect.
struct ConsoleCancel
{
    std::mutex mutex;
    std::shared_ptr<PGcancel> key;
};

// Worker-thread state of the console: its own libpq connection.
struct ConsoleState
{
    using Conn = std::unique_ptr<PGconn, decltype(&PQfinish)>;
    Conn conn{nullptr, &PQfinish};
    bool cursorOpen = false; // pdd_console, WITH HOLD
    QHash<unsigned, QString> typeNames;
};

namespace {

using Rows = QVector<QVector<QVariant>>;
using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

Result exec(PGconn *c, const std::string &sql)
{
    return {PQexec(c, sql.c_str()), &PQclear};
}

// One statement alone, through the extended protocol: the server refuses a
// string of several ("cannot insert multiple commands into a prepared statement").
Result execOne(PGconn *c, const std::string &sql)
{
    return {PQexecParams(c, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0), &PQclear};
}

bool succeeded(const PGresult *r)
{
    const ExecStatusType s = PQresultStatus(r);
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_SINGLE_TUPLE;
}

void appendRows(const PGresult *r, Rows &rows, int limit)
{
    const int n = PQntuples(r), cols = PQnfields(r);
    for (int i = 0; i < n && rows.size() < limit; ++i) {
        QVector<QVariant> values;
        values.reserve(cols);
        for (int j = 0; j < cols; ++j)
            values.append(PQgetisnull(r, i, j)
                              ? QVariant()
                              : QVariant(QString::fromUtf8(PQgetvalue(r, i, j), PQgetlength(r, i, j))));
        rows.append(std::move(values));
    }
}

// A result's columns: names and type oids, read while streaming; the type names
// are looked up only once the connection is idle (a query sent while results are
// pending makes libpq discard them).
struct ResultColumns
{
    QStringList names;
    QVector<unsigned> types;
    static ResultColumns of(const PGresult *r)
    {
        ResultColumns c;
        for (int i = 0; i < PQnfields(r); ++i) {
            c.names << QString::fromUtf8(PQfname(r, i));
            c.types << PQftype(r, i);
        }
        return c;
    }
};

QVector<QueryResultModel::Column> readColumns(PGconn *c, ConsoleState &st, const ResultColumns &r)
{
    QStringList missing;
    for (unsigned oid : r.types)
        if (!st.typeNames.contains(oid))
            missing << QString::number(oid);
    if (!missing.isEmpty()) {
        // The oids are numbers from the server itself; a parameter all the same.
        const std::string arr = "{" + missing.join(QLatin1Char(',')).toStdString() + "}";
        const char *values[] = {arr.c_str()};
        Result t(PQexecParams(c, "SELECT oid, typname FROM pg_type WHERE oid = ANY ($1::oid[])", 1, nullptr, values,
                              nullptr, nullptr, 0),
                 &PQclear);
        if (PQresultStatus(t.get()) == PGRES_TUPLES_OK)
            for (int i = 0; i < PQntuples(t.get()); ++i)
                st.typeNames.insert(QString::fromUtf8(PQgetvalue(t.get(), i, 0)).toUInt(),
                                    QString::fromUtf8(PQgetvalue(t.get(), i, 1)));
    }
    QVector<QueryResultModel::Column> cols;
    for (int i = 0; i < r.names.size(); ++i)
        cols.append({r.names.at(i), st.typeNames.value(r.types.at(i))});
    return cols;
}

const std::string kDeclarePrefix = "DECLARE pdd_console NO SCROLL CURSOR WITH HOLD FOR ";

bool inTransaction(PGconn *c)
{
    const PGTransactionStatusType t = PQtransactionStatus(c);
    return t == PQTRANS_INTRANS || t == PQTRANS_INERROR;
}

// Statements that return rows and may run under a cursor, so a huge result is
// read in batches instead of all at once.
bool returnsRows(const QString &sql)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*(?:--[^\\n]*\\n\\s*)*\\(?\\s*(select|with|values|table)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(sql).hasMatch();
}

// COPY … TO STDOUT / FROM STDIN would leave the connection in copy mode, which a
// grid cannot consume: the export (CsvExport) is the way to run those.
bool isClientCopy(const QString &sql)
{
    static const QRegularExpression re(QStringLiteral("^\\s*copy\\b.*\\b(stdout|stdin)\\b"),
                                       QRegularExpression::CaseInsensitiveOption
                                           | QRegularExpression::DotMatchesEverythingOption);
    return re.match(sql).hasMatch();
}

} // namespace

QueryRunner::QueryRunner(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings), m_session(new DbSession(settings, this)),
      m_model(new QueryResultModel(this)), m_state(std::make_shared<ConsoleState>()),
      m_cancel(std::make_shared<ConsoleCancel>())
{
    qRegisterMetaType<db::QueryOutcome>();
    connect(m_model, &QueryResultModel::moreRowsRequested, this, &QueryRunner::fetchMoreRows);
}

QueryRunner::~QueryRunner()
{
    // Closed on the worker, queued, never waited for: the session's destructor
    // (a child, after this body) bounds the wait and shuts the socket down when
    // the worker is stuck; a connection dropped that way ends any transaction
    // on the server all the same.
    m_session->post(nullptr,
                    [state = m_state, setSocket = m_session->socketForAbortSetter()]() -> DbSession::Continuation {
                        setSocket(-1);
                        state->conn.reset();
                        return {};
                    });
}

// On the worker: the connection, made (and set up) when there is none or it broke.
static PGconn *consoleConnection(ConsoleState &st, const ConnectionSettings &settings,
                                 const std::function<void(int)> &setSocket, ConsoleCancel &cancel, DbError *error)
{
    if (st.conn && PQstatus(st.conn.get()) == CONNECTION_OK)
        return st.conn.get();
    setSocket(-1);
    st.conn.reset(PQconnectdb(toConnInfo(settings).c_str()));
    st.cursorOpen = false;
    PGconn *c = st.conn.get();
    if (PQstatus(c) != CONNECTION_OK) {
        *error = DbError::fromConnectFailure(QString::fromUtf8(PQerrorMessage(c)));
        st.conn.reset();
        return nullptr;
    }
    const SessionSetup setup = sessionSetup(settings, [c](const std::string &v) {
        char *q = PQescapeLiteral(c, v.data(), v.size());
        std::string out = q ? q : "''";
        PQfreemem(q);
        return out;
    });
    if (!setup.readOnly.empty() && !succeeded(exec(c, setup.readOnly).get())) {
        *error = DbError::make(DbError::Kind::Other, Text::tr("Could not make the console read-only."),
                               QString::fromUtf8(PQerrorMessage(c)));
        st.conn.reset();
        return nullptr;
    }
    if (!setup.timeZone.empty())
        exec(c, setup.timeZone); // an unknown zone leaves the server's default
    {
        std::lock_guard<std::mutex> lock(cancel.mutex);
        cancel.key.reset(PQgetCancel(c), &PQfreeCancel);
    }
    setSocket(PQsocket(c));
    return c;
}

void QueryRunner::run(const QString &sql)
{
    if (m_running)
        return;
    if (isClientCopy(sql)) {
        QueryOutcome o;
        o.error = DbError::make(DbError::Kind::Query,
                                tr("COPY to STDOUT or from STDIN cannot run in the console; use Export to CSV."));
        // Asynchronous like every other outcome, so callers see one behaviour.
        async::Target(this).deliver([this, o] { Q_EMIT finished(o); });
        return;
    }
    m_running = true;
    const quint64 generation = ++m_generation;
    m_model->clear();
    m_cursorOpen = false;
    Q_EMIT started();
    const int batch = qBound(1, m_batch, kMaxRows);
    const auto state = m_state;
    const auto cancel = m_cancel;
    const ConnectionSettings settings = m_settings;
    const auto setSocket = m_session->socketForAbortSetter();
    m_session->post(this, [=]() -> DbSession::Continuation {
        QElapsedTimer timer;
        timer.start();
        QueryOutcome o;
        QVector<QueryResultModel::Column> columns;
        Rows rows;
        const auto done = [&]() -> DbSession::Continuation {
            o.elapsedMs = timer.elapsed();
            o.rowsFetched = int(rows.size());
            if (state->conn)
                o.inTransaction = inTransaction(state->conn.get());
            return [this, generation, o, columns, rows = std::move(rows)]() mutable {
                if (generation != m_generation)
                    return;
                m_running = false;
                m_cursorOpen = o.moreRows;
                m_rowsInModel = o.rowsFetched;
                if (o.ok)
                    m_model->setResult(columns, std::move(rows), o.moreRows);
                Q_EMIT finished(o);
            };
        };
        PGconn *c = consoleConnection(*state, settings, setSocket, *cancel, &o.error);
        if (!c)
            return done();
        if (state->cursorOpen) {
            exec(c, "CLOSE pdd_console");
            state->cursorOpen = false;
        }
        const std::string text = sql.toStdString();
        const bool inTx = inTransaction(c);

        if (returnsRows(sql)) {
            // A savepoint keeps the user's own transaction alive if the DECLARE fails.
            if (inTx)
                exec(c, "SAVEPOINT pdd_console_declare");
            Result d = execOne(c, kDeclarePrefix + text);
            if (succeeded(d.get())) {
                if (inTx)
                    exec(c, "RELEASE SAVEPOINT pdd_console_declare");
                Result f = exec(c, "FETCH " + std::to_string(batch) + " FROM pdd_console");
                if (!succeeded(f.get())) {
                    o.error = DbError::fromResult(f.get(), sql);
                    exec(c, "CLOSE pdd_console");
                    return done();
                }
                columns = readColumns(c, *state, ResultColumns::of(f.get()));
                appendRows(f.get(), rows, kMaxRows);
                o.moreRows = PQntuples(f.get()) == batch;
                o.capped = o.moreRows && rows.size() >= kMaxRows;
                if (o.capped)
                    o.moreRows = false;
                state->cursorOpen = o.moreRows;
                if (!o.moreRows)
                    exec(c, "CLOSE pdd_console");
                o.commandTag = QStringLiteral("SELECT");
                o.statements
                    << QStringLiteral("SELECT %1%2").arg(rows.size()).arg(o.moreRows ? QStringLiteral("+") : QString());
                o.ok = true;
                return done();
            }
            if (inTx)
                exec(c, "ROLLBACK TO SAVEPOINT pdd_console_declare");
            // Not cursor-able (several statements: 42601; data-modifying WITH, FOR
            // UPDATE: 0A000): the plain run below runs it as the server would.
            // Anything else is the statement's own error, reported once (running it
            // again would doom the user's transaction), its position in their text.
            const QString state0 = QString::fromUtf8(PQresultErrorField(d.get(), PG_DIAG_SQLSTATE));
            if (state0 != QLatin1String("42601") && state0 != QLatin1String("0A000")) {
                o.error = DbError::fromResult(d.get(), sql);
                if (o.error.position > 0)
                    o.error.position = qMax(1, o.error.position - int(kDeclarePrefix.size()));
                return done();
            }
        }

        // Several statements, or none that returns rows: every result in order,
        // rows one at a time (single-row mode), at most kMaxRows kept.
        if (!PQsendQuery(c, text.c_str())) {
            o.error = DbError::make(
                DbError::Kind::ConnectionLost,
                Text::tr("The connection to the database was lost; it is re-established on the next action."),
                QString::fromUtf8(PQerrorMessage(c)));
            return done();
        }
        PQsetSingleRowMode(c);
        bool newResult = true;
        ResultColumns shown; // of the last row-returning statement
        while (PGresult *raw = PQgetResult(c)) {
            Result r(raw, &PQclear);
            const ExecStatusType st = PQresultStatus(raw);
            if (st == PGRES_SINGLE_TUPLE) {
                if (newResult) { // a new row-returning statement: its rows replace the last one's
                    shown = ResultColumns::of(raw);
                    rows.clear();
                    o.capped = false;
                    newResult = false;
                }
                if (rows.size() < kMaxRows)
                    appendRows(raw, rows, kMaxRows);
                else
                    o.capped = true;
                continue;
            }
            if (st == PGRES_TUPLES_OK && newResult) { // a query with no rows
                shown = ResultColumns::of(raw);
                rows.clear();
            }
            if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
                o.commandTag = QString::fromUtf8(PQcmdStatus(raw));
                o.statements << o.commandTag;
                const QString affected = QString::fromUtf8(PQcmdTuples(raw));
                o.rowsAffected = affected.isEmpty() ? -1 : affected.toLongLong();
                newResult = true;
                continue;
            }
            if (st == PGRES_COPY_OUT || st == PGRES_COPY_IN || st == PGRES_COPY_BOTH) {
                o.error = DbError::make(
                    DbError::Kind::Query,
                    Text::tr("COPY to STDOUT or from STDIN cannot run in the console; use Export to CSV."));
                PQputCopyEnd(c, "not in the console"); // leave copy mode; the server ends the statement
                newResult = true;
                continue;
            }
            if (!o.error.isError()) // the first error is the one that stopped the rest
                o.error = DbError::fromResult(raw, sql);
            newResult = true;
        }
        if (PQstatus(c) != CONNECTION_OK && !o.error.isError())
            o.error = DbError::fromResult(nullptr, sql);
        o.ok = !o.error.isError();
        if (o.ok && !shown.names.isEmpty())
            columns = readColumns(c, *state, shown);
        if (!o.ok)
            rows.clear();
        return done();
    });
}

void QueryRunner::fetchMoreRows()
{
    if (!m_cursorOpen || m_running)
        return;
    const quint64 generation = m_generation;
    const auto state = m_state;
    const int batch = qBound(1, qMin(m_batch, kMaxRows - m_rowsInModel), kMaxRows);
    m_running = true;
    m_session->post(this, [=]() -> DbSession::Continuation {
        Rows rows;
        DbError error;
        bool more = false;
        PGconn *c = state->conn.get();
        if (!c || !state->cursorOpen) {
            error = DbError::fromResult(nullptr, {});
        } else {
            Result f = exec(c, "FETCH " + std::to_string(batch) + " FROM pdd_console");
            if (succeeded(f.get())) {
                appendRows(f.get(), rows, batch);
                more = PQntuples(f.get()) == batch;
            } else {
                error = DbError::fromResult(f.get(), {});
            }
        }
        return [=, rows = std::move(rows)]() mutable {
            if (generation != m_generation)
                return;
            m_running = false;
            m_rowsInModel += int(rows.size());
            const bool capped = more && m_rowsInModel >= kMaxRows;
            m_cursorOpen = more && !capped;
            if (!m_cursorOpen)
                closeCursor();
            m_model->appendRows(std::move(rows), m_cursorOpen);
            Q_EMIT rowsFetched(m_rowsInModel, m_cursorOpen, capped);
            if (error.isError()) {
                QueryOutcome o;
                o.error = error;
                Q_EMIT finished(o);
            }
        };
    });
}

void QueryRunner::closeCursor()
{
    m_session->post(nullptr, [state = m_state]() -> DbSession::Continuation {
        if (state->cursorOpen && state->conn)
            exec(state->conn.get(), "CLOSE pdd_console");
        state->cursorOpen = false;
        return {};
    });
}

void QueryRunner::cancel()
{
    if (!m_running && !m_cursorOpen)
        return;
    std::shared_ptr<PGcancel> key;
    {
        std::lock_guard<std::mutex> lock(m_cancel->mutex);
        key = m_cancel->key;
    }
    if (!key)
        return;
    // PQcancel opens its own connection to the server and may wait on it: never here.
    async::detached(QStringLiteral("db-cancel"), [key] {
        char err[256];
        PQcancel(key.get(), err, sizeof err);
    });
}

} // namespace db
