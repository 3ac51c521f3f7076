#include "LogPane.h"

#include "engine/LogFollower.h"
#include "ui_LogPane.h"

#include <QScrollBar>
#include <QTextBlock>

LogPane::LogPane(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::LogPane>())
{
    m_ui->setupUi(this);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_ui->logText->setFont(mono);
    m_ui->logSource->setText(tr("select a container"));
    connect(m_ui->clearButton, &QToolButton::clicked, m_ui->logText, &QPlainTextEdit::clear);
}

LogPane::~LogPane() = default;

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
    connect(m_follower, &LogFollower::lineReceived, this, &LogPane::append);
    connect(m_follower, &LogFollower::failed, this, [this](const QString &error) {
        m_ui->logSource->setText(tr("%1 — %2").arg(m_label, error));
    });
    connect(m_follower, &LogFollower::finished, this,
            [this] { m_ui->logSource->setText(tr("%1 — log ended").arg(m_label)); });
    m_follower->start(200);
}

void LogPane::stopFollowing(const QString &why)
{
    if (m_follower) {
        m_follower->disconnect(this);
        m_follower->stop();
        m_follower->deleteLater();
        m_follower = nullptr;
    }
    if (!why.isEmpty())
        m_ui->logSource->setText(tr("%1 — %2").arg(m_label, why));
}

void LogPane::append(const QString &stream, const QString &text)
{
    QScrollBar *bar = m_ui->logText->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    m_ui->logText->appendPlainText(text);
    if (stream == QLatin1String("stderr")) {
        QTextCursor c(m_ui->logText->document()->lastBlock());
        c.select(QTextCursor::BlockUnderCursor);
        QTextCharFormat f;
        f.setForeground(QColor(0x80, 0x50, 0x10)); // many servers log everything to stderr: tint, do not alarm
        c.mergeCharFormat(f);
    }
    if (atEnd)
        bar->setValue(bar->maximum());
}
