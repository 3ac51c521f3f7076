#include "EngineClient.h"
#include "engine/EngineLog.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>
#include <QJsonParseError>

#include <cerrno>

Q_LOGGING_CATEGORY(lcEngine, "pdd.engine", QtWarningMsg)

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(EngineClient)
};
} // namespace

EngineClient::EngineClient(EngineEndpoint endpoint, EngineTimeouts timeouts)
    : m_endpoint(std::move(endpoint)), m_timeouts(timeouts)
{
}

QString EngineClient::describe(const HttpResult &r, const QString &socketPath)
{
    using F = HttpResult::Failure;
    switch (r.failure) {
    case F::None: break;
    case F::Cancelled: return Text::tr("The request was cancelled.");
    case F::Timeout:
        return Text::tr("The Docker Engine at %1 did not answer in time; it may be overloaded or hung. "
                        "Retrying; restart Docker if this persists.")
            .arg(socketPath);
    case F::CannotConnect:
        if (r.osErrno == EACCES || r.osErrno == EPERM)
            return Text::tr("Permission denied on the Docker socket %1. Add your user to the \"docker\" group "
                            "(sudo usermod -aG docker $USER) and log in again.")
                .arg(socketPath);
        if (r.osErrno == ENOENT || !QFileInfo::exists(socketPath))
            return Text::tr("The Docker socket %1 does not exist: Docker is not running. Start it "
                            "(sudo systemctl start docker, or open Docker Desktop); PostDoDjango reconnects by itself.")
                .arg(socketPath);
        return Text::tr("Nothing answers on the Docker socket %1: the daemon is not running. Start it "
                        "(sudo systemctl start docker, or open Docker Desktop); PostDoDjango reconnects by itself.")
            .arg(socketPath);
    case F::Transport:
        return Text::tr("The connection to the Docker Engine at %1 broke (%2). Reconnecting.")
            .arg(socketPath, r.detail);
    }
    // HTTP-level error: the Engine puts its reason in {"message": ...}.
    const QString message = QJsonDocument::fromJson(r.body).object().value(QLatin1String("message")).toString();
    if (!message.isEmpty())
        return message;
    return Text::tr("The Docker Engine answered HTTP %1.").arg(r.status);
}

void EngineClient::cancel()
{
    m_cancelled = true;
    std::lock_guard<std::mutex> lock(m_currentMutex);
    if (m_current)
        m_current->cancel();
}

void EngineClient::resetCancel()
{
    m_cancelled = false;
}

EngineReply EngineClient::run(CurlRequest &request, HttpResult *raw, int stallSeconds)
{
    request.setTimeouts(m_timeouts.connectMs, stallSeconds >= 0 ? stallSeconds : m_timeouts.stallSeconds);
    {
        std::lock_guard<std::mutex> lock(m_currentMutex);
        if (m_cancelled)
            request.cancel();
        m_current = &request;
    }
    const HttpResult r = request.perform();
    {
        std::lock_guard<std::mutex> lock(m_currentMutex);
        m_current = nullptr;
    }
    if (raw)
        *raw = r;
    EngineReply reply;
    reply.ok = r.httpOk();
    reply.status = r.status;
    reply.body = r.body;
    reply.failure = r.failure;
    if (!reply.ok)
        reply.error = describe(r, m_endpoint.socketPath);
    // Method and path only: bodies and headers (X-Registry-Auth) never go to the log.
    if (!reply.ok && r.failure != HttpResult::Failure::Cancelled)
        qCDebug(lcEngine).noquote() << request.method() << request.path() << "failed:" << r.status << reply.error;
    else
        qCDebug(lcEngine).noquote() << request.method() << request.path() << "->" << r.status;
    return reply;
}

EngineReply EngineClient::negotiate()
{
    if (!m_endpoint.isUsable()) {
        EngineReply reply;
        reply.failure = HttpResult::Failure::CannotConnect;
        reply.error = m_endpoint.unsupportedReason.isEmpty() ? Text::tr("No Docker socket is configured.")
                                                             : m_endpoint.unsupportedReason;
        return reply;
    }
    CurlRequest request(m_endpoint.socketPath);
    request.setPath("/_ping");
    HttpResult raw;
    EngineReply reply = run(request, &raw);
    if (!reply.ok)
        return reply;
    reply.ok = false;
    const auto n = ApiNegotiation::fromPingHeader(QString::fromLatin1(raw.apiVersion));
    if (!n.ok()) {
        reply.error = n.error;
        return reply;
    }
    m_version = n.version;
    m_builderVersion = raw.builderVersion;
    m_podman = !raw.libpodVersion.isEmpty();
    reply.ok = true;
    return reply;
}

EngineReply EngineClient::get(const QString &pathAndQuery, int stallSeconds)
{
    CurlRequest request(m_endpoint.socketPath);
    request.setPath((m_version.pathPrefix() + pathAndQuery).toUtf8());
    return run(request, nullptr, stallSeconds);
}

EngineReply EngineClient::getJson(const QString &pathAndQuery, int stallSeconds)
{
    EngineReply reply = get(pathAndQuery, stallSeconds);
    if (!reply.ok)
        return reply;
    QJsonParseError err{};
    reply.document = QJsonDocument::fromJson(reply.body, &err);
    if (err.error != QJsonParseError::NoError) {
        reply.ok = false;
        reply.failure = HttpResult::Failure::Transport;
        reply.error = Text::tr("The Docker Engine at %1 sent an unreadable answer to %2 (%3). Retrying.")
                          .arg(m_endpoint.socketPath, pathAndQuery.section(QLatin1Char('?'), 0, 0), err.errorString());
    }
    return reply;
}

EngineReply EngineClient::post(const QString &pathAndQuery, std::function<bool()> cancelCheck, int stallSeconds)
{
    CurlRequest request(m_endpoint.socketPath);
    request.setMethod("POST");
    request.setPath((m_version.pathPrefix() + pathAndQuery).toUtf8());
    request.setExternalCancelCheck(std::move(cancelCheck));
    return run(request, nullptr, stallSeconds);
}

EngineReply EngineClient::del(const QString &pathAndQuery)
{
    CurlRequest request(m_endpoint.socketPath);
    request.setMethod("DELETE");
    request.setPath((m_version.pathPrefix() + pathAndQuery).toUtf8());
    return run(request);
}

EngineReply EngineClient::postStream(const QString &pathAndQuery, const Upload &upload,
                                     CurlRequest::DataHandler handler)
{
    CurlRequest request(m_endpoint.socketPath);
    request.setMethod("POST");
    request.setPath((m_version.pathPrefix() + pathAndQuery).toUtf8());
    if (!upload.bodyFile.isEmpty())
        request.setBodyFile(upload.bodyFile, upload.contentType);
    for (const QByteArray &h : upload.headers)
        request.addHeader(h);
    request.setExternalCancelCheck(upload.cancelCheck);
    request.setStreamHandler(std::move(handler));
    return run(request);
}

EngineReply EngineClient::stream(const QString &pathAndQuery, CurlRequest::DataHandler handler)
{
    CurlRequest request(m_endpoint.socketPath);
    request.setPath((m_version.pathPrefix() + pathAndQuery).toUtf8());
    request.setStreamHandler(std::move(handler));
    return run(request);
}
