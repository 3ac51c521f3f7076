// libFuzzer target for the engine stream decoders (built with -DPDD_FUZZ=ON and
// clang). Besides "no crash, no sanitizer report" it checks the property the
// unit tests sample: cutting the input into chunks never changes the result.
//   build-fuzz/tests/unit/engine/fuzz_engine_streams -max_total_time=600
#include "engine/BuildProgress.h"
#include "engine/EngineJson.h"
#include "engine/JsonMessageStream.h"
#include "engine/LogStreamDecoder.h"
#include "engine/PushProgress.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

namespace {
void require(bool ok)
{
    if (!ok)
        __builtin_trap();
}

template <typename Decoder, typename Out>
bool feedChunked(Decoder &d, const QByteArray &in, int chunk, Out *out)
{
    bool ok = true;
    for (qsizetype pos = 0; pos < in.size() && ok; pos += chunk)
        ok = d.feed(in.constData() + pos, qMin<qsizetype>(chunk, in.size() - pos), out);
    return ok;
}

void checkJson(const QByteArray &in, int chunk)
{
    JsonMessageStream whole, split;
    QVector<QJsonObject> a, b;
    const bool okA = whole.feed(in, &a);
    const bool okB = feedChunked(split, in, chunk, &b);
    require(okA == okB);
    require(a == b);
    BuildProgress build;
    PushProgress push;
    for (const QJsonObject &o : std::as_const(a)) {
        EngineJson::eventFromJson(o);
        EngineJson::containerFromInspect(o);
        EngineJson::containerFromList(o);
        EngineJson::volumesFromList(o);
        EngineJson::volumeSizesFromDf(o);
        build.apply(o);
        push.apply(o);
        require(build.fraction() >= -1.0 && build.fraction() <= 1.0);
        require(push.fraction() >= -1.0 && push.fraction() <= 1.0);
    }
}

void checkLogs(const QByteArray &in, int chunk, LogStreamDecoder::Mode mode)
{
    LogStreamDecoder whole(mode), split(mode);
    QVector<LogLine> a, b;
    const bool okA = whole.feed(in, &a);
    const bool okB = feedChunked(split, in, chunk, &b);
    require(okA == okB);
    if (okA) {
        whole.flush(&a);
        split.flush(&b);
        require(a == b);
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const int chunk = 1 + data[0] % 17; // first byte picks where the cuts fall
    const QByteArray in(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    checkJson(in, chunk);
    checkLogs(in, chunk, LogStreamDecoder::Mode::Multiplexed);
    checkLogs(in, chunk, LogStreamDecoder::Mode::Raw);
    return 0;
}
