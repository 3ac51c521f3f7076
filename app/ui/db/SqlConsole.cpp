#include "ui/db/SqlConsole.h"

#include "db/CsvExport.h"
#include "db/QueryResultModel.h"
#include "jobs/Job.h"
#include "ui/db/CellDelegate.h"
#include "ui_DbSqlConsole.h"

#include <QAction>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHeaderView>
#include <QTextBlock>

namespace dbui {

SqlConsole::SqlConsole(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::DbSqlConsole>()), m_delegate(new CellDelegate(this))
{
    m_ui->setupUi(this);
    m_ui->editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->errorLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->resultView->setItemDelegate(m_delegate);
    m_ui->errorLabel->setVisible(false);
    m_ui->exportProgress->setVisible(false);
    m_ui->splitter->setSizes({160, 400});
    m_ui->resultSplitter->setSizes({700, 220});

    m_runAction = new QAction(tr("Run"), this);
    m_runAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_runAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_cancelAction = new QAction(tr("Cancel"), this);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_runAction);
    addAction(m_cancelAction);
    m_ui->runButton->setToolTip(tr("Run the selection, or everything (Ctrl+Return)"));
    m_ui->cancelButton->setToolTip(tr("Cancel the running query on the server (Esc)"));

    connect(m_runAction, &QAction::triggered, this, &SqlConsole::run);
    connect(m_cancelAction, &QAction::triggered, this, &SqlConsole::cancel);
    connect(m_ui->runButton, &QPushButton::clicked, this, &SqlConsole::run);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &SqlConsole::cancel);
    // Ending the transaction is a query like any other: same status, same errors.
    connect(m_ui->commitButton, &QPushButton::clicked, this, [this] { runStatement(QStringLiteral("COMMIT")); });
    connect(m_ui->rollbackButton, &QPushButton::clicked, this, [this] { runStatement(QStringLiteral("ROLLBACK")); });
    connect(m_ui->exportButton, &QPushButton::clicked, this, &SqlConsole::exportCsv);
    connect(m_ui->editor, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_ui->editor->extraSelections().isEmpty())
            m_ui->editor->setExtraSelections({});
    });
    m_ticker.setInterval(100);
    connect(&m_ticker, &QTimer::timeout, this, &SqlConsole::tick);
    updateButtons();
}

SqlConsole::~SqlConsole() = default;

void SqlConsole::setConnection(const db::ConnectionSettings &settings, bool connected)
{
    m_ui->resultView->setModel(nullptr);
    m_ui->detailView->clear();
    delete m_runner;
    m_inTransaction = false;
    m_ticker.stop();
    m_settings = settings;
    if (connected) {
        m_runner = new db::QueryRunner(settings, this);
        connect(m_runner, &db::QueryRunner::finished, this, &SqlConsole::finished);
        connect(m_runner, &db::QueryRunner::rowsFetched, this, [this](int total, bool more, bool capped) {
            m_ui->statusLabel->setText(rowsText(total, more, capped));
        });
        m_ui->resultView->setModel(m_runner->model());
        connect(m_ui->resultView->selectionModel(), &QItemSelectionModel::currentChanged, m_ui->detailView,
                &CellDetailView::showIndex);
    }
    m_ui->statusLabel->setText(connected ? QString() : tr("Not connected."));
    updateButtons();
}

bool SqlConsole::isRunning() const
{
    return m_runner && m_runner->isRunning();
}

void SqlConsole::run()
{
    if (!m_runner || m_runner->isRunning())
        return;
    QTextCursor cursor = m_ui->editor->textCursor();
    QString sql;
    if (cursor.hasSelection()) {
        // The selection's text uses U+2029 between paragraphs.
        sql = cursor.selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
        m_queryStart = cursor.selectionStart();
    } else {
        sql = m_ui->editor->toPlainText();
        m_queryStart = 0;
    }
    if (sql.trimmed().isEmpty())
        return;
    m_lastSql = sql;
    start(sql);
}

void SqlConsole::runStatement(const QString &sql)
{
    if (!m_runner || m_runner->isRunning())
        return;
    m_queryStart = -1; // not the editor's text: no error position to mark
    start(sql);
}

void SqlConsole::start(const QString &sql)
{
    m_ui->editor->setExtraSelections({});
    m_ui->errorLabel->setVisible(false);
    m_elapsed.start();
    m_ticker.start();
    tick();
    m_runner->run(sql);
    updateButtons();
}

void SqlConsole::cancel()
{
    if (m_exportJob)
        m_exportJob->cancel();
    if (isRunning()) {
        m_runner->cancel();
        m_ui->statusLabel->setText(tr("Cancelling…"));
    }
}

void SqlConsole::tick()
{
    m_ui->statusLabel->setText(tr("Running… %1 s").arg(double(m_elapsed.elapsed()) / 1000.0, 0, 'f', 1));
}

