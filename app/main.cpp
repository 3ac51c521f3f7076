#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("postdodjango"));
    QApplication::setApplicationDisplayName(QStringLiteral("PostDoDjango"));
    QApplication::setApplicationVersion(QStringLiteral(PDD_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Desktop companion for a Django + PostgreSQL stack on Docker Compose"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
