// Build and push of compose/web through the app's back ends against the docker
// CLI doing the same, on the same daemon, in the same run: median of N rounds,
// printed as app/CLI ratios (target <= 1.05). Rows: Engine API build vs
// `DOCKER_BUILDKIT=0 docker build`, buildx back end vs `docker buildx build`
// (warm cache), push to an empty registry and push again (every layer exists)
// vs `docker push`. Also the peak resident memory of this process around a
// push of the ~350 MB image: it must not grow with the image.
#include "LiveDocker.h"
#include "LocalRegistry.h"
#include "image/ImageService.h"
#include "jobs/Job.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {
qint64 peakKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    f.open(QIODevice::ReadOnly);
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

double median(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

// Runs a Job to its end on this thread's event loop; returns ms, or -1 when it failed.
double runJob(Job *job)
{
    QElapsedTimer t;
    t.start();
    // A real event loop, as the app's: a processEvents() loop would spin a core
    // and slow the daemon's own compression.
    QEventLoop loop;
    QObject::connect(job, &Job::finished, &loop, &QEventLoop::quit);
    if (!job->isFinished())
        loop.exec();
    if (job->state() != Job::State::Succeeded) {
        std::fprintf(stderr, "job failed: %s\n", qPrintable(job->errorString()));
        return -1;
    }
    return double(t.nsecsElapsed()) / 1e6;
}

double runCli(const QStringList &args, const QProcessEnvironment &env)
{
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("docker"), args);
    p.waitForFinished(1800000);
    if (p.exitCode() != 0) {
        std::fprintf(stderr, "docker %s failed: %s\n", qPrintable(args.join(' ')), p.readAll().right(500).constData());
        return -1;
    }
    return double(t.nsecsElapsed()) / 1e6;
}

void row(const char *what, const QVector<double> &app, const QVector<double> &cli)
{
    const double a = median(app), c = median(cli);
    std::printf("%-34s app %9.0f ms   cli %9.0f ms   app/cli %.3f\n", what, a, c, c > 0 ? a / c : 0.0);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? qMax(1, atoi(argv[1])) : 5;
    const QString context = QStringLiteral(PDD_SOURCE_DIR "/compose/web");
    const QString python = QStringLiteral("postdodjango-local/python:3.11");
    QTemporaryDir tmp;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const bool haveBuildx = !imagework::buildxVersion(env).isEmpty();

    ImageService service(EngineEndpoint::fromEnvironment());
    service.setEnvironment(env);
    BuildSpec spec;
    spec.contextDir = context;
    spec.buildArgs.insert(QStringLiteral("PYTHON_IMAGE"), python);
    const QString name = QStringLiteral("pddbench-web");

    // Warm the caches of both builders once.
    spec.reference = ImageReference::parse(name + QStringLiteral(":bench"));
    service.setSpec(spec);
    service.setBackend(BuildBackend::EngineApi);
    if (runJob(service.build()) < 0)
        return 1;
    QProcessEnvironment classic = env;
    classic.insert(QStringLiteral("DOCKER_BUILDKIT"), QStringLiteral("0"));
    const QStringList cliBuild{QStringLiteral("build"),
                               QStringLiteral("-q"),
                               QStringLiteral("--build-arg"),
                               QStringLiteral("PYTHON_IMAGE=") + python,
                               QStringLiteral("-t"),
                               name + QStringLiteral(":cli"),
                               context};
    runCli(cliBuild, classic);

    QVector<double> appBuild, cliBuildT, appBx, cliBx;
    for (int i = 0; i < rounds; ++i) {
        appBuild << runJob(service.build());
        cliBuildT << runCli(cliBuild, classic);
    }
    row("build, Engine API, warm cache", appBuild, cliBuildT);
    if (haveBuildx) {
        service.setBackend(BuildBackend::Buildx);
        runJob(service.build());
        const QStringList bx{QStringLiteral("buildx"),
                             QStringLiteral("build"),
                             QStringLiteral("-q"),
                             QStringLiteral("--build-arg"),
                             QStringLiteral("PYTHON_IMAGE=") + python,
                             QStringLiteral("-t"),
                             name + QStringLiteral(":clibx"),
                             context};
        for (int i = 0; i < rounds; ++i) {
            appBx << runJob(service.build());
            cliBx << runCli(bx, env);
        }
        row("build, buildx, warm cache", appBx, cliBx);
        service.setBackend(BuildBackend::EngineApi);
    } else {
        std::printf("build, buildx: skipped (docker buildx not found with this DOCKER_CONFIG)\n");
    }

    // Pushes: a fresh registry per round for "empty", the same one again for "exists".
    QVector<double> appEmpty, cliEmpty, appAgain, cliAgain;
    qint64 peakBefore = 0, peakAfter = 0;
    for (int i = 0; i < rounds; ++i) {
        // Alternate who goes first, so neither side always meets a warmer daemon.
        for (int turn = 0; turn < 2; ++turn) {
            const int who = (turn + i) % 2;
            live::Registry registry(tmp.filePath(QStringLiteral("reg-%1-%2").arg(i).arg(who)));
            if (!registry.waitUp())
                return 1;
            const QString ref = QStringLiteral("%1/%2:bench").arg(registry.host(), name);
            live::docker({QStringLiteral("tag"), name + QStringLiteral(":bench"), ref});
            if (who == 0) {
                spec.reference = ImageReference::parse(ref);
                service.setSpec(spec);
                peakBefore = peakKiB();
                appEmpty << runJob(service.push());
                peakAfter = qMax(peakAfter, peakKiB());
                appAgain << runJob(service.push());
            } else {
                cliEmpty << runCli({QStringLiteral("push"), QStringLiteral("-q"), ref}, env);
                cliAgain << runCli({QStringLiteral("push"), QStringLiteral("-q"), ref}, env);
            }
            live::docker({QStringLiteral("rmi"), ref});
        }
    }
    row("push, empty registry", appEmpty, cliEmpty);
    row("push, every layer exists", appAgain, cliAgain);
    const QString size = live::docker({QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("-f"),
                                       QStringLiteral("{{.Size}}"), name + QStringLiteral(":bench")});
    std::printf("peak RSS around a push of a %.0f MB image: %lld KiB before, %lld KiB after (+%lld KiB)\n",
                size.toDouble() / 1e6, peakBefore, peakAfter, peakAfter - peakBefore);
    live::docker({QStringLiteral("rmi"), name + QStringLiteral(":cli"), name + QStringLiteral(":clibx"),
                  name + QStringLiteral(":bench")});
    return 0;
}
