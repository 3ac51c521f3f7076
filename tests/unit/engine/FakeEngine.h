#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QLocalServer>
#include <QObject>
#include <QPointer>
#include <QTemporaryDir>

class QLocalSocket;

// A stand-in Docker Engine on a unix socket for fault injection: it answers
// the handful of endpoints EngineMonitor and LogFollower use with canned HTTP
// bytes, and can misbehave on demand (close mid-stream, send garbage, stall,
// vanish). Only for tests that need a daemon to fail in ways a real one won't.
class FakeEngine : public QObject
{
public:
    explicit FakeEngine(QObject *parent = nullptr);
    ~FakeEngine() override;

    QString socketPath() const { return m_dir.filePath(QStringLiteral("engine.sock")); }
    bool listen();
    void shutDown(); // close every connection and remove the socket: "daemon stopped"

    QString apiVersion = QStringLiteral("1.41");
    bool stall = false; // accept, read the request, never answer
    // id → state; each becomes a container named "fake-<id>"
    QHash<QString, QString> containers;
    QByteArray logBytes; // body of /containers/{id}/logs, sent in 3-byte chunks
    bool logsTty = false;
    // Versionless path → body sent once with 200 instead of the real answer.
    QHash<QString, QByteArray> garbageOnce;

    // /events control
    int eventSubscriptions() const { return m_eventSubscriptions; }
    int openEventStreams() const;
    void pushEvent(const QString &type, const QString &action, const QString &id);
    void sendToEventStreams(const QByteArray &raw); // as one chunk, however malformed
    void closeEventStreamsMidChunk();               // announce 64 bytes, send 5, hang up
    int requestsFor(const QString &pathPrefix) const;

private:
    void onConnection();
    void handle(QLocalSocket *socket, const QByteArray &method, const QString &path);
    static void reply(QLocalSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
                      bool withApiVersion = false, const QByteArray &apiVersion = {});
    static void writeChunk(QLocalSocket *socket, const QByteArray &data);
    QByteArray inspectJson(const QString &id) const;

    QTemporaryDir m_dir;
    QLocalServer m_server;
    QList<QPointer<QLocalSocket>> m_eventStreams;
    QList<QPointer<QLocalSocket>> m_all;
    QHash<QLocalSocket *, QByteArray> m_buffers; // request bytes not yet handled
    QStringList m_requests;
    int m_eventSubscriptions = 0;
};
