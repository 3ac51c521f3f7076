// Start-up and memory of the real postdodjango binary, each next to a
// baseline measured in the same run on the same machine:
//   cold start to first shown window (ms)  vs a bare QMainWindow
//   idle RSS with the containers view populated (MB)  vs an empty QApplication
// Usage: bench_app [--runs N] [--project DIR]   (offscreen unless QT_QPA_PLATFORM is set)
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMainWindow>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace {

// ---- child modes: the baselines, speaking the app's PDD_STARTUP_TRACE protocol

class PaintProbe : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *o, QEvent *e) override
    {
        if (e->type() == QEvent::Paint && !m_done) {
            m_done = true;
            QTimer::singleShot(0, [] {
                std::printf("pdd-trace shown\n");
                std::fflush(stdout);
            });
        }
        return QObject::eventFilter(o, e);
    }
    bool m_done = false;
};

int childBareWindow(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow w;
    w.setCentralWidget(new QTableView);
    w.resize(1100, 760);
    PaintProbe probe;
    w.installEventFilter(&probe);
    w.show();
    return app.exec();
}

int childEmptyApp(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTimer::singleShot(0, [] {
        std::printf("pdd-trace engine 1\n");
        std::fflush(stdout);
    });
    return app.exec();
}

// ---- the driver

struct Run
{
    double shownMs = -1;
    double rssMb = -1;
    double idleCpuPercent = -1;   // of one core, over the idle window
    double wakeupsPerSecond = -1; // context switches of all its threads
};

// utime + stime of the whole process, in clock ticks (/proc/PID/stat fields 14 and 15).
qint64 cpuTicksOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' '); // fields from 3 on
    return fields.size() > 13 ? fields.at(11).toLongLong() + fields.at(12).toLongLong() : -1;
}

