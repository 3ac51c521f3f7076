#include "PgTestEnv.h"

#include "db/CatalogModel.h"
#include "db/DbSession.h"
#include "db/TableModel.h"

using namespace db;

namespace {

const int kRows = 100000;

// Reads a relation through the model the way a view would: fetchMore to the end
// (or, after jumpToEnd, fetchPrevious to the start), recording each page's new rows.
QVector<QString> collect(TableModel &m, int column, bool backward)
{
    QSignalSpy pages(&m, &TableModel::pageLoaded);
    QSignalSpy errors(&m, &TableModel::errorOccurred);
    auto take = [&](int first, int count) {
        QVector<QString> page;
        for (int r = first; r < first + count; ++r) {
            const QModelIndex i = m.index(r, column);
            page << (i.data(IsNullRole).toBool() ? QStringLiteral("<NULL>") : i.data(FullValueRole).toString());
        }
        return page;
    };
    // Start from the window as it stands; a load may still be in flight after
    // sort(), setFilters() or jumpToEnd().
    if (m.isLoading() && !pages.wait(20000))
        return {};
    pages.clear();
    QVector<QString> seen = take(0, m.rowCount());
    while (backward ? m.canFetchPrevious() : m.canFetchMore({})) {
        backward ? m.fetchPrevious() : m.fetchMore({});
        if (!pages.wait(20000))
            break;
        const int added = pages.takeFirst().at(0).toInt();
        if (backward)
            seen = take(0, added) + seen;
        else
            seen += take(m.rowCount() - added, added);
        if (m.rowCount() > m.maxCachedRows()) {
            qWarning("window exceeded its bound: %d rows", m.rowCount());
            return {};
        }
    }
    if (!errors.isEmpty())
        qWarning("%s", qPrintable(errors.first().first().value<DbError>().fullText()));
    return seen;
}

QVector<QString> expected(const ConnectionSettings &s, const std::string &sql)
{
    pqxx::connection c(toConnInfo(s));
    pqxx::nontransaction tx(c);
    QVector<QString> out;
    for (const auto &row : tx.exec(sql))
        out << (row[0].is_null() ? QStringLiteral("<NULL>") : QString::fromStdString(row[0].as<std::string>()));
    return out;
}

} // namespace

class TestPaging : public QObject
{
    Q_OBJECT
    ConnectionSettings m_s;
    std::unique_ptr<DbSession> m_session;

    void openTable(TableModel &m, const TableRef &ref)
    {
        QSignalSpy schema(&m, &TableModel::schemaLoaded);
        m.setPageSize(1000);
        m.setMaxCachedRows(5000);
        m.setTable(ref);
        QVERIFY(schema.wait(10000));
    }

private Q_SLOTS:
    void initTestCase()
    {
        PDD_REQUIRE_PG(m_s);
        pgtest::exec(m_s, R"SQL(
DROP SCHEMA IF EXISTS paging CASCADE;
CREATE SCHEMA paging;
CREATE TABLE paging.big (id int PRIMARY KEY, grp int NOT NULL, label text);
INSERT INTO paging.big
  SELECT g, g % 7, CASE WHEN g % 13 = 0 THEN NULL ELSE 'L' || (g % 1000) END FROM generate_series(1, 100000) g;
CREATE TABLE paging.nokey (n int, note text);
INSERT INTO paging.nokey SELECT g, 'n' || g FROM generate_series(1, 12345) g;
CREATE TABLE paging.pair (a int, b text, v text, PRIMARY KEY (a, b));
INSERT INTO paging.pair SELECT g / 10, 'k' || (g % 10), 'v' || g FROM generate_series(0, 29999) g;
ANALYZE paging.big; ANALYZE paging.nokey; ANALYZE paging.pair;
)SQL");
        m_session = std::make_unique<DbSession>(m_s);
    }

