#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

struct LogLine
{
    QString stream; // stdout | stderr
    QString text;   // without the line break

    bool operator==(const LogLine &o) const { return stream == o.stream && text == o.text; }
};

// Turns /containers/{id}/logs bytes into lines. Non-TTY containers use the
// multiplexed format (8-byte header: stream type, three zero bytes, big-endian
// payload length); TTY containers send raw bytes, all stdout. Frames and lines
// may be cut anywhere, including inside a UTF-8 sequence, so bytes are kept
// per stream until a newline completes them.
class LogStreamDecoder
{
public:
    enum class Mode { Multiplexed, Raw };
    explicit LogStreamDecoder(Mode mode = Mode::Multiplexed) : m_mode(mode) {}

    // Returns false on a malformed frame header (then errorString()).
    bool feed(const char *data, qsizetype size, QVector<LogLine> *out);
    bool feed(const QByteArray &bytes, QVector<LogLine> *out) { return feed(bytes.constData(), bytes.size(), out); }
    // At end of stream: the unterminated last line of each stream, if any.
    void flush(QVector<LogLine> *out);

    QString errorString() const { return m_error; }

    static constexpr qsizetype kMaxLineBytes = 1024 * 1024; // longer lines are split

private:
    void appendPayload(int stream, const char *data, qsizetype size, QVector<LogLine> *out);
    static QString streamName(int stream);

    Mode m_mode;
    QByteArray m_header;     // partial frame header
    quint32 m_remaining = 0; // payload bytes left in the current frame
    int m_currentStream = 1;
    QByteArray m_partial[3]; // per stream: bytes after the last newline
    QString m_error;
};
