#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// Follows the JSON-lines answer of POST /images/{name}/push: one entry per
// layer `id`, `progressDetail{current,total}` while uploading, "Pushed" /
// "Layer already exists" / "Mounted from" when done, a final digest status,
// or `error`. Real progress is the bytes sent over the bytes to send.
class PushProgress
{
public:
    // Returns a log line for messages worth logging (state changes, not every tick).
    QString apply(const QJsonObject &message);

    double fraction() const; // -1 before any layer is known
    qint64 bytesSent() const;
    qint64 bytesTotal() const;
    int layerCount() const { return int(m_layers.size()); }
    int layersDone() const;
    QString digest() const { return m_digest; }
    QString error() const { return m_error; }
    bool failed() const { return !m_error.isEmpty(); }

private:
    struct Layer
    {
        qint64 current = 0;
        qint64 total = -1;
        bool done = false;
        QString status;
    };
    QHash<QString, Layer> m_layers;
    QString m_digest;
    QString m_error;
};
