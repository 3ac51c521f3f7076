#pragma once

#include "db/ConnectionSettings.h"
#include "db/DbError.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace db {

class DbSession;
class QueryResultModel;
struct ConsoleState;

struct QueryOutcome
{
    bool ok = false;
    qint64 elapsedMs = 0;
    QString commandTag;     // the last statement's, e.g. "SELECT", "UPDATE 3"
    QStringList statements; // every statement's tag, in order ("SELECT 2", "UPDATE 1")
    qint64 rowsAffected = -1;
    int rowsFetched = 0;        // rows in the model so far
    bool moreRows = false;      // a held cursor has more for fetchMore
    bool capped = false;        // kMaxRows reached: the rest was not fetched
    bool inTransaction = false; // the user opened a transaction (BEGIN) that is still open
    DbError error;              // with position when the server gave one
};

// The SQL console: runs what the user typed on its own connection (its own
// DbSession's thread, so a long query never stalls the browser), measures the
// elapsed time and cancels on the server.
//
// Autocommit, like psql: nothing holds a transaction or a lock between queries
// unless the user opened one (BEGIN); then inTransaction says so until COMMIT or
// ROLLBACK. A single row-returning statement is read through a WITH HOLD cursor
// in batches (fetchMore), which holds no transaction; several statements run as
// the server runs them (one implicit transaction unless they say otherwise) and
// each one's tag is reported, with the last result's rows shown. At most
// kMaxRows rows are kept, whatever the result's size.
//
// Threads: libpq is used directly (libpqxx 6.4 returns only the last result of
// a multi-statement string and hides the connection's transaction status). The
// connection lives in ConsoleState and is touched only on the session's worker.
class QueryRunner : public QObject
{
    Q_OBJECT
public:
    explicit QueryRunner(const ConnectionSettings &settings, QObject *parent = nullptr);
    ~QueryRunner() override;

    QueryResultModel *model() const { return m_model; }
    DbSession *session() const { return m_session; }
    bool isRunning() const { return m_running; }
    void setBatchSize(int rows) { m_batch = rows; }

    static constexpr int kMaxRows = 100000;

    void run(const QString &sql);
    // End the transaction the user opened (COMMIT / ROLLBACK through run()).
    void commit() { run(QStringLiteral("COMMIT")); }
    void rollback() { run(QStringLiteral("ROLLBACK")); }
    // Cancels the running statement on the server (PQcancel from another thread);
    // finished() follows with error.kind == Cancelled, typically within milliseconds.
    void cancel();

Q_SIGNALS:
    void started();
    void finished(const db::QueryOutcome &outcome);
    // After each fetchMore batch: the rows now in the model, and what is left.
    void rowsFetched(int total, bool more, bool capped);

private:
    void fetchMoreRows();
    void closeCursor();

    ConnectionSettings m_settings;
    DbSession *m_session;
    QueryResultModel *m_model;
    bool m_running = false;
    bool m_cursorOpen = false;
    int m_batch = 500;
    quint64 m_generation = 0;
    int m_rowsInModel = 0;
    std::shared_ptr<ConsoleState> m_state;          // touched only on the session's worker thread
    std::shared_ptr<struct ConsoleCancel> m_cancel; // the cancel key, shared with cancel threads
};

} // namespace db

Q_DECLARE_METATYPE(db::QueryOutcome)
