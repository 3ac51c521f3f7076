#include "FakeEngine.h"

#include "engine/EngineClient.h"
#include "engine/EngineMonitor.h"
#include "engine/LogFollower.h"
#include "jobs/Job.h"

#include <QSignalSpy>
#include <QTest>

#include <cerrno>

// Fault injection: the monitor and the log follower against a fake Engine that
// breaks in the ways real daemons and sockets do. Each case checks that the
// failure is reported with a usable sentence and that the monitor recovers on
// its own once the fake behaves again.
class TestEngineFaults : public QObject
{
    Q_OBJECT
private:
    FakeEngine *m_fake = nullptr;
    EngineMonitor *m_monitor = nullptr;

    // Fast timeouts and backoff so every fault resolves within a second or two.
    EngineMonitor *startMonitor()
    {
        m_monitor = new EngineMonitor(EngineEndpoint::fromSocket(m_fake->socketPath()), this);
        m_monitor->setReconnectDelays(50, 400);
        m_monitor->setRequestTimeouts(500, 1);
        m_monitor->start();
        return m_monitor;
    }

    QString stateOf(const QString &id) const
    {
        for (const ContainerInfo &c : m_monitor->containers())
            if (c.id == id)
                return ContainerStates::apiName(c.state);
        return {};
    }

    static QString lastReason(const QSignalSpy &spy)
    {
        for (qsizetype i = spy.size() - 1; i >= 0; --i)
            if (!spy.at(i).at(0).toBool())
                return spy.at(i).at(1).toString();
        return {};
    }

    static bool cameBack(const QSignalSpy &spy) { return !spy.isEmpty() && spy.last().at(0).toBool(); }

private Q_SLOTS:
    void init()
    {
        m_fake = new FakeEngine(this);
        m_fake->containers.insert(QStringLiteral("c1"), QStringLiteral("running"));
        QVERIFY(m_fake->listen());
    }
    void cleanup()
    {
        delete m_monitor;
        m_monitor = nullptr;
        delete m_fake;
        m_fake = nullptr;
    }

    void healthyFakeIsMirrored()
    {
        startMonitor();
        QTRY_VERIFY(m_monitor->isAvailable());
        QCOMPARE(m_monitor->apiVersion(), QStringLiteral("1.41"));
        QCOMPARE(stateOf(QStringLiteral("c1")), QStringLiteral("running"));
        QTRY_COMPARE(m_fake->openEventStreams(), 1);

        QSignalSpy removed(m_monitor, &EngineMonitor::containerRemoved);
        m_fake->containers[QStringLiteral("c1")] = QStringLiteral("exited");
        m_fake->pushEvent(QStringLiteral("container"), QStringLiteral("die"), QStringLiteral("c1"));
        QTRY_COMPARE(stateOf(QStringLiteral("c1")), QStringLiteral("exited"));
        // Health-check noise must not cost an inspect per probe.
        const int inspects = m_fake->requestsFor(QStringLiteral("/v1.41/containers/c1/json"));
        m_fake->pushEvent(QStringLiteral("container"), QStringLiteral("exec_start: sh -c true"), QStringLiteral("c1"));
        m_fake->containers.remove(QStringLiteral("c1"));
        m_fake->pushEvent(QStringLiteral("container"), QStringLiteral("destroy"), QStringLiteral("c1"));
        QTRY_COMPARE(removed.count(), 1);
        QCOMPARE(m_fake->requestsFor(QStringLiteral("/v1.41/containers/c1/json")), inspects);
        QVERIFY(m_monitor->containers().isEmpty());
    }

    void eventStreamClosedMidChunk()
    {
        startMonitor();
        QTRY_COMPARE(m_fake->openEventStreams(), 1);
        QSignalSpy availability(m_monitor, &EngineMonitor::availabilityChanged);
        m_fake->closeEventStreamsMidChunk();
        QTRY_VERIFY(!availability.isEmpty());
        QVERIFY2(lastReason(availability).contains(QLatin1String("broke")), qPrintable(lastReason(availability)));
        QTRY_VERIFY(cameBack(availability));
        QTRY_COMPARE(m_fake->eventSubscriptions(), 2);
        QVERIFY(m_monitor->isAvailable());
    }

    void garbageInEventStream()
    {
        startMonitor();
        QTRY_COMPARE(m_fake->openEventStreams(), 1);
        QSignalSpy availability(m_monitor, &EngineMonitor::availabilityChanged);
        QSignalSpy events(m_monitor, &EngineMonitor::eventReceived);
        m_fake->sendToEventStreams("{\"Type\":\"container\",\"Action\":\"start\",\"Actor\":{\"ID\":\"c1\"}}\n"
                                   "<html>502 Bad Gateway</html>\n");
        QTRY_VERIFY(!availability.isEmpty());
        QVERIFY2(lastReason(availability).contains(QLatin1String("unreadable")), qPrintable(lastReason(availability)));
        QCOMPARE(events.count(), 1); // the good message before the garbage still counts
        QTRY_VERIFY(cameBack(availability));
        QTRY_COMPARE(m_fake->openEventStreams(), 1);
    }

