// libFuzzer target for what the image area reads from outside: buildx's
// rawjson stream, .dockerignore files, Docker's config.json and image names
// from .env (built with -DPDD_FUZZ=ON and clang). Properties besides "no crash,
// no sanitizer report": cutting the rawjson stream into chunks never changes
// the result, progress stays within [0, 1], a reference that parses prints as
// text that parses back to itself.
//   build-fuzz/tests/unit/image/fuzz_image_inputs -max_total_time=600
#include "image/BuildxProgress.h"
#include "image/DockerCredentials.h"
#include "image/DockerIgnore.h"
#include "image/ImageReference.h"

#include <cstddef>
#include <cstdint>

namespace {
void require(bool ok)
{
    if (!ok)
        __builtin_trap();
}

void checkBuildx(const QByteArray &in, int chunk)
{
    BuildxProgress whole, split;
    QStringList a = whole.feed(in);
    a += whole.finish();
    QStringList b;
    for (qsizetype pos = 0; pos < in.size(); pos += chunk)
        b += split.feed(in.constData() + pos, qMin<qsizetype>(chunk, in.size() - pos));
    b += split.finish();
    require(a == b);
    require(whole.fraction() == split.fraction());
    require(whole.fraction() >= -1.0 && whole.fraction() <= 1.0);
    require(whole.error() == split.error());
    (void)whole.status();
}

void checkIgnore(const QByteArray &in)
{
    const DockerIgnore d = DockerIgnore::parse(in);
    // Every line as a path, too: a pattern and the text it was made of.
    for (const QByteArray &line : in.split('\n').mid(0, 16)) {
        const QString path = DockerIgnore::cleanPath(QString::fromUtf8(line));
        (void)d.excludes(path);
        (void)d.mayIncludeBelow(path);
    }
}

void checkConfig(const QByteArray &in)
{
    const DockerConfig c = DockerConfig::fromJson(in);
    for (const QString &key :
         {QStringLiteral("localhost:5000"), QStringLiteral("https://index.docker.io/v1/"), QStringLiteral("r.io")}) {
        const DockerConfig::Lookup l = c.lookup(key);
        require(l.source != DockerConfig::Source::Inline || !c.inlineCredential(key).isEmpty());
        (void)c.inlineCredential(key).registryAuthHeader();
    }
}

void checkReference(const QByteArray &in)
{
    const ImageReference r = ImageReference::parse(QString::fromUtf8(in));
    if (!r.isValid())
        return;
    const ImageReference again = ImageReference::parse(r.toString());
    require(again.isValid());
    require(again.toString() == r.toString());
    (void)r.credentialKey();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const int chunk = 1 + data[0] % 23; // first byte picks where the cuts fall
    const QByteArray in(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    checkBuildx(in, chunk);
    checkIgnore(in);
    checkConfig(in);
    checkReference(in);
    return 0;
}
