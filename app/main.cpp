#include "engine/EngineEndpoint.h"
#include "main/MainWindow.h"
#include "stack/ProjectLocator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLoggingCategory>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// --help, --version and a mistyped option must work over ssh and in CI, where
// no display exists and QApplication would abort; so decide from the raw
// arguments whether a GUI is wanted before building the application object.
bool wantsTextOnly(int argc, char *argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    QCommandLineParser probe;
    // "-style fusion" is one Qt option, not -s -t -y -l -e.
    probe.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    probe.addHelpOption();
    probe.addVersionOption();
    probe.addOption({{QStringLiteral("p"), QStringLiteral("project")}, QString(), QStringLiteral("DIR")});
    probe.addOption(QCommandLineOption(QStringLiteral("verbose")));
    if (probe.parse(args))
        return probe.isSet(QStringLiteral("help")) || probe.isSet(QStringLiteral("help-all"))
            || probe.isSet(QStringLiteral("version"));
    // QApplication consumes its own options (-platform, -style...); anything
    // else unknown is reported by the text-only path.
    static const QStringList qtOptions{QStringLiteral("platform"),
                                       QStringLiteral("platformpluginpath"),
                                       QStringLiteral("platformtheme"),
                                       QStringLiteral("plugin"),
                                       QStringLiteral("qwindowgeometry"),
                                       QStringLiteral("qwindowicon"),
                                       QStringLiteral("qwindowtitle"),
                                       QStringLiteral("reverse"),
                                       QStringLiteral("session"),
                                       QStringLiteral("style"),
                                       QStringLiteral("stylesheet"),
                                       QStringLiteral("widgetcount"),
                                       QStringLiteral("display"),
                                       QStringLiteral("geometry"),
                                       QStringLiteral("name"),
                                       QStringLiteral("title"),
                                       QStringLiteral("font"),
                                       QStringLiteral("fn")};
    for (const QString &unknown : probe.unknownOptionNames()) {
        if (!qtOptions.contains(unknown))
            return true;
    }
    return false;
}

void describe(QCoreApplication &app, QCommandLineParser &parser, QCommandLineOption &projectOption,
              QCommandLineOption &verboseOption)
{
    QCoreApplication::setOrganizationName(QStringLiteral("PostDoDjango"));
    QCoreApplication::setApplicationName(QStringLiteral("postdodjango"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PDD_VERSION));
    parser.setApplicationDescription(
        QStringLiteral("Desktop companion for a Django + PostgreSQL stack on Docker Compose.\n"
                       "Without --project, the last stack folder is reopened, else a compose/ folder is looked\n"
                       "for upward from the working directory and next to the program."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(projectOption);
    parser.addOption(verboseOption);
    parser.process(app);
}

// PDD_STARTUP_TRACE=1 prints when the window first painted and when the
// engine's state reached the views, so tests/bench/app can time a real start.
class StartupTrace : public QObject
{
public:
    explicit StartupTrace(MainWindow *window) : QObject(window)
    {
        window->installEventFilter(this);
        QObject::connect(window, &MainWindow::engineAvailabilityChanged, this, [](bool available) {
            std::fprintf(stdout, "pdd-trace engine %d\n", available ? 1 : 0);
            std::fflush(stdout);
        });
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            // Report after this paint has completed.
            QTimer::singleShot(0, this, [] {
                std::fprintf(stdout, "pdd-trace shown\n");
                std::fflush(stdout);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_painted = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QCommandLineParser parser;
    QCommandLineOption projectOption(QStringList{QStringLiteral("p"), QStringLiteral("project")},
                                     QStringLiteral("The stack folder (holding docker-compose.yml and run)."),
                                     QStringLiteral("DIR"));
    QCommandLineOption verboseOption(
        QStringLiteral("verbose"),
        QStringLiteral("Diagnostics of every area (pdd.engine, pdd.compose, pdd.stack, pdd.db, pdd.jobs) on stderr; "
                       "QT_LOGGING_RULES selects finer. Secrets are never logged."));
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        describe(app, parser, projectOption, verboseOption); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("PostDoDjango"));
    QIcon icon;
    for (int size : {32, 64, 256})
        icon.addFile(QStringLiteral(":/icons/postdodjango-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    QApplication::setDesktopFileName(QStringLiteral("postdodjango"));
    describe(app, parser, projectOption, verboseOption);
    if (parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(QStringLiteral("pdd.*.debug=true\npdd.*.info=true"));

    QSettings settings;
    QString projectDir;
    if (parser.isSet(projectOption)) {
        projectDir = QDir(parser.value(projectOption)).absolutePath();
        if (!ProjectLocator::isStackDir(projectDir)) {
            std::fprintf(stderr, "postdodjango: %s holds no stack (docker-compose.yml and run are needed).\n",
                         qPrintable(QDir::toNativeSeparators(projectDir)));
            return 2;
        }
    } else {
        projectDir = ProjectLocator::locate(settings.value(QStringLiteral("projectDir")).toString(),
                                            QDir::currentPath(), QCoreApplication::applicationDirPath());
        if (projectDir.isEmpty()) {
            std::fprintf(stderr,
                         "postdodjango: no stack folder found; pass --project DIR "
                         "(the folder with docker-compose.yml and run).\n");
            return 2;
        }
    }
    settings.setValue(QStringLiteral("projectDir"), projectDir);

    MainWindow window(projectDir, EngineEndpoint::fromEnvironment());
    if (qEnvironmentVariableIsSet("PDD_STARTUP_TRACE"))
        new StartupTrace(&window);
    window.show();
    // Connect after the first frame, so start-up never waits on the daemon.
    QTimer::singleShot(0, &window, &MainWindow::startMonitoring);
    return app.exec();
}
