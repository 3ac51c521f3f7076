#include "LogStreamDecoder.h"

namespace {
constexpr int kHeaderSize = 8;

QString lineText(QByteArray bytes)
{
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}
} // namespace

QString LogStreamDecoder::streamName(int stream)
{
    return stream == 2 ? QStringLiteral("stderr") : QStringLiteral("stdout");
}

void LogStreamDecoder::appendPayload(int stream, const char *data, qsizetype size, QVector<LogLine> *out)
{
    QByteArray &partial = m_partial[stream];
    qsizetype start = 0;
    for (qsizetype i = 0; i < size; ++i) {
        if (data[i] != '\n')
            continue;
        partial.append(data + start, i - start);
        out->append({streamName(stream), lineText(partial)});
        partial.clear();
        start = i + 1;
    }
    partial.append(data + start, size - start);
    if (partial.size() > kMaxLineBytes) {
        out->append({streamName(stream), lineText(partial)});
        partial.clear();
    }
}

bool LogStreamDecoder::feed(const char *data, qsizetype size, QVector<LogLine> *out)
{
    if (!m_error.isEmpty())
        return false;
    if (m_mode == Mode::Raw) {
        appendPayload(1, data, size, out);
        return true;
    }
    qsizetype pos = 0;
    while (pos < size) {
        if (m_remaining == 0) {
            const qsizetype need = kHeaderSize - m_header.size();
            const qsizetype take = qMin(need, size - pos);
            m_header.append(data + pos, take);
            pos += take;
            if (m_header.size() < kHeaderSize)
                break;
            const auto *h = reinterpret_cast<const uchar *>(m_header.constData());
            if (h[0] > 2 || h[1] || h[2] || h[3]) {
                m_error = QStringLiteral("malformed log frame header (stream byte %1); "
                                         "is this a TTY container read as multiplexed?")
                              .arg(h[0]);
                return false;
            }
            m_currentStream = h[0] == 0 ? 1 : h[0]; // stdin echo is shown as stdout
            m_remaining = (quint32(h[4]) << 24) | (quint32(h[5]) << 16) | (quint32(h[6]) << 8) | quint32(h[7]);
            m_header.clear();
            continue;
        }
        const qsizetype take = qMin(qsizetype(m_remaining), size - pos);
        appendPayload(m_currentStream, data + pos, take, out);
        pos += take;
        m_remaining -= quint32(take);
    }
    return true;
}

void LogStreamDecoder::flush(QVector<LogLine> *out)
{
    for (int s = 1; s <= 2; ++s) {
        if (!m_partial[s].isEmpty()) {
            out->append({streamName(s), lineText(m_partial[s])});
            m_partial[s].clear();
        }
    }
}
