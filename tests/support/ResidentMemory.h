#pragma once

// Resident memory of this process in KiB (Linux /proc/self/status), 0 where
// unknown: for tests that bound memory growth, measured around what they do.
#include <QByteArray>
#include <QFile>

namespace pddtest {

inline qint64 residentKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

} // namespace pddtest
