#include "db/PageWindow.h"

#include <QTest>

#include <deque>

using db::PageWindow;

// TableModel's window arithmetic without a server (issue 10; modelled on DB
// Browser for SQLite's RowCache tests): the OFFSET slices read from either
// anchor, the edges, trimming, and whole scrolls over a simulated relation.
class TestPageWindow : public QObject
{
    Q_OBJECT

    // The relation is 0..n-1. Reads what the model would ask PostgreSQL for
    // (ORDER BY ... [DESC] OFFSET o LIMIT c) and applies it the model's way.
    struct Sim
    {
        qint64 n;
        int page;
        qint64 maxRows;
        PageWindow w{false};
        std::deque<qint64> rows;

        bool read(bool forward)
        {
            const PageWindow::Slice s = w.offsetSlice(forward, qint64(rows.size()), page);
            if (s.none) {
                w.noMore(forward);
                return false;
            }
            // From the front when the read is not reversed, else from the back.
            QVector<qint64> got;
            for (qint64 i = 0; i < s.count; ++i) {
                const qint64 v = s.reverse ? n - 1 - (s.offset + i) : s.offset + i;
                if (v < 0 || v >= n)
                    break;
                got << v;
            }
            const bool exhausted = PageWindow::offsetExhausted(s, forward, got.size());
            if (s.reverse)
                std::reverse(got.begin(), got.end());
            if (forward)
                rows.insert(rows.end(), got.begin(), got.end());
            else
                rows.insert(rows.begin(), got.begin(), got.end());
            w.pageAdded(forward, got.size(), exhausted);
            const qint64 excess = PageWindow::excess(qint64(rows.size()), maxRows);
            if (excess > 0) {
                if (forward)
                    rows.erase(rows.begin(), rows.begin() + excess);
                else
                    rows.erase(rows.end() - excess, rows.end());
                w.trimmed(forward, excess);
            }
            return !got.isEmpty();
        }
        bool contiguous() const
        {
            for (size_t i = 1; i < rows.size(); ++i)
                if (rows[i] != rows[i - 1] + 1)
                    return false;
            return true;
        }
    };

private Q_SLOTS:
    void offsetSlices_data()
    {
        QTest::addColumn<bool>("atBack");
        QTest::addColumn<qint64>("anchor");
        QTest::addColumn<bool>("forward");
        QTest::addColumn<qint64>("loaded");
        QTest::addColumn<int>("limit");
        QTest::addColumn<bool>("none");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<qint64>("count");
        QTest::addColumn<bool>("reverse");
        QTest::newRow("front, forward past the window")
            << false << 0LL << true << 200LL << 100 << false << 200LL << 100LL << false;
        QTest::newRow("front, forward after a trim")
            << false << 300LL << true << 200LL << 100 << false << 500LL << 100LL << false;
        QTest::newRow("front, backward a whole page")
            << false << 150LL << false << 200LL << 100 << false << 50LL << 100LL << false;
        QTest::newRow("front, backward the last few")
            << false << 30LL << false << 200LL << 100 << false << 0LL << 30LL << false;
        QTest::newRow("front, backward nothing left")
            << false << 0LL << false << 200LL << 100 << true << 0LL << 0LL << false;
        QTest::newRow("back, forward nothing left")
            << true << 0LL << true << 200LL << 100 << true << 0LL << 0LL << true;
        QTest::newRow("back, forward after a trim")
            << true << 250LL << true << 200LL << 100 << false << 150LL << 100LL << true;
        QTest::newRow("back, backward before the window")
            << true << 0LL << false << 200LL << 100 << false << 200LL << 100LL << true;
    }
    void offsetSlices()
    {
        QFETCH(bool, atBack);
        QFETCH(qint64, anchor);
        QFETCH(bool, forward);
        QFETCH(qint64, loaded);
        QFETCH(int, limit);
        QFETCH(bool, none);
        QFETCH(qint64, offset);
        QFETCH(qint64, count);
        QFETCH(bool, reverse);
        PageWindow w(false);
        atBack ? w.resetToEnd(false) : w.resetToStart(false);
        // Move the anchor as a trim of `anchor` rows at the anchored side would.
        if (anchor > 0)
            w.trimmed(!atBack, anchor);
        QCOMPARE(w.anchorOffset(), anchor);
        const PageWindow::Slice s = w.offsetSlice(forward, loaded, limit);
        QCOMPARE(s.none, none);
        if (none)
            return;
        QCOMPARE(s.offset, offset);
        QCOMPARE(s.count, count);
        QCOMPARE(s.reverse, reverse);
    }

