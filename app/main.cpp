#include "engine/EngineEndpoint.h"
#include "i18n/Translations.h"
#include "main/MainWindow.h"
#include "stack/NewStack.h"
#include "stack/ProjectLocator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLoggingCategory>
#include <QProcess>
#include <QSettings>
#include <QStatusBar>
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
    probe.addOption({QStringLiteral("new-stack"), QString(), QStringLiteral("DIR")});
    probe.addOption({QStringLiteral("name"), QString(), QStringLiteral("NAME")});
    probe.addOption(QCommandLineOption(QStringLiteral("git")));
    if (probe.parse(args))
        return probe.isSet(QStringLiteral("help")) || probe.isSet(QStringLiteral("help-all"))
            || probe.isSet(QStringLiteral("version")) || probe.isSet(QStringLiteral("new-stack"));
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

// The command line, in the user's language (built after the translators are in).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(main)
};

struct Options
{
    QCommandLineOption project{QStringList{QStringLiteral("p"), QStringLiteral("project")},
                               Text::tr("The stack folder (holding docker-compose.yml and run)."), Text::tr("DIR")};
    QCommandLineOption verbose{
        QStringLiteral("verbose"),
        Text::tr("Diagnostics of every area (pdd.engine, pdd.compose, pdd.stack, pdd.db, pdd.jobs) on stderr; "
                 "QT_LOGGING_RULES selects finer. Secrets are never logged.")};
    QCommandLineOption dir{QStringLiteral("new-stack"),
                           Text::tr("Create a stack from the template in the empty (or new) folder DIR: a name, "
                                    "free ports and a .env with fresh secrets; then open it with --project DIR."),
                           Text::tr("DIR")};
    QCommandLineOption name{QStringLiteral("name"),
                            Text::tr("With --new-stack: the stack's name (default: from the folder's name)."),
                            Text::tr("NAME")};
    QCommandLineOption git{QStringLiteral("git"), Text::tr("With --new-stack: initialise a git repository.")};
};

// Names for QSettings, then the language (saved choice, else the system's).
void identify()
{
    QCoreApplication::setOrganizationName(QStringLiteral("PostDoDjango"));
    QCoreApplication::setApplicationName(QStringLiteral("postdodjango"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PDD_VERSION));
    pdd::i18n::install(QSettings().value(pdd::i18n::settingKey()).toString());
}

// --new-stack DIR: what File > New stack… does, for scripts and a terminal.
int newStack(const QCommandLineParser &parser, const Options &o)
{
    NewStack::Settings s;
    s.dir = QDir(parser.value(o.dir)).absolutePath();
    s.name = parser.isSet(o.name) ? parser.value(o.name) : NewStack::suggestedName(s.dir);
    s.initGit = parser.isSet(o.git);
    const QString templateDir = NewStack::templateDir(QCoreApplication::applicationDirPath());
    s.ports =
        NewStack::freePorts(NewStack::templatePorts(templateDir), NewStack::declaredPorts(ProjectLocator::recent()));
    NewStack::Hooks hooks;
    hooks.log = [](const QString &line) { std::fprintf(stdout, "%s\n", qPrintable(line)); };
    const QString error = NewStack::create(s, templateDir, hooks);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "postdodjango: %s\n", qPrintable(error));
        return 1;
    }
    ProjectLocator::remember(s.dir);
    QStringList ports;
    for (const QString &key : NewStack::portKeys())
        ports << QStringLiteral("%1=%2").arg(key).arg(s.ports.value(key));
    std::fprintf(stdout, "%s\n",
                 qPrintable(Text::tr("Created the stack %1 in %2; ports: %3\nOpen it: postdodjango --project %2")
                                .arg(s.name, QDir::toNativeSeparators(s.dir), ports.join(QLatin1Char(' ')))));
    return 0;
}

