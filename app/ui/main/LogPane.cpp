#include "LogPane.h"

#include "engine/LogFollower.h"
#include "ui_LogPane.h"

#include <QGuiApplication>
#include <QScrollBar>
#include <QSettings>
#include <QTextBlock>

LogPane::LogPane(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::LogPane>())
{
    m_ui->setupUi(this);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_ui->logText->setFont(mono);
    m_ui->logSource->setText(tr("select a container"));
    connect(m_ui->clearButton, &QToolButton::clicked, m_ui->logText, &QPlainTextEdit::clear);
    connect(m_ui->findEdit, &QLineEdit::returnPressed, this,
            [this] { findNext(QGuiApplication::keyboardModifiers().testFlag(Qt::ShiftModifier)); });
    connect(m_ui->findEdit, &QLineEdit::textEdited, this, [this] {
        // As the user types: from the start of the current match, so the match grows in place.
        QTextCursor c = m_ui->logText->textCursor();
        c.setPosition(c.selectionStart());
        m_ui->logText->setTextCursor(c);
        findNext();
    });
    m_drainTimer.setInterval(kTickMs);
    connect(&m_drainTimer, &QTimer::timeout, this, &LogPane::drain);
    setScrollback(QSettings().value(QStringLiteral("logs/scrollback"), 10000).toInt());
}

void LogPane::setScrollback(int lines)
{
    m_scrollback = qBound(100, lines, 1000000);
    m_ui->logText->setMaximumBlockCount(m_scrollback);
    if (m_follower)
        m_follower->setCapacity(m_scrollback);
}

LogPane::~LogPane() = default;

void LogPane::focusFind()
{
    m_ui->findEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->findEdit->selectAll();
}

bool LogPane::findNext(bool backward)
{
    const QString text = m_ui->findEdit->text();
    QPalette p = m_ui->findEdit->palette();
    p.setColor(QPalette::Base, palette().color(QPalette::Base));
    if (text.isEmpty()) {
        m_ui->findEdit->setPalette(p);
        return false;
    }
    const QTextDocument::FindFlags flags = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    bool found = m_ui->logText->find(text, flags);
    if (!found) {
        // Wrap around: from the other end once.
        QTextCursor c = m_ui->logText->textCursor();
        c.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
        m_ui->logText->setTextCursor(c);
        found = m_ui->logText->find(text, flags);
    }
    if (!found)
        p.setColor(QPalette::Base, QColor(0xff, 0xd8, 0xd8));
    m_ui->findEdit->setPalette(p);
    return found;
}

void LogPane::follow(const QString &containerId, const QString &label)
{
    if (containerId == m_followedId && m_follower)
        return;
    stopFollowing();
    m_ui->logText->clear();
    m_followedId = containerId;
    m_label = label;
    if (containerId.isEmpty()) {
        m_ui->logSource->setText(label.isEmpty() ? tr("select a container") : tr("%1 — no container").arg(label));
        return;
    }
    m_ui->logSource->setText(tr("%1 — following").arg(label));
    m_follower = new LogFollower(m_endpoint, containerId, this);
    m_follower->setCapacity(m_scrollback);
    connect(m_follower, &LogFollower::linesAvailable, this, [this] {
        if (!m_drainTimer.isActive()) {
            drain();
            m_drainTimer.start();
        }
    });
    connect(m_follower, &LogFollower::failed, this,
            [this](const QString &error) { m_ui->logSource->setText(tr("%1 — %2").arg(m_label, error)); });
    connect(m_follower, &LogFollower::finished, this,
            [this] { m_ui->logSource->setText(tr("%1 — log ended").arg(m_label)); });
    m_follower->start(200);
}

void LogPane::stopFollowing(const QString &why)
{
    m_drainTimer.stop();
    if (m_follower) {
        m_follower->disconnect(this);
        m_follower->stop();
        m_follower->deleteLater();
        m_follower = nullptr;
    }
    if (!why.isEmpty())
        m_ui->logSource->setText(tr("%1 — %2").arg(m_label, why));
}

// One batch per tick, appended through one cursor in one edit block: a layout
// per batch, not per line. Runs of the same stream share one insertText.
void LogPane::drain()
{
    if (!m_follower) {
        m_drainTimer.stop();
        return;
    }
    // Room for the "skipped" note too: with a small scrollback a full batch would trim it away.
    const LogLineQueue::Batch batch = m_follower->take(qMin(kMaxLinesPerTick, m_scrollback / 2));
    if (!batch.more)
        m_drainTimer.stop(); // the next linesAvailable() starts it again
    if (batch.lines.isEmpty() && batch.skipped == 0)
        return;

    QScrollBar *bar = m_ui->logText->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    QTextDocument *doc = m_ui->logText->document();
    QTextCursor c(doc);
    c.movePosition(QTextCursor::End);
    c.beginEditBlock();
    QTextCharFormat plain, tinted, note;
    tinted.setForeground(QColor(0x80, 0x50, 0x10)); // many servers log everything to stderr: tint, do not alarm
    note.setForeground(palette().color(QPalette::PlaceholderText));
    note.setFontItalic(true);
    bool first = doc->isEmpty();
    const auto insert = [&](const QString &text, const QTextCharFormat &format) {
        if (!first)
            c.insertBlock();
        first = false;
        c.insertText(text, format);
    };
    if (batch.skipped > 0)
        insert(tr("… %L1 lines skipped (the container writes faster than they can be shown)").arg(batch.skipped), note);
    for (qsizetype i = 0; i < batch.lines.size();) {
        const QString &stream = batch.lines.at(i).stream;
        QStringList run;
        for (; i < batch.lines.size() && batch.lines.at(i).stream == stream; ++i)
            run << batch.lines.at(i).text;
        insert(run.join(QChar::ParagraphSeparator), stream == QLatin1String("stderr") ? tinted : plain);
    }
    c.endEditBlock();
    if (atEnd)
        bar->setValue(bar->maximum());
}
