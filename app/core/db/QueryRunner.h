#pragma once

#include "db/ConnectionSettings.h"
#include "db/DbError.h"

#include <QObject>
#include <QString>

#include <memory>

namespace db {

class DbSession;
class QueryResultModel;
struct ConsoleState;

struct QueryOutcome
{
    bool ok = false;
    qint64 elapsedMs = 0;
    QString commandTag; // e.g. "SELECT", "UPDATE 3"
    qint64 rowsAffected = -1;
    int rowsFetched = 0; // rows in the model so far
    bool moreRows = false; // a cursor is still open for fetchMore
    DbError error; // with position when the server gave one
};

// The SQL console: runs one statement at a time on its own connection (its own
// DbSession, so a long query never stalls the browser), puts row results into a
// QueryResultModel (read through a cursor in batches for SELECT-like statements),
// measures the elapsed time and cancels on the server.
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

    void run(const QString &sql);
    // Cancels the running statement on the server (PQcancel from another thread);
    // finished() follows with error.kind == Cancelled, typically within milliseconds.
    void cancel();

Q_SIGNALS:
    void started();
    void finished(const db::QueryOutcome &outcome);

private:
    void fetchMoreRows();

    DbSession *m_session;
    QueryResultModel *m_model;
    bool m_running = false;
    bool m_cursorOpen = false;
    int m_batch = 500;
    quint64 m_generation = 0;
    std::shared_ptr<ConsoleState> m_state; // touched only on the session's worker thread
};

} // namespace db

Q_DECLARE_METATYPE(db::QueryOutcome)
