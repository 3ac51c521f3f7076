#include "PgTestEnv.h"

#include "db/DbSession.h"
#include "db/TableModel.h"

#include "jobs/Job.h"

using namespace db;

class TestEditing : public QObject
{
    Q_OBJECT
    ConnectionSettings m_s;
    std::unique_ptr<DbSession> m_session;

    void load(TableModel &m, const TableRef &ref = {"edit", "items"})
    {
        QSignalSpy pages(&m, &TableModel::pageLoaded);
        m.setTable(ref);
        QVERIFY(pages.wait(10000));
    }
    std::string q(const std::string &sql) { return pgtest::scalar(m_s, sql); }
    Job::State saveAndWait(TableModel &m)
    {
        Job *job = m.save();
        if (!job)
            return Job::State::Pending;
        QSignalSpy finished(job, &Job::finished);
        if (!job->isFinished())
            finished.wait(10000);
        return job->state();
    }

private Q_SLOTS:
    void initTestCase()
    {
        PDD_REQUIRE_PG(m_s);
        m_session = std::make_unique<DbSession>(m_s);
    }
    void init()
    {
        pgtest::exec(m_s, R"SQL(
DROP SCHEMA IF EXISTS edit CASCADE;
CREATE SCHEMA edit;
CREATE TABLE edit.items (id serial PRIMARY KEY, name text, qty int NOT NULL DEFAULT 0 CHECK (qty >= 0), data bytea);
INSERT INTO edit.items (name, qty) SELECT 'item' || g, g FROM generate_series(1, 10) g;
)SQL");
    }

    void editsInsertsAndDeletesCommitTogether()
    {
        TableModel m(m_session.get());
        load(m);
        QVERIFY(m.isEditable());
        QCOMPARE(m.rowCount(), 10);
        QVERIFY(m.setData(m.index(0, 1), "renamed"));
        QVERIFY(m.setData(m.index(1, 1), QVariant()));    // NULL
        QVERIFY(m.setData(m.index(2, 1), QString("")));   // empty string, not NULL
        QVERIFY(m.setData(m.index(2, 3), "\\xdeadbeef")); // bytea in hex input form
        QVERIFY(m.removeRows(3, 1));
        QVERIFY(m.insertRows(m.rowCount(), 1));
        QVERIFY(m.setData(m.index(10, 1), "brand new"));
        QVERIFY(m.setData(m.index(10, 2), "77"));

        QVERIFY(m.hasPendingChanges());
        QCOMPARE(m.index(0, 1).data(PendingEditRole).toBool(), true);
        QCOMPARE(m.index(0, 2).data(PendingEditRole).toBool(), false);
        QCOMPARE(m.index(0, 1).data(RowStateRole).toInt(), int(RowState::Modified));
        QCOMPARE(m.index(3, 1).data(RowStateRole).toInt(), int(RowState::Deleted));
        QCOMPARE(m.index(10, 1).data(RowStateRole).toInt(), int(RowState::Inserted));
        QCOMPARE(m.index(10, 0).data().toString(), QString("DEFAULT"));
        QVERIFY(m.index(1, 1).data(IsNullRole).toBool());
        QVERIFY(!m.index(2, 1).data(IsNullRole).toBool());
        QCOMPARE(m.index(1, 1).data().toString(), QString("NULL"));
        QCOMPARE(m.index(2, 1).data().toString(), QString(""));
        // Nothing reached the server yet.
        QCOMPARE(q("SELECT name FROM edit.items WHERE id = 1"), std::string("item1"));

        QSignalSpy saved(&m, &TableModel::saved);
        QCOMPARE(saveAndWait(m), Job::State::Succeeded);
        QCOMPARE(saved.count(), 1);
        QCOMPARE(q("SELECT name FROM edit.items WHERE id = 1"), std::string("renamed"));
        QCOMPARE(q("SELECT name IS NULL FROM edit.items WHERE id = 2"), std::string("t"));
        QCOMPARE(q("SELECT name = '' FROM edit.items WHERE id = 3"), std::string("t"));
        QCOMPARE(q("SELECT encode(data, 'hex') FROM edit.items WHERE id = 3"), std::string("deadbeef"));
        QCOMPARE(q("SELECT count(*) FROM edit.items WHERE id = 4"), std::string("0"));
        QCOMPARE(q("SELECT qty FROM edit.items WHERE name = 'brand new'"), std::string("77"));
        // The model reloads what the server now has.
        QSignalSpy pages(&m, &TableModel::pageLoaded);
        QVERIFY(pages.count() > 0 || pages.wait(10000));
        QVERIFY(!m.hasPendingChanges());
        QCOMPARE(m.rowCount(), 10);
        QCOMPARE(m.index(0, 1).data().toString(), QString("renamed"));
    }

