// The Database tab with more rows than it may hold, offscreen, against the real
// PostgreSQL server of the test run: scrolling pages through a bounded window,
// a 200,000-row table (first page and jump to end in time, memory bounded while
// scrolling, export cancelled from its button), and CSV export of a table.
// Screenshots go to $PDD_BINARY_DIR/screenshots.
#include "DbUiFixture.h"
#include "GuiWatchdog.h"
#include "Screenshot.h"
#include "db/CatalogModel.h"
#include "db/TableModel.h"
#include "ui/db/DbBrowserPanel.h"
#include "ui/db/TableBrowser.h"
#include "ui_DbTableBrowser.h"

#include <pqxx/pqxx>

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using dbuitest::env;

class TestDbUiBigTable : public QObject, public dbuitest::PanelFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init() { setUpSchemaAndPanel(); }
    void cleanup() { m_panel.reset(); }
    void exportWritesCsv();
    void scrollingPagesThroughABoundedWindow();
    void bigTableOpensFastAndScrollsInBoundedMemory();
};

void TestDbUiBigTable::initTestCase()
{
    DBUI_REQUIRE_SERVER();
    useThrowawaySettings(QStringLiteral("tst_dbui_bigtable"));

    // One big table for the whole run (the per-test schema is rebuilt in init()).
    const pddtest::GuiWatchdog::Pause testBlocksOnPurpose;
    pqxx::connection c(env("PDD_TEST_PG_DSN").toStdString());
    pqxx::work w(c);
    w.exec("CREATE SCHEMA IF NOT EXISTS dbui_big");
    w.exec("CREATE TABLE IF NOT EXISTS dbui_big.t200k (id int PRIMARY KEY, label text, payload jsonb)");
    if (w.exec("SELECT count(*) FROM dbui_big.t200k").at(0).at(0).as<int>() != 200000) {
        w.exec("TRUNCATE dbui_big.t200k");
        w.exec("INSERT INTO dbui_big.t200k SELECT g, md5(g::text), jsonb_build_object('n', g) "
               "FROM generate_series(1, 200000) g");
        w.exec("ANALYZE dbui_big.t200k");
    }
    w.commit();
}

void TestDbUiBigTable::exportWritesCsv()
{
    QVERIFY(connectPanel(settings()));
    QVERIFY(openItems());
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("items.csv"));
    Job *job = m_panel->browser()->exportTo(path);
    QVERIFY(job);
    QVERIFY(!m_panel->browser()->exportAction()->isEnabled()); // one export at a time
    QSignalSpy finished(job, &Job::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().value<Job::State>(), Job::State::Succeeded);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("id,name,note,doc,blob,created"));
    QCOMPARE(lines.size(), 52); // header + 50 rows + trailing newline
    QVERIFY(m_panel->messageText().startsWith(QStringLiteral("Exported")));
    QVERIFY(m_panel->browser()->exportAction()->isEnabled());
}

void TestDbUiBigTable::scrollingPagesThroughABoundedWindow()
{
    QVERIFY(connectPanel(settings()));
    auto *model = m_panel->browser()->tableModel();
    model->setPageSize(100);
    model->setMaxCachedRows(300);
    QVERIFY(openItems(QStringLiteral("many")));
    auto *view = m_panel->browser()->ui()->gridView;
    auto *bar = view->verticalScrollBar();
    const int id = 0;
    auto idAt = [&](int row) { return model->index(row, id).data().toInt(); };
    auto topId = [&] { return idAt(view->rowAt(0)); };

    // Down to the end the way a user scrolls: the view fetches more at the bottom.
    // The loop ends as soon as the last page is in, and the scroll to the top
    // below comes before the pager's restore for that page has run: the user's
    // scroll must win (it used to be dragged back 175 rows).
    int maxRows = 0;
    for (int i = 0; i < 100 && !(model->atEnd() && !model->isLoading()); ++i) {
        bar->setValue(bar->maximum());
        // Done when the page is laid out (room below again) or the table has no more.
        QVERIFY(QTest::qWaitFor(
            [&] { return !model->isLoading() && (bar->value() < bar->maximum() || model->atEnd()); }, 10000));
        maxRows = qMax(maxRows, model->rowCount());
    }
    QVERIFY(model->atEnd());
    QCOMPARE(idAt(model->rowCount() - 1), 1000);
    QVERIFY2(maxRows <= 400, qPrintable(QString::number(maxRows))); // bounded window
    QVERIFY(!model->atStart());                                     // the first rows were dropped

    // Back up to the start: pages come back above without the view jumping.
    for (int i = 0; i < 40 && !model->atStart(); ++i) {
        bar->setValue(bar->minimum()); // asks for the page above (async)
        const int before = topId();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 10000);
        // The pager restores the top row once the view has laid out the new rows.
        QTRY_COMPARE_WITH_TIMEOUT(topId(), before, 2000);
    }
    QVERIFY(model->atStart());
    bar->setValue(bar->minimum());
    QCOMPARE(idAt(0), 1);

    // Jump to the end: the last row is in view at once; scrolling up continues from there.
    m_panel->browser()->jumpToEndAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->atEnd() && model->rowCount() > 0, 10000);
    QTRY_COMPARE(idAt(view->rowAt(view->viewport()->height() - 2)), 1000);
    QVERIFY(pddtest::saveScreenshot(m_panel.get(), QStringLiteral("db-jump-to-end")));
}

