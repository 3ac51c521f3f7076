#pragma once

#include "engine/LogStreamDecoder.h"

#include <QVector>

#include <mutex>

// The hand-off between a log follower's worker thread and the GUI, bounded in
// memory and in GUI time whatever the container prints. The worker push()es
// every decoded line; the GUI take()s at most a screenful per tick. When the
// GUI cannot keep up, the oldest lines are dropped and counted, so a container
// printing 100k lines/s costs a fixed amount of memory and of GUI time, and
// the user sees "N lines skipped" instead of a frozen window.
//
// Threads: push() from the worker, take()/clear() from the GUI. The lines are
// copied in and out under the mutex (values cross threads, nothing is shared
// beyond this queue); push() tells the caller when the queue went from empty to
// non-empty, so the worker posts one wake-up per burst, not one per chunk.
class LogLineQueue
{
public:
    explicit LogLineQueue(int capacity = 10000) : m_capacity(qMax(1, capacity)) {}

    static constexpr qsizetype kMaxLineChars = 16 * 1024; // longer lines are cut, with a mark

    // Returns true when the queue was empty: the consumer needs waking.
    bool push(const QVector<LogLine> &lines);

    struct Batch
    {
        QVector<LogLine> lines;
        qint64 skipped = 0; // dropped before these lines, since the previous take()
        bool more = false;  // lines remain after this batch
    };
    Batch take(int maxLines);
    void clear();
    void setCapacity(int capacity);
    int capacity() const;

private:
    mutable std::mutex m_mutex;
    QVector<LogLine> m_lines; // oldest first, m_head marks the first not yet taken
    qsizetype m_head = 0;
    qint64 m_skipped = 0;
    int m_capacity;
};