    void edges()
    {
        PageWindow w;
        QVERIFY(!w.hasBefore() && w.hasAfter());
        w.pageAdded(true, 200, false);
        QVERIFY(w.hasAfter());
        w.trimmed(true, 50); // rows dropped at the front: something is before now
        QVERIFY(w.hasBefore());
        w.pageAdded(true, 10, true);
        QVERIFY(!w.hasAfter());
        QCOMPARE(w.anchorOffset(), 0); // keyset paging has no anchor
        w.resetToEnd(true);
        QVERIFY(w.hasBefore() && !w.hasAfter());
        w.restartAt(true);
        QVERIFY(!w.hasBefore() && w.hasAfter());
        w.restartAt(false);
        QVERIFY(w.hasBefore());
        w.noMore(false);
        QVERIFY(!w.hasBefore());
        QCOMPARE(PageWindow::excess(5200, 5000), 200);
        QCOMPARE(PageWindow::excess(4000, 5000), 0);
    }

    void scrollsVisitEveryRowOnce_data()
    {
        QTest::addColumn<qint64>("n");
        QTest::addColumn<int>("page");
        QTest::addColumn<qint64>("maxRows");
        QTest::newRow("pages divide the relation") << 1000LL << 100 << 300LL;
        QTest::newRow("a short last page") << 1234LL << 100 << 300LL;
        QTest::newRow("smaller than a page") << 42LL << 100 << 300LL;
        QTest::newRow("empty relation") << 0LL << 100 << 300LL;
        QTest::newRow("cap not a multiple of the page") << 5000LL << 200 << 1100LL;
    }
    void scrollsVisitEveryRowOnce()
    {
        QFETCH(qint64, n);
        QFETCH(int, page);
        QFETCH(qint64, maxRows);
        // Forward from the start: every row in order, exactly once, then the end.
        Sim f{n, page, maxRows, PageWindow(false), {}};
        QVector<qint64> seen;
        for (int guard = 0; f.w.hasAfter() && guard < 1000; ++guard) {
            const qint64 last = f.rows.empty() ? -1 : f.rows.back();
            f.read(true);
            QVERIFY(f.contiguous());
            QVERIFY(qint64(f.rows.size()) <= maxRows);
            for (qint64 v : f.rows)
                if (v > last)
                    seen << v;
        }
        QVERIFY(!f.w.hasAfter());
        QCOMPARE(seen.size(), n);
        for (qint64 i = 0; i < n; ++i)
            QCOMPARE(seen.at(i), i);
        // And back to the start again: the rows dropped are read again.
        for (int guard = 0; f.w.hasBefore() && guard < 1000; ++guard) {
            f.read(false);
            QVERIFY(f.contiguous());
        }
        QVERIFY(f.rows.empty() || f.rows.front() == 0);

        // From the end backwards (jump to end): every row once, in reverse, then the start.
        Sim b{n, page, maxRows, PageWindow(false), {}};
        b.w.resetToEnd(false);
        QVector<qint64> back;
        for (int guard = 0; b.w.hasBefore() && guard < 1000; ++guard) {
            const qint64 first = b.rows.empty() ? n : b.rows.front();
            b.read(false);
            QVERIFY(b.contiguous());
            for (auto it = b.rows.rbegin(); it != b.rows.rend(); ++it)
                if (*it < first)
                    back << *it;
        }
        QVERIFY(!b.w.hasBefore());
        QCOMPARE(back.size(), n);
        for (qint64 i = 0; i < n; ++i)
            QCOMPARE(back.at(i), n - 1 - i);
        // Forward again from there reaches the end through the anchor at the back.
        for (int guard = 0; b.w.hasAfter() && guard < 1000; ++guard) {
            b.read(true);
            QVERIFY(b.contiguous());
        }
        QVERIFY(b.rows.empty() || b.rows.back() == n - 1);
    }
};

QTEST_GUILESS_MAIN(TestPageWindow)
#include "tst_pagewindow.moc"
