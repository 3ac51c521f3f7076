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

namespace {
StackMode M(const QString &key)
{
    return *StackModes::parse(key);
}
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
        // clang-format off
        QTest::newRow("defaults without .env") << QByteArray() << "" << "http://127.0.0.1:8000/" << "http://127.0.0.1/"
                                               << "postdodjango-dev" << "postgres@127.0.0.1:5432/app";
        QTest::newRow(".env ports") << QByteArray("STACK_NAME=s\nDEV_WEB_PORT=28000\nPROD_HTTP_PORT=28080\n"
                                                  "DEV_DB_PORT=28432\nPOSTGRES_USER=app\nPOSTGRES_DB=appdb\n")
                                    << "" << "http://127.0.0.1:28000/" << "http://127.0.0.1:28080/" << "s-dev"
                                    << "app@127.0.0.1:28432/appdb";
        QTest::newRow("environment wins") << QByteArray("STACK_NAME=s\nDEV_WEB_PORT=28000\n") << "STACK_NAME=pddtest-gui"
                                          << "http://127.0.0.1:28000/" << "http://127.0.0.1/" << "pddtest-gui-dev"
                                          << "postgres@127.0.0.1:5432/app";
        QTest::newRow("TLS on: prod's URL is https on PROD_HTTPS_PORT")
            << QByteArray("TLS_MODE=self-signed\nPROD_HTTP_PORT=28080\nPROD_HTTPS_PORT=28443\n") << ""
            << "http://127.0.0.1:8000/" << "https://127.0.0.1:28443/" << "postdodjango-dev" << "postgres@127.0.0.1:5432/app";
        QTest::newRow("TLS on, port 443") << QByteArray("TLS_MODE=letsencrypt\nPROD_HTTP_PORT=28080\n") << ""
                                          << "http://127.0.0.1:8000/" << "https://127.0.0.1/" << "postdodjango-dev"
                                          << "postgres@127.0.0.1:5432/app";
        QTest::newRow("TLS off in the environment") << QByteArray("TLS_MODE=files\nPROD_HTTP_PORT=28080\n") << "TLS_MODE=off"
                                                    << "http://127.0.0.1:8000/" << "http://127.0.0.1:28080/"
                                                    << "postdodjango-dev" << "postgres@127.0.0.1:5432/app";
        // clang-format on
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
        QVERIFY2(p.composeProblems().isEmpty(), qPrintable(p.composeProblems().join('\n')));
        QCOMPARE(p.webUrl(M("dev")).toString(), devUrl);
        QCOMPARE(p.webUrl(M("prod")).toString(), prodUrl);
        QCOMPARE(p.projectName(M("dev")), devProject);
        const auto d = p.devDatabase();
        QCOMPARE(QStringLiteral("%1@%2:%3/%4").arg(d.user, d.host).arg(d.port).arg(d.database), db);
        QCOMPARE(p.services(M("prod")).size(), 2);
    }

    // Prod with TLS reads the overlay compose/run adds, with the certificate paths run gives it.
    void tlsOverlayJoinsProd_data()
    {
        QTest::addColumn<QByteArray>("dotEnv");
        QTest::addColumn<QStringList>("prodServices");
        QTest::addColumn<QString>("cert"); // relative to the stack folder, or empty
        QTest::addColumn<QString>("problem");
        QTest::newRow("off") << QByteArray("TLS_MODE=off\n") << QStringList{"db", "nginx"} << ""
                             << "";
        QTest::newRow("unset") << QByteArray() << QStringList{"db", "nginx"} << ""
                               << "";
        QTest::newRow("self-signed") << QByteArray("TLS_MODE=self-signed\n") << QStringList{"db", "nginx"}
                                     << "tls/self-signed/fullchain.pem"
                                     << "";
        QTest::newRow("files") << QByteArray("TLS_MODE=files\nTLS_CERT_FILE=certs/site.pem\nTLS_KEY_FILE=/etc/k.pem\n")
                               << QStringList{"db", "nginx"} << "certs/site.pem"
                               << "";
        QTest::newRow("files without files") << QByteArray("TLS_MODE=files\n") << QStringList{} << ""
                                             << "PDD_TLS_CERT is not set; start prod with sh run -0";
        QTest::newRow("letsencrypt") << QByteArray("TLS_MODE=letsencrypt\n") << QStringList{"certbot", "db", "nginx"}
                                     << ""
                                     << "";
        QTest::newRow("a mode run does not know") << QByteArray("TLS_MODE=https\n") << QStringList{"db", "nginx"} << ""
                                                  << "is none of self-signed, files, letsencrypt, off.";
    }
    void tlsOverlayJoinsProd()
    {
        QFETCH(QByteArray, dotEnv);
        QFETCH(QStringList, prodServices);
        QFETCH(QString, cert);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        writeFile(dir.filePath("docker-compose.yml"), kCompose);
        writeFile(dir.filePath("docker-compose.tls.yml"),
                  "services:\n  nginx:\n    volumes:\n      - ${PDD_TLS_CERT:?PDD_TLS_CERT is not set; start prod with "
                  "sh run -0}:/etc/nginx/tls/fullchain.pem:ro\n");
        writeFile(dir.filePath("docker-compose.letsencrypt.yml"),
                  "services:\n  certbot:\n    image: c\n    profiles: [prod]\nvolumes:\n  letsencrypt:\n");
        if (!dotEnv.isEmpty())
            writeFile(dir.filePath(".env"), dotEnv);
        const StackProject p(dir.path(), QProcessEnvironment());
        if (problem.isEmpty()) {
            QVERIFY2(p.composeProblems().isEmpty(), qPrintable(p.composeProblems().join('\n')));
        } else {
            QCOMPARE(p.composeProblems().size(), 1);
            QVERIFY2(p.composeProblems().first().contains(problem), qPrintable(p.composeProblems().first()));
        }
        QStringList got;
        for (const ComposeService &s : p.services(M("prod")))
            got << s.name;
        got.sort();
        QCOMPARE(got, prodServices);
        QCOMPARE(p.composeFiles(M("dev")), QStringList{dir.filePath("docker-compose.yml")});
        QCOMPARE(p.tlsCertificateFile(), cert.isEmpty() ? QString() : dir.filePath(cert));
        if (dotEnv.contains("TLS_KEY_FILE"))
            QCOMPARE(p.tlsKeyFile(), QStringLiteral("/etc/k.pem"));
    }

    // The shipped stack, as compose/run runs it, for every TLS_MODE.
    void shippedStackInEveryTlsMode_data()
    {
        QTest::addColumn<QString>("tlsMode");
        QTest::addColumn<QStringList>("prodServices");
        QTest::addColumn<QString>("prodUrl");
        QTest::newRow("off") << "off" << QStringList{"db", "nginx", "web"} << "http://127.0.0.1:28080/";
        QTest::newRow("self-signed") << "self-signed" << QStringList{"db", "nginx", "web"}
                                     << "https://127.0.0.1:28443/";
        QTest::newRow("letsencrypt") << "letsencrypt" << QStringList{"certbot", "db", "nginx", "web"}
                                     << "https://127.0.0.1:28443/";
    }
    void shippedStackInEveryTlsMode()
    {
        QFETCH(QString, tlsMode);
        QFETCH(QStringList, prodServices);
        QFETCH(QString, prodUrl);
        QTemporaryDir dir;
        const QDir shipped(qEnvironmentVariable("PDD_SOURCE_DIR") + QStringLiteral("/compose"));
        for (const QString &f : shipped.entryList({"docker-compose*.yml"}, QDir::Files))
            QVERIFY(QFile::copy(shipped.filePath(f), dir.filePath(f)));
        // base, dev, prod, tls, letsencrypt, swarm
        QCOMPARE(QDir(dir.path()).entryList({"docker-compose*.yml"}).size(), 6);
        QProcessEnvironment pe;
        for (const char *secret : {"POSTGRES_PASSWORD", "DJANGO_SECRET_KEY", "PGADMIN_DEFAULT_PASSWORD"})
            pe.insert(QLatin1String(secret), QStringLiteral("x"));
        pe.insert("TLS_MODE", tlsMode);
        pe.insert("PROD_HTTP_PORT", "28080");
        pe.insert("PROD_HTTPS_PORT", "28443");
        const StackProject p(dir.path(), pe);
        QVERIFY2(p.composeProblems().isEmpty(), qPrintable(p.composeProblems().join('\n')));
        QStringList got;
        for (const ComposeService &s : p.services(M("prod"))) {
            got << s.name;
            if (s.name == QLatin1String("nginx"))
                QCOMPARE(s.ports.size(), tlsMode == QLatin1String("off") ? 1 : 2);
        }
        got.sort();
        QCOMPARE(got, prodServices);
        QCOMPARE(p.webUrl(M("prod")).toString(), prodUrl);
        QCOMPARE(p.volumes(M("prod")).contains(QStringLiteral("letsencrypt")), tlsMode == QLatin1String("letsencrypt"));
    }

    void reloadPicksUpAFixedFile()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("docker-compose.yml"), "services:\n  db: [\n");
        StackProject p(dir.path(), QProcessEnvironment());
        for (const StackMode m : StackProject::modes()) {
            const QString mode = StackModes::key(m);
            QVERIFY(!p.compose(m).isValid());
            QVERIFY(p.services(m).isEmpty());
        }
        // Both modes read the broken base; the banner lists it once.
        QCOMPARE(p.composeProblems().size(), 1);
        QVERIFY(p.composeProblems().first().startsWith(dir.filePath("docker-compose.yml") + ":3:1: "));
        writeFile(dir.filePath("docker-compose.yml"), kCompose);
        p.reload();
        QVERIFY(p.compose(M("dev")).isValid());
        QVERIFY(p.composeProblems().isEmpty());
        QCOMPARE(p.services(M("dev")).size(), 2);
    }

    // A mode reads docker-compose.yml, then docker-compose.<mode>.yml when it exists.
    void perModeFiles_data()
    {
        QTest::addColumn<QStringList>("overlays"); // modes that have an overlay file
        QTest::newRow("no overlays") << QStringList{};
        QTest::newRow("dev only") << QStringList{"dev"};
        QTest::newRow("prod only") << QStringList{"prod"};
        QTest::newRow("both") << QStringList{"dev", "prod"};
    }
    void perModeFiles()
    {
        QFETCH(QStringList, overlays);
        QTemporaryDir dir;
        writeFile(dir.filePath("docker-compose.yml"), kCompose);
        for (const QString &mode : overlays)
            writeFile(dir.filePath(QStringLiteral("docker-compose.%1.yml").arg(mode)),
                      QStringLiteral("services:\n  db:\n    ports: [\"127.0.0.1:1%1:5432\"]\n"
                                     "  web:\n    profiles: [dev, prod]\n"
                                     "volumes:\n  %2data:\n")
                          .arg(mode == "dev" ? QStringLiteral("1111") : QStringLiteral("2222"), mode)
                          .toUtf8());
        // A staging overlay is not one of the app's modes and is never read.
        writeFile(dir.filePath("docker-compose.staging.yml"), "services: [broken\n");
        const StackProject p(dir.path(), QProcessEnvironment());
        QVERIFY2(p.composeProblems().isEmpty(), qPrintable(p.composeProblems().join('\n')));
        for (const StackMode m : StackProject::modes()) {
            const QString mode = StackModes::key(m);
            const bool has = overlays.contains(mode);
            QStringList expected{dir.filePath("docker-compose.yml")};
            if (has)
                expected << dir.filePath(QStringLiteral("docker-compose.%1.yml").arg(mode));
            QCOMPARE(p.composeFiles(m), expected);
            QCOMPARE(p.compose(m).files(), expected);
            QCOMPARE(p.overlayFile(m), dir.filePath(QStringLiteral("docker-compose.%1.yml").arg(mode)));
            // The overlay's port and its web profile change are there, and only in its own mode.
            const QVector<ComposeService> services = p.services(m);
            QStringList names;
            for (const ComposeService &s : services)
                names << s.name;
            const QString port = mode == "dev" ? "11111" : "12222";
            const auto db = p.compose(m).service("db");
            QVERIFY(db.has_value());
            QCOMPARE(db->ports.size(), has ? 1 : 0);
            if (has)
                QCOMPARE(db->ports.first().hostPort, port.toInt());
            QCOMPARE(names.contains("web"), mode == "dev" || has);
            QCOMPARE(p.compose(m).volumes().contains(mode + "data"), has);
        }
    }

    void brokenOverlayIsReportedForItsModeOnly()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("docker-compose.yml"), kCompose);
        const QString overlay = dir.filePath("docker-compose.dev.yml");
        writeFile(overlay, "services:\n  db:\n    ports:\n      - \"127.0.0.1:x:5432\"\n");
        StackProject p(dir.path(), QProcessEnvironment());
        QVERIFY(!p.compose(M("dev")).isValid());
        QVERIFY(p.services(M("dev")).isEmpty());
        QCOMPARE(p.composeProblems(), QStringList{overlay + ":4:9: invalid port \"127.0.0.1:x:5432\""});
        // prod does not read the dev overlay and keeps working.
        QVERIFY(p.compose(M("prod")).isValid());
        QCOMPARE(p.services(M("prod")).size(), 2);
        writeFile(overlay, "services:\n  db:\n    ports: [\"127.0.0.1:5432:5432\"]\n");
        p.reload();
        QVERIFY(p.composeProblems().isEmpty());
        QCOMPARE(p.services(M("dev")).size(), 2);
        // A missing overlay is fine: the mode is the base alone.
        QVERIFY(QFile::remove(overlay));
        p.reload();
        QVERIFY(p.composeProblems().isEmpty());
        QCOMPARE(p.composeFiles(M("dev")), QStringList{dir.filePath("docker-compose.yml")});
        QVERIFY(p.compose(M("dev")).service("db")->ports.isEmpty());
    }

    // Compose v1 lowercases a project name and v2 refuses it: the app reports it
    // as compose/run does, instead of showing (and acting on) no containers.
    void stackNameComposeWouldChangeIsAProblem_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("lowercase") << QByteArray("my_shop-2") << true;
        QTest::newRow("digit first") << QByteArray("2shop") << true;
        QTest::newRow("uppercase") << QByteArray("MyShop") << false;
        QTest::newRow("dash first") << QByteArray("-shop") << false;
        QTest::newRow("dot") << QByteArray("shop.v2") << false;
        QTest::newRow("non-ASCII") << QByteArray("loj\xc3\xa3") << false;
    }
    void stackNameComposeWouldChangeIsAProblem()
    {
        QFETCH(QByteArray, name);
        QFETCH(bool, valid);
        QTemporaryDir dir;
        writeFile(dir.filePath("docker-compose.yml"), kCompose);
        writeFile(dir.filePath(".env"), "STACK_NAME=" + name + "\n");
        StackProject p(dir.path(), QProcessEnvironment());
        QCOMPARE(p.stackNameProblem().isEmpty(), valid);
        QCOMPARE(p.composeProblems().size(), valid ? 0 : 1);
        if (!valid)
            QVERIFY2(p.composeProblems().first().startsWith("STACK_NAME=" + QString::fromUtf8(name)
                                                            + " is not a valid Compose project name"),
                     qPrintable(p.composeProblems().first()));
    }

    // What the Image panel builds and pushes, from the repository's own compose/ folder.
    void webImageOfTheShippedStack()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("PYTHON_IMAGE"), QStringLiteral("pdd-forge/python:3.11"));
        const StackProject p(QStringLiteral(PDD_SOURCE_DIR "/compose"), env);
        for (StackMode mode : StackProject::modes()) {
            const StackProject::WebImage w = p.webImage(mode);
            QVERIFY2(w.problem.isEmpty(), qPrintable(w.problem));
            QCOMPARE(w.spec.contextDir, QStringLiteral(PDD_SOURCE_DIR "/compose/web"));
            QCOMPARE(w.spec.dockerfile, QStringLiteral("Dockerfile"));
            QCOMPARE(w.spec.buildArgs.value(QStringLiteral("PYTHON_IMAGE")), QStringLiteral("pdd-forge/python:3.11"));
            QCOMPARE(w.spec.reference.toString(), QStringLiteral("localhost:5000/postdodjango-web:latest"));
        }
    }

    void webImageBuildForms_data()
    {
        QTest::addColumn<QByteArray>("web");
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("dockerfile");
        QTest::addColumn<QString>("args");
        QTest::addColumn<QString>("problem");
        QTest::newRow("string") << QByteArray("    build: ./app\n    image: r.io/w:1\n") << "app"
                                << "Dockerfile"
                                << ""
                                << "";
        QTest::newRow("mapping") << QByteArray(
            "    build:\n      context: src\n      dockerfile: Dockerfile.prod\n      args:\n"
            "        A: \"1\"\n        B: ${TAG:-x}\n    image: r.io/w:1\n")
                                 << "src"
                                 << "Dockerfile.prod"
                                 << "A=1,B=x"
                                 << "";
        QTest::newRow("args list") << QByteArray(
            "    build:\n      args: [\"A=1\", \"B=two=2\"]\n    image: r.io/w:1\n")
                                   << "."
                                   << "Dockerfile"
                                   << "A=1,B=two=2"
                                   << "";
        QTest::newRow("no build") << QByteArray("    image: r.io/w:1\n") << ""
                                  << "Dockerfile"
                                  << ""
                                  << "The web service has no build section.";
        QTest::newRow("bad tag") << QByteArray("    build: .\n    image: r.io/w:-bad\n") << "."
                                 << "Dockerfile"
                                 << ""
                                 << "The web image name from .env is not valid";
    }
    void webImageBuildForms()
    {
        QFETCH(QByteArray, web);
        QFETCH(QString, context);
        QFETCH(QString, dockerfile);
        QFETCH(QString, args);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        writeFile(dir.filePath("docker-compose.yml"), "services:\n  web:\n" + web);
        const StackProject p(dir.path(), QProcessEnvironment());
        QVERIFY2(p.composeProblems().isEmpty(), qPrintable(p.composeProblems().join('\n')));
        const StackProject::WebImage w = p.webImage(StackMode::Dev);
        QVERIFY2(problem.isEmpty() ? w.problem.isEmpty() : w.problem.startsWith(problem), qPrintable(w.problem));
        if (!context.isEmpty())
            QCOMPARE(w.spec.contextDir, QDir::cleanPath(dir.filePath(context)));
        QCOMPARE(w.spec.dockerfile, dockerfile);
        QStringList got;
        for (auto it = w.spec.buildArgs.begin(); it != w.spec.buildArgs.end(); ++it)
            got << it.key() + '=' + it.value();
        QCOMPARE(got.join(','), args);
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
