// The Database tab end to end, offscreen, against the real PostgreSQL server of the
// test run: connect, browse, NULL vs empty rendering, edit + save verified with a
// separate libpqxx connection, conflicts, a table without primary key, filter and
// server-side sort, the console (results, errors with position, cancel of
// pg_sleep), connection failures and the production banner. Paging, the big
// table and table export are in tst_dbui_bigtable.cpp.
// Screenshots go to $PDD_BINARY_DIR/screenshots.
#include "DbUiFixture.h"
#include "GuiWatchdog.h"
#include "Screenshot.h"
#include "db/CatalogModel.h"
#include "db/QueryResultModel.h"
#include "db/QueryRunner.h"
#include "db/TableModel.h"
#include "ui/db/CellDelegate.h"
#include "ui/db/CellDetailView.h"
#include "ui/db/DbBrowserPanel.h"
#include "ui/db/SqlConsole.h"
#include "ui/db/TableBrowser.h"
#include "ui_DbSqlConsole.h"
#include "ui_DbTableBrowser.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>

using dbuitest::kSchema;

class TestDbUiGui : public QObject, public dbuitest::PanelFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        DBUI_REQUIRE_SERVER();
        useThrowawaySettings(QStringLiteral("tst_dbui_gui"));
    }
    void init() { setUpSchemaAndPanel(); }
    void cleanup() { m_panel.reset(); }
    void browseRendersNullAndEmptyDistinctly();
    void editSaveIsVisibleToAnotherConnection();
    void insertAndDeleteRows();
    void conflictIsReportedNotOverwritten();
    void detailAndMessagesFollowWhatTheUserDoes();
    void pendingEditsSurviveAnEnvChange();
    void tableWithoutPrimaryKeyIsReadOnlyAndFlaggedSlow();
    void filterAndServerSideSort();
    void consoleShowsResults();
    void consoleShowsErrorPosition();
    void consoleShowsTheTransactionTheUserOpened();
    void consoleCancelStopsPgSleep();
    void connectionFailuresGiveOneMessage_data();
    void connectionFailuresGiveOneMessage();
    void productionIsReadOnlyAndMarked();
    void connectionDialogConnectsAndSavesWithoutPassword();
    void exactCountAndHostileNames();
};

void TestDbUiGui::browseRendersNullAndEmptyDistinctly()
{
    QVERIFY(connectPanel(settings()));
    QVERIFY(openItems());
    auto *model = m_panel->browser()->tableModel();
    auto *delegate = m_panel->browser()->delegate();
    QCOMPARE(model->rowCount(), 50);
    const int note = column(QStringLiteral("note"));
    const int doc = column(QStringLiteral("doc"));
    const int blob = column(QStringLiteral("blob"));
    QVERIFY(note >= 0 && doc >= 0 && blob >= 0);
    // Rows come in primary key order: id 1 has NULL, id 2 an empty string.
    const QStyleOptionViewItem nullCell = delegate->styledOption(model->index(0, note));
    const QStyleOptionViewItem emptyCell = delegate->styledOption(model->index(1, note));
    QCOMPARE(nullCell.text, QStringLiteral("NULL"));
    QVERIFY(nullCell.font.italic());
    QCOMPARE(emptyCell.text, QString());
    QVERIFY(!emptyCell.font.italic());
    QCOMPARE(delegate->displayedText(model->index(2, note)), QStringLiteral("note 3"));

    // The side panel shows the full value: pretty JSON, a hex dump for bytea.
    auto *grid = m_panel->browser()->ui()->gridView;
    grid->setCurrentIndex(model->index(0, doc));
    const QString json = m_panel->browser()->ui()->detailView->text();
    QVERIFY2(json.contains(QStringLiteral("\n    \"a\": 1")), qPrintable(json));
    grid->setCurrentIndex(model->index(0, blob));
    const QString hex = m_panel->browser()->ui()->detailView->text();
    QVERIFY2(hex.startsWith(QStringLiteral("00000000  48 65 6c 6c 6f 0a 00 ff")), qPrintable(hex));
    QVERIFY(hex.contains(QStringLiteral("Hello..")));
    grid->setCurrentIndex(model->index(0, doc));
    QVERIFY(pddtest::saveScreenshot(m_panel.get(), QStringLiteral("db-browse")));
}

