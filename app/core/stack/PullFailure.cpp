#include "PullFailure.h"

#include <QRegularExpression>

std::optional<PullFailure> PullFailure::parse(const QString &error)
{
    // The reason may hold parentheses of its own: it ends where ". Set" begins.
    static const QRegularExpression re(QStringLiteral(
        "could not pull (\\S+): ([^(]+?) \\((.*)\\)\\. Set ([A-Z0-9_]+) in (.+?) to a mirror or a local image"));
    const QRegularExpressionMatch m = re.match(error);
    if (!m.hasMatch())
        return std::nullopt;
    PullFailure f;
    f.image = m.captured(1);
    f.why = m.captured(2);
    f.reason = m.captured(3);
    f.variable = m.captured(4);
    f.envFile = m.captured(5);
    f.noRegistry = f.why == QLatin1String("no registry reachable");
    return f;
}
