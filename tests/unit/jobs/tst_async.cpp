#include "jobs/Async.h"
#include "jobs/Job.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <thread>

// The one async helper: work on named workers, results as values on the
// caller's thread while the context lives, stale results dropped, cancel.
class TestAsync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resultArrivesOnCallersThreadAsValue()
    {
        async::Worker worker(QStringLiteral("test-worker"));
        QObject context;
        QThread *workThread = nullptr;
        QThread *doneThread = nullptr;
        int result = 0;
        async::run(
            worker, &context,
            [&workThread] {
                workThread = QThread::currentThread();
                return 6 * 7;
            },
            [&](int r) {
                doneThread = QThread::currentThread();
                result = r;
            });
        QTRY_COMPARE(result, 42);
        QCOMPARE(doneThread, QThread::currentThread());
        QVERIFY(workThread != QThread::currentThread());
        QCOMPARE(worker.name(), QStringLiteral("test-worker"));
    }

    void tasksOnOneWorkerRunInOrder()
    {
        async::Worker worker(QStringLiteral("ordered"));
        QObject context;
        QVector<int> seen;
        for (int i = 0; i < 200; ++i)
            async::run(
                worker, &context, [i] { return i; }, [&seen](int r) { seen << r; });
        QTRY_COMPARE(seen.size(), 200);
        for (int i = 0; i < 200; ++i)
            QCOMPARE(seen.at(i), i);
    }

    void nothingIsDeliveredAfterTheContextDies()
    {
        async::Worker worker(QStringLiteral("late"));
        auto *context = new QObject;
        std::atomic<bool> release{false};
        bool delivered = false;
        bool ran = false;
        async::run(
            worker, context,
            [&] {
                while (!release)
                    QThread::msleep(1);
                ran = true;
                return 1;
            },
            [&](int) { delivered = true; });
        delete context; // while the work is still running
        release = true;
        QTRY_VERIFY(ran);
        QTest::qWait(50);
        QVERIFY(!delivered);
    }

    void deliveryRacingWithDeletionIsSafe()
    {
        // Many deliveries from a worker while contexts are deleted on this thread:
        // only calls to live contexts run (ASan watches this suite too).
        async::Worker worker(QStringLiteral("race"));
        int delivered = 0;
        for (int round = 0; round < 50; ++round) {
            auto *context = new QObject;
            const async::Target target(context);
            worker.post([target, &delivered] {
                for (int i = 0; i < 100; ++i)
                    target.deliver([&delivered] { ++delivered; });
            });
            QThread::usleep(50);
            delete context;
        }
        QObject last;
        bool done = false;
        async::run(
            worker, &last, [] {}, [&done] { done = true; });
        QTRY_VERIFY(done);
        QVERIFY(delivered <= 50 * 100);
    }

    void deliveryToThisThreadFromAPlainThread()
    {
        QObject context;
        const async::Target target(&context);
        bool got = false;
        std::thread([target, &got] { target.deliver([&got] { got = true; }); }).join();
        QVERIFY(!got); // queued, not run on the other thread
        QTRY_VERIFY(got);
    }

    void callRunsAtOnceOnOwnThread()
    {
        QObject context;
        const async::Target target(&context);
        bool got = false;
        target.call([&got] { got = true; });
        QVERIFY(got);
    }

    void generationDropsStaleResults()
    {
        async::Worker worker(QStringLiteral("gen"));
        QObject context;
        async::Generation generation;
        QVector<int> shown;
        for (int i = 1; i <= 3; ++i) {
            const quint64 g = generation.next();
            async::run(
                worker, &context,
                [i] {
                    QThread::msleep(20);
                    return i;
                },
                [&, g](int r) {
                    if (generation.isCurrent(g))
                        shown << r;
                });
        }
        QTRY_COMPARE(shown.size(), 1);
        QTest::qWait(100);
        QCOMPARE(shown, QVector<int>{3});
    }

    void cancelFlagIsShared()
    {
        async::Worker worker(QStringLiteral("cancel"));
        QObject context;
        async::CancelFlag cancel;
        int steps = -1;
        async::run(
            worker, &context,
            [cancel] {
                int i = 0;
                while (!cancel.isRequested() && i < 100000) {
                    QThread::msleep(1);
                    ++i;
                }
                return i;
            },
            [&steps](int n) { steps = n; });
        QTest::qWait(30);
        cancel.request();
        QTRY_VERIFY(steps >= 0);
        QVERIFY(steps < 100000);
    }

    void stopWaitsAndAbandonFreesAStuckWorker()
    {
        auto keep = std::make_shared<int>(7);
        std::weak_ptr<int> watch = keep;
        std::atomic<bool> release{false};
        std::atomic<bool> started{false};
        {
            async::Worker worker(QStringLiteral("stuck"));
            worker.post([&release, &started] {
                started = true;
                while (!release)
                    QThread::msleep(1);
            });
            QTRY_VERIFY(started);
            QVERIFY(!worker.stop(50)); // still busy
            worker.abandon(std::move(keep));
        } // the destructor does not wait for an abandoned worker
        QVERIFY(!watch.expired());
        release = true;
        QTRY_VERIFY(watch.expired()); // released once the thread ended
    }

    void detachedRunsOnItsOwnThread()
    {
        std::atomic<bool> ran{false};
        std::atomic<QThread *> where{nullptr};
        async::detached(QStringLiteral("one-off"), [&] {
            where = QThread::currentThread();
            ran = true;
        });
        QTRY_VERIFY(ran);
        QVERIFY(where.load() != QThread::currentThread());
    }

    void reporterDropsReportsForAGoneJobAndSeesItCancelled()
    {
        auto *job = new Job(QStringLiteral("gone"));
        const Job::Reporter report = job->reporter();
        QVERIFY(!report.isCancelRequested());
        delete job;
        QVERIFY(report.isCancelRequested()); // a Job that dies is cancelled
        std::thread([report] {
            report.log(QStringLiteral("after"));
            report.succeeded();
        }).join();
        QTest::qWait(20); // nothing to deliver to: must not crash (ASan)

        Job live(QStringLiteral("live"));
        QSignalSpy cancelled(&live, &Job::cancelRequested);
        const Job::Reporter r2 = live.reporter();
        live.cancel();
        QVERIFY(r2.isCancelRequested());
        QCOMPARE(cancelled.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAsync)
#include "tst_async.moc"