void TestDbUiGui::editSaveIsVisibleToAnotherConnection()
{
    QVERIFY(connectPanel(settings()));
    QVERIFY(openItems());
    auto *browser = m_panel->browser();
    auto *model = browser->tableModel();
    QVERIFY(browser->insertRowAction()->isEnabled());
    QVERIFY(!browser->saveAction()->isEnabled()); // nothing pending yet
    const int name = column(QStringLiteral("name"));
    const int note = column(QStringLiteral("note"));
    // Keyboard only, as a user would: F2 on the cell, replace the text, Return.
    auto *grid = browser->ui()->gridView;
    grid->setFocus();
    grid->setCurrentIndex(model->index(2, name));
    QTest::keyClick(grid, Qt::Key_F2);
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(editor && editor != grid);
    QCOMPARE(editor->property("text").toString(), QStringLiteral("item 3")); // the full value
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral("edited by the GUI"));
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits on Return through a queued call.
    QTRY_COMPARE(model->index(2, name).data(db::FullValueRole).toString(), QStringLiteral("edited by the GUI"));
    grid->setCurrentIndex(model->index(3, note));
    QTest::keyClick(grid, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier); // Set NULL
    QVERIFY(model->index(2, name).data(db::PendingEditRole).toBool());
    QVERIFY(model->index(3, note).data(db::IsNullRole).toBool());
    QVERIFY(browser->delegate()->styledOption(model->index(2, name)).font.bold());
    QVERIFY(browser->saveAction()->isEnabled());
    QVERIFY(pddtest::saveScreenshot(m_panel.get(), QStringLiteral("db-pending-edits")));

    QSignalSpy saved(model, &db::TableModel::saved);
    QTest::keyClick(grid, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(saved.wait(10000));
    QVERIFY(!model->hasPendingChanges());
    QCOMPARE(queryValue("SELECT name FROM \"dbui gui\".items WHERE id = 3"), std::string("edited by the GUI"));
    QCOMPARE(queryValue("SELECT note FROM \"dbui gui\".items WHERE id = 4"), std::string("<null>"));
    QVERIFY(m_panel->messageText().contains(QStringLiteral("saved")));

    // Revert drops pending edits without touching the server.
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == 50, 10000);
    QVERIFY(model->setData(model->index(4, name), QStringLiteral("never saved")));
    QVERIFY(browser->revertAction()->isEnabled());
    browser->revertAction()->trigger();
    QVERIFY(!model->hasPendingChanges());
    QCOMPARE(queryValue("SELECT name FROM \"dbui gui\".items WHERE id = 5"), std::string("item 5"));
}

