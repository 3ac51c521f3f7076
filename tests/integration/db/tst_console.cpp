#include "PgTestEnv.h"
#include "ResidentMemory.h"

#include "db/QueryResultModel.h"
#include "db/QueryRunner.h"

#include <QAbstractItemModelTester>
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

    // The console's own backend as the server sees it: "idle", "idle in transaction", ...
    std::string stateOf(QueryRunner &r)
    {
        const QueryOutcome o = runAndWait(r, "SELECT pg_backend_pid()");
        if (!o.ok)
            return "?";
        const std::string pid = r.model()->index(0, 0).data().toString().toStdString();
        return pid;
    }
    static std::string backendState(const ConnectionSettings &s, const std::string &pid)
    {
        return pgtest::scalar(s, "SELECT state FROM pg_stat_activity WHERE pid = " + pid);
    }
    // Another session takes a lock the console must not hold; fails after 2 s instead of waiting.
    static bool otherSessionCan(const ConnectionSettings &s, const std::string &sql)
    {
        try {
            pqxx::connection c(db::toConnInfo(s));
            pqxx::work tx(c);
            tx.exec("SET LOCAL lock_timeout = '2s'");
            tx.exec(sql);
            tx.commit();
            return true;
        } catch (const std::exception &e) {
            qInfo("other session: %s", e.what());
            return false;
        }
    }

