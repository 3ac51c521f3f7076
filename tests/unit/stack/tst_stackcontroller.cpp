#include "jobs/Job.h"
#include "stack/LineSplitter.h"
#include "stack/RunProgress.h"
#include "stack/StackController.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// A stand-in for compose/run that exercises the QProcess plumbing only: it
// echoes its flags, prints countable steps, writes to stderr, and for -1 hangs
// with a child process so cancel must reach the whole process group.
static const char kFakeRun[] = R"SH(#!/bin/sh
here=$(cd "$(dirname "$0")" && pwd)
echo "args: $*"
echo "cwd: $(pwd)"
echo "stack: ${STACK_NAME:-unset}"
case "$1" in
  -0) echo "[1/2] starting db"; printf 'partial'; sleep 0.1; printf ' line\r'; echo "[2/2] starting web"; exit 0 ;;
  -5) echo "stopping $2" ; echo "warning: nothing to stop" >&2; exit 0 ;;
  -1) sleep 60 & echo $! > "$here/child.pid"; echo "waiting"; wait; exit 0 ;;
  -3) echo "Step 1/4 : FROM base"; echo "The web image could not be built: no Dockerfile." >&2; exit 3 ;;
  *) echo "usage: run -0|-1|-5" >&2; exit 2 ;;
esac
)SH";

namespace {
StackMode M(const QString &key)
{
    return *StackModes::parse(key);
}
} // namespace