void TestDbUiGui::insertAndDeleteRows()
{
    QVERIFY(connectPanel(settings()));
    QVERIFY(openItems());
    QSignalSpy jobs(m_panel.get(), &DbBrowserPanel::jobStarted);
    auto *browser = m_panel->browser();
    auto *model = browser->tableModel();
    auto *grid = browser->ui()->gridView;
    const int name = column(QStringLiteral("name"));
    grid->setFocus();
    QTest::keyClick(grid, Qt::Key_Insert, Qt::ControlModifier);
    QCOMPARE(model->rowCount(), 51);
    // The editor opens on the first column without a default (id is a serial).
    QCOMPARE(grid->currentIndex().column(), name);
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(editor && editor != grid);
    QTest::keyClicks(editor, QStringLiteral("inserted by the GUI"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(model->index(50, name).data(db::FullValueRole).toString(), QStringLiteral("inserted by the GUI"));
    QCOMPARE(model->index(50, 0).data().toString(), QStringLiteral("DEFAULT"));
    QVERIFY(browser->delegate()->styledOption(model->index(50, 0)).font.italic()); // not a literal 'DEFAULT'
    QVERIFY(!browser->delegate()->styledOption(model->index(50, name)).font.italic());
    QCOMPARE(db::RowState(model->index(50, 0).data(db::RowStateRole).toInt()), db::RowState::Inserted);

    grid->setCurrentIndex(model->index(49, name)); // id 50
    QTest::keyClick(grid, Qt::Key_Delete, Qt::ControlModifier);
    QCOMPARE(db::RowState(model->index(49, name).data(db::RowStateRole).toInt()), db::RowState::Deleted);
    QVERIFY(browser->delegate()->styledOption(model->index(49, name)).font.strikeOut());
    QVERIFY(pddtest::saveScreenshot(m_panel.get(), QStringLiteral("db-insert-delete")));

    QSignalSpy saved(model, &db::TableModel::saved);
    QTest::keyClick(grid, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(saved.wait(10000));
    QCOMPARE(queryValue("SELECT count(*) FROM \"dbui gui\".items WHERE name = 'inserted by the GUI'"),
             std::string("1"));
    QCOMPARE(queryValue("SELECT count(*) FROM \"dbui gui\".items WHERE id = 50"), std::string("0"));
    QCOMPARE(queryValue("SELECT count(*) FROM \"dbui gui\".items"), std::string("50"));
    QCOMPARE(jobs.size(), 1); // the save, for the Activity panel
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == 50, 10000);
}

void TestDbUiGui::conflictIsReportedNotOverwritten()
{
    QVERIFY(connectPanel(settings()));
    QVERIFY(openItems());
    auto *model = m_panel->browser()->tableModel();
    exec("UPDATE \"dbui gui\".items SET name = 'changed elsewhere' WHERE id = 6");
    QVERIFY(model->setData(model->index(5, column(QStringLiteral("name"))), QStringLiteral("mine")));
    QSignalSpy failed(model, &db::TableModel::saveFailed);
    m_panel->browser()->saveAction()->trigger();
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().first().value<db::DbError>().kind, db::DbError::Kind::Conflict);
    QVERIFY(m_panel->messageIsError());
    QVERIFY2(m_panel->messageText().contains(QStringLiteral("conflict")), qPrintable(m_panel->messageText()));
    QCOMPARE(queryValue("SELECT name FROM \"dbui gui\".items WHERE id = 6"), std::string("changed elsewhere"));
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    QVERIFY(pddtest::saveScreenshot(m_panel.get(), QStringLiteral("db-conflict")));
}

void TestDbUiGui::tableWithoutPrimaryKeyIsReadOnlyAndFlaggedSlow()
{
    QVERIFY(connectPanel(settings()));
    QVERIFY(openItems(QStringLiteral("nopk")));
    auto *browser = m_panel->browser();
    QCOMPARE(browser->tableModel()->rowCount(), 10);
    QVERIFY(browser->tableModel()->slowPaging());
    QTRY_VERIFY(browser->ui()->slowBadge->isVisible());
    for (QAction *a : {browser->insertRowAction(), browser->deleteRowAction(), browser->saveAction()}) {
        QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
        QVERIFY2(a->toolTip().contains(QStringLiteral("primary key")), qPrintable(a->toolTip()));
    }
    QVERIFY(!(browser->tableModel()->flags(browser->tableModel()->index(0, 0)) & Qt::ItemIsEditable));
    QCOMPARE(browser->ui()->gridView->editTriggers(), QAbstractItemView::NoEditTriggers);
    QVERIFY(pddtest::saveScreenshot(m_panel.get(), QStringLiteral("db-nopk")));
}

void TestDbUiGui::filterAndServerSideSort()
{
    QVERIFY(connectPanel(settings()));
    QVERIFY(openItems());
    auto *browser = m_panel->browser();
    auto *ui = browser->ui();
    auto *model = browser->tableModel();
    ui->filterColumnCombo->setCurrentText(QStringLiteral("id"));
    ui->filterOpCombo->setCurrentIndex(ui->filterOpCombo->findData(int(db::FilterOp::Less)));
    QTest::keyClicks(ui->filterValueEdit, QStringLiteral("6"));
    QTest::keyClick(ui->filterValueEdit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == 5, 10000);
    // Header clicks: ascending, then descending — sorted by the server.
    auto *header = ui->gridView->horizontalHeader();
    const int id = column(QStringLiteral("id"));
    Q_EMIT header->sectionClicked(id);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->sortColumn() == id, 10000);
    Q_EMIT header->sectionClicked(id);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->sortOrder() == Qt::DescendingOrder && model->rowCount() == 5,
                             10000);
    QCOMPARE(model->index(0, id).data().toString(), QStringLiteral("5"));
    QCOMPARE(model->index(4, id).data().toString(), QStringLiteral("1"));
    QVERIFY(header->isSortIndicatorShown());
    QVERIFY(pddtest::saveScreenshot(m_panel.get(), QStringLiteral("db-filter-sort")));

    // A value with quotes stays a value (bound as a parameter).
    ui->filterColumnCombo->setCurrentText(QStringLiteral("name"));
    ui->filterOpCombo->setCurrentIndex(ui->filterOpCombo->findData(int(db::FilterOp::Equals)));
    ui->filterValueEdit->setText(QStringLiteral("x' OR '1'='1"));
    ui->applyFilterButton->click();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == 0, 10000);
    ui->clearFilterButton->click();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == 50, 10000);

    // Jump to end shows the last rows (descending by id: id 1 is last).
    browser->jumpToEndAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->atEnd() && model->rowCount() > 0, 10000);
    QCOMPARE(model->index(model->rowCount() - 1, id).data().toString(), QStringLiteral("1"));
}

