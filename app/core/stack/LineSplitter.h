#pragma once

#include <QByteArray>
#include <QStringList>

// Cuts a process's byte stream into lines as they complete. '\r' counts as a
// line end too, because compose redraws progress with carriage returns; ANSI
// colour sequences are dropped so the Activity panel shows plain text.
class LineSplitter
{
public:
    QStringList feed(const QByteArray &bytes);
    // Whatever is left without a newline when the stream ends.
    QStringList flush();

private:
    QByteArray m_pending;
};
