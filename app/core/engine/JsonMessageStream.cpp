#include "JsonMessageStream.h"

#include <QJsonDocument>
#include <QJsonParseError>

void JsonMessageStream::reset()
{
    m_buffer.clear();
    m_scanned = 0;
    m_depth = 0;
    m_inString = m_escaped = false;
    m_error.clear();
}

bool JsonMessageStream::fail(const QString &why)
{
    m_error = why;
    m_buffer.clear();
    return false;
}

bool JsonMessageStream::feed(const char *data, qsizetype size, QVector<QJsonObject> *out)
{
    if (hasError())
        return false;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        if (m_depth == 0) {
            // Between objects only whitespace is allowed.
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
                continue;
            if (c != '{')
                return fail(QStringLiteral("unexpected byte 0x%1 between JSON messages")
                                .arg(uchar(c), 2, 16, QLatin1Char('0')));
        }
        m_buffer.append(c);
        if (m_buffer.size() > kMaxMessageBytes)
            return fail(QStringLiteral("a JSON message exceeds %1 bytes").arg(kMaxMessageBytes));
        if (m_inString) {
            if (m_escaped)
                m_escaped = false;
            else if (c == '\\')
                m_escaped = true;
            else if (c == '"')
                m_inString = false;
            continue;
        }
        if (c == '"') {
            m_inString = true;
        } else if (c == '{' || c == '[') {
            ++m_depth;
        } else if (c == '}' || c == ']') {
            if (--m_depth == 0) {
                QJsonParseError err{};
                const QJsonDocument doc = QJsonDocument::fromJson(m_buffer, &err);
                if (err.error != QJsonParseError::NoError || !doc.isObject())
                    return fail(QStringLiteral("malformed JSON message: %1").arg(err.errorString()));
                out->append(doc.object());
                m_buffer.clear();
            } else if (m_depth < 0) {
                return fail(QStringLiteral("unbalanced JSON message"));
            }
        }
    }
    return true;
}
