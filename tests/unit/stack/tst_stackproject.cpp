#include "stack/ProjectLocator.h"
#include "stack/StackProject.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}
const char kCompose[] = "services:\n  db:\n    image: ${POSTGRES_IMAGE:-postgres:16}\n    profiles: [dev, prod]\n"
                        "  web:\n    image: web\n    profiles: [dev]\n  nginx:\n    image: n\n    profiles: [prod]\n";
} // namespace

class TestStackProject : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void derivesNamesUrlsAndDatabase_data()
    {
        QTest::addColumn<QByteArray>("dotEnv");
        QTest::addColumn<QString>("envOverride"); // NAME=value or empty
        QTest::addColumn<QString>("devUrl");
        QTest::addColumn<QString>("prodUrl");
        QTest::addColumn<QString>("devProject");
        QTest::addColumn<QString>("db"); // user@host:port/database
        QTest::newRow("defaults without .env") << QByteArray() << "" << "http://127.0.0.1:8000/" << "http://127.0.0.1/"
                                               << "postdodjango-dev" << "postgres@127.0.0.1:5432/postgres";
        QTest::newRow(".env ports") << QByteArray("STACK_NAME=s\nDEV_WEB_PORT=28000\nPROD_HTTP_PORT=28080\n"
                                                  "DEV_DB_PORT=28432\nPOSTGRES_USER=app\nPOSTGRES_DB=appdb\n")
                                    << "" << "http://127.0.0.1:28000/" << "http://127.0.0.1:28080/" << "s-dev"
                                    << "app@127.0.0.1:28432/appdb";
        QTest::newRow("environment wins") << QByteArray("STACK_NAME=s\nDEV_WEB_PORT=28000\n") << "STACK_NAME=pddtest-gui"
                                          << "http://127.0.0.1:28000/" << "http://127.0.0.1/" << "pddtest-gui-dev"
                                          << "postgres@127.0.0.1:5432/postgres";
    }
    void derivesNamesUrlsAndDatabase()
    {
        QFETCH(QByteArray, dotEnv);
        QFETCH(QString, envOverride);
        QFETCH(QString, devUrl);
        QFETCH(QString, prodUrl);
        QFETCH(QString, devProject);
        QFETCH(QString, db);
        QTemporaryDir dir;
        writeFile(dir.filePath("docker-compose.yml"), kCompose);
        if (!dotEnv.isEmpty())
            writeFile(dir.filePath(".env"), dotEnv);
        QProcessEnvironment pe;
        if (!envOverride.isEmpty())
            pe.insert(envOverride.section('=', 0, 0), envOverride.section('=', 1));
        const StackProject p(dir.path(), pe);
        QVERIFY2(p.compose().isValid(), qPrintable(p.compose().error().toString()));
        QCOMPARE(p.webUrl("dev").toString(), devUrl);
        QCOMPARE(p.webUrl("prod").toString(), prodUrl);
        QCOMPARE(p.projectName("dev"), devProject);
        const auto d = p.devDatabase();
        QCOMPARE(QStringLiteral("%1@%2:%3/%4").arg(d.user, d.host).arg(d.port).arg(d.database), db);
        QCOMPARE(p.services("prod").size(), 2);
    }

    void reloadPicksUpAFixedFile()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("docker-compose.yml"), "services:\n  db: [\n");
        StackProject p(dir.path(), QProcessEnvironment());
        QVERIFY(!p.compose().isValid());
        QVERIFY(p.compose().error().toString().startsWith(dir.filePath("docker-compose.yml") + ":3:1: "));
        writeFile(dir.filePath("docker-compose.yml"), kCompose);
        p.reload();
        QVERIFY(p.compose().isValid());
        QCOMPARE(p.services("dev").size(), 2);
    }

    void locator()
    {
        QTemporaryDir root;
        const QString checkout = root.filePath("checkout");
        writeFile(checkout + "/compose/docker-compose.yml", kCompose);
        writeFile(checkout + "/compose/run", "#!/bin/sh\n");
        QDir().mkpath(checkout + "/app/deep/er");
        const QString installed = root.filePath("usr/share/postdodjango/compose");
        writeFile(installed + "/docker-compose.yml", kCompose);
        writeFile(installed + "/run", "#!/bin/sh\n");
        QDir().mkpath(root.filePath("usr/bin"));
        QDir().mkpath(root.filePath("elsewhere"));
        const QString canonicalCompose = QDir(checkout + "/compose").absolutePath();

        // Upward from a subfolder of the checkout.
        QCOMPARE(ProjectLocator::locate({}, checkout + "/app/deep/er", root.filePath("nobin")), canonicalCompose);
        // A remembered stack wins over the working directory.
        QCOMPARE(ProjectLocator::locate(installed, checkout, {}), QDir(installed).absolutePath());
        // A remembered folder that no longer holds a stack is ignored.
        QCOMPARE(ProjectLocator::locate(root.filePath("elsewhere"), checkout, {}), canonicalCompose);
        // Installed layout: <prefix>/bin and <prefix>/share/postdodjango/compose.
        QCOMPARE(ProjectLocator::locate({}, root.filePath("elsewhere"), root.filePath("usr/bin")),
                 QDir(installed).absolutePath());
        QVERIFY(ProjectLocator::locate({}, root.filePath("elsewhere"), root.filePath("elsewhere")).isEmpty());
        QVERIFY(!ProjectLocator::isStackDir(checkout));
    }
};

QTEST_GUILESS_MAIN(TestStackProject)
#include "tst_stackproject.moc"
