#include "JsonMessageStream.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(JsonMessageStream)
};
} // namespace

JsonBraceScanner::Step JsonBraceScanner::step(char c)
{
    if (m_inString) {
        if (m_escaped)
            m_escaped = false;
        else if (c == '\\')
            m_escaped = true;
        else if (c == '"')
            m_inString = false;
        return Step::Inside;
    }
    if (c == '"') {
        m_inString = true;
    } else if (c == '{' || c == '[') {
        ++m_depth;
    } else if (c == '}' || c == ']') {
        if (--m_depth == 0)
            return Step::Closed;
        if (m_depth < 0)
            return Step::Unbalanced;
    }
    return Step::Inside;
}

void JsonMessageStream::reset()
{
    m_buffer.clear();
    m_scan.reset();
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
        if (m_scan.depth() == 0) {
            // Between objects only whitespace is allowed.
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
                continue;
            if (c != '{')
                return fail(
                    Text::tr("unexpected byte 0x%1 between JSON messages").arg(uchar(c), 2, 16, QLatin1Char('0')));
        }
        m_buffer.append(c);
        if (m_buffer.size() > kMaxMessageBytes)
            return fail(Text::tr("a JSON message exceeds %1 bytes").arg(kMaxMessageBytes));
        switch (m_scan.step(c)) {
        case JsonBraceScanner::Step::Inside: break;
        case JsonBraceScanner::Step::Unbalanced: return fail(Text::tr("unbalanced JSON message"));
        case JsonBraceScanner::Step::Closed: {
            QJsonParseError err{};
            const QJsonDocument doc = QJsonDocument::fromJson(m_buffer, &err);
            if (err.error != QJsonParseError::NoError || !doc.isObject())
                return fail(Text::tr("malformed JSON message: %1").arg(err.errorString()));
            out->append(doc.object());
            m_buffer.clear();
            break;
        }
        }
    }
    return true;
}
