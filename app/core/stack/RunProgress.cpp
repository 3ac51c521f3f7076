#include "RunProgress.h"

#include <QRegularExpression>

#include <algorithm>

std::optional<double> RunProgress::fromLine(const QString &line)
{
    static const QRegularExpression re(
        QStringLiteral("(?:^|\\s)(?:Step\\s+(\\d+)\\s*/\\s*(\\d+)|\\[(\\d+)/(\\d+)\\]|\\((\\d+)/(\\d+)\\))"));
    const QRegularExpressionMatch m = re.match(line);
    if (!m.hasMatch())
        return std::nullopt;
    for (int group = 1; group <= 5; group += 2) {
        if (m.capturedLength(group) == 0)
            continue;
        // Byte counts (backups, restores) pass 2^31.
        const qint64 done = m.captured(group).toLongLong();
        const qint64 total = m.captured(group + 1).toLongLong();
        if (total <= 0 || done > total)
            return std::nullopt;
        return double(done) / double(total);
    }
    return std::nullopt;
}

bool RunProgress::isContainerStep(const QString &line)
{
    // v1: "Creating pdd-dev_db_1 ... done"; v2: " Container pdd-dev-db-1  Started".
    static const QRegularExpression v1(
        QStringLiteral("^(Creating|Starting|Recreating|Stopping|Removing) \\S+\\s+\\.\\.\\. done$"));
    static const QRegularExpression v2(QStringLiteral("^\\s*Container \\S+\\s+(Started|Stopped|Removed)$"));
    const QString t = line.trimmed();
    return v1.match(t).hasMatch() || v2.match(line).hasMatch();
}

std::optional<double> RunProgress::feed(const QString &line)
{
    if (const auto explicitFraction = fromLine(line))
        return explicitFraction;
    if (m_expected <= 0 || !isContainerStep(line))
        return std::nullopt;
    ++m_seen;
    return std::min(0.95, double(m_seen) / m_expected);
}
