#include "engine/BuildProgress.h"
#include "engine/EngineJson.h"
#include "engine/JsonMessageStream.h"
#include "engine/PushProgress.h"

#include <QJsonDocument>
#include <QTest>

namespace {
QJsonObject parse(const char *json)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &err);
    if (err.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(err.errorString()));
    return doc.object();
}

// Progress streams arrive as bytes; split them at an odd size like the wire does.
QVector<QJsonObject> messagesOf(const QByteArray &bytes, int split)
{
    JsonMessageStream stream;
    QVector<QJsonObject> out;
    for (qsizetype pos = 0; pos < bytes.size(); pos += split)
        stream.feed(bytes.constData() + pos, qMin<qsizetype>(split, bytes.size() - pos), &out);
    return out;
}

const char *kInspect =
    "{\"Id\":\"4f1c\",\"Name\":\"/pdd-dev_web_1\",\"Image\":\"sha256:aa\","
    "\"State\":{\"Status\":\"running\",\"StartedAt\":\"2026-11-24T10:00:01.123456789Z\","
    "\"Health\":{\"Status\":\"healthy\"}},"
    "\"Config\":{\"Image\":\"pdd/web:dev\",\"Tty\":false,\"Labels\":{"
    "\"com.docker.compose.project\":\"pdd-dev\",\"com.docker.compose.service\":\"web\","
    "\"com.docker.compose.project.working_dir\":\"/home/ana/minha loja/compose\"}},"
    "\"NetworkSettings\":{\"Ports\":{\"8000/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"8000\"},"
    "{\"HostIp\":\"::\",\"HostPort\":\"8000\"}],\"9000/tcp\":null,\"53/udp\":[{\"HostIp\":\"127.0.0.1\","
    "\"HostPort\":\"5353\"}]}},"
    "\"Mounts\":[{\"Type\":\"volume\",\"Name\":\"pdd-dev_pgdata\"},{\"Type\":\"bind\",\"Source\":\"/src\"}]}";
} // namespace

class TestEngineJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // States are parsed once, at the edge; what the engine may say maps to one value.
    void containerStatesParseOnceAndRoundTrip_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<ContainerState>("state");
        QTest::newRow("created") << "created" << ContainerState::Created;
        QTest::newRow("running") << "running" << ContainerState::Running;
        QTest::newRow("paused") << "paused" << ContainerState::Paused;
        QTest::newRow("restarting") << "restarting" << ContainerState::Restarting;
        QTest::newRow("removing") << "removing" << ContainerState::Removing;
        QTest::newRow("exited") << "exited" << ContainerState::Exited;
        QTest::newRow("dead") << "dead" << ContainerState::Dead;
        QTest::newRow("new word") << "hibernating" << ContainerState::Unknown;
        QTest::newRow("empty") << "" << ContainerState::Unknown;
        QTest::newRow("not created is ours, never the engine's") << "not created" << ContainerState::Unknown;
    }
    void containerStatesParseOnceAndRoundTrip()
    {
        QFETCH(QString, engine);
        QFETCH(ContainerState, state);
        QCOMPARE(ContainerStates::parse(engine), state);
        if (state != ContainerState::Unknown)
            QCOMPARE(ContainerStates::apiName(state), engine);
        QVERIFY(!ContainerStates::displayName(state).isEmpty());
    }
    void healthAndActionsParse()
    {
        QCOMPARE(ContainerStates::parseHealth(QStringLiteral("none")), ContainerHealth::None);
        QCOMPARE(ContainerStates::parseHealth(QString()), ContainerHealth::None);
        QCOMPARE(ContainerStates::parseHealth(QStringLiteral("unhealthy")), ContainerHealth::Unhealthy);
        QCOMPARE(ContainerStates::displayName(ContainerHealth::None), QStringLiteral("—"));
        QCOMPARE(ContainerStates::displayName(ContainerState::NotCreated), QStringLiteral("not created"));
        QCOMPARE(ContainerStates::parseAction(QStringLiteral("restart")), std::optional(ContainerAction::Restart));
        QVERIFY(!ContainerStates::parseAction(QStringLiteral("kill")));
        QVERIFY(ContainerStates::isUp(ContainerState::Restarting));
        QVERIFY(!ContainerStates::isUp(ContainerState::Paused));
    }

    void inspectedContainer()
    {
        const ContainerInfo c = EngineJson::containerFromInspect(parse(kInspect));
        QCOMPARE(c.id, QStringLiteral("4f1c"));
        QCOMPARE(c.name, QStringLiteral("pdd-dev_web_1"));
        QCOMPARE(c.image, QStringLiteral("pdd/web:dev"));
        QCOMPARE(ContainerStates::apiName(c.state), QStringLiteral("running"));
        QCOMPARE(ContainerStates::apiName(c.health), QStringLiteral("healthy"));
        QCOMPARE(c.project, QStringLiteral("pdd-dev"));
        QCOMPARE(c.service, QStringLiteral("web"));
        QCOMPARE(c.workingDir, QStringLiteral("/home/ana/minha loja/compose"));
        QCOMPARE(c.startedAt.toUTC(), QDateTime(QDate(2026, 11, 24), QTime(10, 0, 1, 123), Qt::UTC));
        QCOMPARE(c.volumeNames, QStringList{QStringLiteral("pdd-dev_pgdata")});
        QCOMPARE(c.ports.size(), 3); // 9000 is exposed but not published
        QCOMPARE(c.ports[0], (PortBinding{QStringLiteral("127.0.0.1"), 5353, 53, QStringLiteral("udp")}));
        QCOMPARE(c.ports[1], (PortBinding{QStringLiteral("0.0.0.0"), 8000, 8000, QStringLiteral("tcp")}));
        QCOMPARE(c.ports[2], (PortBinding{QStringLiteral("::"), 8000, 8000, QStringLiteral("tcp")}));
        QVERIFY(!EngineJson::inspectHasTty(parse(kInspect)));
    }

    void inspectEdgeCases_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("health");
        QTest::addColumn<bool>("everStarted");
        QTest::newRow("created, never started")
            << QByteArray("{\"Id\":\"x\",\"State\":{\"Status\":\"created\",\"StartedAt\":\"0001-01-01T00:00:00Z\"}}")
            << QStringLiteral("created") << QString() << false;
        QTest::newRow("healthcheck none")
            << QByteArray("{\"Id\":\"x\",\"State\":{\"Status\":\"exited\",\"Health\":{\"Status\":\"none\"},"
                          "\"StartedAt\":\"2026-01-02T03:04:05Z\"}}")
            << QStringLiteral("exited") << QString() << true;
        QTest::newRow("starting") << QByteArray(
            "{\"Id\":\"x\",\"State\":{\"Status\":\"running\",\"Health\":{\"Status\":"
            "\"starting\"},\"StartedAt\":\"2026-01-02T03:04:05.5Z\"}}")
                                  << QStringLiteral("running") << QStringLiteral("starting") << true;
    }
    void inspectEdgeCases()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, state);
        QFETCH(QString, health);
        QFETCH(bool, everStarted);
        const ContainerInfo c = EngineJson::containerFromInspect(QJsonDocument::fromJson(json).object());
        QCOMPARE(ContainerStates::apiName(c.state), state);
        QCOMPARE(ContainerStates::apiName(c.health), health);
        QCOMPARE(c.startedAt.isValid(), everStarted);
        QVERIFY(c.ports.isEmpty());
    }

    void listedContainer_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("health");
        QTest::newRow("healthy") << QStringLiteral("Up 3 minutes (healthy)") << QStringLiteral("healthy");
        QTest::newRow("unhealthy") << QStringLiteral("Up 3 minutes (unhealthy)") << QStringLiteral("unhealthy");
        QTest::newRow("starting") << QStringLiteral("Up 2 seconds (health: starting)") << QStringLiteral("starting");
        QTest::newRow("no check") << QStringLiteral("Exited (0) 5 seconds ago") << QString();
    }
    void listedContainer()
    {
        QFETCH(QString, status);
        QFETCH(QString, health);
        QJsonObject o =
            parse("{\"Id\":\"ab\",\"Names\":[\"/pdd-prod_db_1\"],\"Image\":\"postgres:16\",\"State\":\"running\","
                  "\"Labels\":{\"com.docker.compose.project\":\"pdd-prod\",\"com.docker.compose.service\":\"db\"},"
                  "\"Ports\":[{\"PrivatePort\":5432,\"Type\":\"tcp\"},{\"IP\":\"127.0.0.1\",\"PrivatePort\":80,"
                  "\"PublicPort\":8080,\"Type\":\"tcp\"}],\"Mounts\":[{\"Type\":\"volume\",\"Name\":\"v2\"},"
                  "{\"Type\":\"volume\",\"Name\":\"v1\"}]}");
        o.insert(QStringLiteral("Status"), status);
        const ContainerInfo c = EngineJson::containerFromList(o);
        QCOMPARE(c.name, QStringLiteral("pdd-prod_db_1"));
        QCOMPARE(c.service, QStringLiteral("db"));
        QCOMPARE(ContainerStates::apiName(c.health), health);
        QCOMPARE(c.status, status);
        QCOMPARE(c.ports.size(), 1);
        QCOMPARE(c.ports[0], (PortBinding{QStringLiteral("127.0.0.1"), 8080, 80, QStringLiteral("tcp")}));
        QCOMPARE(c.volumeNames, (QStringList{QStringLiteral("v1"), QStringLiteral("v2")}));
    }

    void volumesAndSizes()
    {
        const auto volumes = EngineJson::volumesFromList(parse(
            "{\"Volumes\":[{\"Name\":\"z\",\"Driver\":\"local\",\"Mountpoint\":\"/var/lib/docker/volumes/z/_data\"},"
            "{\"Name\":\"pdd-dev_pgdata\",\"Driver\":\"local\",\"Labels\":{\"com.docker.compose.project\":\"pdd-dev\"}}"
            "],"
            "\"Warnings\":null}"));
        QCOMPARE(volumes.size(), 2);
        QCOMPARE(volumes[0].name, QStringLiteral("pdd-dev_pgdata"));
        QCOMPARE(volumes[0].project, QStringLiteral("pdd-dev"));
        QCOMPARE(volumes[0].sizeBytes, qint64(-1));
        QCOMPARE(volumes[1].mountpoint, QStringLiteral("/var/lib/docker/volumes/z/_data"));

        const auto sizes = EngineJson::volumeSizesFromDf(
            parse("{\"Volumes\":[{\"Name\":\"a\",\"UsageData\":{\"Size\":5368709120,\"RefCount\":1}},"
                  "{\"Name\":\"b\",\"UsageData\":{\"Size\":-1,\"RefCount\":0}},{\"Name\":\"c\"}]}"));
        QCOMPARE(sizes.value(QStringLiteral("a")), qint64(5368709120));
        QCOMPARE(sizes.value(QStringLiteral("b")), qint64(-1));
        QCOMPARE(sizes.value(QStringLiteral("c")), qint64(-1));
    }

    void events()
    {
        const EngineEvent e = EngineJson::eventFromJson(
            parse("{\"status\":\"health_status: healthy\",\"id\":\"c0ffee\",\"Type\":\"container\",\"Action\":"
                  "\"health_status: healthy\",\"Actor\":{\"ID\":\"c0ffee\",\"Attributes\":{\"name\":\"web\","
                  "\"com.docker.compose.service\":\"web\"}},\"scope\":\"local\",\"time\":1764000000,"
                  "\"timeNano\":1764000000123456789}"));
        QCOMPARE(e.type, QStringLiteral("container"));
        QCOMPARE(e.action, QStringLiteral("health_status: healthy"));
        QCOMPARE(e.id, QStringLiteral("c0ffee"));
        QCOMPARE(e.attributes.value(QStringLiteral("name")), QStringLiteral("web"));
        QCOMPARE(e.timeNano, Q_INT64_C(1764000000123456789)); // exact: no detour through double
        const EngineEvent old = EngineJson::eventFromJson(parse("{\"Type\":\"volume\",\"Action\":\"create\","
                                                                "\"id\":\"vol\",\"time\":1764000000}"));
        QCOMPARE(old.id, QStringLiteral("vol"));
        QCOMPARE(old.timeNano, Q_INT64_C(1764000000000000000));
    }

    void buildProgress_data()
    {
        QTest::addColumn<int>("split");
        for (int split : {1, 3, 7, 50, 100000})
            QTest::addRow("split %d", split) << split;
    }
    void buildProgress()
    {
        QFETCH(int, split);
        const QByteArray wire = "{\"stream\":\"Step 1/4 : FROM pdd-forge/python:3.11\"}\r\n"
                                "{\"stream\":\"\\n\"}\r\n{\"stream\":\" ---\\u003e 1a2b\\n\"}\r\n"
                                "{\"stream\":\"Step 2/4 : RUN pip install -r req\"}\r\n{\"stream\":\"\\n\"}\r\n"
                                "{\"stream\":\"Collecting Django\\nCollecting gun\"}\r\n{\"stream\":\"icorn\\n\"}\r\n"
                                "{\"stream\":\"Step 3/4 : COPY . /app\\n\"}\r\n";
        BuildProgress build;
        QStringList log;
        int checked = 0;
        for (const QJsonObject &m : messagesOf(wire, split)) {
            log += build.apply(m);
            if (build.step() == 2 && checked == 0) {
                QCOMPARE(build.totalSteps(), 4);
                QCOMPARE(build.fraction(), 0.25);
                QCOMPARE(build.status(), QStringLiteral("Step 2/4 : RUN pip install -r req"));
                checked = 1;
            }
        }
        QCOMPARE(checked, 1);
        QCOMPARE(log,
                 (QStringList{QStringLiteral("Step 1/4 : FROM pdd-forge/python:3.11"), QStringLiteral("---> 1a2b"),
                              QStringLiteral("Step 2/4 : RUN pip install -r req"), QStringLiteral("Collecting Django"),
                              QStringLiteral("Collecting gunicorn"), QStringLiteral("Step 3/4 : COPY . /app")}));
        QCOMPARE(build.fraction(), 0.5);
        build.apply(parse("{\"aux\":{\"ID\":\"sha256:feed\"}}"));
        QCOMPARE(build.imageId(), QStringLiteral("sha256:feed"));
        QCOMPARE(build.fraction(), 1.0);
        QVERIFY(!build.failed());
    }

    // Podman's Buildah, as its compatible /build streams it (seen with 4.3.1): steps per
    // stage, "--> Using cache <id>", and the error naming the step by its instruction.
    void buildProgressFromPodman()
    {
        BuildProgress build;
        for (const char *line :
             {"[1/2] STEP 1/4: FROM postdodjango-local/python:3.11 AS build\n",
              "[1/2] STEP 2/4: ENV PIP_NO_CACHE_DIR=1\n",
              "--> Using cache 106645113e892040561773f549952f658f129923f8ae50db1073b4ea8b938db3\n", "--> 106645113e8\n",
              "[1/2] STEP 3/4: COPY requirements.txt /tmp/requirements.txt\n"}) {
            build.apply(QJsonObject{{"stream", QString::fromUtf8(line)}});
        }
        QCOMPARE(build.cachedSteps(), 1);
        QCOMPARE(build.totalSteps(), 8);
        QCOMPARE(build.step(), 3);
        QCOMPARE(build.fraction(), 0.25);
        QCOMPARE(build.status(), QStringLiteral("Stage 1/2, step 3/4 : COPY requirements.txt /tmp/requirements.txt"));
        build.apply(QJsonObject{{"stream", "[2/2] STEP 11/11: CMD [\"gunicorn\"]\n"}});
        QCOMPARE(build.step(), 22); // the last step of the last stage, on a scale of 2 stages x 11
        QCOMPARE(build.totalSteps(), 22);

        BuildProgress single;
        single.apply(QJsonObject{{"stream", "STEP 3/3: RUN false\n"}});
        QCOMPARE(single.status(), QStringLiteral("Step 3/3 : RUN false")); // as Docker says it
        single.apply(QJsonObject{{"error", "building at STEP \"RUN false\": while running runtime: exit status 1"}});
        QVERIFY(single.failed());
        QCOMPARE(single.failedStep(), QStringLiteral("Step 3/3 : RUN false"));
    }

    void buildError()
    {
        BuildProgress build;
        QCOMPARE(build.fraction(), -1.0);
        build.apply(parse("{\"stream\":\"Step 1/2 : RUN false\\n\"}"));
        const QStringList log = build.apply(parse("{\"errorDetail\":{\"code\":1,\"message\":\"The command '/bin/sh -c "
                                                  "false' returned a non-zero code: 1\"},\"error\":\"short\"}"));
        QVERIFY(build.failed());
        QCOMPARE(build.error(), QStringLiteral("The command '/bin/sh -c false' returned a non-zero code: 1"));
        QCOMPARE(log, QStringList{build.error()});
        QCOMPARE(build.fraction(), 0.0);
    }

    void pushProgress()
    {
        const QByteArray wire =
            "{\"status\":\"The push refers to repository [127.0.0.1:5000/pdd/web]\"}\n"
            "{\"status\":\"Preparing\",\"progressDetail\":{},\"id\":\"l1\"}\n"
            "{\"status\":\"Preparing\",\"progressDetail\":{},\"id\":\"l2\"}\n"
            "{\"status\":\"Preparing\",\"progressDetail\":{},\"id\":\"l3\"}\n"
            "{\"status\":\"Layer already exists\",\"progressDetail\":{},\"id\":\"l3\"}\n"
            "{\"status\":\"Pushing\",\"progressDetail\":{\"current\":512,\"total\":1024},\"progress\":\"[=> "
            "]\",\"id\":\"l1\"}\n"
            "{\"status\":\"Pushing\",\"progressDetail\":{\"current\":1000,\"total\":3072},\"id\":\"l2\"}\n";
        for (int split : {1, 4, 9, 100000}) {
            PushProgress push;
            QStringList log;
            for (const QJsonObject &m : messagesOf(wire, split)) {
                const QString line = push.apply(m);
                if (!line.isEmpty())
                    log << line;
            }
            QCOMPARE(push.layerCount(), 3);
            QCOMPARE(push.layersDone(), 1);
            QCOMPARE(push.bytesSent(), qint64(1512));
            QCOMPARE(push.bytesTotal(), qint64(4096));
            QCOMPARE(push.fraction(), 1512.0 / 4096.0);
            // Ticks of the same status are not logged again, state changes are.
            QCOMPARE(log.size(), 7);
            push.apply(
                parse("{\"status\":\"Pushing\",\"progressDetail\":{\"current\":3072,\"total\":3072},\"id\":\"l2\"}"));
            push.apply(parse("{\"status\":\"Pushed\",\"progressDetail\":{},\"id\":\"l1\"}"));
            QCOMPARE(push.bytesSent(), qint64(4096));
            QVERIFY(push.fraction() < 1.0); // l2 has not said Pushed yet
            push.apply(parse("{\"status\":\"Pushed\",\"progressDetail\":{},\"id\":\"l2\"}"));
            push.apply(parse(
                "{\"status\":\"dev: digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                " size: 1570\",\"progressDetail\":{}}"));
            QCOMPARE(push.fraction(), 1.0);
            QCOMPARE(push.digest(),
                     QStringLiteral("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
        }
    }

    // Layers that have not started uploading have no size yet: one small layer's
    // bytes must not read as nearly all of the image (seen: 99% at 0.2 MB of 340 MB).
    void pushProgressCountsLayersWithoutSizeYet()
    {
        PushProgress push;
        for (const char *id : {"a", "b", "c", "d"})
            push.apply(
                parse(QStringLiteral("{\"status\":\"Preparing\",\"id\":\"%1\"}").arg(QLatin1String(id)).toUtf8()));
        push.apply(parse("{\"status\":\"Pushing\",\"progressDetail\":{\"current\":200,\"total\":200},\"id\":\"a\"}"));
        QCOMPARE(push.fraction(), 0.25); // a's bytes, b c d as large as a
        push.apply(parse("{\"status\":\"Layer already exists\",\"id\":\"b\"}"));
        QCOMPARE(push.fraction(), 200.0 / 600.0); // b needs nothing sent; c and d still wait
    }

    void pushError()
    {
        PushProgress push;
        QCOMPARE(push.fraction(), -1.0);
        push.apply(parse("{\"status\":\"Preparing\",\"id\":\"l1\"}"));
        QCOMPARE(push.fraction(), 0.0);
        push.apply(parse("{\"errorDetail\":{\"message\":\"denied: requested access to the resource is denied\"},"
                         "\"error\":\"denied\"}"));
        QVERIFY(push.failed());
        QCOMPARE(push.error(), QStringLiteral("denied: requested access to the resource is denied"));
    }

    // Garbage sizes and times from a broken or hostile daemon: no undefined behaviour
    // (the fuzzer found 5.3e40 converted to qint64), nothing negative, nothing huge.
    void garbageNumbersAreClamped_data()
    {
        QTest::addColumn<QByteArray>("detail");
        QTest::newRow("out of range") << QByteArray("{\"current\":5.3e40,\"total\":5.3e40}");
        QTest::newRow("negative") << QByteArray("{\"current\":-5,\"total\":-10}");
        QTest::newRow("fraction") << QByteArray("{\"current\":0.5,\"total\":1.5}");
        QTest::newRow("strings") << QByteArray("{\"current\":\"1\",\"total\":\"2\"}");
    }
    void garbageNumbersAreClamped()
    {
        QFETCH(QByteArray, detail);
        PushProgress push;
        push.apply(parse("{\"status\":\"Pushing\",\"id\":\"l1\",\"progressDetail\":" + detail + "}"));
        QVERIFY(push.bytesSent() >= 0);
        QVERIFY(push.fraction() <= 1.0);
        const EngineEvent e = EngineJson::eventFromJson(parse("{\"Type\":\"container\",\"time\":9000000000000000000}"));
        QCOMPARE(e.timeNano, Q_INT64_C(0));
    }

    // Podman's compatible API (app/core/engine/README.md): fully qualified short
    // names, and StopTimeout 0 for "not set".
    void podmanImageNamesReadAsWritten_data()
    {
        QTest::addColumn<QString>("reported");
        QTest::addColumn<QString>("shown");
        QTest::newRow("docker hub library") << "docker.io/library/postgres:16"
                                            << "postgres:16";
        QTest::newRow("docker hub user") << "docker.io/pdd-test/busybox:latest"
                                         << "pdd-test/busybox:latest";
        QTest::newRow("podman local build") << "localhost/shop-web:dev"
                                            << "shop-web:dev";
        QTest::newRow("registry with port kept") << "localhost:5000/shop-web:v2"
                                                 << "localhost:5000/shop-web:v2";
        QTest::newRow("other registry kept") << "quay.io/x/y:1"
                                             << "quay.io/x/y:1";
        QTest::newRow("docker as given") << "postgres:16"
                                         << "postgres:16";
        QTest::newRow("bare prefix kept") << "docker.io/"
                                          << "docker.io/";
    }
    void podmanImageNamesReadAsWritten()
    {
        QFETCH(QString, reported);
        QFETCH(QString, shown);
        QCOMPARE(EngineJson::displayImage(reported), shown);
        const QJsonObject inspect{{"Id", "abc"}, {"Name", "/x"}, {"Config", QJsonObject{{"Image", reported}}}};
        QCOMPARE(EngineJson::containerFromInspect(inspect).image, shown);
        QCOMPARE(EngineJson::containerFromList(QJsonObject{{"Id", "abc"}, {"Image", reported}}).image, shown);
    }

    void stopGracePeriod()
    {
        const auto inspect = [](const QJsonValue &timeout) {
            QJsonObject config{{"Image", "x"}};
            if (!timeout.isUndefined())
                config.insert("StopTimeout", timeout);
            return EngineJson::containerFromInspect(QJsonObject{{"Id", "a"}, {"Config", config}});
        };
        QCOMPARE(inspect(QJsonValue::Undefined).stopTimeout, -1); // Docker: not set
        QCOMPARE(EngineJson::stopGraceSeconds(inspect(QJsonValue::Undefined)), 10);
        QCOMPARE(EngineJson::stopGraceSeconds(inspect(0)), 10);  // Podman: not set either
        QCOMPARE(EngineJson::stopGraceSeconds(inspect(30)), 30); // compose's stop_grace_period: 30s
        QCOMPARE(EngineJson::stopGraceSeconds(ContainerInfo{}), 10);
    }
};

QTEST_GUILESS_MAIN(TestEngineJson)
#include "tst_engine_json.moc"