    void aFailingStatementLeavesNothingChanged()
    {
        TableModel m(m_session.get());
        load(m);
        QVERIFY(m.setData(m.index(0, 1), "first change"));
        QVERIFY(m.removeRows(5, 1));
        QVERIFY(m.setData(m.index(1, 2), "-1")); // violates the CHECK constraint
        QSignalSpy failed(&m, &TableModel::saveFailed);
        QCOMPARE(saveAndWait(m), Job::State::Failed);
        QCOMPARE(failed.count(), 1);
        const DbError e = failed.at(0).at(0).value<DbError>();
        QCOMPARE(e.sqlState, QString("23514"));
        QVERIFY(e.message.contains("check constraint"));
        QCOMPARE(q("SELECT name FROM edit.items WHERE id = 1"), std::string("item1"));
        QCOMPARE(q("SELECT count(*) FROM edit.items"), std::string("10"));
        QVERIFY(m.hasPendingChanges()); // what the user typed is kept for fixing
        m.revert();
        QVERIFY(!m.hasPendingChanges());
        QCOMPARE(m.index(0, 1).data().toString(), QString("item1"));
    }

    void rowChangedMeanwhileIsAConflictNotOverwritten()
    {
        TableModel m(m_session.get());
        load(m);
        QVERIFY(m.setData(m.index(0, 1), "mine"));
        QVERIFY(m.setData(m.index(1, 1), "also mine"));
        pgtest::exec(m_s, "UPDATE edit.items SET name = 'theirs' WHERE id = 2");
        QSignalSpy failed(&m, &TableModel::saveFailed);
        QCOMPARE(saveAndWait(m), Job::State::Failed);
        QCOMPARE(failed.at(0).at(0).value<DbError>().kind, DbError::Kind::Conflict);
        QCOMPARE(q("SELECT name FROM edit.items WHERE id = 1"), std::string("item1")); // rolled back too
        QCOMPARE(q("SELECT name FROM edit.items WHERE id = 2"), std::string("theirs"));
    }

    // Another session holds the row (an open transaction, as the console used to keep
    // behind the user's back): save gives up after its lock timeout and names it (issue 9.4).
    void saveBehindAnotherSessionsLockSaysWhoHoldsIt()
    {
        pqxx::connection blocker(db::toConnInfo(m_s) + " application_name=pdd-test-blocker");
        pqxx::work held(blocker);
        held.exec("UPDATE edit.items SET qty = qty WHERE id = 1");
        TableModel m(m_session.get());
        load(m);
        QVERIFY(m.setData(m.index(0, 1), "mine"));
        QSignalSpy failed(&m, &TableModel::saveFailed);
        QElapsedTimer t;
        t.start();
        Job *job = m.save();
        QVERIFY(job);
        QSignalSpy finished(job, &Job::finished);
        QVERIFY(job->isFinished() || finished.wait(TableModel::kSaveLockTimeoutMs + 5000));
        qInfo("save gave up after %lld ms", t.elapsed());
        QCOMPARE(job->state(), Job::State::Failed);
        const DbError e = failed.at(0).at(0).value<DbError>();
        QCOMPARE(e.kind, DbError::Kind::Conflict);
        QVERIFY2(e.message.contains("pdd-test-blocker") && e.message.contains("idle in transaction")
                     && e.message.contains("edit.items"),
                 qPrintable(e.message));
        QVERIFY(m.hasPendingChanges()); // nothing the user typed is lost
        held.abort();
        QCOMPARE(saveAndWait(m), Job::State::Succeeded);
        QCOMPARE(q("SELECT name FROM edit.items WHERE id = 1"), std::string("mine"));
    }

    void rowDeletedMeanwhileIsAConflict()
    {
        TableModel m(m_session.get());
        load(m);
        QVERIFY(m.removeRows(4, 1));
        QVERIFY(m.setData(m.index(5, 1), "edited"));
        pgtest::exec(m_s, "DELETE FROM edit.items WHERE id = 6");
        QSignalSpy failed(&m, &TableModel::saveFailed);
        QCOMPARE(saveAndWait(m), Job::State::Failed);
        QCOMPARE(failed.at(0).at(0).value<DbError>().kind, DbError::Kind::Conflict);
        QCOMPARE(q("SELECT count(*) FROM edit.items WHERE id = 5"), std::string("1"));
    }

