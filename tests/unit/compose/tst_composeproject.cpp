// The compose model read from one file and from base + overlay per mode, and the
// stack the product ships. Field-by-field merge rules are in tst_composemerge.cpp.
#include "ComposeTestSupport.h"
#include "compose/ComposeProject.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <utility>

using composetest::names;
using composetest::portText;
using composetest::testEnv;

namespace {

// Shaped like compose/: a base file with what both modes share (anchors,
// merge keys, profiles, interpolated images) and one overlay per mode.
const char kBase[] = R"(x-web: &web
  build:
    context: ./web
    args:
      PYTHON_IMAGE: ${PYTHON_IMAGE:-python:3.12-slim}
  image: ${REGISTRY:-localhost}/${WEB_IMAGE:-postdodjango-web}:${WEB_TAG:-latest}

services:
  db:
    image: ${POSTGRES_IMAGE:-postgres:16}
    volumes:
      - pgdata:/var/lib/postgresql/data
    profiles: [dev, prod]
  web:
    <<: *web
    profiles: ["dev", "prod"]
  pgadmin:
    image: ${PGADMIN_IMAGE:-dpage/pgadmin4:8}
    ports: ["127.0.0.1:${PGADMIN_PORT:-5050}:80"]
    profiles: [dev]
  nginx:
    image: ${NGINX_IMAGE:-nginx:1.27}
    ports:
      - target: 80
        published: ${PROD_HTTP_PORT:-80}
        protocol: tcp
    volumes:
      - static:/srv/static:ro
    profiles: [prod]
  tools:
    image: busybox
volumes:
  pgdata:
  static:
)";
const char kDev[] = R"(services:
  db:
    ports:
      - "127.0.0.1:${DEV_DB_PORT:-5432}:5432"
  web:
    ports:
      - "${DEV_WEB_PORT:-8000}:8000"
    volumes:
      - ./web:/app:ro
)";
const char kProd[] = R"(services:
  web:
    volumes:
      - type: volume
        source: static
        target: /srv/static
)";

QVector<ComposeSource> stack(const QString &mode)
{
    QVector<ComposeSource> files{{QStringLiteral("docker-compose.yml"), kBase}};
    if (mode == QLatin1String("dev"))
        files << ComposeSource{QStringLiteral("docker-compose.dev.yml"), kDev};
    else if (mode == QLatin1String("prod"))
        files << ComposeSource{QStringLiteral("docker-compose.prod.yml"), kProd};
    return files;
}

} // namespace