void TestDbUiGui::consoleShowsResults()
{
    QVERIFY(connectPanel(settings()));
    auto *console = m_panel->console();
    m_panel->findChild<QTabWidget *>(QStringLiteral("tabs"))->setCurrentIndex(1);
    QTRY_VERIFY(console->runner());
    QSignalSpy done(console, &dbui::SqlConsole::queryFinished);
    console->ui()->editor->setPlainText(QStringLiteral("SELECT 1 AS one, NULL::text AS n, ''::text AS e, "
                                                       "'{\"k\": [1]}'::jsonb AS j"));
    console->run();
    QVERIFY(done.wait(10000));
    QVERIFY2(done.first().first().value<db::QueryOutcome>().ok,
             qPrintable(done.first().first().value<db::QueryOutcome>().error.fullText()));
    auto *result = console->runner()->model();
    QCOMPARE(result->rowCount(), 1);
    QCOMPARE(console->delegate()->displayedText(result->index(0, 1)), QStringLiteral("NULL"));
    QCOMPARE(console->delegate()->displayedText(result->index(0, 2)), QString());
    QVERIFY(console->ui()->statusLabel->text().contains(QStringLiteral("1 row ")));
    QVERIFY(console->ui()->statusLabel->text().contains(QStringLiteral("ms")));
    QVERIFY(pddtest::saveScreenshot(m_panel.get(), QStringLiteral("db-console")));

    // Export of a query: COPY (…) TO STDOUT, streamed to the file.
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("q.csv"));
    QSignalSpy jobs(m_panel.get(), &DbBrowserPanel::jobStarted);
    console->ui()->editor->setPlainText(
        QStringLiteral("SELECT id, name FROM \"dbui gui\".items WHERE id <= 3 ORDER BY id"));
    console->run();
    QTRY_VERIFY_WITH_TIMEOUT(!console->isRunning() && done.size() == 2, 10000);
    Job *job = console->exportTo(path);
    QVERIFY(job);
    QCOMPARE(jobs.size(), 1);
    QSignalSpy finished(job, &Job::finished);
    QVERIFY(finished.wait(10000));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("id,name\n1,item 1\n2,item 2\n3,item 3\n"));
}

