// libFuzzer target for the compose model (built with -DPDD_FUZZ=ON and clang).
// The input is split at the first NUL into a .env text, a base compose file and
// an overlay (second NUL), so interpolation, the service reader and the merge
// all see hostile input. Besides "no crash, no sanitizer report" it checks what
// the main window relies on: a project is either valid or carries an error
// naming one of its files with a sane position, and a valid one lists each
// service once and only volumes it declares.
//   build-fuzz/tests/unit/compose/fuzz_compose -max_total_time=600
#include "compose/ComposeProject.h"
#include "compose/EnvFile.h"

#include <cstddef>
#include <cstdint>

namespace {
void require(bool ok)
{
    if (!ok)
        __builtin_trap();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray in(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> parts = in.split('\0');
    const EnvFile env = EnvFile::parse(QString::fromUtf8(parts.value(0)));
    QVector<ComposeSource> sources{{QStringLiteral("docker-compose.yml"), parts.value(1, parts.value(0))}};
    if (parts.size() > 2)
        sources.append({QStringLiteral("docker-compose.dev.yml"), parts.value(2)});

    const ComposeProject p = ComposeProject::parse(sources, env);
    if (!p.isValid()) {
        const ComposeError e = p.error();
        require(!e.message.isEmpty());
        require(e.file == sources.first().fileName || e.file == sources.last().fileName);
        require(e.line >= 0 && e.column >= 0);
        require(p.services().isEmpty());
        return 0;
    }
    QStringList names;
    for (const ComposeService &s : p.services()) {
        require(!names.contains(s.name)); // the merge keeps one entry per service
        names << s.name;
    }
    for (const QString &mode : {QStringLiteral("dev"), QStringLiteral("prod")}) {
        for (const QString &v : p.volumesForMode(mode))
            require(p.volumes().contains(v));
    }
    return 0;
}
