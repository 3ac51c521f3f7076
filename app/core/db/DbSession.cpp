#include "db/DbSession.h"
#include "db/DbLog.h"

#include "db/DbWorker.h"

#include <QPointer>

#include <pqxx/pqxx>

Q_LOGGING_CATEGORY(lcDb, "pdd.db", QtWarningMsg)

namespace db {

DbSession::DbSession(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings), m_db(std::make_shared<DbWorker>(settings)),
      m_worker(std::make_unique<async::Worker>(
          QStringLiteral("db:%1").arg(settings.label.isEmpty() ? settings.database : settings.label)))
{
    qRegisterMetaType<db::DbError>();
}

// Disconnect must never wait on the network (a paused server held the GUI thread
// in PQcancel for 74 s): an idle worker ends at once and closes its connection
// properly; a busy one gets kGracefulMs, then its socket is shut down so the
// statement fails at once (the server rolls back what it had), then kAbortMs.
DbSession::~DbSession()
{
    if (!m_worker->stop(kGracefulMs)) {
        m_db->cancelHandle()->abort();
        if (!m_worker->stop(kAbortMs)) {
            // Still stuck (in PQcancel of a cancel the user asked for): leave the
            // thread to end on its own rather than freeze; its results go nowhere
            // (the session is gone) and the connection is freed after it ends.
            qCWarning(lcDb, "the session's worker did not stop in time; leaving it to end by itself");
            m_worker->abandon(std::move(m_db));
            return;
        }
    }
    m_worker.reset();
    m_db.reset(); // its thread has finished, so closing the connection from here is safe
}

void DbSession::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void DbSession::open()
{
    // Where to, never with what password.
    qCDebug(lcDb).noquote() << "connecting" << m_settings.label << "to"
                            << m_settings.user + QLatin1Char('@') + m_settings.host << m_settings.port
                            << m_settings.database << (m_settings.readOnly ? "read-only" : "");
    setState(State::Connecting);
    submit(
        this,
        [this, worker = m_db.get()](PqConnection &) -> Continuation {
            const QString version = worker->serverVersion();
            return [this, version] {
                m_serverVersion = version;
                m_lastError = {};
                setState(State::Open);
                Q_EMIT opened(version);
            };
        },
        [this](const DbError &error) {
            m_lastError = error;
            setState(State::Failed);
            Q_EMIT openFailed(error);
        });
}

void DbSession::submit(QObject *context, Work work, ErrorHandler onError)
{
    run(context, std::move(work), std::move(onError), false);
}

void DbSession::submitRead(QObject *context, Work work, ErrorHandler onError)
{
    run(context, std::move(work), std::move(onError), true);
}

void DbSession::run(QObject *context, Work work, ErrorHandler onError, bool repeatOnFreshConnection)
{
    struct Outcome
    {
        Continuation next;
        DbError error;
    };
    async::run(
        *m_worker, m_self,
        [worker = m_db.get(), work = std::move(work), repeatOnFreshConnection, label = m_settings.label] {
            Outcome out;
            for (int attempt = 0;; ++attempt) {
                bool broken = false;
                try {
                    out.next = work(worker->connection());
                    out.error = {};
                } catch (const pqxx::broken_connection &e) {
                    worker->dropConnection();
                    out.error = DbError::fromException(e);
                    broken = true;
                } catch (const std::exception &e) {
                    out.error = DbError::fromException(e);
                    broken = worker->dropIfBroken();
                }
                if (!broken || !repeatOnFreshConnection || attempt > 0)
                    break;
                qCDebug(lcDb).noquote() << "session" << label << "lost its connection; reading again on a fresh one";
            }
            return out;
        },
        // The session's own bookkeeping runs while it lives; the caller's part
        // only while its context does too.
        [this, ctx = QPointer<QObject>(context), onError = std::move(onError)](const Outcome &out) {
            const DbError &error = out.error;
            if (error.isError())
                qCDebug(lcDb).noquote() << "session" << m_settings.label << "failed:" << error.fullText();
            if (error.kind == DbError::Kind::AuthenticationFailed || error.kind == DbError::Kind::ServerUnreachable
                || error.kind == DbError::Kind::DatabaseMissing) {
                m_lastError = error;
                setState(State::Failed);
            } else if (!error.isError() && m_state != State::Open && m_state != State::Connecting) {
                setState(State::Open);
            }
            if (!ctx)
                return;
            if (error.isError()) {
                if (onError)
                    onError(error);
            } else if (out.next) {
                out.next();
            }
        });
}

void DbSession::post(QObject *context, std::function<Continuation()> work)
{
    async::run(*m_worker, async::Target(context), std::move(work), [](const Continuation &next) {
        if (next)
            next();
    });
}

std::function<void(int)> DbSession::socketForAbortSetter() const
{
    return [handle = m_db->cancelHandle()](int fd) {
        std::lock_guard<std::mutex> lock(handle->socketMutex);
        handle->socket = fd;
    };
}

void DbSession::cancelRunningQuery()
{
    // PQcancel opens its own connection to the server: keep that off the GUI thread.
    async::detached(QStringLiteral("db-cancel"), [handle = m_db->cancelHandle()] { handle->cancel(); });
}

} // namespace db
