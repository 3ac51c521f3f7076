#include "BootLogDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QVBoxLayout>

BootLogDialog::BootLogDialog(const QString &unit, const QStringList &command, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Log of %1").arg(unit));
    resize(820, 480);
    auto *layout = new QVBoxLayout(this);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("bootLogText"));
    m_text->setReadOnly(true);
    m_text->setMaximumBlockCount(10000);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);

    m_process.setProcessChannelMode(QProcess::MergedChannels);
    connect(&m_process, &QProcess::readyRead, this, [this] {
        const QString text = QString::fromUtf8(m_process.readAll());
        m_text->moveCursor(QTextCursor::End);
        m_text->insertPlainText(text);
        m_text->moveCursor(QTextCursor::End);
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this, command](QProcess::ProcessError) {
        m_text->appendPlainText(tr("%1 could not be run: %2").arg(command.value(0), m_process.errorString()));
    });
    m_process.start(command.value(0), command.mid(1));
}

BootLogDialog::~BootLogDialog()
{
    m_process.kill();
    m_process.waitForFinished(1000);
}