private Q_SLOTS:
    void initTestCase() { PDD_REQUIRE_PG(m_s); }

    // Issue 9.4: a big SELECT left "idle in transaction" (others' ALTER TABLE timed
    // out on its lock); "select …; update …" showed only the select and kept the
    // update uncommitted and the row locked. Now autocommit, every statement reported.
    void autocommitHoldsNothingBetweenQueries()
    {
        pgtest::exec(m_s,
                     "DROP TABLE IF EXISTS console_tx; CREATE TABLE console_tx (id int PRIMARY KEY, v text);"
                     "INSERT INTO console_tx SELECT g, 'v' || g FROM generate_series(1, 2000) g");
        QueryRunner r(m_s);
        r.setBatchSize(100);
        const std::string pid = stateOf(r);

        QueryOutcome o = runAndWait(r, "select * from console_tx");
        QVERIFY2(o.ok, qPrintable(o.error.fullText()));
        QVERIFY(o.moreRows); // paging through a held cursor...
        QVERIFY(!o.inTransaction);
        QCOMPARE(backendState(m_s, pid), std::string("idle")); // ...that holds no transaction
        QVERIFY(otherSessionCan(m_s, "ALTER TABLE console_tx ADD COLUMN extra int"));
        QSignalSpy fetched(&r, &QueryRunner::rowsFetched);
        r.model()->fetchMore({});
        QVERIFY(fetched.wait(5000));
        QCOMPARE(fetched.at(0).at(0).toInt(), 200);
        QCOMPARE(backendState(m_s, pid), std::string("idle"));

        o = runAndWait(r, "select count(*) from console_tx; update console_tx set v = 'changed' where id = 3");
        QVERIFY2(o.ok, qPrintable(o.error.fullText()));
        QCOMPARE(o.statements, (QStringList{"SELECT 1", "UPDATE 1"}));
        QCOMPARE(o.commandTag, QString("UPDATE 1"));
        QVERIFY(!o.inTransaction);
        QCOMPARE(backendState(m_s, pid), std::string("idle"));
        QCOMPARE(pgtest::scalar(m_s, "SELECT v FROM console_tx WHERE id = 3"), std::string("changed"));
        QVERIFY(otherSessionCan(m_s, "UPDATE console_tx SET v = 'other' WHERE id = 3"));
        // The rows shown are the last row-returning statement's.
        o = runAndWait(r, "select 1 as a; select 2 as b, 3 as c");
        QCOMPARE(o.statements, (QStringList{"SELECT 1", "SELECT 1"}));
        QCOMPARE(r.model()->columnCount(), 2);
        QCOMPARE(r.model()->index(0, 1).data().toString(), QString("3"));
    }

    // A transaction only when the user opens one: then it is said, and ends only by them.
    void explicitTransactionIsShownAndEndsOnCommand_data()
    {
        QTest::addColumn<bool>("commit");
        QTest::newRow("commit") << true;
        QTest::newRow("rollback") << false;
    }
    void explicitTransactionIsShownAndEndsOnCommand()
    {
        QFETCH(bool, commit);
        pgtest::exec(m_s,
                     "DROP TABLE IF EXISTS console_btx; CREATE TABLE console_btx (id int PRIMARY KEY, v text);"
                     "INSERT INTO console_btx VALUES (1, 'a')");
        QueryRunner r(m_s);
        const std::string pid = stateOf(r);
        QueryOutcome o = runAndWait(r, "BEGIN");
        QVERIFY(o.ok);
        QVERIFY(o.inTransaction);
        o = runAndWait(r, "update console_btx set v = 'b' where id = 1");
        QVERIFY(o.ok);
        QVERIFY(o.inTransaction);
        // A row-returning statement inside it, through the cursor path: still in it.
        o = runAndWait(r, "select * from console_btx");
        QVERIFY2(o.ok, qPrintable(o.error.fullText()));
        QVERIFY(o.inTransaction);
        QCOMPARE(r.model()->index(0, 1).data().toString(), QString("b"));
        // A failing cursor-able statement does not doom the user's transaction.
        o = runAndWait(r, "select no_such_column from console_btx");
        QVERIFY(!o.ok);
        QVERIFY(o.inTransaction);
        QCOMPARE(backendState(m_s, pid), std::string("idle in transaction"));
        QCOMPARE(pgtest::scalar(m_s, "SELECT v FROM console_btx WHERE id = 1"), std::string("a"));
        QSignalSpy finished(&r, &QueryRunner::finished);
        commit ? r.commit() : r.rollback();
        QVERIFY(finished.wait(5000));
        o = finished.at(0).at(0).value<QueryOutcome>();
        QVERIFY2(o.ok, qPrintable(o.error.fullText()));
        QVERIFY(!o.inTransaction);
        QCOMPARE(backendState(m_s, pid), std::string("idle"));
        QCOMPARE(pgtest::scalar(m_s, "SELECT v FROM console_btx WHERE id = 1"), std::string(commit ? "b" : "a"));
    }

    // Issue 9.6: scrolling a 1M-row result to the end grew RSS by 415 MB. At most
    // kMaxRows are kept, the status knows how many, and the cursor is closed.
    void hugeResultIsCapped()
    {
        QueryRunner r(m_s);
        r.setBatchSize(20000);
        QVERIFY(runAndWait(r, "SELECT 1").ok);
        const qint64 before = pddtest::residentKiB();
        QueryOutcome o = runAndWait(r, "select g, repeat('x', 40) from generate_series(1, 1000000) g", 60000);
        QVERIFY2(o.ok, qPrintable(o.error.fullText()));
        QSignalSpy fetched(&r, &QueryRunner::rowsFetched);
        int total = o.rowsFetched;
        bool capped = false;
        while (r.model()->canFetchMore({})) {
            r.model()->fetchMore({});
            QVERIFY(fetched.wait(20000));
            total = fetched.last().at(0).toInt();
            capped = fetched.last().at(2).toBool();
        }
        QCOMPARE(total, QueryRunner::kMaxRows);
        QCOMPARE(r.model()->rowCount(), QueryRunner::kMaxRows);
        QVERIFY(capped);
        const qint64 grown = pddtest::residentKiB() - before;
        qInfo("1M-row result: %d rows kept, RSS +%lld KiB", total, grown);
        QVERIFY2(grown < 100 * 1024, qPrintable(QString("RSS grew %1 KiB").arg(grown)));
        // Through the several-statements path, which declares nothing: no cursor is left.
        o = runAndWait(r, "select 1; select name from pg_cursors");
        QVERIFY2(o.ok, qPrintable(o.error.fullText()));
        QCOMPARE(r.model()->rowCount(), 0);
        // The same through the several-statements path (single-row mode).
        o = runAndWait(r, "select 1; select g from generate_series(1, 300000) g", 60000);
        QVERIFY2(o.ok, qPrintable(o.error.fullText()));
        QVERIFY(o.capped);
        QCOMPARE(o.rowsFetched, QueryRunner::kMaxRows);
        QCOMPARE(o.statements, (QStringList{"SELECT 1", "SELECT 300000"}));
    }

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
        const QueryOutcome w =
            runAndWait(r, "WITH d AS (DELETE FROM console_t WHERE x > 3 RETURNING x) SELECT count(*) FROM d");
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
        const std::string waitEvent = "SELECT coalesce(wait_event, '-') FROM pg_stat_activity WHERE pid = " + pid;
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

    // The model tester over console results: batches by fetchMore, a new query
    // (reset), an error (cleared), the cap.
    void modelTesterThroughBatchesAndNewQueries()
    {
        QueryRunner r(m_s);
        const QAbstractItemModelTester tester(r.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        r.setBatchSize(50);
        QVERIFY(runAndWait(r, "SELECT g, 'x' || g FROM generate_series(1, 180) g").ok);
        QueryResultModel *m = r.model();
        // fetchMore while a batch is on its way is ignored; the tester calls it too.
        QTRY_VERIFY_WITH_TIMEOUT(m->canFetchMore({}) ? (m->fetchMore({}), false) : m->rowCount() == 180, 10000);
        QVERIFY(!runAndWait(r, "SELECT * FROM no_such_table_pdd").ok);
        QVERIFY(runAndWait(r, "SELECT 1 AS one").ok);
        QCOMPARE(m->rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestConsole)
#include "tst_console.moc"