class TestStackController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile f(m_dir.filePath(QStringLiteral("run")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kFakeRun);
    }

    void argumentsFollowContract_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QStringList>("up");
        QTest::addColumn<QStringList>("down");
        QTest::newRow("dev") << "dev" << QStringList{"-1"} << QStringList{"-5", "dev"};
        QTest::newRow("prod") << "prod" << QStringList{"-0"} << QStringList{"-5", "prod"};
    }
    void argumentsFollowContract()
    {
        QFETCH(QString, mode);
        QFETCH(QStringList, up);
        QFETCH(QStringList, down);
        QCOMPARE(StackController::upArguments(M(mode)), up);
        QCOMPARE(StackController::downArguments(M(mode)), down);
    }

    void upStreamsLinesAndProgress()
    {
        StackController c(m_dir.path());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("STACK_NAME"), QStringLiteral("pddtest-unit"));
        c.setEnvironment(env);
        QSignalSpy started(&c, &StackController::jobStarted);
        QElapsedTimer t;
        t.start();
        Job *job = c.up(StackMode::Prod);
        // Returning must not wait for the script (it sleeps 0.1 s).
        QVERIFY(t.elapsed() < 100);
        QCOMPARE(started.count(), 1);
        QCOMPARE(job->state(), Job::State::Running);
        QSignalSpy progress(job, &Job::progressChanged);
        QSignalSpy finished(job, &Job::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(job->state(), Job::State::Succeeded);
        const QStringList log = job->log();
        QVERIFY2(log.contains(QStringLiteral("args: -0")), qPrintable(log.join('\n')));
        QVERIFY(log.contains(QStringLiteral("cwd: ") + QDir(m_dir.path()).canonicalPath()));
        QVERIFY(log.contains(QStringLiteral("stack: pddtest-unit")));
        QVERIFY(log.contains(QStringLiteral("partial line"))); // joined across reads, '\r' ends it
        QCOMPARE(job->progress(), 1.0);
        bool sawHalf = false;
        for (const auto &args : progress)
            sawHalf = sawHalf || args.at(0).toDouble() == 0.5;
        QVERIFY(sawHalf);
        QCOMPARE(c.runningCount(), 0);
    }

    void downPassesMode()
    {
        StackController c(m_dir.path());
        Job *job = c.down(StackMode::Dev);
        QSignalSpy finished(job, &Job::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(job->state(), Job::State::Succeeded);
        QVERIFY(job->log().contains(QStringLiteral("args: -5 dev")));
        QVERIFY(job->log().contains(QStringLiteral("warning: nothing to stop")));
    }

    void failureCarriesTheScriptsSentence_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("error");
        QTest::newRow("build fails") << QStringList{"-3"}
                                     << "The web image could not be built: no Dockerfile. (exit code 3)";
        QTest::newRow("unknown flag") << QStringList{"-9"} << "usage: run -0|-1|-5 (exit code 2)";
    }
    void failureCarriesTheScriptsSentence()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, error);
        StackController c(m_dir.path());
        Job *job = c.runScript(QStringLiteral("x"), args);
        QSignalSpy finished(job, &Job::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(job->state(), Job::State::Failed);
        QCOMPARE(job->errorString(), error);
    }

    void cancelStopsScriptAndItsChildren()
    {
        StackController c(m_dir.path());
        c.setKillTimeout(2000);
        QFile::remove(m_dir.filePath(QStringLiteral("child.pid")));
        Job *job = c.up(StackMode::Dev);
        QSignalSpy finished(job, &Job::finished);
        QTRY_VERIFY_WITH_TIMEOUT(job->log().contains(QStringLiteral("waiting")), 10000);
        QFile pidFile(m_dir.filePath(QStringLiteral("child.pid")));
        QTRY_VERIFY(pidFile.exists() && pidFile.size() > 0);
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const pid_t child = pid_t(pidFile.readAll().trimmed().toLongLong());
        QVERIFY(child > 0);
        QCOMPARE(::kill(child, 0), 0);

        job->cancel();
        QVERIFY(finished.wait(10000));
        QCOMPARE(job->state(), Job::State::Cancelled);
        // The grandchild got the group's SIGTERM too (it is gone or a zombie
        // being reaped by init, so give it a moment).
        QTRY_VERIFY_WITH_TIMEOUT(::kill(child, 0) != 0 || isZombie(child), 5000);
    }

    void missingScriptFails()
    {
        StackController c(m_dir.filePath(QStringLiteral("nowhere")));
        Job *job = c.up(StackMode::Dev);
        QSignalSpy finished(job, &Job::finished);
        QVERIFY(job->isFinished() || finished.wait(10000));
        QCOMPARE(job->state(), Job::State::Failed);
        QVERIFY2(job->errorString().startsWith(QStringLiteral("Could not run ")
                                               + m_dir.filePath(QStringLiteral("nowhere/run"))),
                 qPrintable(job->errorString()));
    }

    void lineSplitter_data()
    {
        QTest::addColumn<QByteArrayList>("chunks");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("one per chunk") << QByteArrayList{"a\n", "b\n"} << QStringList{"a", "b"};
        QTest::newRow("split mid line") << QByteArrayList{"hel", "lo\nwor", "ld"} << QStringList{"hello", "world"};
        QTest::newRow("crlf and cr") << QByteArrayList{"x\r\ny\rz\n"} << QStringList{"x", "y", "z"};
        QTest::newRow("ansi colours stripped") << QByteArrayList{"\x1b[32mdone\x1b[0m\n"} << QStringList{"done"};
        QTest::newRow("utf8 split across chunks") << QByteArrayList{"caf\xc3", "\xa9\n"} << QStringList{"café"};
    }
    void lineSplitter()
    {
        QFETCH(QByteArrayList, chunks);
        QFETCH(QStringList, lines);
        LineSplitter s;
        QStringList got;
        for (const QByteArray &c : chunks)
            got += s.feed(c);
        got += s.flush();
        QCOMPARE(got, lines);
    }

    void runProgress_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<double>("fraction"); // -1: none
        QTest::newRow("docker build step") << "Step 3/4 : RUN pip install" << 0.75;
        QTest::newRow("bracket") << "[1/2] starting db" << 0.5;
        QTest::newRow("paren") << "waiting for web (2/2)" << 1.0;
        QTest::newRow("plain") << "Creating network pddtest-dev_default" << -1.0;
        QTest::newRow("date is not progress") << "12/11/2026 started" << -1.0;
        QTest::newRow("done beyond total") << "[5/2] nonsense" << -1.0;
    }
    void runProgress()
    {
        QFETCH(QString, line);
        QFETCH(double, fraction);
        QCOMPARE(RunProgress::fromLine(line).value_or(-1.0), fraction);
    }

    void countedProgress_data()
    {
        QTest::addColumn<int>("expected");
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<QList<double>>("fractions"); // one per line, -1 = no progress from it
        QTest::newRow("compose v1 up, 3 services")
            << 3
            << QStringList{"Creating network \"s-dev_default\" with the default driver", "Creating s-dev_db_1 ... ",
                           "Creating s-dev_db_1 ... done", "Creating s-dev_web_1     ... done",
                           "Creating s-dev_pgadmin_1 ... done"}
            << QList<double>{-1, -1, 1.0 / 3, 2.0 / 3, 0.95};
        QTest::newRow("compose v2 down, 1 service, stop + remove")
            << 2
            << QStringList{" Container s-dev-db-1  Stopping", " Container s-dev-db-1  Stopped",
                           " Container s-dev-db-1  Removed"}
            << QList<double>{-1, 0.5, 0.95};
        QTest::newRow("unknown count stays indeterminate")
            << 0 << QStringList{"Creating s-dev_db_1 ... done"} << QList<double>{-1};
        QTest::newRow("explicit markers win") << 4 << QStringList{"[1/2] db"} << QList<double>{0.5};
    }
    void countedProgress()
    {
        QFETCH(int, expected);
        QFETCH(QStringList, lines);
        QFETCH(QList<double>, fractions);
        RunProgress p(expected);
        for (int i = 0; i < lines.size(); ++i)
            QCOMPARE(p.feed(lines.at(i)).value_or(-1.0), fractions.at(i));
    }

    void upCountsContainerLinesIntoProgress()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("run")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\necho 'Creating s_db_1 ... done'\nsleep 0.2\necho 'Creating s_web_1 ... done'\nsleep 0.2\n");
        f.close();
        StackController c(dir.path());
        Job *job = c.up(StackMode::Dev, 4);
        QSignalSpy progress(job, &Job::progressChanged);
        QSignalSpy finished(job, &Job::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(job->state(), Job::State::Succeeded);
        QList<double> seen;
        for (const auto &args : progress)
            seen << args.at(0).toDouble();
        QVERIFY2(seen.contains(0.25) && seen.contains(0.5), qPrintable(QString::number(seen.size())));
    }

private:
    static bool isZombie(pid_t pid)
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return true;
        const QByteArray s = stat.readAll();
        return s.mid(s.lastIndexOf(')') + 2, 1) == "Z";
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestStackController)
#include "tst_stackcontroller.moc"
