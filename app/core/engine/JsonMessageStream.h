#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QVector>

// The brace and string state of one JSON value read byte by byte: where it
// ends (braces and brackets outside strings, escapes honoured). Shared by the
// decoders that find objects in a stream without parsing them twice.
class JsonBraceScanner
{
public:
    enum class Step { Inside, Closed, Unbalanced };
    // c is the value's next byte (the first one is its '{').
    Step step(char c);
    int depth() const { return m_depth; }
    void reset() { *this = JsonBraceScanner(); }

private:
    int m_depth = 0;
    bool m_inString = false;
    bool m_escaped = false;
};

// Splits a byte stream of concatenated JSON objects (/events, build and push
// progress; usually one per line, but nothing guarantees that or that a
// chunk ends on a boundary) into whole objects. It only finds where each
// object ends (braces outside strings); QJsonDocument does the parsing.
class JsonMessageStream
{
public:
    // Appends bytes and adds every object they complete to out. Returns false
    // once the stream is broken (garbage between objects, an object that does
    // not parse, or one over kMaxMessageBytes); errorString() says why.
    bool feed(const char *data, qsizetype size, QVector<QJsonObject> *out);
    bool feed(const QByteArray &bytes, QVector<QJsonObject> *out) { return feed(bytes.constData(), bytes.size(), out); }

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    qsizetype pendingBytes() const { return m_buffer.size(); }
    void reset();

    static constexpr qsizetype kMaxMessageBytes = 8 * 1024 * 1024;

private:
    bool fail(const QString &why);

    QByteArray m_buffer; // bytes of the object being assembled (from its '{')
    JsonBraceScanner m_scan;
    QString m_error;
};
