#include "jobs/Async.h"

#include <QCoreApplication>
#include <QHash>
#include <QThread>

#include <mutex>

namespace async {

namespace {

// One relay object per receiving thread. A delivery is posted to the relay of the
// target's thread under the registry's lock, and a relay leaves the registry
// (under the same lock) before it dies, so a worker never posts to a dead object;
// what was queued to it when it dies is dropped by Qt.
class Relay : public QObject
{
public:
    ~Relay() override;
};

struct Registry
{
    std::mutex mutex;
    QHash<QThread *, Relay *> relays;
};

Registry &registry()
{
    static auto *r = new Registry; // never destroyed: threads may end after static teardown starts
    return *r;
}

Relay::~Relay()
{
    Registry &reg = registry();
    std::lock_guard<std::mutex> lock(reg.mutex);
    const auto it = reg.relays.find(thread());
    if (it != reg.relays.end() && it.value() == this)
        reg.relays.erase(it);
}

// Makes sure the calling thread has a relay. The main thread's is a child of the
// application object; another thread's goes when that thread finishes.
void ensureRelay()
{
    QThread *self = QThread::currentThread();
    Registry &reg = registry();
    {
        std::lock_guard<std::mutex> lock(reg.mutex);
        if (reg.relays.contains(self))
            return;
    }
    auto *relay = new Relay;
    QCoreApplication *app = QCoreApplication::instance();
    if (app && app->thread() == self) {
        relay->setParent(app);
    } else {
        QObject::connect(
            self, &QThread::finished, relay, [relay] { delete relay; }, Qt::DirectConnection);
    }
    std::lock_guard<std::mutex> lock(reg.mutex);
    reg.relays.insert(self, relay);
}

} // namespace

Target::Target(QObject *context) : m_context(context), m_home(QThread::currentThread())
{
    Q_ASSERT(!context || context->thread() == m_home);
    ensureRelay();
}

void Target::deliver(std::function<void()> f) const
{
    if (!m_home)
        return;
    Registry &reg = registry();
    std::lock_guard<std::mutex> lock(reg.mutex);
    const auto it = reg.relays.constFind(m_home);
    if (it == reg.relays.constEnd())
        return; // that thread has ended
    QMetaObject::invokeMethod(
        it.value(),
        [context = m_context, f = std::move(f)] {
            if (context)
                f();
        },
        Qt::QueuedConnection);
}

void Target::call(std::function<void()> f) const
{
    if (QThread::currentThread() == m_home) {
        if (m_context)
            f();
        return;
    }
    deliver(std::move(f));
}

class Worker::Thread : public QThread
{};

Worker::Worker(const QString &name) : m_thread(new Thread), m_context(new QObject)
{
    m_thread->setObjectName(name);
    m_context->moveToThread(m_thread);
    m_thread->start();
}

Worker::~Worker()
{
    if (!m_thread)
        return; // abandoned: it frees itself
    stop(-1);
    delete m_context; // its thread has ended, so deleting from here is safe
    delete m_thread;
}

QString Worker::name() const
{
    return m_thread ? m_thread->objectName() : QString();
}

void Worker::post(std::function<void()> task)
{
    if (m_context)
        QMetaObject::invokeMethod(m_context, std::move(task), Qt::QueuedConnection);
}

bool Worker::isCurrentThread() const
{
    return m_thread && QThread::currentThread() == m_thread;
}

bool Worker::stop(int waitMs)
{
    if (!m_thread)
        return true;
    m_thread->quit();
    return waitMs < 0 ? m_thread->wait() : m_thread->wait(waitMs);
}

void Worker::abandon(std::shared_ptr<void> keepAlive)
{
    if (!m_thread)
        return;
    Thread *thread = std::exchange(m_thread, nullptr);
    QObject *context = std::exchange(m_context, nullptr);
    thread->quit();
    auto once = std::make_shared<std::atomic<bool>>(false);
    auto cleanUp = [thread, context, keepAlive, once]() mutable {
        if (once->exchange(true))
            return;
        delete context;
        keepAlive.reset();
        thread->deleteLater();
    };
    QObject::connect(thread, &QThread::finished, QCoreApplication::instance(), cleanUp, Qt::QueuedConnection);
    if (thread->isFinished())
        cleanUp();
}

void detached(const QString &name, std::function<void()> f)
{
    QThread *thread = QThread::create(std::move(f));
    thread->setObjectName(name);
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace async
