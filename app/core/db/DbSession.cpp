#include "db/DbSession.h"

#include "db/DbWorker.h"

#include <QCoreApplication>
#include <QThread>

#include <pqxx/pqxx>

#include <thread>

namespace db {

DbSession::DbSession(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_thread(new QThread)
    , m_worker(new DbWorker(settings))
{
    qRegisterMetaType<db::DbError>();
    m_thread->setObjectName(
        QStringLiteral("db:%1").arg(settings.label.isEmpty() ? settings.database : settings.label));
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

// Disconnect must never wait on the network (a paused server held the GUI thread
// in PQcancel for 74 s): an idle worker ends at once and closes its connection
// properly; a busy one gets kGracefulMs, then its socket is shut down so the
// statement fails at once (the server rolls back what it had), then kAbortMs.
DbSession::~DbSession()
{
    m_thread->quit();
    if (!m_thread->wait(kGracefulMs)) {
        m_worker->cancelHandle()->abort();
        if (!m_thread->wait(kAbortMs)) {
            // Still stuck (in PQcancel of a cancel the user asked for): leave the
            // thread to end on its own rather than freeze; it owns nothing of ours.
            qWarning("db: the session's worker did not stop in time; leaving it to end by itself");
            {
                std::lock_guard<std::mutex> lock(m_alive->mutex);
                m_alive->yes = false;
            }
            QObject::connect(
                m_thread, &QThread::finished, QCoreApplication::instance(),
                [worker = m_worker, thread = m_thread] {
                    delete worker;
                    thread->deleteLater();
                },
                Qt::QueuedConnection);
            return;
        }
    }
    delete m_worker; // its thread has finished, so deleting from here is safe
    delete m_thread;
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
    setState(State::Connecting);
    DbWorker *worker = m_worker;
    submit(
        this,
        [this, worker](pqxx::connection_base &) -> Continuation {
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
    QPointer<QObject> ctx(context);
    DbWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [this, alive = m_alive, ctx, worker, work = std::move(work), onError = std::move(onError)] {
            Continuation next;
            DbError error;
            try {
                next = work(worker->connection());
            } catch (const pqxx::broken_connection &e) {
                worker->dropConnection();
                error = DbError::fromException(e);
            } catch (const std::exception &e) {
                error = DbError::fromException(e);
                worker->dropIfBroken();
            }
            // Posting to the session is safe while it lives (a session left behind
            // by its destructor says so in `alive`); events posted before it died are
            // discarded with it. The context is checked on the GUI thread, where it
            // would be deleted.
            std::lock_guard<std::mutex> lock(alive->mutex);
            if (!alive->yes)
                return;
            QMetaObject::invokeMethod(
                this,
                [this, ctx, error, next = std::move(next), onError] {
                    if (error.kind == DbError::Kind::AuthenticationFailed
                        || error.kind == DbError::Kind::ServerUnreachable
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
                    } else if (next) {
                        next();
                    }
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void DbSession::post(QObject *context, std::function<Continuation()> work)
{
    QPointer<QObject> ctx(context);
    QMetaObject::invokeMethod(
        m_worker,
        [this, alive = m_alive, ctx, work = std::move(work)] {
            Continuation next = work();
            std::lock_guard<std::mutex> lock(alive->mutex);
            if (!alive->yes || !next)
                return;
            QMetaObject::invokeMethod(
                this,
                [ctx, next = std::move(next)] {
                    if (ctx)
                        next();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

std::function<void(int)> DbSession::socketForAbortSetter() const
{
    return [handle = m_worker->cancelHandle()](int fd) {
        std::lock_guard<std::mutex> lock(handle->socketMutex);
        handle->socket = fd;
    };
}

void DbSession::cancelRunningQuery()
{
    // PQcancel opens its own connection to the server: keep that off the GUI thread.
    std::thread([handle = m_worker->cancelHandle()] { handle->cancel(); }).detach();
}

} // namespace db
