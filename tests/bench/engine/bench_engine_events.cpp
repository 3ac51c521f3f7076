// Event-to-model latency of EngineMonitor on the real daemon, next to what
// `docker inspect` takes for the same change in the same run.
//
// For 20 state changes (stop/start of one busybox container), both clocks start
// at the daemon's own event timestamp (timeNano):
//  - model:   until EngineMonitor's model holds the new state on the GUI thread;
//  - inspect: a `docker inspect` launched when the same event arrives (and
//             relaunched while it still shows the old state) until it reports
//             the new one.
// The daemon holds a container's lock while it tears an exited container
// down, so after "die" both wait for the daemon; the difference is our
// pipeline against the CLI's. Also printed: a plain `docker inspect` wall
// time. Target: model latency within 2x of docker inspect.
#include "engine/EngineMonitor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace {
qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

double median(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n == 0 ? -1 : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

QString dockerSync(const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("docker"), args);
    p.waitForFinished(60000);
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
}

bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    }
    return true;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 20;
    const QString image = QStringLiteral("pdd-test/busybox:latest");

    if (QProcess::execute(QStringLiteral(PDD_SOURCE_DIR "/tests/support/busybox-image"), {image}) != 0) {
        std::fprintf(stderr, "bench_engine_events: could not prepare %s\n", qPrintable(image));
        return 1;
    }

    EngineMonitor monitor(EngineEndpoint::fromEnvironment());
    QString unavailableReason;
    QObject::connect(&monitor, &EngineMonitor::availabilityChanged,
                     [&](bool, const QString &reason) { unavailableReason = reason; });
    monitor.start();
    if (!spinUntil([&] { return monitor.isAvailable(); }, 15000)) {
        std::fprintf(stderr, "bench_engine_events: engine unavailable: %s\n", qPrintable(unavailableReason));
        return 1;
    }

    int rc = 0;
    const QString name = QStringLiteral("pddbench-engine-%1").arg(QCoreApplication::applicationPid());
    const QString id = dockerSync({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), name, image,
                                   QStringLiteral("sh"), QStringLiteral("-c"),
                                   QStringLiteral("trap 'exit 0' TERM; while true; do sleep 0.1; done")},
                                  &rc);
    if (rc != 0 || id.isEmpty()) {
        std::fprintf(stderr, "bench_engine_events: docker run failed\n");
        return 1;
    }

    // The event that carries the change, the first model update showing it,
    // and the inspect chain started by the same event.
    qint64 eventNano = 0;
    qint64 modelNano = 0;
    qint64 inspectNano = 0;
    QString wantedState;
    QProcess inspect;
    const QStringList inspectArgs{QStringLiteral("inspect"), QStringLiteral("--format"),
                                  QStringLiteral("{{.State.Status}}"), id};
    QObject::connect(&inspect, &QProcess::finished, [&] {
        if (eventNano == 0 || inspectNano != 0)
            return;
        if (QString::fromLocal8Bit(inspect.readAllStandardOutput()).trimmed() == wantedState)
            inspectNano = nowNs();
        else
            inspect.start(QStringLiteral("docker"), inspectArgs); // not visible yet: ask again
    });
    QObject::connect(&monitor, &EngineMonitor::eventReceived, [&](const EngineEvent &e) {
        const bool relevant = e.action == QLatin1String(wantedState == QLatin1String("exited") ? "die" : "start");
        if (e.id == id && relevant && eventNano == 0) {
            eventNano = e.timeNano;
            inspect.start(QStringLiteral("docker"), inspectArgs);
        }
    });
    QObject::connect(&monitor, &EngineMonitor::containerChanged, [&](const ContainerInfo &c) {
        if (c.id == id && ContainerStates::apiName(c.state) == wantedState && eventNano != 0 && modelNano == 0)
            modelNano = nowNs();
    });
    spinUntil(
        [&] {
            const auto all = monitor.containers();
            return std::any_of(all.cbegin(), all.cend(), [&](const ContainerInfo &c) {
                return c.id == id && c.state == ContainerState::Running;
            });
        },
        10000);

    QVector<double> latencyMs, inspectMs, plainInspectMs, stopLatencyMs, startLatencyMs;
    for (int i = 0; i < rounds; ++i) {
        const bool stopping = i % 2 == 0;
        wantedState = stopping ? QStringLiteral("exited") : QStringLiteral("running");
        eventNano = modelNano = inspectNano = 0;
        // Trigger asynchronously so the GUI thread keeps delivering updates.
        QProcess trigger;
        trigger.start(QStringLiteral("docker"),
                      stopping ? QStringList{QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("5"), id}
                               : QStringList{QStringLiteral("start"), id});
        const bool seen = spinUntil(
            [&] { return modelNano != 0 && inspectNano != 0 && trigger.state() == QProcess::NotRunning; }, 20000);
        if (!seen) {
            std::fprintf(stderr, "round %d: change to %s not seen (model %d, inspect %d)\n", i, qPrintable(wantedState),
                         modelNano != 0, inspectNano != 0);
            rc = 1;
            break;
        }
        const double ms = (modelNano - eventNano) / 1e6;
        latencyMs << ms;
        (stopping ? stopLatencyMs : startLatencyMs) << ms;
        inspectMs << (inspectNano - eventNano) / 1e6;

        QElapsedTimer t;
        t.start();
        dockerSync(inspectArgs);
        plainInspectMs << t.nsecsElapsed() / 1e6;
    }
    dockerSync({QStringLiteral("rm"), QStringLiteral("-f"), id});

    if (latencyMs.isEmpty())
        return 1;
    const double lat = median(latencyMs);
    const double insp = median(inspectMs);
    std::printf("event-to-model latency (EngineMonitor): median %.2f ms, max %.2f ms over %lld changes "
                "(stop: %.2f ms, start: %.2f ms)\n",
                lat, *std::max_element(latencyMs.cbegin(), latencyMs.cend()), static_cast<long long>(latencyMs.size()),
                median(stopLatencyMs), median(startLatencyMs));
    std::printf("event-to-docker-inspect (same changes): median %.2f ms\n", insp);
    std::printf("plain docker inspect wall time:         median %.2f ms\n", median(plainInspectMs));
    std::printf("ratio model/inspect: %.2f (target <= 2.0) %s\n", lat / insp, lat / insp <= 2.0 ? "OK" : "OVER");
    return rc;
}
