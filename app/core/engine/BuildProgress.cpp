#include "BuildProgress.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(BuildProgress)
};
} // namespace

QStringList BuildProgress::apply(const QJsonObject &message)
{
    QStringList lines;
    if (message.contains(QLatin1String("error")) || message.contains(QLatin1String("errorDetail"))) {
        const QString detail =
            message.value(QLatin1String("errorDetail")).toObject().value(QLatin1String("message")).toString();
        m_error = detail.isEmpty() ? message.value(QLatin1String("error")).toString() : detail;
        if (m_error.isEmpty())
            m_error = Text::tr("the build failed without a message");
        lines << m_error;
        return lines;
    }
    const QString id = message.value(QLatin1String("aux")).toObject().value(QLatin1String("ID")).toString();
    if (!id.isEmpty())
        m_imageId = id;

    m_pending += message.value(QLatin1String("stream")).toString();
    qsizetype nl;
    while ((nl = m_pending.indexOf(QLatin1Char('\n'))) >= 0) {
        const QString line = m_pending.left(nl).trimmed();
        m_pending.remove(0, nl + 1);
        if (line.isEmpty())
            continue;
        lines << line;
        static const QRegularExpression stepRe(QStringLiteral("^Step (\\d+)/(\\d+) :"));
        // Podman (Buildah) counts per stage: "[2/3] STEP 4/11: COPY . /srv", or
        // "STEP 4/11: COPY . /srv" when there is one stage.
        static const QRegularExpression podmanStepRe(
            QStringLiteral("^(?:\\[(\\d+)/(\\d+)\\] )?STEP (\\d+)/(\\d+): (.*)$"));
        const auto m = stepRe.match(line);
        const auto p = m.hasMatch() ? QRegularExpressionMatch() : podmanStepRe.match(line);
        if (m.hasMatch()) {
            m_step = m.captured(1).toInt();
            m_total = m.captured(2).toInt();
            m_status = line;
        } else if (p.hasMatch()) {
            const int stage = p.captured(1).isEmpty() ? 1 : p.captured(1).toInt();
            const int stages = p.captured(2).isEmpty() ? 1 : std::max(1, p.captured(2).toInt());
            const int step = p.captured(3).toInt();
            const int steps = std::max(1, p.captured(4).toInt());
            // One scale for both engines: stages weigh the same, steps split their stage.
            m_total = stages * steps;
            m_step = (stage - 1) * steps + step;
            // The status reads as Docker's does, so sentences built on it ("Step 3/3 : RUN
            // false failed: …") need not know the engine.
            if (stages > 1)
                m_status = Text::tr("Stage %1/%2, step %3/%4 : %5")
                               .arg(stage)
                               .arg(stages)
                               .arg(step)
                               .arg(steps)
                               .arg(p.captured(5));
            else
                //: Docker's own step line, which the app shows as the engine sends it (untranslated)
                m_status = Text::tr("Step %1/%2 : %3").arg(step).arg(steps).arg(p.captured(5));
        } else if (line == QLatin1String("---> Using cache") || line.startsWith(QLatin1String("--> Using cache "))) {
            ++m_cached;
        } else if (line.startsWith(QLatin1String("Successfully built ")) && m_imageId.isEmpty()) {
            m_imageId = line.mid(int(qstrlen("Successfully built ")));
        }
    }
    return lines;
}

double BuildProgress::fraction() const
{
    if (!m_imageId.isEmpty() && !failed())
        return 1.0;
    if (m_total <= 0)
        return -1.0;
    // A step counts as done once the next one starts; the last one when the image exists.
    return qBound(0.0, double(m_step - 1) / m_total, 1.0);
}
