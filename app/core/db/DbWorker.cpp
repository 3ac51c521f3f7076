#include "db/DbWorker.h"

#include "db/ConnInfo.h"

#include <pqxx/pqxx>

#include <sys/socket.h>

namespace db {

void CancelHandle::cancel()
{
    std::lock_guard<std::mutex> lock(mutex);
    if (!connection)
        return;
    try {
        connection->cancel_query();
    } catch (const std::exception &) {
        // Nothing running or the server is gone: either way there is nothing left to cancel.
    }
}

void CancelHandle::abort()
{
    std::lock_guard<std::mutex> lock(socketMutex);
    if (socket >= 0)
        ::shutdown(socket, SHUT_RDWR); // not close(): the fd stays libpq's to close
}

DbWorker::DbWorker(const ConnectionSettings &settings)
    : m_settings(settings), m_cancel(std::make_shared<CancelHandle>())
{
}

DbWorker::~DbWorker()
{
    dropConnection();
}

PqConnection &DbWorker::connection()
{
    if (m_conn && m_conn->is_open())
        return *m_conn;
    dropConnection();
    auto conn = std::make_unique<pqxx::connection>(toConnInfo(m_settings));
    pqxx::connection &c = *conn;
    const SessionSetup setup = sessionSetup(m_settings, [&c](const std::string &v) { return c.quote(v); });
    if (!setup.readOnly.empty()) {
        pqxx::nontransaction tx(*conn);
        tx.exec(setup.readOnly);
    }
    if (!setup.timeZone.empty()) {
        try {
            pqxx::nontransaction tx(*conn);
            tx.exec(setup.timeZone);
        } catch (const pqxx::sql_error &) {
        }
    }
    const int v = conn->server_version();
    m_serverVersion = QStringLiteral("%1.%2").arg(v / 10000).arg(v % 10000);
    {
        std::lock_guard<std::mutex> lock(m_cancel->mutex);
        m_cancel->connection = conn.get();
    }
    {
        std::lock_guard<std::mutex> lock(m_cancel->socketMutex);
        m_cancel->socket = conn->sock();
    }
    m_conn = std::move(conn);
    return *m_conn;
}

bool DbWorker::dropIfBroken()
{
    if (!m_conn || m_conn->is_open())
        return false;
    dropConnection();
    return true;
}

void DbWorker::dropConnection()
{
    {
        std::lock_guard<std::mutex> lock(m_cancel->socketMutex);
        m_cancel->socket = -1; // before the fd is closed (and its number reused)
    }
    {
        std::lock_guard<std::mutex> lock(m_cancel->mutex);
        m_cancel->connection = nullptr;
    }
    m_conn.reset();
}

} // namespace db
