#include "CurlRequest.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <curl/curl.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CurlRequest)
};
} // namespace

namespace {
// curl_global_init is not thread-safe; the first request on any thread does it once.
void ensureCurlInitialized()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

long long monotonicMs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

// How often the transfer loop wakes to look at external cancel flags that
// cannot call curl_multi_wakeup themselves (a Job's atomic). Without one, cancel()
// wakes the loop itself and curl shortens the wait for its own timers, so an idle
// /events stream sleeps (it woke 10 times a second: the app's idle CPU, issue 10).
constexpr int kPollIntervalMs = 100;
constexpr int kIdlePollIntervalMs = 30000;
} // namespace

CurlRequest::CurlRequest(QString socketPath) : m_socketPath(std::move(socketPath))
{
    ensureCurlInitialized();
}

CurlRequest::~CurlRequest() = default;

void CurlRequest::setTimeouts(int connectMs, int stallSeconds)
{
    m_connectMs = connectMs;
    m_stallSeconds = stallSeconds;
}

void CurlRequest::setBodyFile(const QString &path, const QByteArray &contentType)
{
    m_bodyFile = path;
    m_contentType = contentType;
    m_hasBody = true;
}

size_t CurlRequest::onRead(char *buffer, size_t size, size_t nitems, void *self)
{
    auto *r = static_cast<CurlRequest *>(self);
    if (r->isCancelled())
        return CURL_READFUNC_ABORT;
    const size_t n = std::fread(buffer, 1, size * nitems, static_cast<FILE *>(r->m_bodyStream));
    if (n == 0 && std::ferror(static_cast<FILE *>(r->m_bodyStream)))
        return CURL_READFUNC_ABORT;
    return n;
}

void CurlRequest::cancel()
{
    m_cancelled = true;
    std::lock_guard<std::mutex> lock(m_multiMutex);
    if (m_multi)
        curl_multi_wakeup(static_cast<CURLM *>(m_multi));
}

bool CurlRequest::isCancelled() const
{
    return m_cancelled.load() || (m_externalCancel && m_externalCancel());
}

bool CurlRequest::headersArrived() const
{
    long code = 0;
    curl_easy_getinfo(static_cast<CURL *>(m_easy), CURLINFO_RESPONSE_CODE, &code);
    return code != 0;
}

size_t CurlRequest::onWrite(char *data, size_t size, size_t nmemb, void *self)
{
    auto *r = static_cast<CurlRequest *>(self);
    const size_t n = size * nmemb;
    long code = 0;
    curl_easy_getinfo(static_cast<CURL *>(r->m_easy), CURLINFO_RESPONSE_CODE, &code);
    const bool success = code >= 200 && code < 300;
    if (!r->m_handler || !success) {
        r->m_result.body.append(data, qsizetype(n));
        return n;
    }
    if (!r->m_handler(data, n)) {
        r->m_handlerAborted = true;
        return CURL_WRITEFUNC_ERROR;
    }
    return n;
}

int CurlRequest::onProgress(void *self, long long, long long, long long ultotal, long long ulnow)
{
    auto *r = static_cast<CurlRequest *>(self);
    if (r->isCancelled())
        return 1;
    // While a body is still being sent the server cannot answer yet (a build
    // reads its whole context first): the wait for headers starts after it.
    if (ultotal > 0 && ulnow < ultotal)
        r->m_startMs = monotonicMs();
    // Streams have no stall limit, but a server that accepts and never answers
    // must still fail: bound the wait for the response headers.
    if (r->m_handler && r->m_stallSeconds > 0 && !r->headersArrived()
        && monotonicMs() - r->m_startMs > r->m_connectMs + r->m_stallSeconds * 1000LL) {
        r->m_headerTimedOut = true;
        return 1;
    }
    return 0;
}

