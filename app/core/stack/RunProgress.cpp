#include "RunProgress.h"

#include <QRegularExpression>

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
        const int done = m.captured(group).toInt();
        const int total = m.captured(group + 1).toInt();
        if (total <= 0 || done > total)
            return std::nullopt;
        return double(done) / total;
    }
    return std::nullopt;
}