class TestComposeProject : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void servicesForMode_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("dev") << "dev" << QStringList{"db", "web", "pgadmin", "tools"};
        QTest::newRow("prod") << "prod" << QStringList{"db", "web", "nginx", "tools"};
        QTest::newRow("unknown profile keeps profile-less") << "staging" << QStringList{"tools"};
    }
    void servicesForMode()
    {
        QFETCH(QString, mode);
        QFETCH(QStringList, expected);
        const ComposeProject p = ComposeProject::parse(stack(mode), testEnv({}));
        QVERIFY2(p.isValid(), qPrintable(p.error().toString()));
        QCOMPARE(names(p.servicesForMode(mode)), expected);
        QCOMPARE(p.fileName(), QStringLiteral("docker-compose.yml"));
        QCOMPARE(p.files().size(), mode == QLatin1String("staging") ? 1 : 2);
    }

    void interpolatesImages_data()
    {
        QTest::addColumn<QString>("dotEnv");
        QTest::addColumn<QString>("envVar"); // NAME=value set in the process environment, or empty
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("image");
        // clang-format off
        QTest::newRow("defaults") << "" << "" << "db" << "postgres:16";
        QTest::newRow("from .env") << "POSTGRES_IMAGE=pdd-forge/postgres:15" << "" << "db" << "pdd-forge/postgres:15";
        QTest::newRow("environment beats .env") << "POSTGRES_IMAGE=from-file" << "POSTGRES_IMAGE=from-env" << "db"
                                                << "from-env";
        QTest::newRow("merge key image") << "WEB_TAG=1.2\nREGISTRY=reg:5000"
                                         << ""
                                         << "web"
                                         << "reg:5000/postdodjango-web:1.2";
        QTest::newRow("empty .env value falls back") << "NGINX_IMAGE=" << "" << "nginx" << "nginx:1.27";
        // clang-format on
    }
    void interpolatesImages()
    {
        QFETCH(QString, dotEnv);
        QFETCH(QString, envVar);
        QFETCH(QString, service);
        QFETCH(QString, image);
        QProcessEnvironment pe;
        if (!envVar.isEmpty())
            pe.insert(envVar.section(QLatin1Char('='), 0, 0), envVar.section(QLatin1Char('='), 1));
        const ComposeProject p = ComposeProject::parse(kBase, QStringLiteral("f.yml"), testEnv(dotEnv, pe));
        QVERIFY2(p.isValid(), qPrintable(p.error().toString()));
        const auto s = p.service(service);
        QVERIFY(s.has_value());
        QCOMPARE(s->image, image);
    }

    // The overlays interpolate from the same .env and merge into the base's services.
    void readsPortsAndVolumesPerMode()
    {
        const EnvFile env = testEnv(QStringLiteral("DEV_DB_PORT=28432\nPROD_HTTP_PORT=28080"));
        const ComposeProject dev = ComposeProject::parse(stack(QStringLiteral("dev")), env);
        QVERIFY2(dev.isValid(), qPrintable(dev.error().toString()));
        const ComposeService db = *dev.service(QStringLiteral("db"));
        QCOMPARE(db.ports.size(), 1);
        QCOMPARE(db.ports.first(), (ComposePort{"127.0.0.1", 28432, 5432, "tcp"}));
        QCOMPARE(db.mounts.size(), 1);
        QVERIFY(db.mounts.first().namedVolume);
        QCOMPARE(db.mounts.first().source, QStringLiteral("pgdata"));
        const ComposeService web = *dev.service(QStringLiteral("web"));
        QVERIFY(web.hasBuild);
        QCOMPARE(web.ports.first(), (ComposePort{"", 8000, 8000, "tcp"}));
        QVERIFY(!web.mounts.first().namedVolume);
        QVERIFY(web.mounts.first().readOnly);
        QCOMPARE(dev.volumes(), (QStringList{"pgdata", "static"}));
        QCOMPARE(dev.volumesForMode(QStringLiteral("dev")), QStringList{"pgdata"});
        QCOMPARE(dev.profiles(), (QStringList{"dev", "prod"}));

        const ComposeProject prod = ComposeProject::parse(stack(QStringLiteral("prod")), env);
        QVERIFY2(prod.isValid(), qPrintable(prod.error().toString()));
        QVERIFY(prod.service(QStringLiteral("db"))->ports.isEmpty());
        QVERIFY(prod.service(QStringLiteral("web"))->ports.isEmpty());
        QCOMPARE(prod.service(QStringLiteral("nginx"))->ports.first(), (ComposePort{"", 28080, 80, "tcp"}));
        QCOMPARE(prod.volumesForMode(QStringLiteral("prod")), (QStringList{"pgdata", "static"}));
        QCOMPARE(prod.volumesForMode(QStringLiteral("staging")), QStringList{});
    }

    void loadsFilesInOrder()
    {
        QTemporaryDir dir;
        const QString base = dir.filePath(QStringLiteral("docker-compose.yml"));
        const QString dev = dir.filePath(QStringLiteral("docker-compose.dev.yml"));
        for (const auto &[path, text] : {std::pair{base, QByteArray(kBase)}, std::pair{dev, QByteArray(kDev)}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        }
        const ComposeProject p = ComposeProject::load(QStringList{base, dev}, testEnv({}));
        QVERIFY2(p.isValid(), qPrintable(p.error().toString()));
        QCOMPARE(p.files(), (QStringList{base, dev}));
        QCOMPARE(p.service(QStringLiteral("db"))->ports.size(), 1);
        // Asking for an overlay that is not there is an error naming it.
        const QString prod = dir.filePath(QStringLiteral("docker-compose.prod.yml"));
        const ComposeProject q = ComposeProject::load(QStringList{base, prod}, testEnv({}));
        QVERIFY(!q.isValid());
        QVERIFY2(q.error().toString().startsWith(prod + QStringLiteral(": cannot read")),
                 qPrintable(q.error().toString()));
    }

    void portStrings_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("expected"); // "ip|host|container|proto;..." or "error"
        // clang-format off
        QTest::newRow("container only") << "80" << "|0|80|tcp";
        QTest::newRow("host:container") << "8000:80" << "|8000|80|tcp";
        QTest::newRow("loopback") << "127.0.0.1:5050:80" << "127.0.0.1|5050|80|tcp";
        QTest::newRow("ip with ephemeral host") << "127.0.0.1::80" << "127.0.0.1|0|80|tcp";
        QTest::newRow("udp") << "5353:53/udp" << "|5353|53|udp";
        QTest::newRow("ipv6") << "[::1]:8080:80" << "::1|8080|80|tcp";
        QTest::newRow("range") << "9000-9001:8000-8001" << "|9000|8000|tcp;|9001|8001|tcp";
        QTest::newRow("not a number") << "web:80" << "error";
        QTest::newRow("too many parts") << "1:2:3:4" << "error";
        QTest::newRow("out of range") << "70000:80" << "error";
        QTest::newRow("mismatched range") << "9000-9002:8000-8001" << "error";
        // clang-format on
    }
    void portStrings()
    {
        QFETCH(QString, spec);
        QFETCH(QString, expected);
        const QByteArray yaml = "services:\n  s:\n    image: x\n    ports:\n      - \"" + spec.toUtf8() + "\"\n";
        const ComposeProject p = ComposeProject::parse(yaml, QStringLiteral("p.yml"), testEnv({}));
        if (expected == QLatin1String("error")) {
            QVERIFY(!p.isValid());
            // The message points at the offending list item.
            QCOMPARE(p.error().line, 5);
            QCOMPARE(p.error().column, 9);
            QVERIFY2(p.error().message.contains(spec), qPrintable(p.error().message));
            return;
        }
        QVERIFY2(p.isValid(), qPrintable(p.error().toString()));
        QStringList got;
        const QVector<ComposePort> ports = p.services().first().ports; // not a temporary's member in range-for
        for (const ComposePort &port : ports)
            got << QStringLiteral("%1|%2|%3|%4")
                       .arg(port.hostIp)
                       .arg(port.hostPort)
                       .arg(port.containerPort)
                       .arg(port.protocol);
        QCOMPARE(got.join(QLatin1Char(';')), expected);
    }

    void brokenFilesReportFileLineColumn_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        // Syntax errors: positions as yaml-cpp's scanner reports them (1-based here).
        QTest::newRow("unclosed flow sequence")
            << QByteArray("services:\n  web:\n    image: [unclosed\n") << 4 << 1 << "end of sequence flow not found";
        QTest::newRow("bad indentation") << QByteArray("services:\n  web:\n    image: x\n   bad: 1\n") << 4 << 4
                                         << "end of map not found";
        QTest::newRow("unclosed flow map") << QByteArray("services:\n  db:\n    image: a\n  web: {image: b\n") << 5 << 1
                                           << "end of map flow not found";
        QTest::newRow("sequence item at wrong level")
            << QByteArray("services:\n  web:\n    image: x\n    ports:\n      - 80\n  - 81\n") << 6 << 3
            << "end of map not found";
        QTest::newRow("illegal map value") << QByteArray("a: b: c\n") << 1 << 5 << "illegal map value";
        // Well-formed YAML that is not a valid compose file: the node's own position.
        QTest::newRow("services not a map")
            << QByteArray("version: '3'\nservices: 5\n") << 2 << 11 << "\"services\" must be a mapping";
        QTest::newRow("service without image or build")
            << QByteArray("services:\n  web:\n    ports: [\"80\"]\n") << 3 << 5 << "neither an image nor a build";
        QTest::newRow("image is a list") << QByteArray("services:\n  web:\n    image:\n      - a\n") << 4 << 7
                                         << "expected a scalar";
        QTest::newRow("required variable missing")
            << QByteArray("services:\n  web:\n    image: \"${WEB_IMAGE:?run -3 first}\"\n") << 3 << 12
            << "required variable WEB_IMAGE is missing a value: run -3 first";
        QTest::newRow("profiles not a list") << QByteArray("services:\n  web:\n    image: x\n    profiles: dev\n") << 4
                                             << 15 << "\"profiles\" must be a list";
        QTest::newRow("relative volume target")
            << QByteArray("services:\n  web:\n    image: x\n    volumes: [\"a:b\"]\n") << 4 << 15 << "absolute path";
        QTest::newRow("top level is a list") << QByteArray("- services\n") << 1 << 1 << "top level must be a mapping";
        // Issue 10: plain words, and the tab named where it is (yaml-cpp said
        // "end of map not found" on the line after it).
        QTest::newRow("tab in the indentation") << QByteArray("services:\n  web:\n\timage: x\n    ports: []\n") << 3
                                                << 1 << "indented with a tab; YAML indents with spaces only";
        QTest::newRow("bad indentation in plain words") << QByteArray("services:\n  web:\n    image: x\n   bad: 1\n")
                                                        << 4 << 4 << "not indented like the keys around it";
        QTest::newRow("service name Compose refuses")
            << QByteArray("services:\n  my web:\n    image: x\n") << 3 << 5 << "\"my web\" is not a valid service name";
    }
    void brokenFilesReportFileLineColumn()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const ComposeProject p = ComposeProject::parse(yaml, QStringLiteral("/stack/docker-compose.yml"), testEnv({}));
        QVERIFY(!p.isValid());
        QVERIFY(p.services().isEmpty());
        const ComposeError e = p.error();
        QCOMPARE(e.file, QStringLiteral("/stack/docker-compose.yml"));
        QVERIFY2(e.message.contains(message), qPrintable(e.message));
        QCOMPARE(e.line, line);
        QCOMPARE(e.column, column);
        QVERIFY(e.toString().startsWith(QStringLiteral("/stack/docker-compose.yml:%1:%2: ").arg(line).arg(column)));
    }

    void missingFileIsAnErrorNotACrash()
    {
        const ComposeProject p = ComposeProject::load(QStringLiteral("/nonexistent/docker-compose.yml"), testEnv({}));
        QVERIFY(!p.isValid());
        QCOMPARE(p.error().line, 0);
        QVERIFY(p.error().toString().startsWith(QStringLiteral("/nonexistent/docker-compose.yml: cannot read")));
    }

    void projectNameFollowsStackName_data()
    {
        QTest::addColumn<QString>("dotEnv");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("expected");
        // clang-format off
        QTest::newRow("default dev") << "" << "dev" << "postdodjango-dev";
        QTest::newRow("named prod") << "STACK_NAME=pddtest-gui" << "prod" << "pddtest-gui-prod";
        // clang-format on
    }
    void projectNameFollowsStackName()
    {
        QFETCH(QString, dotEnv);
        QFETCH(QString, mode);
        QFETCH(QString, expected);
        QCOMPARE(ComposeProject::projectName(testEnv(dotEnv), mode), expected);
    }

    // The stack the product ships, read per mode the way compose/run passes it,
    // must honour the contract: one name per role in both modes, and only
    // loopback (dev) or NGINX (prod) published.
    void shippedStack_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("dev") << "dev" << QStringList{"db", "web", "pgadmin"};
        QTest::newRow("prod") << "prod" << QStringList{"db", "web", "nginx"};
    }
    void shippedStack()
    {
        QFETCH(QString, mode);
        QFETCH(QStringList, expected);
        const QDir dir(QDir(qEnvironmentVariable("PDD_SOURCE_DIR", QStringLiteral(PDD_SOURCE_DIR_FALLBACK)))
                           .filePath(QStringLiteral("compose")));
        const QStringList files{dir.filePath(QStringLiteral("docker-compose.yml")),
                                dir.filePath(QStringLiteral("docker-compose.%1.yml").arg(mode))};
        for (const QString &f : files)
            QVERIFY2(QFile::exists(f), qPrintable(f + QStringLiteral(" is missing")));
        const ComposeProject p = ComposeProject::load(files, testEnv({}));
        QVERIFY2(p.isValid(), qPrintable(p.error().toString()));
        const QVector<ComposeService> services = p.servicesForMode(mode);
        QStringList got = names(services);
        got.sort();
        expected.sort();
        QCOMPARE(got, expected);
        for (const ComposeService &s : services) {
            QStringList published;
            for (const ComposePort &port : s.ports)
                published << portText(port);
            if (mode == QLatin1String("dev")) {
                // Nothing in dev is reachable from other machines.
                for (const ComposePort &port : s.ports)
                    QVERIFY2(port.hostIp == QLatin1String("127.0.0.1"),
                             qPrintable(s.name + ": " + published.join(' ')));
                if (s.name == QLatin1String("db"))
                    QCOMPARE(published, QStringList{"127.0.0.1:5432:5432/tcp"});
            } else if (s.name == QLatin1String("nginx")) {
                QCOMPARE(published, QStringList{":80:80/tcp"});
            } else {
                // Security contract: in prod only NGINX is published; the database never.
                QVERIFY2(s.ports.isEmpty(), qPrintable(s.name + " publishes " + published.join(' ') + " in prod"));
            }
        }
        QVERIFY(p.volumesForMode(mode).contains(QStringLiteral("pgdata")));
    }

    // The base alone (what `docker compose --profile prod` without an overlay
    // would run) publishes neither the database nor Django.
    void shippedBaseAlonePublishesNoDbOrWeb()
    {
        const QString file = QDir(qEnvironmentVariable("PDD_SOURCE_DIR", QStringLiteral(PDD_SOURCE_DIR_FALLBACK)))
                                 .filePath(QStringLiteral("compose/docker-compose.yml"));
        const ComposeProject p = ComposeProject::load(file, testEnv({}));
        QVERIFY2(p.isValid(), qPrintable(p.error().toString()));
        for (const char *name : {"db", "web"}) {
            const auto s = p.service(QLatin1String(name));
            QVERIFY2(s.has_value(), name);
            QVERIFY2(s->ports.isEmpty(), name);
            QCOMPARE(s->profiles, (QStringList{"dev", "prod"}));
        }
    }
};

QTEST_GUILESS_MAIN(TestComposeProject)
#include "tst_composeproject.moc"