// Autocommit unless the user says BEGIN; then the console says so until Commit or Rollback.
void TestDbUiGui::consoleShowsTheTransactionTheUserOpened()
{
    QVERIFY(connectPanel(settings()));
    auto *console = m_panel->console();
    m_panel->findChild<QTabWidget *>(QStringLiteral("tabs"))->setCurrentIndex(1);
    QTRY_VERIFY(console->runner());
    QSignalSpy done(console, &dbui::SqlConsole::queryFinished);
    const auto runText = [&](const QString &sql) {
        const int before = int(done.size());
        console->ui()->editor->setPlainText(sql);
        console->run();
        return QTest::qWaitFor([&] { return done.size() > before; }, 10000);
    };
    QVERIFY(runText(QStringLiteral("SELECT 1; SELECT 2")));
    QVERIFY2(console->ui()->statusLabel->text().contains(QStringLiteral("2 statements: SELECT 1 · SELECT 1")),
             qPrintable(console->ui()->statusLabel->text()));
    QVERIFY(!console->ui()->transactionLabel->isVisible());
    QVERIFY(!console->ui()->commitButton->isVisible());

    QVERIFY(runText(QStringLiteral("BEGIN")));
    QVERIFY(runText(QStringLiteral("UPDATE \"dbui gui\".items SET name = name WHERE id = 1")));
    QVERIFY(console->ui()->transactionLabel->isVisible());
    QVERIFY(console->ui()->commitButton->isEnabled());
    QVERIFY(console->ui()->rollbackButton->isEnabled());
    QVERIFY(pddtest::saveScreenshot(m_panel.get(), QStringLiteral("db-console-in-transaction")));
    const int before = int(done.size());
    QTest::mouseClick(console->ui()->rollbackButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(done.size() > before, 10000);
    QVERIFY(done.last().first().value<db::QueryOutcome>().ok);
    QVERIFY(!console->ui()->transactionLabel->isVisible());
    QVERIFY(console->ui()->statusLabel->text().startsWith(QStringLiteral("ROLLBACK")));
}

// Issue 9.12: the detail pane showed the old value after an edit and a save; the
// message bar said "Connected" under "not connected"; "Changes saved." stayed on
// after switching tables.
void TestDbUiGui::detailAndMessagesFollowWhatTheUserDoes()
{
    QVERIFY(connectPanel(settings()));
    QVERIFY(m_panel->messageText().startsWith(QStringLiteral("Connected to")));
    QVERIFY(openItems());
    auto *browser = m_panel->browser();
    auto *model = browser->tableModel();
    auto *detail = browser->ui()->detailView;
    const int name = column(QStringLiteral("name"));
    browser->ui()->gridView->setCurrentIndex(model->index(1, name));
    QCOMPARE(detail->text(), QStringLiteral("item 2"));
    QVERIFY(model->setData(model->index(1, name), QStringLiteral("pending value")));
    QCOMPARE(detail->text(), QStringLiteral("pending value"));
    QSignalSpy saved(model, &db::TableModel::saved);
    browser->saveAction()->trigger();
    QVERIFY(saved.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 10000);
    QCOMPARE(browser->ui()->gridView->currentIndex().data(db::FullValueRole).toString(),
             QStringLiteral("pending value"));
    QCOMPARE(detail->text(), QStringLiteral("pending value"));
    QVERIFY(m_panel->messageText().contains(QStringLiteral("saved")));
    browser->revertAction()->trigger();
    QCOMPARE(detail->text(), QStringLiteral("pending value"));

    QVERIFY(openItems(QStringLiteral("many")));
    QVERIFY2(m_panel->messageText().isEmpty(), qPrintable(m_panel->messageText()));

    m_panel->disconnectFromServer();
    QVERIFY2(!m_panel->messageText().contains(QStringLiteral("Connected")), qPrintable(m_panel->messageText()));
}

// Clicks the button of the next modal question as a user would; returns its text.
static void answerNextQuestion(const QString &button, QString *asked)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    auto tries = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, [timer, button, asked, tries] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box && box->isVisible()) {
            *asked = box->text();
            for (QAbstractButton *b : box->buttons())
                if (b->text().remove(QLatin1Char('&')) == button) {
                    b->click(); // a dialog of the offscreen platform is never "exposed" for mouse events
                    break;
                }
            timer->deleteLater();
        } else if (++*tries > 250) {
            timer->deleteLater();
        }
    });
    timer->start();
}

