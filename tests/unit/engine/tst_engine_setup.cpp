#include "engine/ApiVersion.h"
#include "engine/EngineEndpoint.h"

#include <QTest>

namespace {
// Which candidate sockets "exist" for resolve(); set per test row.
QStringList g_existing;
bool fakeExists(const QString &path)
{
    return g_existing.contains(path);
}
} // namespace

// Endpoint resolution and API version negotiation: the two decisions taken
// before the first real request.
class TestEngineSetup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void endpointResolution_data()
    {
        using P = EngineEndpoint::Platform;
        QTest::addColumn<QString>("dockerHost");
        QTest::addColumn<int>("platform");
        QTest::addColumn<QStringList>("existing");
        QTest::addColumn<QString>("socketPath");
        QTest::addColumn<bool>("usable");

        const QString desktop = QStringLiteral("/Users/ada/.docker/run/docker.sock");
        const QString system = QStringLiteral("/var/run/docker.sock");
        QTest::newRow("linux default") << QString() << int(P::Linux) << QStringList{system} << system << true;
        QTest::newRow("linux default, daemon down keeps conventional path")
            << QString() << int(P::Linux) << QStringList{} << system << true;
        QTest::newRow("linux ignores docker desktop path")
            << QString() << int(P::Linux) << QStringList{desktop} << system << true;
        QTest::newRow("mac prefers docker desktop")
            << QString() << int(P::MacOS) << QStringList{desktop, system} << desktop << true;
        QTest::newRow("mac falls back to /var/run")
            << QString() << int(P::MacOS) << QStringList{system} << system << true;
        QTest::newRow("DOCKER_HOST unix")
            << QStringLiteral("unix:///run/user/1000/podman/podman.sock") << int(P::Linux) << QStringList{system}
            << QStringLiteral("/run/user/1000/podman/podman.sock") << true;
        QTest::newRow("DOCKER_HOST unix with spaces") << QStringLiteral("  unix:///tmp/d.sock ") << int(P::MacOS)
                                                      << QStringList{} << QStringLiteral("/tmp/d.sock") << true;
        QTest::newRow("DOCKER_HOST bare path")
            << QStringLiteral("/tmp/x.sock") << int(P::Linux) << QStringList{} << QStringLiteral("/tmp/x.sock") << true;
        QTest::newRow("DOCKER_HOST tcp unsupported")
            << QStringLiteral("tcp://10.0.0.2:2375") << int(P::Linux) << QStringList{system} << QString() << false;
        QTest::newRow("DOCKER_HOST ssh unsupported")
            << QStringLiteral("ssh://me@host") << int(P::Linux) << QStringList{system} << QString() << false;
        QTest::newRow("DOCKER_HOST unix without path")
            << QStringLiteral("unix://") << int(P::Linux) << QStringList{system} << QString() << false;
    }
    void endpointResolution()
    {
        QFETCH(QString, dockerHost);
        QFETCH(int, platform);
        QFETCH(QStringList, existing);
        QFETCH(QString, socketPath);
        QFETCH(bool, usable);
        g_existing = existing;
        const EngineEndpoint e = EngineEndpoint::resolve(dockerHost, EngineEndpoint::Platform(platform),
                                                         QStringLiteral("/Users/ada"), &fakeExists);
        QCOMPARE(e.isUsable(), usable);
        if (usable) {
            QCOMPARE(e.socketPath, socketPath);
            QVERIFY(e.unsupportedReason.isEmpty());
        } else {
            QVERIFY2(e.unsupportedReason.contains(QLatin1String("DOCKER_HOST")), qPrintable(e.unsupportedReason));
        }
    }

    void fromEnvironmentHonoursDockerHost()
    {
        qputenv("DOCKER_HOST", "unix:///tmp/pdd-test-engine.sock");
        QCOMPARE(EngineEndpoint::fromEnvironment().socketPath, QStringLiteral("/tmp/pdd-test-engine.sock"));
        qunsetenv("DOCKER_HOST");
        QVERIFY(EngineEndpoint::fromEnvironment().socketPath.endsWith(QLatin1String("docker.sock")));
    }

    void negotiation_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::addColumn<QString>("errorMentions");
        QTest::newRow("docker 20.10") << QStringLiteral("1.41") << QStringLiteral("1.41") << QString();
        QTest::newRow("docker 23") << QStringLiteral("1.42") << QStringLiteral("1.42") << QString();
        QTest::newRow("our max") << QStringLiteral("1.43") << QStringLiteral("1.43") << QString();
        QTest::newRow("newer daemon capped") << QStringLiteral("1.47") << QStringLiteral("1.43") << QString();
        QTest::newRow("two-digit minor beats one-digit")
            << QStringLiteral("1.100") << QStringLiteral("1.43") << QString();
        QTest::newRow("major 2 capped") << QStringLiteral("2.0") << QStringLiteral("1.43") << QString();
        QTest::newRow("whitespace") << QStringLiteral(" 1.41\r") << QStringLiteral("1.41") << QString();
        QTest::newRow("too old") << QStringLiteral("1.40") << QString() << QStringLiteral("1.41");
        QTest::newRow("ancient") << QStringLiteral("1.24") << QString() << QStringLiteral("update Docker");
        QTest::newRow("missing header") << QString() << QString() << QStringLiteral("API version");
        QTest::newRow("garbage") << QStringLiteral("v1.41") << QString() << QStringLiteral("v1.41");
        QTest::newRow("no minor") << QStringLiteral("1") << QString() << QStringLiteral("unreadable");
    }
    void negotiation()
    {
        QFETCH(QString, header);
        QFETCH(QString, expected);
        QFETCH(QString, errorMentions);
        const ApiNegotiation n = ApiNegotiation::fromPingHeader(header);
        if (expected.isEmpty()) {
            QVERIFY(!n.ok());
            QVERIFY2(n.error.contains(errorMentions, Qt::CaseInsensitive), qPrintable(n.error));
        } else {
            QVERIFY2(n.ok(), qPrintable(n.error));
            QCOMPARE(n.version.toString(), expected);
            QCOMPARE(n.version.pathPrefix(), QStringLiteral("/v") + expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestEngineSetup)
#include "tst_engine_setup.moc"
