#include "PushProgress.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(PushProgress)
};
} // namespace

namespace {
bool isDoneStatus(const QString &s)
{
    return s == QLatin1String("Pushed") || s == QLatin1String("Layer already exists")
        || s.startsWith(QLatin1String("Mounted from"));
}
} // namespace

QString PushProgress::apply(const QJsonObject &message)
{
    if (message.contains(QLatin1String("error")) || message.contains(QLatin1String("errorDetail"))) {
        const QString detail =
            message.value(QLatin1String("errorDetail")).toObject().value(QLatin1String("message")).toString();
        m_error = detail.isEmpty() ? message.value(QLatin1String("error")).toString() : detail;
        if (m_error.isEmpty())
            m_error = Text::tr("the push failed without a message");
        return m_error;
    }
    const QString status = message.value(QLatin1String("status")).toString();
    const QString id = message.value(QLatin1String("id")).toString();
    if (id.isEmpty()) {
        static const QRegularExpression digestRe(QStringLiteral("digest: (sha256:[0-9a-f]{64})"));
        const auto m = digestRe.match(status);
        if (m.hasMatch())
            m_digest = m.captured(1);
        return status;
    }
    Layer &layer = m_layers[id];
    const QString previous = layer.status;
    layer.status = status;
    const QJsonObject detail = message.value(QLatin1String("progressDetail")).toObject();
    if (detail.contains(QLatin1String("total"))) {
        // toInteger: 0 for what is no whole qint64 (a garbage 5e40 was undefined behaviour).
        layer.total = qMax<qint64>(0, detail.value(QLatin1String("total")).toInteger(0));
        layer.current = qMax<qint64>(0, detail.value(QLatin1String("current")).toInteger(0));
    }
    if (isDoneStatus(status)) {
        layer.done = true;
        if (layer.total > 0)
            layer.current = layer.total;
    }
    return status == previous ? QString() : id + QLatin1String(": ") + status;
}

qint64 PushProgress::bytesSent() const
{
    qint64 sum = 0;
    for (const Layer &l : m_layers)
        sum += l.total > 0 ? qMin(l.current, l.total) : 0;
    return sum;
}

qint64 PushProgress::bytesTotal() const
{
    qint64 sum = 0;
    for (const Layer &l : m_layers)
        sum += l.total > 0 ? l.total : 0;
    return sum;
}

int PushProgress::layersDone() const
{
    int n = 0;
    for (const Layer &l : m_layers)
        n += l.done ? 1 : 0;
    return n;
}

double PushProgress::fraction() const
{
    if (m_layers.isEmpty())
        return m_digest.isEmpty() ? -1.0 : 1.0;
    if (layersDone() == layerCount())
        return 1.0;
    const qint64 total = bytesTotal();
    // Layers that exist remotely never report sizes; before any upload starts
    // counting finished layers is the best estimate there is. A layer still
    // waiting to upload has no size yet either: it counts as an average-sized
    // one, so one small layer's bytes never read as "99%" of the image.
    int sized = 0, waiting = 0;
    for (const Layer &l : m_layers) {
        sized += l.total > 0 ? 1 : 0;
        waiting += (!l.done && l.total <= 0) ? 1 : 0;
    }
    const double f = total > 0 ? double(bytesSent()) / (double(total) + double(total) / sized * waiting)
                               : double(layersDone()) / layerCount();
    return qMin(f, 0.99); // not done until every layer says so
}