HttpResult CurlRequest::perform()
{
    m_result = HttpResult();
    m_handlerAborted = m_headerTimedOut = false;
    m_startMs = monotonicMs();

    CURL *easy = curl_easy_init();
    CURLM *multi = curl_multi_init();
    m_easy = easy;
    const QByteArray socket = m_socketPath.toLocal8Bit();
    const QByteArray url = "http://localhost" + m_path; // host is ignored on a unix socket
    curl_easy_setopt(easy, CURLOPT_UNIX_SOCKET_PATH, socket.constData());
    curl_easy_setopt(easy, CURLOPT_URL, url.constData());
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, m_method.constData());
    curl_slist *headers = nullptr;
    FILE *bodyFile = nullptr;
    if (!m_bodyFile.isEmpty()) {
        bodyFile = std::fopen(QFile::encodeName(m_bodyFile).constData(), "rb");
        if (!bodyFile) {
            m_result.failure = HttpResult::Failure::Transport;
            m_result.osErrno = errno;
            m_result.detail =
                Text::tr("cannot read %1: %2").arg(m_bodyFile, QString::fromLocal8Bit(std::strerror(errno)));
            curl_easy_cleanup(easy);
            curl_multi_cleanup(multi);
            m_easy = nullptr;
            return m_result;
        }
        m_bodyStream = bodyFile;
        std::fseek(bodyFile, 0, SEEK_END);
        const long long size = std::ftell(bodyFile);
        std::rewind(bodyFile);
        headers = curl_slist_append(headers, ("Content-Type: " + m_contentType).constData());
        curl_easy_setopt(easy, CURLOPT_POST, 1L);
        curl_easy_setopt(easy, CURLOPT_READFUNCTION, &CurlRequest::onRead);
        curl_easy_setopt(easy, CURLOPT_READDATA, this);
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(size));
    } else if (m_hasBody || m_method == "POST") {
        headers = curl_slist_append(headers, ("Content-Type: " + m_contentType).constData());
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, m_body.constData());
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE, long(m_body.size()));
    }
    // No "Expect: 100-continue" pause before a large body.
    if (!m_bodyFile.isEmpty())
        headers = curl_slist_append(headers, "Expect:");
    for (const QByteArray &line : std::as_const(m_headers))
        headers = curl_slist_append(headers, line.constData());
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &CurlRequest::onWrite);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, &CurlRequest::onProgress);
    curl_easy_setopt(easy, CURLOPT_XFERINFODATA, this);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(m_connectMs));
    if (!m_handler && m_stallSeconds > 0) {
        curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, long(m_stallSeconds));
    }
    curl_multi_add_handle(multi, easy);
    {
        std::lock_guard<std::mutex> lock(m_multiMutex);
        m_multi = multi;
    }

    CURLcode code = CURLE_OK;
    for (;;) {
        int running = 0;
        if (curl_multi_perform(multi, &running) != CURLM_OK)
            break;
        if (!running) {
            int queued = 0;
            while (CURLMsg *msg = curl_multi_info_read(multi, &queued)) {
                if (msg->msg == CURLMSG_DONE)
                    code = msg->data.result;
            }
            break;
        }
        if (isCancelled()) {
            code = CURLE_ABORTED_BY_CALLBACK;
            break;
        }
        curl_multi_poll(multi, nullptr, 0, m_externalCancel ? kPollIntervalMs : kIdlePollIntervalMs, nullptr);
    }

    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    m_result.status = int(status);
    curl_header *apiHeader = nullptr;
    if (curl_easy_header(easy, "Api-Version", 0, CURLH_HEADER, -1, &apiHeader) == CURLHE_OK)
        m_result.apiVersion = QByteArray(apiHeader->value).trimmed();
    curl_header *builderHeader = nullptr;
    if (curl_easy_header(easy, "Builder-Version", 0, CURLH_HEADER, -1, &builderHeader) == CURLHE_OK)
        m_result.builderVersion = QByteArray(builderHeader->value).trimmed();
    curl_header *libpodHeader = nullptr;
    if (curl_easy_header(easy, "Libpod-Api-Version", 0, CURLH_HEADER, -1, &libpodHeader) == CURLHE_OK)
        m_result.libpodVersion = QByteArray(libpodHeader->value).trimmed();
    long osErrno = 0;
    curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &osErrno);
    m_result.osErrno = int(osErrno);

    {
        std::lock_guard<std::mutex> lock(m_multiMutex);
        m_multi = nullptr;
    }
    curl_multi_remove_handle(multi, easy);
    curl_easy_cleanup(easy);
    curl_multi_cleanup(multi);
    curl_slist_free_all(headers);
    m_easy = nullptr;
    if (bodyFile)
        std::fclose(bodyFile);
    m_bodyStream = nullptr;

    using F = HttpResult::Failure;
    if (code != CURLE_OK)
        m_result.detail = QString::fromUtf8(curl_easy_strerror(code));
    if (code == CURLE_OK) {
        m_result.failure = F::None;
    } else if (m_headerTimedOut || code == CURLE_OPERATION_TIMEDOUT) {
        m_result.failure = F::Timeout;
    } else if (code == CURLE_ABORTED_BY_CALLBACK || (code == CURLE_WRITE_ERROR && m_handlerAborted)) {
        m_result.failure = m_handlerAborted && !isCancelled() ? F::Transport : F::Cancelled;
        if (m_handlerAborted && !isCancelled())
            m_result.detail = Text::tr("the stream could not be decoded");
    } else if (code == CURLE_COULDNT_CONNECT) {
        m_result.failure = F::CannotConnect;
    } else {
        m_result.failure = F::Transport;
    }
    return m_result;
}
