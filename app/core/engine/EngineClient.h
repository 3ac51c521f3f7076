#pragma once

#include "engine/ApiVersion.h"
#include "engine/CurlRequest.h"
#include "engine/EngineEndpoint.h"

#include <QJsonDocument>
#include <QString>

#include <atomic>
#include <functional>
#include <mutex>

// A Docker answer with its meaning attached: ok, or one sentence the user can act on.
struct EngineReply
{
    bool ok = false;
    int status = 0;
    QByteArray body;
    QString error;
    HttpResult::Failure failure = HttpResult::Failure::None;

    bool engineUnreachable() const
    {
        return failure != HttpResult::Failure::None && failure != HttpResult::Failure::Cancelled;
    }
    QJsonDocument document; // set by getJson()
    QJsonDocument json() const { return document.isNull() ? QJsonDocument::fromJson(body) : document; }
};

struct EngineTimeouts
{
    int connectMs = 3000;
    int stallSeconds = 10;
};

// Speaks the Engine API on one worker thread: negotiates the version once,
// then prefixes every path with it. Blocking by design; cancel() may be called
// from any thread and aborts the request in flight and every later one.
class EngineClient
{
public:
    EngineClient(EngineEndpoint endpoint, EngineTimeouts timeouts = {});

    EngineReply negotiate(); // GET /_ping, sets apiVersion() on success
    ApiVersion apiVersion() const { return m_version; }
    void setApiVersion(ApiVersion v) { m_version = v; }

    EngineReply get(const QString &pathAndQuery, int stallSeconds = -1);
    // get() whose 2xx body must be JSON; an unreadable one fails like a broken
    // connection, so callers never mistake garbage for "no containers".
    EngineReply getJson(const QString &pathAndQuery, int stallSeconds = -1);
    // stallSeconds overrides the stall limit (e.g. stop waits for the container's grace period).
    EngineReply post(const QString &pathAndQuery, std::function<bool()> cancelCheck = {}, int stallSeconds = -1);
    // DELETE (remove a container, an image).
    EngineReply del(const QString &pathAndQuery);
    EngineReply stream(const QString &pathAndQuery, CurlRequest::DataHandler handler);
    // A POST whose answer is a stream (build, push): the body read from bodyFile
    // (empty: none), extra headers (credentials: never logged), and a cancel
    // test polled during the transfer.
    struct Upload
    {
        QString bodyFile;
        QByteArray contentType = "application/json";
        QList<QByteArray> headers;
        std::function<bool()> cancelCheck;
    };
    EngineReply postStream(const QString &pathAndQuery, const Upload &upload, CurlRequest::DataHandler handler);
    // The daemon's Builder-Version from the last negotiate(): "2" = BuildKit.
    QByteArray builderVersion() const { return m_builderVersion; }
    // Whether the last negotiate() reached Podman's compatible API (it sends
    // Libpod-Api-Version); app/core/engine/README.md lists what differs.
    bool isPodman() const { return m_podman; }

    void cancel();
    void resetCancel();

    // The sentence shown when a request failed; public for tests.
    static QString describe(const HttpResult &r, const QString &socketPath);

private:
    EngineReply run(CurlRequest &request, HttpResult *raw = nullptr, int stallSeconds = -1);

    EngineEndpoint m_endpoint;
    EngineTimeouts m_timeouts;
    ApiVersion m_version;
    QByteArray m_builderVersion;
    bool m_podman = false;
    std::atomic<bool> m_cancelled{false};
    std::mutex m_currentMutex;
    CurlRequest *m_current = nullptr;
};