    void garbageAnswersAreErrorsNotEmptyLists_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("truncated container list") << QStringLiteral("/containers/json") << QByteArray("[{\"Id\":");
        QTest::newRow("html instead of list") << QStringLiteral("/containers/json") << QByteArray("<html>oops</html>");
        QTest::newRow("object instead of list") << QStringLiteral("/containers/json") << QByteArray("{\"a\":1}");
        QTest::newRow("garbage inspect") << QStringLiteral("/containers/c1/json") << QByteArray("{\"Id\":\"c1\"");
        QTest::newRow("garbage volume list") << QStringLiteral("/volumes") << QByteArray("nope");
    }
    void garbageAnswersAreErrorsNotEmptyLists()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        m_fake->garbageOnce.insert(path, body);
        startMonitor();
        QSignalSpy availability(m_monitor, &EngineMonitor::availabilityChanged);
        QSignalSpy removed(m_monitor, &EngineMonitor::containerRemoved);
        QTRY_VERIFY(!availability.isEmpty());
        QVERIFY2(!lastReason(availability).isEmpty(), "a garbage answer must not count as a healthy snapshot");
        QVERIFY(m_fake->garbageOnce.isEmpty());
        QTRY_VERIFY(m_monitor->isAvailable()); // next round gets real answers
        QCOMPARE(stateOf(QStringLiteral("c1")), QStringLiteral("running"));
        QCOMPARE(removed.count(), 0);
    }

    void stalledDaemonTimesOut()
    {
        m_fake->stall = true;
        startMonitor();
        QSignalSpy availability(m_monitor, &EngineMonitor::availabilityChanged);
        QTRY_VERIFY_WITH_TIMEOUT(!availability.isEmpty(), 5000);
        QVERIFY2(lastReason(availability).contains(QLatin1String("in time")), qPrintable(lastReason(availability)));
        QVERIFY(!m_monitor->isAvailable());
        m_fake->stall = false;
        QTRY_VERIFY_WITH_TIMEOUT(m_monitor->isAvailable(), 5000);
    }

    void daemonGoneThenBackResyncs()
    {
        startMonitor();
        QTRY_VERIFY(m_monitor->isAvailable());
        QSignalSpy availability(m_monitor, &EngineMonitor::availabilityChanged);
        QSignalSpy removed(m_monitor, &EngineMonitor::containerRemoved);
        QSignalSpy changed(m_monitor, &EngineMonitor::containerChanged);
        m_fake->shutDown();
        QTRY_VERIFY(!availability.isEmpty());
        QTRY_VERIFY2(lastReason(availability).contains(QLatin1String("does not exist")),
                     qPrintable(lastReason(availability)));
        QVERIFY(lastReason(availability).contains(m_fake->socketPath()));
        // While it was away, c1 went and c2 came; events for that are lost.
        QTest::qWait(600); // let a couple of backoff rounds fail
        m_fake->containers.clear();
        m_fake->containers.insert(QStringLiteral("c2"), QStringLiteral("created"));
        QVERIFY(m_fake->listen());
        QTRY_VERIFY_WITH_TIMEOUT(m_monitor->isAvailable(), 5000);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().first().toString(), QStringLiteral("c1"));
        QVERIFY(std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &args) {
            return args.first().value<ContainerInfo>().id == QLatin1String("c2");
        }));
        QCOMPARE(m_monitor->containers().size(), 1);
    }

    void tooOldEngineIsRefused()
    {
        m_fake->apiVersion = QStringLiteral("1.40");
        startMonitor();
        QSignalSpy availability(m_monitor, &EngineMonitor::availabilityChanged);
        QTRY_VERIFY(!availability.isEmpty());
        QVERIFY2(lastReason(availability).contains(QLatin1String("1.41 or newer")),
                 qPrintable(lastReason(availability)));
        QVERIFY(!m_monitor->isAvailable());
        QCOMPARE(m_fake->requestsFor(QStringLiteral("/v")), 0); // no versioned call was attempted
    }

    void stopActionRunsAsJob()
    {
        startMonitor();
        QTRY_COMPARE(m_fake->openEventStreams(), 1);
        Job *job = m_monitor->containerAction(QStringLiteral("c1"), ContainerAction::Stop);
        QTRY_VERIFY(job->isFinished());
        QCOMPARE(job->state(), Job::State::Succeeded);
        QTRY_COMPARE(stateOf(QStringLiteral("c1")), QStringLiteral("exited"));
        Job *missing = m_monitor->containerAction(QStringLiteral("nope"), ContainerAction::Stop);
        QTRY_VERIFY(missing->isFinished());
        QCOMPARE(missing->errorString(), QStringLiteral("No such container: nope"));
    }

    void stalledActionCanBeCancelled()
    {
        startMonitor();
        QTRY_COMPARE(m_fake->openEventStreams(), 1);
        m_fake->stall = true;
        Job *job = m_monitor->containerAction(QStringLiteral("c1"), ContainerAction::Stop);
        QTRY_COMPARE(job->state(), Job::State::Running);
        QTest::qWait(100);
        job->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 2000); // well before the 60 s action stall limit
        QCOMPARE(job->state(), Job::State::Cancelled);
    }

    void stopIsPromptEvenWhileStreaming()
    {
        startMonitor();
        QTRY_COMPARE(m_fake->openEventStreams(), 1);
        QElapsedTimer t;
        t.start();
        delete m_monitor;
        m_monitor = nullptr;
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed()))); // not held up by the idle stream
    }

    void logsFromFake_data()
    {
        QTest::addColumn<bool>("tty");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("expected"); // "stream:text"
        QTest::addColumn<bool>("fails");
        QByteArray mux;
        const auto frame = [](char stream, const QByteArray &p) {
            return QByteArray("\0\0\0\0\0\0", 6).prepend(stream).append(char(p.size())) + p;
        };
        mux = frame(1, "hello\nwor") + frame(2, "oops\n") + frame(1, "ld\n");
        QTest::newRow("multiplexed in 3-byte chunks")
            << false << mux
            << QStringList{QStringLiteral("stdout:hello"), QStringLiteral("stderr:oops"),
                           QStringLiteral("stdout:world")}
            << false;
        QTest::newRow("tty raw") << true << QByteArray("a\r\nb")
                                 << QStringList{QStringLiteral("stdout:a"), QStringLiteral("stdout:b")} << false;
        QTest::newRow("raw bytes on a non-tty container")
            << false << QByteArray("plain text\n") << QStringList{} << true;
    }
    void logsFromFake()
    {
        QFETCH(bool, tty);
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, expected);
        QFETCH(bool, fails);
        m_fake->logsTty = tty;
        m_fake->logBytes = bytes;
        LogFollower follower(EngineEndpoint::fromSocket(m_fake->socketPath()), QStringLiteral("c1"));
        QStringList got;
        connect(&follower, &LogFollower::linesAvailable, this, [&] {
            for (LogLineQueue::Batch b = follower.take(1); !b.lines.isEmpty(); b = follower.take(1))
                got << b.lines.first().stream + QLatin1Char(':') + b.lines.first().text;
        });
        QSignalSpy failed(&follower, &LogFollower::failed);
        QSignalSpy finished(&follower, &LogFollower::finished);
        follower.start(10);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(got, expected);
        QCOMPARE(failed.count(), fails ? 1 : 0);
        QCOMPARE(m_fake->requestsFor(
                     QStringLiteral("/v1.41/containers/c1/logs?follow=1&stdout=1&stderr=1&timestamps=0&tail=10")),
                 1);
    }

    void unreachableSentences_data()
    {
        QTest::addColumn<int>("failure");
        QTest::addColumn<int>("osErrno");
        QTest::addColumn<QString>("mentions");
        using F = HttpResult::Failure;
        QTest::newRow("permission denied") << int(F::CannotConnect) << EACCES << QStringLiteral("docker\" group");
        QTest::newRow("socket missing") << int(F::CannotConnect) << ENOENT << QStringLiteral("not running");
        QTest::newRow("refused") << int(F::CannotConnect) << ECONNREFUSED << QStringLiteral("Nothing answers");
        QTest::newRow("timeout") << int(F::Timeout) << 0 << QStringLiteral("in time");
        QTest::newRow("broken") << int(F::Transport) << 0 << QStringLiteral("broke");
    }
    void unreachableSentences()
    {
        QFETCH(int, failure);
        QFETCH(int, osErrno);
        QFETCH(QString, mentions);
        HttpResult r;
        r.failure = HttpResult::Failure(failure);
        r.osErrno = osErrno;
        // An existing path, so only errno decides between "missing" and "refused".
        const QString text = EngineClient::describe(r, m_fake->socketPath());
        QVERIFY2(text.contains(mentions), qPrintable(text));
        QVERIFY(text.contains(m_fake->socketPath()));
    }
};

QTEST_GUILESS_MAIN(TestEngineFaults)
#include "tst_engine_faults.moc"
