#include "PgTestEnv.h"

#include "db/QueryResultModel.h"
#include "db/QueryRunner.h"

#include <QElapsedTimer>

using namespace db;

class TestConsole : public QObject
{
    Q_OBJECT
    ConnectionSettings m_s;

    QueryOutcome runAndWait(QueryRunner &r, const QString &sql, int timeoutMs = 20000)
    {
        QSignalSpy finished(&r, &QueryRunner::finished);
        r.run(sql);
        if (!finished.wait(timeoutMs))
            return {};
        return finished.at(0).at(0).value<QueryOutcome>();
    }

private Q_SLOTS:
    void initTestCase() { PDD_REQUIRE_PG(m_s); }

    void selectFillsTheModelInBatches()
    {
        QueryRunner r(m_s);
        r.setBatchSize(100);
        const QueryOutcome o = runAndWait(r,
            "SELECT g AS n, CASE WHEN g % 2 = 0 THEN NULL ELSE '' END AS e, "
            "'\\x0102'::bytea AS b FROM generate_series(1, 250) g");
        QVERIFY2(o.ok, qPrintable(o.error.fullText()));
        QVERIFY(o.elapsedMs >= 0);
        QCOMPARE(o.rowsFetched, 100);
        QVERIFY(o.moreRows);
        QueryResultModel *m = r.model();
        QCOMPARE(m->columnCount(), 3);
        QCOMPARE(m->headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(), QString("n"));
        QCOMPARE(m->headerData(0, Qt::Horizontal, TypeNameRole).toString(), QString("int4"));
        QVERIFY(m->index(1, 1).data(IsNullRole).toBool());
        QVERIFY(!m->index(0, 1).data(IsNullRole).toBool());
        QCOMPARE(m->index(0, 2).data().toString(), QString("01 02 [2 B]"));
        QCOMPARE(m->index(0, 2).data(FullValueRole).toString(), QString("\\x0102"));
        QVERIFY(m->canFetchMore({}));
        QSignalSpy rows(m, &QAbstractItemModel::rowsInserted);
        while (m->canFetchMore({}) || !rows.isEmpty()) {
            if (m->canFetchMore({}))
                m->fetchMore({});
            QVERIFY(rows.wait(5000));
            rows.clear();
            if (m->rowCount() == 250)
                break;
        }
        QCOMPARE(m->rowCount(), 250);
        QCOMPARE(m->index(249, 0).data().toString(), QString("250"));
    }

    void commandsReportAffectedRows()
    {
        QueryRunner r(m_s);
        QVERIFY(runAndWait(r, "DROP TABLE IF EXISTS console_t; CREATE TABLE console_t (x int)").ok);
        const QueryOutcome o = runAndWait(r, "INSERT INTO console_t SELECT generate_series(1, 5)");
        QVERIFY(o.ok);
        QCOMPARE(o.rowsAffected, 5);
        QCOMPARE(r.model()->columnCount(), 0);
        // A data-modifying WITH cannot run under a cursor; it still runs, once.
        const QueryOutcome w = runAndWait(
            r, "WITH d AS (DELETE FROM console_t WHERE x > 3 RETURNING x) SELECT count(*) FROM d");
        QVERIFY2(w.ok, qPrintable(w.error.fullText()));
        QCOMPARE(r.model()->index(0, 0).data().toString(), QString("2"));
        QCOMPARE(pgtest::scalar(m_s, "SELECT count(*) FROM console_t"), std::string("3"));
    }

    void errorsCarryTheServerMessageAndPosition_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("state");
        QTest::newRow("syntax") << "SELECT 1 FORM pg_class" << 15 << "42601"; // "FORM" reads as an alias
        QTest::newRow("column") << "SELECT nope FROM pg_class" << 8 << "42703";
        QTest::newRow("second line") << "SELECT 1\nFROM no_such_table" << 15 << "42P01";
        QTest::newRow("runtime") << "SELECT 1/0" << -1 << "22012";
    }
    void errorsCarryTheServerMessageAndPosition()
    {
        QFETCH(QString, sql);
        QFETCH(int, position);
        QFETCH(QString, state);
        QueryRunner r(m_s);
        const QueryOutcome o = runAndWait(r, sql);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.kind, DbError::Kind::Query);
        QCOMPARE(o.error.sqlState, state);
        QCOMPARE(o.error.position, position);
        QVERIFY(o.error.serverText.startsWith("ERROR:"));
        QVERIFY(!o.error.message.isEmpty());
        // The connection is fine afterwards.
        QVERIFY(runAndWait(r, "SELECT 1").ok);
    }

    void cancelStopsTheServerWithinASecond()
    {
        QueryRunner r(m_s);
        // Connected first, so the timing below is the cancel alone; the backend pid lets
        // the test watch exactly this session on the server.
        QVERIFY(runAndWait(r, "SELECT pg_backend_pid()").ok);
        const std::string pid = r.model()->index(0, 0).data().toString().toStdString();
        const std::string waitEvent
            = "SELECT coalesce(wait_event, '-') FROM pg_stat_activity WHERE pid = " + pid;
        QSignalSpy finished(&r, &QueryRunner::finished);
        r.run("SELECT pg_sleep(30)");
        QTRY_COMPARE_WITH_TIMEOUT(pgtest::scalar(m_s, waitEvent), std::string("PgSleep"), 5000);
        QElapsedTimer t;
        t.start();
        r.cancel();
        QVERIFY(finished.wait(5000));
        const qint64 ms = t.elapsed();
        qInfo("cancel returned after %lld ms", ms);
        QVERIFY2(ms < 1000, qPrintable(QString("took %1 ms").arg(ms)));
        const QueryOutcome o = finished.at(0).at(0).value<QueryOutcome>();
        QCOMPARE(o.error.kind, DbError::Kind::Cancelled);
        QVERIFY(pgtest::scalar(m_s, waitEvent) != "PgSleep");
        QVERIFY(runAndWait(r, "SELECT 2").ok);
    }

    void clientCopyIsRefusedAndTheSessionStaysUsable()
    {
        QueryRunner r(m_s);
        const QueryOutcome o = runAndWait(r, "copy (select 1) to STDOUT with (format csv)");
        QVERIFY(!o.ok);
        QVERIFY(o.error.message.contains("Export"));
        QVERIFY(runAndWait(r, "SELECT 1").ok);
    }

    void readOnlyConsoleRefusesWrites()
    {
        pgtest::exec(m_s,
            "DROP TABLE IF EXISTS console_ro; CREATE TABLE console_ro (x int); INSERT INTO console_ro VALUES "
            "(1)");
        ConnectionSettings ro = m_s;
        ro.readOnly = true;
        QueryRunner r(ro);
        const QueryOutcome o = runAndWait(r, "DELETE FROM console_ro");
        QVERIFY(!o.ok);
        QCOMPARE(o.error.kind, DbError::Kind::ReadOnly);
        QCOMPARE(pgtest::scalar(m_s, "SELECT count(*) FROM console_ro"), std::string("1"));
        QVERIFY(runAndWait(r, "SELECT * FROM console_ro").ok);
    }
};

QTEST_GUILESS_MAIN(TestConsole)
#include "tst_console.moc"