// Issue 9.7: changing DEV_DB_PORT and back reconnected and dropped a pending edit.
void TestDbUiGui::pendingEditsSurviveAnEnvChange()
{
    const db::ConnectionSettings s = settings();
    m_panel->show(); // the stack's defaults, as the main window hands them over from .env
    m_panel->setDefaultConnection(s);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->isConnected(), 15000);
    QVERIFY(openItems());
    auto *browser = m_panel->browser();
    auto *model = browser->tableModel();
    const int name = column(QStringLiteral("name"));
    QVERIFY(model->setData(model->index(0, name), QStringLiteral("kept through .env edits")));
    const db::DbSession *session = m_panel->session();

    // .env changes (another port): asked, and kept.
    db::ConnectionSettings moved = s;
    moved.port = s.port + 1;
    QString asked;
    answerNextQuestion(QStringLiteral("Keep editing, reconnect later"), &asked);
    m_panel->setDefaultConnection(moved);
    QVERIFY2(asked.contains(QStringLiteral("unsaved changes")), qPrintable(asked));
    QCOMPARE(m_panel->session(), session);
    QVERIFY(model->hasPendingChanges());
    QVERIFY(m_panel->messageText().contains(QStringLiteral("press Reconnect")));
    // At a narrow width the save and revert buttons stay on the toolbar, not in its overflow.
    m_panel->resize(1024, 640);
    QTest::qWait(50);
    auto *bar = browser->findChild<QToolBar *>();
    QVERIFY(bar);
    for (QAction *a : {browser->saveAction(), browser->revertAction()})
        QVERIFY2(bar->widgetForAction(a) && bar->widgetForAction(a)->isVisible(), qPrintable(a->text()));
    QVERIFY(pddtest::saveScreenshot(m_panel.get(), QStringLiteral("db-pending-edits-kept")));
    // ... and back: nothing to do, nothing asked.
    asked.clear();
    m_panel->setDefaultConnection(s);
    QVERIFY(asked.isEmpty());
    QCOMPARE(m_panel->session(), session);
    QVERIFY(model->hasPendingChanges());
    QVERIFY(m_panel->messageText().isEmpty());

    // A change the user lets through, saving first: saved, then reconnected.
    db::ConnectionSettings relabelled = s;
    relabelled.label = QStringLiteral("dev (renamed)");
    answerNextQuestion(QStringLiteral("Save them first"), &asked);
    m_panel->setDefaultConnection(relabelled);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->session() != session && m_panel->isConnected(), 15000);
    QCOMPARE(queryValue("SELECT name FROM \"dbui gui\".items WHERE id = 1"), std::string("kept through .env edits"));

    // Disconnect with pending edits asks too; Keep editing keeps the connection.
    QVERIFY(openItems());
    model = browser->tableModel();
    QVERIFY(model->setData(model->index(0, name), QStringLiteral("not dropped by Disconnect")));
    answerNextQuestion(QStringLiteral("Keep editing"), &asked);
    QTest::mouseClick(m_panel->findChild<QPushButton *>(QStringLiteral("disconnectButton")), Qt::LeftButton);
    QVERIFY(m_panel->isConnected());
    QVERIFY(model->hasPendingChanges());
}

void TestDbUiGui::consoleShowsErrorPosition()
{
    QVERIFY(connectPanel(settings()));
    auto *console = m_panel->console();
    m_panel->findChild<QTabWidget *>(QStringLiteral("tabs"))->setCurrentIndex(1);
    QTRY_VERIFY(console->runner());
    QSignalSpy done(console, &dbui::SqlConsole::queryFinished);
    console->ui()->editor->setPlainText(QStringLiteral("SELECT 1 +\nFROM nowhere"));
    console->run();
    QVERIFY(done.wait(10000));
    const auto outcome = done.first().first().value<db::QueryOutcome>();
    QVERIFY(!outcome.ok);
    QVERIFY(outcome.error.position > 0);
    QVERIFY(console->ui()->errorLabel->isVisible());
    QVERIFY2(console->ui()->errorLabel->text().contains(QStringLiteral("syntax error")),
             qPrintable(console->ui()->errorLabel->text()));
    const auto marks = console->ui()->editor->extraSelections();
    QCOMPARE(marks.size(), 1);
    QCOMPARE(marks.first().cursor.selectedText(), QStringLiteral("FROM"));
    QVERIFY(pddtest::saveScreenshot(m_panel.get(), QStringLiteral("db-console-error")));
}

