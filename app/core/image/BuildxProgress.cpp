#include "BuildxProgress.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {
constexpr qsizetype kMaxObjectBytes = 8 * 1024 * 1024;

// "[2/3] RUN ..." or "[build 1/4] COPY ..." → (stage, k, N); N == 0 when not a step.
struct StepName
{
    QString stage;
    int k = 0, n = 0;
};
StepName parseStep(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^\\[(?:(\\S+) )?(\\d+)/(\\d+)\\]"));
    const auto m = re.match(name);
    StepName s;
    if (m.hasMatch()) {
        s.stage = m.captured(1);
        s.k = m.captured(2).toInt();
        s.n = m.captured(3).toInt();
    }
    return s;
}
} // namespace

QStringList BuildxProgress::feed(const char *data, qsizetype size)
{
    QStringList lines;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        const bool lineStart = m_lineStart;
        m_lineStart = c == '\n';
        // Inside an object every line but the closing one is indented: text at
        // the start of a line means the object was broken (never closed).
        if (m_inObject && lineStart && c != ' ' && c != '\t' && c != '}' && c != ']' && c != '\r' && c != '\n') {
            m_garbage = true;
            m_buffer.clear();
            m_inObject = false;
            m_scan.reset();
        }
        if (!m_inObject) {
            if (m_buffer.isEmpty() && c == '{') {
                m_inObject = true;
                m_scan.reset();
                m_scan.step(c);
                m_buffer.append(c);
                continue;
            }
            if (c == '\n') {
                const QString text = QString::fromUtf8(m_buffer).trimmed();
                m_buffer.clear();
                if (!text.isEmpty())
                    applyText(text, &lines);
                continue;
            }
            if (m_buffer.isEmpty() && (c == ' ' || c == '\t' || c == '\r'))
                continue;
            if (m_buffer.size() < kMaxObjectBytes)
                m_buffer.append(c);
            continue;
        }
        m_buffer.append(c);
        const JsonBraceScanner::Step step = m_scan.step(c);
        if (step == JsonBraceScanner::Step::Closed || step == JsonBraceScanner::Step::Unbalanced) {
            QJsonParseError err{};
            const QJsonDocument doc = QJsonDocument::fromJson(m_buffer, &err);
            if (step == JsonBraceScanner::Step::Closed && err.error == QJsonParseError::NoError && doc.isObject())
                applyObject(doc.object(), &lines);
            else
                m_garbage = true;
            m_buffer.clear();
            m_inObject = false;
        }
        if (m_buffer.size() > kMaxObjectBytes) {
            m_garbage = true;
            m_buffer.clear();
            m_inObject = false;
            m_scan.reset();
        }
    }
    return lines;
}

QStringList BuildxProgress::finish()
{
    QStringList lines;
    if (!m_inObject) {
        const QString text = QString::fromUtf8(m_buffer).trimmed();
        if (!text.isEmpty())
            applyText(text, &lines);
    } else {
        m_garbage = true;
    }
    m_buffer.clear();
    m_inObject = false;
    for (auto it = m_logTail.begin(); it != m_logTail.end(); ++it) {
        if (!it.value().trimmed().isEmpty())
            lines << QString::fromUtf8(it.value()).trimmed();
    }
    m_logTail.clear();
    return lines;
}

void BuildxProgress::applyText(const QString &line, QStringList *lines)
{
    *lines << line;
    if (line.startsWith(QLatin1String("ERROR:")) && m_error.isEmpty())
        m_error = line.mid(6).trimmed();
}

