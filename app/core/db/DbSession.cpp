#include "db/DbSession.h"

#include "db/DbWorker.h"

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

DbSession::~DbSession()
{
    // A statement still running would hold up quit(); ask the server to drop it first.
    m_worker->cancelHandle()->cancel();
    m_thread->quit();
    m_thread->wait();
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
        [this, ctx, worker, work = std::move(work), onError = std::move(onError)] {
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
            // The session outlives its worker thread, so posting to it is safe; the
            // context is checked on the GUI thread, where it would be deleted.
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

void DbSession::runAndWait(const std::function<void()> &work)
{
    QMetaObject::invokeMethod(
        m_worker,
        [&work] {
            try {
                work();
            } catch (const std::exception &) {
                // Teardown: the connection may already be gone, which is fine.
            }
        },
        Qt::BlockingQueuedConnection);
}

void DbSession::cancelRunningQuery()
{
    // PQcancel opens its own connection to the server: keep that off the GUI thread.
    std::thread([handle = m_worker->cancelHandle()] { handle->cancel(); }).detach();
}

} // namespace db
