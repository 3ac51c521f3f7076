#include "LogLineQueue.h"

bool LogLineQueue::push(const QVector<LogLine> &lines)
{
    if (lines.isEmpty())
        return false;
    std::lock_guard lock(m_mutex);
    const bool wasEmpty = m_head == m_lines.size();
    for (const LogLine &l : lines) {
        if (l.text.size() > kMaxLineChars)
            m_lines.append({l.stream, l.text.left(kMaxLineChars) + QStringLiteral(" …[line cut]")});
        else
            m_lines.append(l);
    }
    const qsizetype pending = m_lines.size() - m_head;
    if (pending > m_capacity) {
        const qsizetype drop = pending - m_capacity;
        m_skipped += drop;
        m_head += drop;
    }
    // Compact once the taken prefix outweighs what is pending (amortised O(1)).
    if (m_head > 0 && m_head >= m_lines.size() - m_head) {
        m_lines.remove(0, m_head);
        m_head = 0;
    }
    return wasEmpty;
}

LogLineQueue::Batch LogLineQueue::take(int maxLines)
{
    std::lock_guard lock(m_mutex);
    Batch b;
    const qsizetype n = qMin<qsizetype>(qMax(0, maxLines), m_lines.size() - m_head);
    b.lines = m_lines.mid(m_head, n);
    m_head += n;
    b.skipped = m_skipped;
    m_skipped = 0;
    b.more = m_head < m_lines.size();
    if (!b.more) {
        m_lines.clear();
        m_head = 0;
    }
    return b;
}

void LogLineQueue::clear()
{
    std::lock_guard lock(m_mutex);
    m_lines.clear();
    m_head = 0;
    m_skipped = 0;
}

void LogLineQueue::setCapacity(int capacity)
{
    std::lock_guard lock(m_mutex);
    m_capacity = qMax(1, capacity);
}

int LogLineQueue::capacity() const
{
    std::lock_guard lock(m_mutex);
    return m_capacity;
}
