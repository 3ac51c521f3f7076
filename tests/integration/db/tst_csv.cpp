#include "PgTestEnv.h"

#include "db/CsvExport.h"

#include "jobs/Job.h"

#include <QProcess>
#include <QTemporaryDir>

#include <csignal>
#include <sys/resource.h>

using namespace db;

class TestCsv : public QObject
{
    Q_OBJECT
    ConnectionSettings m_s;
    QTemporaryDir m_dir;

    // The reference: psql's client-side \copy, with the same server.
    QByteArray psqlCopy(const QString &source, const QString &name)
    {
        const QString file = m_dir.filePath(name + ".psql.csv");
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PGPASSWORD", m_s.password); // psql's documented way; never on a command line
        p.setProcessEnvironment(env);
        p.start("psql",
                {"-X", "-v", "ON_ERROR_STOP=1", "-h", m_s.host, "-p", QString::number(m_s.port), "-U", m_s.user, "-d",
                 m_s.database, "-c", QString("\\copy %1 to '%2' csv header").arg(source, file)});
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            qWarning("psql failed: %s", p.readAllStandardError().constData());
            return {};
        }
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QByteArray exportAndRead(Job *job, const QString &file)
    {
        QSignalSpy finished(job, &Job::finished);
        if (!job->isFinished() && !finished.wait(60000))
            return "timeout";
        if (job->state() != Job::State::Succeeded) {
            qWarning("export: %s", qPrintable(job->errorString()));
            return {};
        }
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // The file and any temporary sibling of it (the export writes through QSaveFile).
    QStringList leftovers(const QString &name) { return QDir(m_dir.path()).entryList({name + "*"}, QDir::Files); }

private Q_SLOTS:
    void initTestCase()
    {
        PDD_REQUIRE_PG(m_s);
        QVERIFY(m_dir.isValid());
        // The fixture lives in a .sql file: its quoting is hard on moc's C++ tokenizer.
        QFile fixture(QString::fromUtf8(PDD_SOURCE_DIR) + "/tests/integration/db/csv_fixture.sql");
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        pgtest::exec(m_s, fixture.readAll().toStdString());
    }

    void tableExportMatchesPsqlCopyByteForByte()
    {
        const QString file = m_dir.filePath("table.csv");
        Job *job = CsvExport::exportTable(m_s, {"csv \"x\"", "tricky, table"}, file, 60000, this);
        QSignalSpy progress(job, &Job::progressChanged);
        const QByteArray ours = exportAndRead(job, file);
        const QByteArray ref = psqlCopy("\"csv \"\"x\"\"\".\"tricky, table\"", "table");
        QVERIFY(!ref.isEmpty());
        QVERIFY(ref.contains("\"new\nline\""));
        QCOMPARE(ours.size(), ref.size());
        QVERIFY(ours == ref);
        QVERIFY(progress.count() > 1); // streamed with progress, not one final step
        QCOMPARE(job->progress(), 1.0);
        QVERIFY(job->statusText().startsWith("60000 rows"));
    }

    void queryExportMatchesPsqlCopyByteForByte()
    {
        const QString sql = "SELECT id, \"a,b\", bin FROM \"csv \"\"x\"\"\".\"tricky, table\" WHERE id % 3 = "
                            "1 ORDER BY id DESC";
        const QString file = m_dir.filePath("query.csv");
        const QByteArray ours = exportAndRead(CsvExport::exportQuery(m_s, sql + ";", file, -1, this), file);
        const QByteArray ref = psqlCopy("(" + sql + ")", "query");
        QVERIFY(!ref.isEmpty());
        QVERIFY(ours == ref);
    }

    void badQueryFailsAndLeavesNoFile()
    {
        const QString file = m_dir.filePath("bad.csv");
        Job *job = CsvExport::exportQuery(m_s, "SELECT nope FROM nowhere", file, -1, this);
        QSignalSpy finished(job, &Job::finished);
        QVERIFY(job->isFinished() || finished.wait(10000));
        QCOMPARE(job->state(), Job::State::Failed);
        QVERIFY(job->errorString().contains("nowhere"));
        QCOMPARE(leftovers("bad.csv"), QStringList());
    }

    // A full disk, without root: a file-size limit makes write() fail with
    // EFBIG the way ENOSPC would. The user gets the path and the OS's reason,
    // and no truncated file is left behind looking like a finished export.
    void fullDiskFailsClearlyAndLeavesNoFile()
    {
        struct rlimit old
        {};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        std::signal(SIGXFSZ, SIG_IGN); // else the kernel kills the process at the limit
        struct rlimit small = old;
        small.rlim_cur = 256 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const QString file = m_dir.filePath("full.csv");
        Job *job = CsvExport::exportQuery(m_s, "SELECT a, repeat('y', 200) FROM generate_series(1, 100000) a", file,
                                          100000, this);
        QSignalSpy finished(job, &Job::finished);
        const bool done = job->isFinished() || finished.wait(30000);
        setrlimit(RLIMIT_FSIZE, &old);
        QVERIFY(done);
        QCOMPARE(job->state(), Job::State::Failed);
        QVERIFY2(job->errorString().contains(file), qPrintable(job->errorString()));
        QVERIFY2(job->errorString().contains("large", Qt::CaseInsensitive), qPrintable(job->errorString()));
        QCOMPARE(leftovers("full.csv"), QStringList());
        // The server was told to stop, not left streaming into a closed pipe.
        QTRY_COMPARE_WITH_TIMEOUT(pgtest::scalar(m_s,
                                                 "SELECT count(*) FROM pg_stat_activity WHERE query LIKE "
                                                 "'COPY (SELECT a, repeat(''y''%'"),
                                  std::string("0"), 5000);
        qInfo("%s", qPrintable(job->errorString()));
    }

    void cancelStopsTheServerAndRemovesThePartialFile()
    {
        const QString file = m_dir.filePath("huge.csv");
        Job *job = CsvExport::exportQuery(
            m_s, "SELECT a, b, repeat('x', 100) FROM generate_series(1, 20000) a, generate_series(1, 20000) b", file,
            400000000, this);
        QSignalSpy progress(job, &Job::progressChanged);
        QVERIFY(progress.wait(20000)); // rows are flowing
        QVERIFY(job->progress() > 0 && job->progress() < 0.5);
        QElapsedTimer t;
        t.start();
        job->cancel();
        QSignalSpy finished(job, &Job::finished);
        QVERIFY(job->isFinished() || finished.wait(5000));
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(job->state(), Job::State::Cancelled);
        QCOMPARE(leftovers("huge.csv"), QStringList());
    }

    void deletingTheJobStopsTheExport()
    {
        const QString file = m_dir.filePath("orphan.csv");
        Job *job = CsvExport::exportQuery(
            m_s, "SELECT a, b FROM generate_series(1, 20000) a, generate_series(1, 20000) b", file, -1, this);
        QSignalSpy progress(job, &Job::progressChanged);
        QVERIFY(progress.wait(20000));
        delete job; // the export thread must neither crash nor keep the server busy
        QTRY_COMPARE_WITH_TIMEOUT(
            pgtest::scalar(m_s, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY (SELECT a, b FROM%'"),
            std::string("0"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(leftovers("orphan.csv").isEmpty(), 5000);
        QTest::qWait(200); // late reports from the thread are dropped, not delivered to a dead Job
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