    void forwardVisitsEveryRowOnceInOrder()
    {
        TableModel m(m_session.get());
        openTable(m, {"paging", "big"});
        QVERIFY(!m.slowPaging());
        const QVector<QString> ids = collect(m, 0, false);
        QCOMPARE(ids.size(), kRows);
        for (int i = 0; i < kRows; ++i)
            QCOMPARE(ids.at(i).toInt(), i + 1);
        QVERIFY(m.atEnd());
        QVERIFY(!m.atStart()); // the window slid: early rows were dropped and can be refetched
        QVERIFY(m.rowCount() <= 5000);
    }

    void descendingSortVisitsEveryRowOnce()
    {
        TableModel m(m_session.get());
        openTable(m, {"paging", "big"});
        m.sort(0, Qt::DescendingOrder);
        const QVector<QString> ids = collect(m, 0, false);
        QCOMPARE(ids.size(), kRows);
        for (int i = 0; i < kRows; ++i)
            QCOMPARE(ids.at(i).toInt(), kRows - i);
    }

    void jumpToEndThenBackwardsVisitsEveryRowOnce()
    {
        TableModel m(m_session.get());
        openTable(m, {"paging", "big"});
        m.jumpToEnd();
        const QVector<QString> ids = collect(m, 0, true);
        QCOMPARE(ids.size(), kRows);
        for (int i = 0; i < kRows; ++i)
            QCOMPARE(ids.at(i).toInt(), i + 1);
        QVERIFY(m.atStart());
    }

