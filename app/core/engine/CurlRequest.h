#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <mutex>

// The outcome of one HTTP exchange, before any Docker meaning is attached.
struct HttpResult
{
    enum class Failure { None, Cancelled, CannotConnect, Timeout, Transport };
    Failure failure = Failure::None;
    int status = 0;            // HTTP status, 0 when no response arrived
    QByteArray body;           // whole body, or (streaming) only a non-2xx body
    QByteArray apiVersion;     // the Api-Version response header, if any
    QByteArray builderVersion; // Builder-Version (/_ping): "2" when the daemon builds with BuildKit
    QByteArray libpodVersion;  // Libpod-Api-Version: set only by Podman's compatible API
    int osErrno = 0;           // errno of a failed connect (ENOENT, EACCES, ECONNREFUSED...)
    QString detail;            // libcurl's own wording, for logs

    bool transportOk() const { return failure == Failure::None; }
    bool httpOk() const { return transportOk() && status >= 200 && status < 300; }
};

// One HTTP request to the Engine over its unix socket, done by libcurl
// (CURLOPT_UNIX_SOCKET_PATH) on the calling worker thread. perform() blocks;
// cancel() from any other thread wakes it at once (curl_multi_wakeup) and the
// transfer aborts through the progress callback. Never call it on the GUI thread.
class CurlRequest
{
public:
    using DataHandler = std::function<bool(const char *data, size_t size)>; // false aborts

    explicit CurlRequest(QString socketPath);
    ~CurlRequest();
    CurlRequest(const CurlRequest &) = delete;
    CurlRequest &operator=(const CurlRequest &) = delete;

    void setMethod(const QByteArray &method) { m_method = method; }
    void setPath(const QByteArray &pathAndQuery) { m_path = pathAndQuery; }
    QByteArray method() const { return m_method; }
    QByteArray path() const { return m_path; }
    void setJsonBody(const QByteArray &body)
    {
        m_body = body;
        m_hasBody = true;
    }
    // The body is read from this file while it is sent (a build context of
    // any size in constant memory), with the given Content-Type.
    void setBodyFile(const QString &path, const QByteArray &contentType);
    // "Name: value"; may carry credentials (X-Registry-Auth), so never logged.
    void addHeader(const QByteArray &line) { m_headers << line; }
    // connectMs bounds connecting; a response that delivers nothing for
    // stallSeconds fails with Timeout. Streams have no stall limit once the
    // headers arrived (an idle /events is normal), but the headers themselves
    // must come within connectMs + stallSeconds.
    void setTimeouts(int connectMs, int stallSeconds);
    // Streams the 2xx body into handler instead of collecting it.
    void setStreamHandler(DataHandler handler) { m_handler = std::move(handler); }
    // An extra, thread-safe cancel test (e.g. a Job's isCancelRequested) polled during the transfer.
    void setExternalCancelCheck(std::function<bool()> check) { m_externalCancel = std::move(check); }

    HttpResult perform();
    void cancel();
    bool isCancelled() const;

private:
    static size_t onWrite(char *data, size_t size, size_t nmemb, void *self);
    static int onProgress(void *self, long long, long long, long long ultotal, long long ulnow);
    static size_t onRead(char *buffer, size_t size, size_t nitems, void *self);
    bool headersArrived() const;

    QString m_socketPath;
    QByteArray m_method = "GET";
    QByteArray m_path = "/";
    QByteArray m_body;
    bool m_hasBody = false;
    QString m_bodyFile;
    QByteArray m_contentType = "application/json";
    void *m_bodyStream = nullptr; // FILE* while a file body is sent
    QList<QByteArray> m_headers;
    int m_connectMs = 3000;
    int m_stallSeconds = 10;
    DataHandler m_handler;
    std::function<bool()> m_externalCancel;

    std::atomic<bool> m_cancelled{false};
    std::mutex m_multiMutex; // guards m_multi against cancel() racing perform()'s teardown
    void *m_multi = nullptr;
    void *m_easy = nullptr;
    HttpResult m_result;
    bool m_handlerAborted = false;
    bool m_headerTimedOut = false;
    long long m_startMs = 0;
};