void TestDbUiGui::consoleCancelStopsPgSleep()
{
    QVERIFY(connectPanel(settings()));
    auto *console = m_panel->console();
    m_panel->findChild<QTabWidget *>(QStringLiteral("tabs"))->setCurrentIndex(1);
    QTRY_VERIFY(console->runner());
    QSignalSpy done(console, &dbui::SqlConsole::queryFinished);
    console->ui()->editor->setPlainText(QStringLiteral("SELECT pg_sleep(30)"));
    console->ui()->editor->setFocus();
    QTest::keyClick(console->ui()->editor, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(console->isRunning(), 5000);
    QTest::qWait(400); // let the statement reach the server
    QVERIFY(console->ui()->statusLabel->text().startsWith(QStringLiteral("Running")));
    QElapsedTimer t;
    t.start();
    QTest::keyClick(console->ui()->editor, Qt::Key_Escape);
    QVERIFY(done.wait(5000));
    const qint64 ms = t.elapsed();
    qInfo("pg_sleep(30) cancelled from the GUI in %lld ms", ms);
    QVERIFY2(ms < 1000, qPrintable(QString::number(ms)));
    QCOMPARE(done.first().first().value<db::QueryOutcome>().error.kind, db::DbError::Kind::Cancelled);
    QVERIFY(console->ui()->statusLabel->text().startsWith(QStringLiteral("Cancelled")));
    QVERIFY(console->ui()->runButton->isEnabled());
}

void TestDbUiGui::connectionFailuresGiveOneMessage_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<int>("kind");
    QTest::newRow("wrong password") << "password" << int(db::DbError::Kind::AuthenticationFailed);
    QTest::newRow("server down") << "port" << int(db::DbError::Kind::ServerUnreachable);
    QTest::newRow("database missing") << "database" << int(db::DbError::Kind::DatabaseMissing);
}

void TestDbUiGui::connectionFailuresGiveOneMessage()
{
    QFETCH(QString, what);
    QFETCH(int, kind);
    auto s = settings();
    if (what == QLatin1String("password"))
        s.password = QStringLiteral("definitely-wrong");
    else if (what == QLatin1String("port"))
        s.port = 1; // nothing listens there
    else
        s.database = QStringLiteral("no_such_database_pdd");
    m_panel->show();
    QSignalSpy failed(m_panel.get(), &DbBrowserPanel::connectionFailed);
    QElapsedTimer t;
    t.start();
    m_panel->connectTo(s);
    QVERIFY(failed.wait(15000));
    QCOMPARE(int(failed.first().first().value<db::DbError>().kind), kind);
    QTest::qWait(200);
    QCOMPARE(failed.size(), 1);
    QVERIFY(m_panel->messageIsError());
    QVERIFY(!m_panel->messageText().isEmpty());
    QVERIFY(!m_panel->messageText().contains(s.password) || s.password.isEmpty());
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    QVERIFY(!m_panel->isConnected());
    QVERIFY(pddtest::saveScreenshot(m_panel.get(), QStringLiteral("db-error-") + what));
    // The panel recovers: the right settings connect.
    QVERIFY(connectPanel(settings()));
    QVERIFY(!m_panel->messageIsError());
}

void TestDbUiGui::productionIsReadOnlyAndMarked()
{
    auto s = settings();
    s.label = QStringLiteral("prod");
    s.readOnly = false; // the panel must turn this into read-only by default
    m_panel->setDefaultConnection(s);
    m_panel->show(); // connects on first show
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->isConnected(), 15000);
    QVERIFY(m_panel->currentSettings().readOnly);
    QVERIFY(m_panel->isProductionBannerShown());
    QCOMPARE(m_panel->productionBannerText(), QStringLiteral("PRODUCTION — read-only"));
    QVERIFY(openItems());
    // The app re-sends unchanged defaults whenever it rereads .env: no reconnect.
    db::DbSession *session = m_panel->session();
    m_panel->setDefaultConnection(s);
    QCOMPARE(m_panel->session(), session);
    auto *browser = m_panel->browser();
    QVERIFY(!browser->insertRowAction()->isEnabled());
    QVERIFY(browser->insertRowAction()->toolTip().contains(QStringLiteral("Read-only")));
    QVERIFY(!browser->tableModel()->setData(browser->tableModel()->index(0, 1), QStringLiteral("x")));
    QVERIFY(pddtest::saveScreenshot(m_panel.get(), QStringLiteral("db-production")));
    // The dev connection shows no banner.
    QVERIFY(connectPanel(settings()));
    QVERIFY(!m_panel->isProductionBannerShown());
}