void BuildxProgress::applyObject(const QJsonObject &o, QStringList *lines)
{
    for (const QJsonValue &value : o.value(QLatin1String("vertexes")).toArray()) {
        const QJsonObject v = value.toObject();
        const QString digest = v.value(QLatin1String("digest")).toString();
        if (digest.isEmpty())
            continue;
        if (!m_vertices.contains(digest))
            m_order << digest;
        Vertex &x = m_vertices[digest];
        const bool wasStarted = x.started, wasCompleted = x.completed;
        const QString name = v.value(QLatin1String("name")).toString();
        if (!name.isEmpty() && x.name.isEmpty()) {
            x.name = name;
            const StepName s = parseStep(name);
            if (s.n > 0) {
                x.stage = 1;
                m_stages[s.stage] = qMax(m_stages.value(s.stage), s.n);
            }
        }
        x.started = x.started || v.contains(QLatin1String("started"));
        x.completed = x.completed || v.contains(QLatin1String("completed"));
        x.cached = x.cached || v.value(QLatin1String("cached")).toBool();
        const QString error = v.value(QLatin1String("error")).toString();
        if (x.started && !wasStarted && !x.completed)
            m_lastActive = digest;
        if (!wasStarted && x.started && !x.name.isEmpty())
            *lines << x.name;
        if (!error.isEmpty() && x.error.isEmpty()) {
            x.error = error;
            // Cancelling other vertexes after the first failure is noise.
            if (m_failedStep.isEmpty() && !error.contains(QLatin1String("context canceled"))) {
                m_failedStep = x.name;
                m_error = error;
            }
            *lines << QStringLiteral("%1: ERROR: %2").arg(x.name, error);
        } else if (x.completed && !wasCompleted) {
            *lines << QStringLiteral("%1: %2").arg(x.name,
                                                   x.cached ? QStringLiteral("CACHED") : QStringLiteral("DONE"));
        }
    }
    for (const QJsonValue &value : o.value(QLatin1String("statuses")).toArray()) {
        const QJsonObject s = value.toObject();
        const auto it = m_vertices.find(s.value(QLatin1String("vertex")).toString());
        if (it == m_vertices.end())
            continue;
        const qint64 total = s.value(QLatin1String("total")).toInteger(0);
        if (total > 0) {
            it->total = total;
            it->current = qBound<qint64>(0, s.value(QLatin1String("current")).toInteger(0), total);
        }
    }
    for (const QJsonValue &value : o.value(QLatin1String("logs")).toArray()) {
        const QJsonObject l = value.toObject();
        const QString vertex = l.value(QLatin1String("vertex")).toString();
        QByteArray &tail = m_logTail[vertex];
        tail += QByteArray::fromBase64(l.value(QLatin1String("data")).toString().toLatin1());
        qsizetype nl;
        while ((nl = tail.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(tail.left(nl)).trimmed();
            tail.remove(0, nl + 1);
            if (!line.isEmpty())
                *lines << line;
        }
        if (tail.size() > kMaxObjectBytes)
            tail.clear();
    }
    for (const QJsonValue &value : o.value(QLatin1String("warnings")).toArray()) {
        const QString short_ = QString::fromUtf8(
            QByteArray::fromBase64(value.toObject().value(QLatin1String("short")).toString().toLatin1()));
        if (!short_.isEmpty())
            *lines << QStringLiteral("WARNING: ") + short_;
    }
}

int BuildxProgress::stepsSeen() const
{
    int n = 0;
    for (int total : m_stages)
        n += total;
    return n;
}

int BuildxProgress::stepsDone() const
{
    int n = 0;
    for (const Vertex &v : m_vertices)
        n += (v.stage >= 0 && v.completed && v.error.isEmpty()) ? 1 : 0;
    return n;
}

int BuildxProgress::cachedSteps() const
{
    int n = 0;
    for (const Vertex &v : m_vertices)
        n += (v.stage >= 0 && v.cached) ? 1 : 0;
    return n;
}

double BuildxProgress::fraction() const
{
    const int seen = stepsSeen();
    if (seen <= 0)
        return -1.0;
    double done = stepsDone();
    // The running step's bytes count as a part of it.
    const auto active = m_vertices.constFind(m_lastActive);
    if (active != m_vertices.cend() && active->stage >= 0 && !active->completed && active->total > 0)
        done += double(active->current) / double(active->total);
    return qBound(0.0, done / seen, 1.0);
}

QString BuildxProgress::status() const
{
    const auto active = m_vertices.constFind(m_lastActive);
    if (active == m_vertices.cend())
        return {};
    QString s = active->name;
    if (active->completed)
        s += active->cached ? QStringLiteral(" (CACHED)") : QString();
    else if (active->total > 0)
        s += QStringLiteral(" · %1 of %2 MB")
                 .arg(double(active->current) / 1e6, 0, 'f', 1)
                 .arg(double(active->total) / 1e6, 0, 'f', 1);
    return s;
}