// Voluntary + involuntary context switches summed over the process's threads: each
// is a wake-up of some thread, which is what keeps a laptop's CPU out of sleep.
qint64 switchesOf(qint64 pid)
{
    qint64 total = 0;
    for (const QString &task :
         QDir(QStringLiteral("/proc/%1/task").arg(pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(QStringLiteral("/proc/%1/task/%2/status").arg(pid).arg(task));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : f.readAll().split('\n'))
            if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:"))
                total += line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
    }
    return total;
}

double rssMbOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// Spawns program, times spawn → "pdd-trace shown"; with waitFor set, waits for
// that trace line, idles settleMs and reads the child's RSS.
Run measure(const QString &program, const QStringList &args, const QProcessEnvironment &env, const char *waitFor,
            int settleMs, int idleSeconds = 0)
{
    Run r;
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return r;
    QByteArray out;
    bool waited = waitFor == nullptr;
    while (t.elapsed() < 20000 && (r.shownMs < 0 || !waited)) {
        if (!p.waitForReadyRead(100) && p.state() == QProcess::NotRunning)
            break;
        out += p.readAllStandardOutput();
        if (r.shownMs < 0 && out.contains("pdd-trace shown"))
            r.shownMs = t.nsecsElapsed() / 1e6;
        if (waitFor && out.contains(waitFor))
            waited = true;
    }
    if (waitFor && waited) {
        QElapsedTimer idle;
        idle.start();
        while (idle.elapsed() < settleMs)
            p.waitForReadyRead(50);
        r.rssMb = rssMbOf(p.processId());
        if (idleSeconds > 0) {
            const qint64 ticks0 = cpuTicksOf(p.processId()), switches0 = switchesOf(p.processId());
            QElapsedTimer window;
            window.start();
            while (window.elapsed() < idleSeconds * 1000LL)
                p.waitForReadyRead(200);
            const double seconds = window.nsecsElapsed() / 1e9;
            const qint64 ticks1 = cpuTicksOf(p.processId()), switches1 = switchesOf(p.processId());
            if (ticks0 >= 0 && ticks1 >= 0) {
                r.idleCpuPercent = 100.0 * double(ticks1 - ticks0) / double(sysconf(_SC_CLK_TCK)) / seconds;
                r.wakeupsPerSecond = double(switches1 - switches0) / seconds;
            }
        }
    }
    p.terminate();
    if (!p.waitForFinished(3000)) {
        p.kill();
        p.waitForFinished(3000);
    }
    return r;
}

double median(QVector<double> v)
{
    v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return x < 0; }), v.end());
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v.at(v.size() / 2) : (v.at(v.size() / 2 - 1) + v.at(v.size() / 2)) / 2;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && !std::strcmp(argv[1], "--child-bare-window"))
        return childBareWindow(argc, argv);
    if (argc > 1 && !std::strcmp(argv[1], "--child-empty-app"))
        return childEmptyApp(argc, argv);

    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Start-ups per program."), QStringLiteral("N"),
                               QStringLiteral("7"));
    QCommandLineOption projectOpt(QStringLiteral("project"), QStringLiteral("Stack folder."), QStringLiteral("DIR"),
                                  QDir(QStringLiteral(PDD_SOURCE_DIR)).filePath(QStringLiteral("compose")));
    parser.addOption(runsOpt);
    QCommandLineOption idleOpt(QStringLiteral("idle-seconds"),
                               QStringLiteral("How long to watch each idle process's CPU (0: skip)."),
                               QStringLiteral("S"), QStringLiteral("60"));
    parser.addOption(projectOpt);
    parser.addOption(idleOpt);
    parser.process(app);
    const int idleSeconds = qMax(0, parser.value(idleOpt).toInt());
    const int runs = qMax(1, parser.value(runsOpt).toInt());

    QTemporaryDir config; // keep the user's settings out of it
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    env.insert(QStringLiteral("PDD_STARTUP_TRACE"), QStringLiteral("1"));

    const QString appBinary = QStringLiteral(PDD_APP_BINARY);
    const QString self = QCoreApplication::applicationFilePath();
    const QStringList appArgs{QStringLiteral("--project"), parser.value(projectOpt)};

    // Interleaved, so machine noise hits both sides alike; the first of each is the coldest.
    QVector<double> appShown, bareShown;
    for (int i = 0; i < runs; ++i) {
        bareShown << measure(self, {QStringLiteral("--child-bare-window")}, env, nullptr, 0).shownMs;
        appShown << measure(appBinary, appArgs, env, nullptr, 0).shownMs;
    }
    // How much of the app's time is just loading it: `--version` exits before any GUI.
    QVector<double> versionMs;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(appBinary, {QStringLiteral("--version")});
        p.waitForFinished(10000);
        versionMs << t.nsecsElapsed() / 1e6;
    }
    const Run appIdle = measure(appBinary, appArgs, env, "pdd-trace engine 1", 2000, idleSeconds);
    const Run emptyIdle =
        measure(self, {QStringLiteral("--child-empty-app")}, env, "pdd-trace engine 1", 2000, idleSeconds);

    const double appMed = median(appShown), bareMed = median(bareShown);
    std::printf("platform: %s, %d start-ups each, stack folder %s\n",
                qPrintable(env.value(QStringLiteral("QT_QPA_PLATFORM"))), runs, qPrintable(parser.value(projectOpt)));
    std::printf("start to first shown window: app %.0f ms (median; first %.0f ms)  baseline bare QMainWindow %.0f ms "
                "(first %.0f ms)  ratio %.2fx  target < 300 ms: %s\n",
                appMed, appShown.first(), bareMed, bareShown.first(), bareMed > 0 ? appMed / bareMed : 0.0,
                appMed > 0 && appMed < 300 ? "met" : "MISSED");
    std::printf("of which process start + loading the app's libraries (postdodjango --version): %.0f ms (median)\n",
                median(versionMs));
    if (appIdle.rssMb < 0)
        std::printf("idle RSS: the app never reported the engine state (is the Docker daemon running?)\n");
    else
        std::printf(
            "idle RSS, containers view populated: app %.1f MB  baseline empty QApplication %.1f MB  ratio %.2fx  "
            "target < 80 MB: %s\n",
            appIdle.rssMb, emptyIdle.rssMb, emptyIdle.rssMb > 0 ? appIdle.rssMb / emptyIdle.rssMb : 0.0,
            appIdle.rssMb < 80 ? "met" : "MISSED");
    if (idleSeconds > 0 && appIdle.idleCpuPercent >= 0)
        std::printf("idle CPU over %d s, containers view populated: app %.3f%% of a core, %.1f wake-ups/s  "
                    "baseline empty QApplication %.3f%%, %.1f wake-ups/s  target < 0.1%%: %s\n",
                    idleSeconds, appIdle.idleCpuPercent, appIdle.wakeupsPerSecond, emptyIdle.idleCpuPercent,
                    emptyIdle.wakeupsPerSecond, appIdle.idleCpuPercent < 0.1 ? "met" : "MISSED");
    return appMed > 0 && appIdle.rssMb > 0 ? 0 : 1;
}
