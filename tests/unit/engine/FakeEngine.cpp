#include "FakeEngine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QUrl>

FakeEngine::FakeEngine(QObject *parent) : QObject(parent)
{
    QObject::connect(&m_server, &QLocalServer::newConnection, this, [this] { onConnection(); });
}

FakeEngine::~FakeEngine()
{
    // Sockets are children of m_server; delete them while m_buffers still exists.
    const QList<QLocalSocket *> sockets = m_server.findChildren<QLocalSocket *>();
    qDeleteAll(sockets);
    shutDown();
}

bool FakeEngine::listen()
{
    QLocalServer::removeServer(socketPath());
    return m_server.listen(socketPath());
}

void FakeEngine::shutDown()
{
    m_server.close(); // also removes the socket file
    for (const QPointer<QLocalSocket> &s : std::as_const(m_all))
        if (s)
            s->abort();
    m_all.clear();
    m_eventStreams.clear();
}

int FakeEngine::openEventStreams() const
{
    int n = 0;
    for (const QPointer<QLocalSocket> &s : m_eventStreams)
        n += (s && s->state() == QLocalSocket::ConnectedState) ? 1 : 0;
    return n;
}

int FakeEngine::requestsFor(const QString &pathPrefix) const
{
    int n = 0;
    for (const QString &p : m_requests)
        n += p.startsWith(pathPrefix) ? 1 : 0;
    return n;
}

void FakeEngine::onConnection()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        m_all.append(socket);
        QObject::connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QLocalSocket::readyRead, socket, [this, socket] {
            // Requests here have no body worth reading (GET, or POST with
            // Content-Length: 0), so the head is the whole request.
            QByteArray &pending = m_buffers[socket];
            pending += socket->readAll();
            const qsizetype end = pending.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> requestLine = pending.left(pending.indexOf("\r\n")).split(' ');
            pending.remove(0, end + 4);
            if (requestLine.size() < 2)
                return;
            const QString path = QUrl::fromPercentEncoding(requestLine.at(1));
            m_requests << path;
            if (!stall)
                handle(socket, requestLine.at(0), path);
        });
        QObject::connect(socket, &QObject::destroyed, this, [this, socket] { m_buffers.remove(socket); });
    }
}

void FakeEngine::reply(QLocalSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
                       bool withApiVersion, const QByteArray &apiVersion)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + (status < 300 ? " OK" : " Error") + "\r\n";
    if (withApiVersion)
        head += "Api-Version: " + apiVersion + "\r\n";
    head += "Content-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    socket->write(head + body);
}

void FakeEngine::writeChunk(QLocalSocket *socket, const QByteArray &data)
{
    socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    socket->flush();
}

QByteArray FakeEngine::inspectJson(const QString &id) const
{
    QJsonObject state{{QStringLiteral("Status"), containers.value(id)},
                      {QStringLiteral("StartedAt"), QStringLiteral("2026-11-24T10:00:00Z")}};
    QJsonObject o{{QStringLiteral("Id"), id},
                  {QStringLiteral("Name"), QStringLiteral("/fake-") + id},
                  {QStringLiteral("State"), state},
                  {QStringLiteral("Config"),
                   QJsonObject{{QStringLiteral("Image"), QStringLiteral("fake:1")}, {QStringLiteral("Tty"), logsTty}}}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void FakeEngine::handle(QLocalSocket *socket, const QByteArray &method, const QString &fullPath)
{
    const QByteArray json = "application/json";
    if (fullPath == QLatin1String("/_ping")) {
        reply(socket, 200, "text/plain", "OK", true, apiVersion.toLatin1());
        return;
    }
    const QString prefix = QStringLiteral("/v") + apiVersion;
    QString path = fullPath.startsWith(prefix) ? fullPath.mid(prefix.size()) : fullPath;
    path = path.section(QLatin1Char('?'), 0, 0);
    if (garbageOnce.contains(path)) {
        reply(socket, 200, json, garbageOnce.take(path));
        return;
    }

    if (path == QLatin1String("/containers/json")) {
        QJsonArray list;
        for (auto it = containers.cbegin(); it != containers.cend(); ++it)
            list.append(QJsonObject{{QStringLiteral("Id"), it.key()},
                                    {QStringLiteral("Names"), QJsonArray{QStringLiteral("/fake-") + it.key()}},
                                    {QStringLiteral("State"), it.value()}});
        reply(socket, 200, json, QJsonDocument(list).toJson(QJsonDocument::Compact));
    } else if (path == QLatin1String("/volumes") || path == QLatin1String("/system/df")) {
        reply(socket, 200, json, "{\"Volumes\":[]}");
    } else if (path == QLatin1String("/events")) {
        ++m_eventSubscriptions;
        m_eventStreams.append(socket);
        socket->write("HTTP/1.1 200 OK\r\nApi-Version: " + apiVersion.toLatin1()
                      + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        socket->flush();
    } else if (path.startsWith(QLatin1String("/containers/"))) {
        const QString id = path.section(QLatin1Char('/'), 2, 2);
        const QString what = path.section(QLatin1Char('/'), 3, 3);
        if (!containers.contains(id)) {
            reply(socket, 404, json, "{\"message\":\"No such container: " + id.toUtf8() + "\"}");
        } else if (what == QLatin1String("json")) {
            reply(socket, 200, json, inspectJson(id));
        } else if (what == QLatin1String("logs")) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n");
            for (qsizetype i = 0; i < logBytes.size(); i += 3)
                writeChunk(socket, logBytes.mid(i, 3));
            socket->write("0\r\n\r\n");
            socket->flush();
        } else if (method == "POST" && what == QLatin1String("stop")) {
            containers[id] = QStringLiteral("exited");
            reply(socket, 204, json, {});
            pushEvent(QStringLiteral("container"), QStringLiteral("die"), id);
        } else {
            reply(socket, 404, json, "{\"message\":\"page not found\"}");
        }
    } else {
        reply(socket, 404, json, "{\"message\":\"page not found\"}");
    }
}

void FakeEngine::pushEvent(const QString &type, const QString &action, const QString &id)
{
    const QJsonObject e{{QStringLiteral("Type"), type},
                        {QStringLiteral("Action"), action},
                        {QStringLiteral("Actor"), QJsonObject{{QStringLiteral("ID"), id}}},
                        {QStringLiteral("timeNano"), QDateTime::currentMSecsSinceEpoch() * 1000000}};
    sendToEventStreams(QJsonDocument(e).toJson(QJsonDocument::Compact) + "\n");
}

void FakeEngine::sendToEventStreams(const QByteArray &raw)
{
    for (const QPointer<QLocalSocket> &s : std::as_const(m_eventStreams))
        if (s)
            writeChunk(s, raw);
}

void FakeEngine::closeEventStreamsMidChunk()
{
    for (const QPointer<QLocalSocket> &s : std::as_const(m_eventStreams)) {
        if (!s)
            continue;
        s->write("40\r\n{\"Ty");
        s->flush();
        s->disconnectFromServer();
    }
    m_eventStreams.clear();
}
