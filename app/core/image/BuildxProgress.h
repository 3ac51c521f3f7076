#pragma once

#include "engine/JsonMessageStream.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

// Follows `docker buildx build --progress=rawjson`: BuildKit's SolveStatus
// objects (vertexes, statuses, logs, warnings; pretty-printed or one per line,
// split anywhere by the pipe) mixed with the CLI's own text lines ("ERROR:
// failed to solve: ..."). Real progress is the "[k/N]" steps done over the
// steps seen (N summed over the stages that appeared), with bytes where a
// status gives current/total; cached steps and the failing step are kept.
class BuildxProgress
{
public:
    // Feeds raw bytes; returns the log lines they completed (step starts,
    // CACHED/DONE/ERROR, the build's own output, CLI text).
    QStringList feed(const char *data, qsizetype size);
    QStringList feed(const QByteArray &bytes) { return feed(bytes.constData(), bytes.size()); }
    // What is still buffered when the stream ends (a truncated object is dropped, text kept).
    QStringList finish();

    double fraction() const; // -1 until a step is seen
    QString status() const;
    int stepsSeen() const;
    int stepsDone() const;
    int cachedSteps() const;
    QString error() const { return m_error; }
    QString failedStep() const { return m_failedStep; }
    bool failed() const { return !m_error.isEmpty(); }
    bool hasGarbage() const { return m_garbage; } // objects that did not parse

private:
    struct Vertex
    {
        QString name;
        bool started = false;
        bool completed = false;
        bool cached = false;
        QString error;
        int stage = -1; // index into m_stageTotals for "[k/N]" steps
        qint64 current = 0, total = 0;
    };
    void applyObject(const QJsonObject &o, QStringList *lines);
    void applyText(const QString &line, QStringList *lines);
    QVector<QString> m_order; // vertex digests in the order first seen
    QHash<QString, Vertex> m_vertices;
    QHash<QString, int> m_stages;         // stage name ("" for the single stage) → total N
    QHash<QString, QByteArray> m_logTail; // vertex → output after its last newline
    QByteArray m_buffer;
    JsonBraceScanner m_scan;
    bool m_inObject = false;
    bool m_lineStart = true;
    QString m_error;
    QString m_failedStep;
    QString m_lastActive;
    bool m_garbage = false;
};
