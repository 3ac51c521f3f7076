#pragma once

#include "db/ConnectionSettings.h"
#include "db/DbError.h"
#include "db/PqxxCompat.h"
#include "jobs/Async.h"

#include <QObject>

#include <functional>
#include <memory>

namespace db {

class DbWorker;

// The GUI-thread face of one database connection. The pqxx connection lives on
// the session's async::Worker; everything that touches it is queued there in
// order, and results come back to the GUI thread as values (async helper). Models (catalog,
// table, console) share a session; the console and exports open their own.
class DbSession : public QObject
{
    Q_OBJECT
public:
    enum class State { Closed, Connecting, Open, Failed };
    Q_ENUM(State)

    explicit DbSession(const ConnectionSettings &settings, QObject *parent = nullptr);
    ~DbSession() override;

    ConnectionSettings settings() const { return m_settings; }
    // Read-only sessions run every transaction READ ONLY on the server and the
    // models refuse edits up front.
    bool isReadOnly() const { return m_settings.readOnly; }
    State state() const { return m_state; }
    DbError lastError() const { return m_lastError; }
    QString serverVersion() const { return m_serverVersion; }

    // Connects asynchronously: opened() or openFailed() follows.
    void open();

    // Runs `work` on the worker thread with the live connection (connecting first if
    // needed). It returns a continuation that is invoked on the GUI thread if
    // `context` still exists; failures (any exception) go to `onError` instead.
    using Continuation = std::function<void()>;
    using Work = std::function<Continuation(PqConnection &)>;
    using ErrorHandler = std::function<void(const DbError &)>;
    void submit(QObject *context, Work work, ErrorHandler onError);
    // As submit(), for a read that is safe to repeat (reload, page, catalog, count):
    // when the connection turns out broken (the server restarted), it runs once
    // more on a fresh connection before any error is reported.
    void submitRead(QObject *context, Work work, ErrorHandler onError);
    // Runs `work` on the worker thread without touching the session's own
    // connection, for work that keeps a libpq connection of its own (the SQL
    // console); its continuation runs on the GUI thread while `context` lives.
    void post(QObject *context, std::function<Continuation()> work);
    // Sets the socket such work's connection uses (-1: none), so that teardown can
    // shut it down like the session's own. The setter holds what it needs itself, so
    // worker-side work may keep and call it from any thread, even after the session.
    std::function<void(int fd)> socketForAbortSetter() const;

    // Asks the server to cancel whatever statement the worker is running now.
    // Returns immediately; the cancelled statement fails with DbError::Kind::Cancelled.
    void cancelRunningQuery();

    // How long the destructor lets a busy worker finish before shutting its
    // connection's socket, and then before leaving it to end by itself.
    static constexpr int kGracefulMs = 300;
    static constexpr int kAbortMs = 1500;

Q_SIGNALS:
    void stateChanged(db::DbSession::State state);
    void opened(const QString &serverVersion);
    void openFailed(const db::DbError &error);

private:
    void setState(State s);
    void run(QObject *context, Work work, ErrorHandler onError, bool repeatOnFreshConnection);

    ConnectionSettings m_settings;
    State m_state = State::Closed;
    DbError m_lastError;
    QString m_serverVersion;
    async::Target m_self{this};
    std::shared_ptr<DbWorker> m_db; // used only on m_worker's thread
    std::unique_ptr<async::Worker> m_worker;
};

} // namespace db