void SqlConsole::finished(const db::QueryOutcome &outcome)
{
    m_ticker.stop();
    const QString elapsed = outcome.elapsedMs < 1000 ? tr("%1 ms").arg(outcome.elapsedMs)
                                                     : tr("%1 s").arg(double(outcome.elapsedMs) / 1000.0, 0, 'f', 2);
    m_inTransaction = outcome.inTransaction;
    if (outcome.ok) {
        QString what = outcome.commandTag;
        if (outcome.rowsFetched > 0 || m_runner->model()->columnCount() > 0)
            what = rowsText(outcome.rowsFetched, outcome.moreRows, outcome.capped);
        else if (outcome.rowsAffected >= 0)
            what = tr("%1 — %L2 row(s) affected", "", int(qMin<qint64>(outcome.rowsAffected, INT_MAX)))
                       .arg(outcome.commandTag)
                       .arg(outcome.rowsAffected);
        // Several statements ran: each one is said, not only the one whose rows are shown.
        if (outcome.statements.size() > 1)
            what = tr("%1 statements: %2 — %3")
                       .arg(outcome.statements.size())
                       .arg(outcome.statements.join(QStringLiteral(" · ")), what);
        m_ui->statusLabel->setText(tr("%1 · %2").arg(what, elapsed));
        m_ui->resultView->resizeColumnsToContents();
        for (int c = 0; c < m_ui->resultView->model()->columnCount(); ++c)
            m_ui->resultView->setColumnWidth(c, qMin(m_ui->resultView->columnWidth(c), 400));
    } else if (outcome.error.kind == db::DbError::Kind::Cancelled) {
        m_ui->statusLabel->setText(tr("Cancelled after %1").arg(elapsed));
    } else {
        m_ui->statusLabel->setText(tr("Failed after %1").arg(elapsed));
        // The server's text carries "LINE n:" and a caret under the error: keep it
        // verbatim in a fixed font so the caret lines up; our sentence only when it adds something.
        const QString server = outcome.error.serverText.trimmed();
        QString text = server.contains(outcome.error.message) ? server
            : server.isEmpty()                                ? outcome.error.message
                                                              : outcome.error.message + QStringLiteral("\n") + server;
        m_ui->errorLabel->setText(text);
        m_ui->errorLabel->setVisible(true);
        if (outcome.error.position > 0 && m_queryStart >= 0)
            showErrorPosition(outcome.error.position);
    }
    updateButtons();
    Q_EMIT queryFinished(outcome);
}

QString SqlConsole::rowsText(int rows, bool more, bool capped) const
{
    if (capped)
        return tr("first %Ln row(s) (the console keeps at most %L1; Export CSV writes them all)", "", rows)
            .arg(db::QueryRunner::kMaxRows);
    return more ? tr("%Ln row(s) (more on scroll)", "", rows) : tr("%Ln row(s)", "", rows);
}

void SqlConsole::showErrorPosition(int position)
{
    // position is 1-based, in characters of the statement that ran.
    const int at = m_queryStart + position - 1;
    QTextCursor cursor(m_ui->editor->document());
    cursor.setPosition(qBound(0, at, m_ui->editor->document()->characterCount() - 1));
    cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
    if (!cursor.hasSelection())
        cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
    QTextEdit::ExtraSelection mark;
    mark.cursor = cursor;
    mark.format.setBackground(QColor(255, 200, 200));
    mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    mark.format.setUnderlineColor(Qt::red);
    m_ui->editor->setExtraSelections({mark});
    QTextCursor caret(m_ui->editor->document());
    caret.setPosition(cursor.anchor());
    m_ui->editor->setTextCursor(caret);
    m_ui->editor->ensureCursorVisible();
}

void SqlConsole::updateButtons()
{
    const bool connected = m_runner;
    const bool running = isRunning();
    m_ui->runButton->setEnabled(connected && !running);
    m_runAction->setEnabled(connected && !running);
    m_ui->cancelButton->setEnabled(running || m_exportJob);
    m_cancelAction->setEnabled(running || m_exportJob);
    m_ui->exportButton->setEnabled(connected && !m_exportJob);
    const bool inTx = connected && m_inTransaction;
    m_ui->transactionLabel->setVisible(inTx);
    m_ui->commitButton->setVisible(inTx);
    m_ui->rollbackButton->setVisible(inTx);
    m_ui->commitButton->setEnabled(inTx && !running);
    m_ui->rollbackButton->setEnabled(inTx && !running);
}

void SqlConsole::exportCsv()
{
    const QString sql = m_ui->editor->textCursor().hasSelection()
        ? m_ui->editor->textCursor().selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'))
        : m_ui->editor->toPlainText();
    if (sql.trimmed().isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export query to CSV"), QStringLiteral("query.csv"),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty()) {
        m_lastSql = sql;
        exportTo(path);
    }
}

Job *SqlConsole::exportTo(const QString &path)
{
    QString sql = m_lastSql.isEmpty() ? m_ui->editor->toPlainText() : m_lastSql;
    if (!m_runner || m_exportJob || sql.trimmed().isEmpty())
        return nullptr;
    Job *job = db::CsvExport::exportQuery(m_settings, sql, path, -1, this);
    m_exportJob = job;
    m_ui->exportProgress->setVisible(true);
    connect(job, &Job::progressChanged, this, [this](double, const QString &status) {
        m_ui->exportProgress->setFormat(status);
        m_ui->exportProgress->setToolTip(status);
    });
    connect(job, &Job::finished, this, [this, job, path](Job::State state) {
        m_ui->exportProgress->setVisible(false);
        if (state == Job::State::Succeeded)
            m_ui->statusLabel->setText(tr("Exported to %1").arg(path));
        else if (state == Job::State::Cancelled)
            m_ui->statusLabel->setText(tr("Export cancelled."));
        else {
            m_ui->errorLabel->setText(tr("Export failed: %1").arg(job->errorString()));
            m_ui->errorLabel->setVisible(true);
        }
        m_exportJob = nullptr; // the Job itself stays (parented here) for the Activity panel
        updateButtons();
    });
    updateButtons();
    Q_EMIT jobStarted(job);
    return job;
}

} // namespace dbui