    void saveKeepsTheScrolledWindow()
    {
        pgtest::exec(m_s, "INSERT INTO edit.items (name) SELECT 'more' || g FROM generate_series(11, 400) g");
        TableModel m(m_session.get());
        m.setPageSize(50);
        m.setMaxCachedRows(100);
        load(m);
        QSignalSpy pages(&m, &TableModel::pageLoaded);
        for (int i = 0; i < 3; ++i) {
            m.fetchMore({});
            QVERIFY(pages.wait(10000));
        }
        QCOMPARE(m.rowCount(), 100); // rows 101..200: the first ones slid out
        QCOMPARE(m.index(0, 0).data().toInt(), 101);
        QVERIFY(m.setData(m.index(10, 1), "edited far down"));
        QCOMPARE(saveAndWait(m), Job::State::Succeeded);
        QVERIFY(pages.wait(10000));
        QCOMPARE(m.index(0, 0).data().toInt(), 101);
        QCOMPARE(m.rowCount(), 100);
        QCOMPARE(m.index(10, 1).data().toString(), QString("edited far down"));
        QVERIFY(m.canFetchPrevious());
        QCOMPARE(q("SELECT name FROM edit.items WHERE id = 111"), std::string("edited far down"));
    }

    void hostileNamesEditWithoutInjection()
    {
        pgtest::exec(m_s,
                     "CREATE TABLE edit.\"ta'ble; DROP TABLE edit.items; --\" (\"from\" int PRIMARY KEY, "
                     "\"va\"\"l ✓\" text NOT NULL DEFAULT 'd'); "
                     "INSERT INTO edit.\"ta'ble; DROP TABLE edit.items; --\" VALUES (1, 'one'), (2, 'two')");
        TableModel m(m_session.get());
        load(m, {"edit", "ta'ble; DROP TABLE edit.items; --"});
        QVERIFY(m.isEditable());
        QCOMPARE(m.rowCount(), 2);
        QVERIFY(m.setData(m.index(0, 1), "x'); DROP TABLE edit.items; --"));
        QVERIFY(m.removeRows(1, 1));
        QVERIFY(m.insertRows(m.rowCount(), 1));
        QVERIFY(m.setData(m.index(2, 0), "3"));
        QCOMPARE(saveAndWait(m), Job::State::Succeeded);
        const std::string t = "edit.\"ta'ble; DROP TABLE edit.items; --\"";
        QCOMPARE(q("SELECT \"va\"\"l ✓\" FROM " + t + " WHERE \"from\" = 1"),
                 std::string("x'); DROP TABLE edit.items; --"));
        QCOMPARE(q("SELECT string_agg(\"from\"::text || '=' || \"va\"\"l ✓\", ',' ORDER BY 1) FROM " + t),
                 std::string("1=x'); DROP TABLE edit.items; --,3=d"));
        QCOMPARE(q("SELECT count(*) FROM edit.items"), std::string("10"));
    }

    void readOnlySessionCannotEdit()
    {
        ConnectionSettings ro = m_s;
        ro.readOnly = true;
        DbSession session(ro);
        TableModel m(&session);
        load(m);
        QCOMPARE(m.rowCount(), 10);
        QVERIFY(!m.isEditable());
        QVERIFY(!m.setData(m.index(0, 1), "nope"));
        QVERIFY(!m.removeRows(0, 1));
        QVERIFY(m.save() == nullptr);
    }

    void viewsAreReadOnly()
    {
        pgtest::exec(m_s, "CREATE VIEW edit.items_view AS SELECT * FROM edit.items");
        TableModel m(m_session.get());
        load(m, {"edit", "items_view"});
        QCOMPARE(m.rowCount(), 10);
        QVERIFY(m.slowPaging());
        QVERIFY(!m.isEditable());
    }

    // The model tester over edits: insert, delete, set, revert, save and the reload after it.
    void modelTesterThroughEditsAndSave()
    {
        TableModel m(m_session.get());
        const QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        load(m);
        const int before = m.rowCount();
        QVERIFY(before > 2);
        QVERIFY(m.insertRows(m.rowCount(), 2));
        QVERIFY(m.removeRows(0, 1));
        QVERIFY(m.setData(m.index(1, 1), QStringLiteral("tester")));
        m.revert();
        QCOMPARE(m.rowCount(), before);
        QVERIFY(m.setData(m.index(1, 1), m.index(1, 1).data().toString()));
        QVERIFY(m.insertRows(m.rowCount(), 1));
        m.revert();
        QCOMPARE(m.rowCount(), before);
    }
};

QTEST_GUILESS_MAIN(TestEditing)
#include "tst_editing.moc"