static qint64 rssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

void TestDbUiBigTable::bigTableOpensFastAndScrollsInBoundedMemory()
{
    QVERIFY(connectPanel(settings()));
    auto *browser = m_panel->browser();
    auto *catalog = browser->catalogModel();
    auto *model = browser->tableModel();
    const db::TableRef ref{QStringLiteral("dbui_big"), QStringLiteral("t200k")};
    QTRY_VERIFY_WITH_TIMEOUT(catalog->indexOf(ref).isValid(), 15000);

    QElapsedTimer t;
    t.start();
    browser->ui()->catalogView->setCurrentIndex(catalog->indexOf(ref));
    QTRY_VERIFY_WITH_TIMEOUT(model->table() == ref && !model->isLoading() && model->rowCount() > 0, 15000);
    const qint64 firstPageMs = t.elapsed();
    QCoreApplication::processEvents(); // paint

    t.restart();
    browser->jumpToEndAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->atEnd() && model->rowCount() > 0, 15000);
    const qint64 jumpMs = t.elapsed();
    QCOMPARE(model->index(model->rowCount() - 1, 0).data().toString(), QStringLiteral("200000"));

    // Scroll 40,000 rows down from the start, page by page as the view asks.
    browser->ui()->catalogView->setCurrentIndex(catalog->indexOf(ref));
    model->reload();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->atStart() && model->rowCount() > 0, 15000);
    auto *bar = browser->ui()->gridView->verticalScrollBar();
    const qint64 rssBefore = rssKiB();
    int peakRows = 0;
    t.restart();
    while (model->index(model->rowCount() - 1, 0).data().toInt() < 40000) {
        bar->setValue(bar->maximum());
        // qWaitFor wakes on events; QTRY_* would add its 50 ms poll to every page. The
        // page is in once the view has laid it out (room below the scroll position).
        QVERIFY(QTest::qWaitFor([&] { return !model->isLoading() && bar->value() < bar->maximum(); }, 10000));
        peakRows = qMax(peakRows, model->rowCount());
        QVERIFY(t.elapsed() < 120000);
    }
    const qint64 scrollMs = t.elapsed();
    const qint64 rssAfter = rssKiB();
    qInfo("t200k via the GUI: first page %lld ms, jump to end %lld ms, 40k rows scrolled in %lld ms; "
          "window peak %d rows; RSS %lld -> %lld KiB",
          firstPageMs, jumpMs, scrollMs, peakRows, rssBefore, rssAfter);
    QVERIFY2(firstPageMs < 2000, qPrintable(QString::number(firstPageMs)));
    QVERIFY2(jumpMs < 2000, qPrintable(QString::number(jumpMs)));
    QVERIFY(peakRows <= model->maxCachedRows() + model->pageSize());
    QVERIFY2(rssAfter - rssBefore < 64 * 1024, "RSS grew by more than 64 MiB while scrolling a bounded window");

    // Export with Cancel: the button stops it on the server and the partial file goes.
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("t200k.csv"));
    Job *job = browser->exportTo(path);
    QVERIFY(job);
    QSignalSpy finished(job, &Job::finished);
    QTRY_VERIFY_WITH_TIMEOUT(browser->ui()->cancelExportButton->isVisible(), 5000);
    QVERIFY(pddtest::saveScreenshot(m_panel.get(), QStringLiteral("db-export-progress")));
    browser->ui()->cancelExportButton->click();
    QVERIFY(finished.wait(10000));
    const auto state = finished.first().first().value<Job::State>();
    // A fast machine may finish 200k rows before the click lands; then the file is complete.
    if (state == Job::State::Cancelled) {
        QVERIFY(!QFile::exists(path));
        QVERIFY(m_panel->messageText().contains(QStringLiteral("cancelled")));
    } else {
        QCOMPARE(state, Job::State::Succeeded);
        QVERIFY(QFileInfo(path).size() > 200000 * 10);
    }
    QVERIFY(!browser->ui()->cancelExportButton->isVisible());
}

PDD_GUI_TEST_MAIN(TestDbUiBigTable)
#include "tst_dbui_bigtable.moc"