void describe(QCoreApplication &app, QCommandLineParser &parser, const Options &o)
{
    parser.setApplicationDescription(
        Text::tr("Desktop companion for a Django + PostgreSQL stack on Docker Compose.\n"
                 "Without --project, the last stack folder is reopened, else a compose/ folder is looked\n"
                 "for upward from the working directory and next to the program."));
    parser.addHelpOption();
    parser.addVersionOption();
    for (const QCommandLineOption *option : {&o.project, &o.verbose, &o.dir, &o.name, &o.git})
        parser.addOption(*option);
    parser.process(app);
}

// PDD_STARTUP_TRACE=1 prints when the window first painted and when the
// engine's state reached the views, so tests/bench/app can time a real start.
// PDD_STARTUP_SCREENSHOT=FILE (with it) saves that first frame and quits.
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
            QTimer::singleShot(0, this, [this] {
                std::fprintf(stdout, "pdd-trace shown\n");
                std::fflush(stdout);
                // PDD_STARTUP_SCREENSHOT=FILE: the first window as painted, then quit
                // (the package test's "screenshot from inside" a clean system).
                const QString shot = qEnvironmentVariable("PDD_STARTUP_SCREENSHOT");
                if (!shot.isEmpty()) {
                    auto *window = qobject_cast<QWidget *>(parent());
                    const bool saved = window && window->grab().save(shot);
                    std::fprintf(stdout, "pdd-trace screenshot %s %s\n", saved ? "saved" : "failed", qPrintable(shot));
                    std::fflush(stdout);
                    QCoreApplication::exit(saved ? 0 : 1);
                }
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
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        identify();
        const Options options;
        describe(app, parser, options); // help and version print and exit
        return parser.isSet(options.dir) ? newStack(parser, options) : 0;
    }

    QApplication app(argc, argv);
    identify();
    const Options options;
    QApplication::setApplicationDisplayName(QStringLiteral("PostDoDjango"));
    QIcon icon;
    for (int size : {32, 64, 256})
        icon.addFile(QStringLiteral(":/icons/postdodjango-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    QApplication::setDesktopFileName(QStringLiteral("org.postdodjango.PostDoDjango"));
    describe(app, parser, options);
    if (parser.isSet(options.verbose))
        QLoggingCategory::setFilterRules(QStringLiteral("pdd.*.debug=true\npdd.*.info=true"));

    QSettings settings;
    QString projectDir;
    if (parser.isSet(options.project)) {
        projectDir = QDir(parser.value(options.project)).absolutePath();
        if (!ProjectLocator::isStackDir(projectDir)) {
            std::fprintf(stderr, "postdodjango: %s\n",
                         qPrintable(Text::tr("%1 holds no stack (docker-compose.yml and run are needed).")
                                        .arg(QDir::toNativeSeparators(projectDir))));
            return 2;
        }
    } else {
        projectDir = ProjectLocator::locate(settings.value(QStringLiteral("projectDir")).toString(),
                                            QDir::currentPath(), QCoreApplication::applicationDirPath());
        if (projectDir.isEmpty()) {
            std::fprintf(stderr, "postdodjango: %s\n",
                         qPrintable(Text::tr("no stack folder found; pass --project DIR (the folder with "
                                             "docker-compose.yml and run), or create one with --new-stack DIR.")));
            return 2;
        }
    }
    settings.setValue(QStringLiteral("projectDir"), projectDir);
    ProjectLocator::remember(projectDir);

    MainWindow window(projectDir, EngineEndpoint::fromEnvironment());
    // Another stack opens in a window of its own: a new process, so each
    // window keeps one StackSession for its whole life.
    QObject::connect(&window, &MainWindow::openStackRequested, &window, [&window](const QString &dir) {
        if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), {QStringLiteral("--project"), dir}))
            window.statusBar()->showMessage(Text::tr("Could not start a new window for %1.").arg(dir), 10000);
    });
    if (qEnvironmentVariableIsSet("PDD_STARTUP_TRACE") || qEnvironmentVariableIsSet("PDD_STARTUP_SCREENSHOT"))
        new StartupTrace(&window);
    window.show();
    // Connect after the first frame, so start-up never waits on the daemon.
    QTimer::singleShot(0, &window, &MainWindow::startMonitoring);
    return app.exec();
}
