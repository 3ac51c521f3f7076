#include "LineSplitter.h"

#include <QRegularExpression>

namespace {
QString clean(const QByteArray &raw)
{
    static const QRegularExpression ansi(QStringLiteral("\x1b\\[[0-9;?]*[A-Za-z]"));
    return QString::fromUtf8(raw).remove(ansi);
}
} // namespace

QStringList LineSplitter::feed(const QByteArray &bytes)
{
    m_pending += bytes;
    QStringList lines;
    int start = 0;
    for (int i = 0; i < m_pending.size(); ++i) {
        const char c = m_pending.at(i);
        if (c != '\n' && c != '\r')
            continue;
        if (i > start)
            lines << clean(m_pending.mid(start, i - start));
        start = i + 1;
    }
    m_pending.remove(0, start);
    return lines;
}

QStringList LineSplitter::flush()
{
    QStringList lines;
    if (!m_pending.isEmpty())
        lines << clean(m_pending);
    m_pending.clear();
    return lines;
}
