// One backup or restore through the app's BackupService (the Backups tab's
// core: compose/run -8 as a Job), timing it and sampling this process's
// resident memory every 100 ms while the script streams the data.
// Usage: bench_backup_app DIR backup|restore MODE [FILE]
//   prints: "seconds S rss_start_kib A rss_max_kib B samples N result R"
#include "ResidentMemory.h"
#include "backup/BackupService.h"
#include "jobs/Job.h"
#include "stack/StackController.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: bench_backup_app DIR backup|restore MODE [FILE]\n");
        return 2;
    }
    StackController controller(args[1]);
    BackupService service(
        [&controller](const QString &t, const QStringList &a, int s) { return controller.runScript(t, a, s); });
    const StackMode mode = StackModes::parse(args[3]).value_or(StackMode::Dev);
    service.setStack(args[1], qEnvironmentVariable("STACK_NAME"), mode);

    const qint64 start = pddtest::residentKiB();
    qint64 peak = start;
    int samples = 0;
    QTimer sampler;
    sampler.setInterval(100);
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        peak = std::max(peak, pddtest::residentKiB());
        ++samples;
    });
    QElapsedTimer clock;
    clock.start();
    sampler.start();
    Job *job = args[2] == QLatin1String("restore") ? service.restore(args.value(4), qEnvironmentVariable("STACK_NAME"))
                                                   : service.backupNow();
    QObject::connect(job, &Job::finished, &app, [&](Job::State state) {
        sampler.stop();
        std::printf("seconds %.2f rss_start_kib %lld rss_max_kib %lld samples %d result %s\n", clock.elapsed() / 1000.0,
                    static_cast<long long>(start), static_cast<long long>(peak), samples,
                    qPrintable(Job::stateName(state)));
        if (state != Job::State::Succeeded)
            std::fprintf(stderr, "%s\n", qPrintable(job->errorString()));
        app.exit(state == Job::State::Succeeded ? 0 : 1);
    });
    return app.exec();
}