void TestDbUiGui::connectionDialogConnectsAndSavesWithoutPassword()
{
    auto s = settings();
    s.label = QStringLiteral("dialog-test");
    m_panel->show();
    m_panel->openConnectionDialog();
    auto *dialog = m_panel->connectionDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->setSettings(s);
    QVERIFY(pddtest::saveScreenshot(dialog, QStringLiteral("db-connection-dialog")));
    QSignalSpy connected(m_panel.get(), &DbBrowserPanel::connected);
    dialog->accept();
    QVERIFY(connected.wait(15000));
    QCOMPARE(m_panel->currentSettings().label, QStringLiteral("dialog-test"));
    // The saved entry has everything but the password.
    QSettings stored;
    QVERIFY(stored.allKeys().join(' ').contains(QStringLiteral("host")));
    for (const QString &key : stored.allKeys())
        QVERIFY2(stored.value(key).toString() != s.password, qPrintable(key));
    QFile file(stored.fileName());
    if (file.open(QIODevice::ReadOnly))
        QVERIFY(!file.readAll().contains(s.password.toUtf8()));
    // No session bus here: the keychain is unavailable and the panel says so,
    // unless it already reported a real database problem.
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->messageText().contains(QStringLiteral("keychain"))
                                 || m_panel->messageText().startsWith(QStringLiteral("Connected")),
                             5000);
}

void TestDbUiGui::exactCountAndHostileNames()
{
    QVERIFY(connectPanel(settings()));
    const QString hostile = QStringLiteral("Tab \"q\"; DROP TABLE x; --");
    QVERIFY(openItems(hostile));
    auto *browser = m_panel->browser();
    auto *model = browser->tableModel();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("naïve col; --"));
    QVERIFY(model->setData(model->index(0, 1), QStringLiteral("it's \"fine\"")));
    QSignalSpy saved(model, &db::TableModel::saved);
    browser->saveAction()->trigger();
    QVERIFY(saved.wait(10000));
    QCOMPARE(queryValue(
                 "SELECT \"naïve col; --\" FROM \"dbui gui\".\"Tab \"\"q\"\"; DROP TABLE x; --\" WHERE \"select\" = 1"),
             std::string("it's \"fine\""));

    // "Count rows exactly" from the tree's context actions.
    auto *tree = browser->ui()->catalogView;
    tree->setCurrentIndex(browser->catalogModel()->indexOf({QString::fromUtf8(kSchema), QStringLiteral("items")}));
    QVERIFY(browser->countRowsAction()->isEnabled());
    QVERIFY(tree->actions().contains(browser->countRowsAction()));
    QSignalSpy counted(browser->catalogModel(), &db::CatalogModel::exactCountReady);
    browser->countRowsAction()->trigger();
    QVERIFY(counted.wait(10000));
    QCOMPARE(counted.first().at(1).toLongLong(), 50);
    QTRY_VERIFY(m_panel->messageText().contains(QStringLiteral("exactly 50 rows")));

    // Expanding a relation lists its columns (type, key, default) and indexes.
    const QModelIndex items = browser->catalogModel()->indexOf({QString::fromUtf8(kSchema), QStringLiteral("items")});
    tree->expand(items);
    QTRY_VERIFY_WITH_TIMEOUT(browser->catalogModel()->rowCount(items) >= 6, 10000);
    QStringList names;
    for (int r = 0; r < browser->catalogModel()->rowCount(items); ++r)
        names << browser->catalogModel()->index(r, 0, items).data().toString();
    QVERIFY2(names.join(',').contains(QStringLiteral("name")), qPrintable(names.join(',')));
    QVERIFY(pddtest::saveScreenshot(m_panel.get(), QStringLiteral("db-hostile-names")));
}

PDD_GUI_TEST_MAIN(TestDbUiGui)
#include "tst_dbui_gui.moc"
