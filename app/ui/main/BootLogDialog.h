#pragma once

#include <QDialog>
#include <QProcess>

class QPlainTextEdit;

// The boot service's log (journalctl -u UNIT -n 200 -o short-iso -f, or the
// agent's log file on macOS), followed while the dialog is open. The process
// is read by signals; nothing waits on the GUI thread.
class BootLogDialog : public QDialog
{
    Q_OBJECT
public:
    BootLogDialog(const QString &unit, const QStringList &command, QWidget *parent = nullptr);
    ~BootLogDialog() override;

private:
    QPlainTextEdit *m_text;
    QProcess m_process;
};