    void filteredAndSortedWithNullsBothDirections_data()
    {
        QTest::addColumn<bool>("ascending");
        QTest::addColumn<bool>("fromEnd");
        QTest::newRow("asc forward") << true << false;
        QTest::newRow("asc from end") << true << true;
        QTest::newRow("desc forward") << false << false;
        QTest::newRow("desc from end") << false << true;
    }
    void filteredAndSortedWithNullsBothDirections()
    {
        QFETCH(bool, ascending);
        QFETCH(bool, fromEnd);
        TableModel m(m_session.get());
        openTable(m, {"paging", "big"});
        QSignalSpy pages(&m, &TableModel::pageLoaded);
        m.setFilters({{"grp", FilterOp::Equals, "3"}});
        QVERIFY(pages.wait(10000));
        m.sort(2, ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
        if (fromEnd) {
            QVERIFY(pages.wait(10000));
            m.jumpToEnd();
        }
        QVector<QString> ids = collect(m, 0, fromEnd);
        const QVector<QString> want =
            expected(m_s,
                     std::string("SELECT id FROM paging.big WHERE grp = 3 ORDER BY label ")
                         + (ascending ? "ASC NULLS LAST, id ASC" : "DESC NULLS FIRST, id DESC"));
        QCOMPARE(want.size(), 14286);
        QCOMPARE(ids.size(), want.size());
        QVERIFY(ids == want);
        QSignalSpy counted(&m, &TableModel::exactCountReady);
        m.countRows();
        QVERIFY(counted.wait(10000));
        QCOMPARE(counted.at(0).at(0).toLongLong(), 14286);
    }

    void compositeKeyPagesInOrder()
    {
        TableModel m(m_session.get());
        openTable(m, {"paging", "pair"});
        QCOMPARE(m.tableSchema().primaryKey.size(), 2);
        const QVector<QString> vs = collect(m, 2, false);
        QVERIFY(vs == expected(m_s, "SELECT v FROM paging.pair ORDER BY a, b"));
        m.jumpToEnd();
        QVERIFY(collect(m, 2, true) == expected(m_s, "SELECT v FROM paging.pair ORDER BY a, b"));
    }

    void tableWithoutKeyPagesWithOffsetAndIsReadOnly()
    {
        TableModel m(m_session.get());
        QSignalSpy slow(&m, &TableModel::slowPagingChanged);
        openTable(m, {"paging", "nokey"});
        QVERIFY(m.slowPaging());
        QCOMPARE(slow.count(), 1);
        QCOMPARE(slow.at(0).at(0).toBool(), true);
        QVERIFY(!m.isEditable());
        const QVector<QString> ns = collect(m, 0, false);
        QCOMPARE(ns.size(), 12345);
        for (int i = 0; i < ns.size(); ++i)
            QCOMPARE(ns.at(i).toInt(), i + 1);
        QVERIFY(!(m.flags(m.index(0, 0)) & Qt::ItemIsEditable));
        QVERIFY(!m.setData(m.index(0, 1), "changed"));
        QVERIFY(!m.insertRows(0, 1));
        QVERIFY(!m.removeRows(0, 1));
        QVERIFY(!m.hasPendingChanges());
        QVERIFY(m.save() == nullptr);
        m.jumpToEnd();
        const QVector<QString> back = collect(m, 0, true);
        QCOMPARE(back.size(), 12345);
        for (int i = 0; i < back.size(); ++i)
            QCOMPARE(back.at(i).toInt(), i + 1);
    }

    // Scroll far enough that the window drops rows, then turn around: the dropped
    // rows come back, contiguous with the window, for keyset and OFFSET paging alike.
    void droppedRowsAreRefetchedWhenScrollingBack_data()
    {
        QTest::addColumn<QString>("table");
        QTest::newRow("keyset") << "big";
        QTest::newRow("offset") << "nokey";
    }
    void droppedRowsAreRefetchedWhenScrollingBack()
    {
        QFETCH(QString, table);
        TableModel m(m_session.get());
        openTable(m, {"paging", table});
        QSignalSpy pages(&m, &TableModel::pageLoaded);
        auto first = [&m] { return m.index(0, 0).data().toInt(); };
        auto last = [&m] { return m.index(m.rowCount() - 1, 0).data().toInt(); };
        auto step = [&](bool forward) {
            forward ? m.fetchMore({}) : m.fetchPrevious();
            return pages.wait(10000);
        };
        for (int i = 0; i < 7; ++i) // 8000 rows read, window capped at 5000
            QVERIFY(step(true));
        QCOMPARE(m.rowCount(), 5000);
        QCOMPARE(first(), 3001);
        QCOMPARE(last(), 8000);
        for (int i = 0; i < 3; ++i)
            QVERIFY(step(false));
        QCOMPARE(first(), 1);
        QCOMPARE(last(), 5000);
        QVERIFY(!m.canFetchPrevious());
        QVERIFY(step(true));
        QCOMPARE(first(), 1001);
        QCOMPARE(last(), 6000);

        // The same from the end, where OFFSET counts from the back.
        m.jumpToEnd();
        QVERIFY(pages.wait(10000));
        const int total = table == "big" ? kRows : 12345;
        QCOMPARE(last(), total);
        for (int i = 0; i < 6; ++i)
            QVERIFY(step(false));
        QCOMPARE(m.rowCount(), 5000);
        QCOMPARE(first(), total - 7000 + 1);
        QCOMPARE(last(), total - 2000);
        QVERIFY(m.canFetchMore({}));
        QVERIFY(step(true));
        QCOMPARE(last(), total - 1000);
        QCOMPARE(first(), total - 6000 + 1);
        QVERIFY(step(true));
        QVERIFY(step(true) || !m.canFetchMore({}));
        QCOMPARE(last(), total);
        for (int r = 1; r < m.rowCount(); ++r)
            QCOMPARE(m.index(r, 0).data().toInt(), m.index(r - 1, 0).data().toInt() + 1);
    }

    void hostileNamesPageAndFilterWithoutInjection()
    {
        pgtest::exec(m_s, R"SQL(
DROP SCHEMA IF EXISTS "pa""ge; --" CASCADE;
CREATE SCHEMA "pa""ge; --";
CREATE TABLE "pa""ge; --"."order by ""x"" " ("select" int PRIMARY KEY, "Größe ✓ ""q""" text);
INSERT INTO "pa""ge; --"."order by ""x"" " SELECT g, CASE WHEN g % 2 = 0 THEN 'even' ELSE 'it''s; DROP TABLE paging.big; --' END
  FROM generate_series(1, 3000) g;
)SQL");
        TableModel m(m_session.get());
        openTable(m, {"pa\"ge; --", "order by \"x\" "});
        QCOMPARE(m.columnCount(), 2);
        QCOMPARE(m.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(), QString::fromUtf8("Größe ✓ \"q\""));
        m.setFilters({{QString::fromUtf8("Größe ✓ \"q\""), FilterOp::Equals, "it's; DROP TABLE paging.big; --"}});
        m.sort(1, Qt::DescendingOrder);
        const QVector<QString> ids = collect(m, 0, false);
        QCOMPARE(ids.size(), 1500);
        QCOMPARE(ids.first().toInt(), 3000 - 1); // odd ids, by (value desc, key desc)
        QCOMPARE(pgtest::scalar(m_s, "SELECT count(*) FROM paging.big"), std::to_string(kRows));
    }

    // Qt's model tester (fatal: any broken invariant aborts the suite) watches the
    // paged model through everything that changes its rows: first page, fetchMore
    // (the tester calls it too), the trimmed window, jump to end, fetchPrevious,
    // server-side sort, filters and reload.
    void modelTesterThroughPagingSortFilterAndReload()
    {
        TableModel m(m_session.get());
        const QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy pages(&m, &TableModel::pageLoaded);
        m.setPageSize(500);
        m.setMaxCachedRows(1200);
        m.setTable({QStringLiteral("paging"), QStringLiteral("big")});
        QTRY_VERIFY_WITH_TIMEOUT(m.rowCount() > 0 && !m.isLoading(), 10000);
        for (int i = 0; i < 4 && m.canFetchMore({}); ++i) {
            m.fetchMore({});
            QTRY_VERIFY_WITH_TIMEOUT(!m.isLoading(), 10000);
        }
        QVERIFY(m.rowCount() <= 1200);
        m.jumpToEnd();
        QTRY_VERIFY_WITH_TIMEOUT(m.atEnd() && !m.isLoading(), 10000);
        for (int i = 0; i < 3 && m.canFetchPrevious(); ++i) {
            m.fetchPrevious();
            QTRY_VERIFY_WITH_TIMEOUT(!m.isLoading(), 10000);
        }
        m.sort(1, Qt::DescendingOrder);
        QTRY_VERIFY_WITH_TIMEOUT(m.rowCount() > 0 && !m.isLoading(), 10000);
        Filter f;
        f.column = QStringLiteral("grp");
        f.value = QStringLiteral("3");
        m.setFilters({f});
        QTRY_VERIFY_WITH_TIMEOUT(m.rowCount() > 0 && !m.isLoading(), 10000);
        m.reload();
        QTRY_VERIFY_WITH_TIMEOUT(m.rowCount() > 0 && !m.isLoading(), 10000);
        QVERIFY(pages.count() >= 6);
    }

    // Issue 10: after the server dropped the connection (a restart of the dev
    // database), a Reload reads again on a fresh connection instead of failing
    // with "connection lost"; the same for the catalog.
    void readsAreRepeatedOnceOnAFreshConnection()
    {
        TableModel m(m_session.get());
        QSignalSpy errors(&m, &TableModel::errorOccurred);
        openTable(m, {QStringLiteral("paging"), QStringLiteral("big")});
        QTRY_VERIFY_WITH_TIMEOUT(m.rowCount() > 0 && !m.isLoading(), 10000);
        const auto terminate = [this] {
            pgtest::exec(m_s,
                         "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE application_name = 'PostDoDjango' AND pid <> pg_backend_pid()");
        };
        terminate();
        m.reload();
        QTRY_VERIFY_WITH_TIMEOUT(m.rowCount() > 0 && !m.isLoading(), 10000);
        QVERIFY2(errors.isEmpty(),
                 qPrintable(errors.isEmpty() ? QString() : errors.first().first().value<DbError>().fullText()));
        QCOMPARE(m.index(0, 0).data().toString(), QStringLiteral("1"));

        CatalogModel catalog(m_session.get());
        QSignalSpy loaded(&catalog, &CatalogModel::loaded);
        QSignalSpy catalogErrors(&catalog, &CatalogModel::errorOccurred);
        terminate();
        catalog.reload();
        QVERIFY(loaded.wait(10000));
        QVERIFY(catalogErrors.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPaging)
#include "tst_paging.moc"
