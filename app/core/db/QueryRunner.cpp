#include "db/QueryRunner.h"

#include "db/DbSession.h"
#include "db/PqxxExec.h"
#include "db/QueryResultModel.h"

#include <QElapsedTimer>
#include <QHash>
#include <QRegularExpression>

#include <pqxx/pqxx>

#include <memory>

namespace db {

// Worker-thread state of the console: the transaction holding the open cursor.
struct ConsoleState
{
    std::unique_ptr<pqxx::work> tx;
    QHash<unsigned, QString> typeNames;

    void closeCursor()
    {
        if (!tx)
            return;
        // Commit, not roll back: the statement may have had side effects the user meant.
        tx->commit();
        tx.reset();
    }
};

namespace {

using Rows = QVector<QVector<QVariant>>;

Rows readRows(const pqxx::result &r)
{
    Rows rows;
    rows.reserve(int(r.size()));
    for (const auto &row : r) {
        QVector<QVariant> values;
        values.reserve(int(row.size()));
        for (const auto &f : row)
            values.append(fieldValue(f));
        rows.append(std::move(values));
    }
    return rows;
}

// Type names come from the transaction that produced `r` (libpqxx allows one at a time).
QVector<QueryResultModel::Column> readColumns(
    pqxx::transaction_base &tx, ConsoleState &st, const pqxx::result &r)
{
    QVector<QueryResultModel::Column> cols;
    std::string missing;
    for (pqxx::row_size_type i = 0; i < r.columns(); ++i) {
        const unsigned oid = r.column_type(i);
        if (!st.typeNames.contains(oid))
            missing += (missing.empty() ? "" : ",") + std::to_string(oid);
    }
    if (!missing.empty()) {
        for (const auto &row : tx.exec_params(
                 "SELECT oid, typname FROM pg_type WHERE oid = ANY ($1::oid[])", "{" + missing + "}"))
            st.typeNames.insert(row[0].as<unsigned>(), QString::fromUtf8(row[1].c_str()));
    }
    for (pqxx::row_size_type i = 0; i < r.columns(); ++i)
        cols.append({ QString::fromUtf8(r.column_name(i)), st.typeNames.value(r.column_type(i)) });
    return cols;
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
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    return re.match(sql).hasMatch();
}

} // namespace

QueryRunner::QueryRunner(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent)
    , m_session(new DbSession(settings, this))
    , m_model(new QueryResultModel(this))
    , m_state(std::make_shared<ConsoleState>())
{
    qRegisterMetaType<db::QueryOutcome>();
    connect(m_model, &QueryResultModel::moreRowsRequested, this, &QueryRunner::fetchMoreRows);
}

QueryRunner::~QueryRunner()
{
    // The cursor's transaction belongs to the worker's connection: end it there,
    // before the session (a child, deleted after this body) closes the connection.
    // Queued, never waited for: the session's destructor bounds the wait, and a
    // connection it has to drop ends the transaction on the server all the same.
    m_session->submit(
        nullptr,
        [state = m_state](pqxx::connection_base &) -> DbSession::Continuation {
            state->tx.reset();
            return {};
        },
        {});
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
        QMetaObject::invokeMethod(
            this, [this, o] { Q_EMIT finished(o); }, Qt::QueuedConnection);
        return;
    }
    m_running = true;
    const quint64 generation = ++m_generation;
    m_model->clear();
    Q_EMIT started();
    const int batch = m_batch;
    const auto state = m_state;
    const bool wasCursorOpen = m_cursorOpen;
    m_cursorOpen = false;
    auto finishWithError = [this, generation](const DbError &e, qint64 ms) {
        if (generation != m_generation)
            return;
        m_running = false;
        QueryOutcome o;
        o.elapsedMs = ms;
        o.error = e;
        Q_EMIT finished(o);
    };
    m_session->submit(
        this,
        [=](pqxx::connection_base &conn) -> DbSession::Continuation {
            QElapsedTimer timer;
            timer.start();
            if (wasCursorOpen || state->tx) {
                try {
                    state->closeCursor();
                } catch (const std::exception &) {
                    state->tx.reset(); // the old cursor's transaction is beyond saving; drop it
                }
            }
            try {
                QueryOutcome o;
                QVector<QueryResultModel::Column> columns;
                Rows rows;
                bool viaCursor = false;
                const std::string text = sql.toStdString();
                if (returnsRows(sql)) {
                    auto tx = std::make_unique<pqxx::work>(conn, "console");
                    try {
                        tx->exec("DECLARE pdd_console NO SCROLL CURSOR FOR " + text);
                        viaCursor = true;
                    } catch (const pqxx::sql_error &e) {
                        if (e.sqlstate() == "57014")
                            throw;
                        // Not cursor-able (several statements, data-modifying WITH...): the plain
                        // run below reports the real error, with the position in the user's text.
                    }
                    if (viaCursor) {
                        const pqxx::result r
                            = tx->exec("FETCH " + std::to_string(batch) + " FROM pdd_console");
                        columns = readColumns(*tx, *state, r);
                        rows = readRows(r);
                        o.moreRows = int(r.size()) == batch;
                        o.commandTag = QStringLiteral("SELECT");
                        if (o.moreRows)
                            state->tx = std::move(tx);
                        else
                            tx->commit();
                    }
                }
                if (!viaCursor) {
                    pqxx::work tx(conn, "console");
                    const pqxx::result r = tx.exec(text);
                    if (r.columns() > 0) {
                        columns = readColumns(tx, *state, r);
                        rows = readRows(r);
                    }
                    tx.commit();
                    o.rowsAffected = qint64(r.affected_rows());
                }
                o.ok = true;
                o.elapsedMs = timer.elapsed();
                o.rowsFetched = int(rows.size());
                return [this, generation, o, columns, rows = std::move(rows)]() mutable {
                    if (generation != m_generation)
                        return;
                    m_running = false;
                    m_cursorOpen = o.moreRows;
                    m_model->setResult(columns, std::move(rows), o.moreRows);
                    Q_EMIT finished(o);
                };
            } catch (const std::exception &e) {
                state->tx.reset();
                const DbError err = DbError::fromException(e, sql);
                const qint64 ms = timer.elapsed();
                return [finishWithError, err, ms] { finishWithError(err, ms); };
            }
        },
        [finishWithError](const DbError &e) { finishWithError(e, 0); });
}

void QueryRunner::fetchMoreRows()
{
    if (!m_cursorOpen || m_running)
        return;
    const quint64 generation = m_generation;
    const auto state = m_state;
    const int batch = m_batch;
    m_session->submit(
        this,
        [=](pqxx::connection_base &) -> DbSession::Continuation {
            if (!state->tx)
                return {};
            pqxx::result r;
            try {
                r = state->tx->exec("FETCH " + std::to_string(batch) + " FROM pdd_console");
            } catch (...) {
                state->tx.reset();
                throw;
            }
            Rows rows = readRows(r);
            const bool more = int(r.size()) == batch;
            if (!more)
                state->closeCursor();
            return [this, generation, more, rows = std::move(rows)]() mutable {
                if (generation != m_generation)
                    return;
                m_cursorOpen = more;
                m_model->appendRows(std::move(rows), more);
            };
        },
        [this, generation, state](const DbError &e) {
            if (generation != m_generation)
                return;
            m_cursorOpen = false;
            m_model->appendRows({}, false);
            QueryOutcome o;
            o.error = e;
            Q_EMIT finished(o);
        });
}

void QueryRunner::cancel()
{
    if (m_running || m_cursorOpen)
        m_session->cancelRunningQuery();
}

} // namespace db
