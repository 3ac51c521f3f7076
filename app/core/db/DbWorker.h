#pragma once

#include "db/ConnectionSettings.h"
#include "db/PqxxCompat.h"

#include <QString>

#include <memory>
#include <mutex>

#include <pqxx/connection>

namespace db {

// Shared between the worker and short-lived cancel threads, so a cancel racing
// with the connection's destruction never touches a dead connection.
struct CancelHandle
{
    std::mutex mutex;
    pqxx::connection *connection = nullptr;
    // Asks the server to cancel the running statement (PQcancel: a new connection
    // to the server, which blocks for as long as a hung server does; never on the GUI thread).
    void cancel();

    // The connection's socket, under its own mutex, which is never held across a
    // network wait: abort() shuts it down so whatever the worker is blocked in
    // fails at once, even when the server hangs. For teardown only.
    std::mutex socketMutex;
    int socket = -1;
    void abort();
};

// Owns the pqxx connection; used only on the session's worker thread. Internal
// to DbSession; models never see it.
class DbWorker
{
public:
    explicit DbWorker(const ConnectionSettings &settings);
    ~DbWorker();

    // The open connection, connecting (or reconnecting after a loss) first. Throws.
    PqConnection &connection();
    // Drops the connection so the next call reconnects (after a broken connection).
    void dropConnection();
    bool dropIfBroken(); // true when it was broken (and is dropped now)
    QString serverVersion() const { return m_serverVersion; }
    std::shared_ptr<CancelHandle> cancelHandle() const { return m_cancel; }

private:
    ConnectionSettings m_settings;
    std::unique_ptr<pqxx::connection> m_conn;
    std::shared_ptr<CancelHandle> m_cancel;
    QString m_serverVersion;
};

} // namespace db
