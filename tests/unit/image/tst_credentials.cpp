#include "image/DockerCredentials.h"
#include "image/ImageReference.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// Where the docker CLI finds registry credentials, in its order, and the
// credential-helper protocol spoken to a helper program. The helper here is a
// small script (docker-credential-pddtest) that keeps what it is given in a file, so the lookup order and
// the protocol's JSON are checked; the real Secret Service helper is driven in
// tests/integration/image.
namespace {

QString b64(const char *userColonPassword)
{
    return QString::fromLatin1(QByteArray(userColonPassword).toBase64());
}
} // namespace

class TestCredentials : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_bin.isValid());
        const QString helper = m_bin.filePath(QStringLiteral("docker-credential-pddtest"));
        QVERIFY(QFile::copy(QStringLiteral(PDD_SOURCE_DIR "/tests/unit/image/docker-credential-pddtest"), helper));
        QVERIFY(QFile::setPermissions(helper, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }

    void lookupOrder_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("source");
        QTest::addColumn<QString>("helper");
        const QString auth = b64("alice:s3cret");
        QTest::newRow("empty") << QByteArray("{}") << "localhost:5000" << int(DockerConfig::Source::None) << "";
        QTest::newRow("auths exact")
            << QStringLiteral("{\"auths\":{\"localhost:5000\":{\"auth\":\"%1\"}}}").arg(auth).toUtf8()
            << "localhost:5000" << int(DockerConfig::Source::Inline) << "";
        QTest::newRow("auths with scheme")
            << QStringLiteral("{\"auths\":{\"http://localhost:5000/v2/\":{\"auth\":\"%1\"}}}").arg(auth).toUtf8()
            << "localhost:5000" << int(DockerConfig::Source::Inline) << "";
        QTest::newRow("auths other host")
            << QStringLiteral("{\"auths\":{\"other:5000\":{\"auth\":\"%1\"}}}").arg(auth).toUtf8() << "localhost:5000"
            << int(DockerConfig::Source::None) << "";
        QTest::newRow("auths entry without auth") << QByteArray("{\"auths\":{\"localhost:5000\":{}}}")
                                                  << "localhost:5000" << int(DockerConfig::Source::None) << "";
        QTest::newRow("store beats auths")
            << QStringLiteral("{\"credsStore\":\"desktop\",\"auths\":{\"localhost:5000\":{\"auth\":\"%1\"}}}")
                   .arg(auth)
                   .toUtf8()
            << "localhost:5000" << int(DockerConfig::Source::Store) << "desktop";
        QTest::newRow("credHelpers beat store")
            << QByteArray("{\"credsStore\":\"desktop\",\"credHelpers\":{\"localhost:5000\":\"pass\"}}")
            << "localhost:5000" << int(DockerConfig::Source::Helper) << "pass";
        QTest::newRow("credHelpers for another host")
            << QByteArray("{\"credsStore\":\"desktop\",\"credHelpers\":{\"gcr.io\":\"gcloud\"}}") << "localhost:5000"
            << int(DockerConfig::Source::Store) << "desktop";
        QTest::newRow("docker hub key")
            << QStringLiteral("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"%1\"}}}").arg(auth).toUtf8()
            << ImageReference::parse(QStringLiteral("alice/web:1")).credentialKey() << int(DockerConfig::Source::Inline)
            << "";
    }
    void lookupOrder()
    {
        QFETCH(QByteArray, config);
        QFETCH(QString, key);
        QFETCH(int, source);
        QFETCH(QString, helper);
        const DockerConfig c = DockerConfig::fromJson(config);
        QVERIFY2(c.error().isEmpty(), qPrintable(c.error()));
        const DockerConfig::Lookup l = c.lookup(key);
        QCOMPARE(int(l.source), source);
        QCOMPARE(l.helper, helper);
    }

    void inlineAuthIsDecoded()
    {
        const DockerConfig c = DockerConfig::fromJson(
            QStringLiteral("{\"auths\":{\"localhost:5000\":{\"auth\":\"%1\"}}}").arg(b64("alice:pa:ss")).toUtf8());
        const RegistryCredential cred = c.inlineCredential(QStringLiteral("localhost:5000"));
        QCOMPARE(cred.username, QStringLiteral("alice"));
        QCOMPARE(cred.secret, QStringLiteral("pa:ss")); // only the first ':' separates
        const DockerConfig token = DockerConfig::fromJson("{\"auths\":{\"r.io\":{\"identitytoken\":\"tok\"}}}");
        QVERIFY(token.inlineCredential(QStringLiteral("r.io")).identityToken);
    }

    void brokenConfigsAreSentences_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::newRow("garbage") << QByteArray("{\"auths\": ");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("binary") << QByteArray("\x00\x01\xff", 3);
    }
    void brokenConfigsAreSentences()
    {
        QFETCH(QByteArray, config);
        const DockerConfig c = DockerConfig::fromJson(config);
        QVERIFY(!c.error().isEmpty());
        QVERIFY2(c.error().startsWith(QLatin1String("Docker's config.json is not valid JSON")), qPrintable(c.error()));
        QCOMPARE(int(c.lookup(QStringLiteral("x")).source), int(DockerConfig::Source::None));
    }

    void headerIsBase64UrlJson()
    {
        RegistryCredential c;
        c.serverAddress = QStringLiteral("localhost:5000");
        c.username = QStringLiteral("alice");
        c.secret = QStringLiteral("s>?3"); // bytes whose base64 differs between the two alphabets
        const QByteArray h = c.registryAuthHeader();
        QVERIFY(!h.contains('+') && !h.contains('/'));
        const QJsonObject o =
            QJsonDocument::fromJson(QByteArray::fromBase64(h, QByteArray::Base64UrlEncoding)).object();
        QCOMPARE(o.value("username").toString(), QStringLiteral("alice"));
        QCOMPARE(o.value("password").toString(), QStringLiteral("s>?3"));
        QCOMPARE(o.value("serveraddress").toString(), QStringLiteral("localhost:5000"));
        QCOMPARE(RegistryCredential().registryAuthHeader(), QByteArray("e30=")); // {}, padded like Go's URLEncoding
    }

    void helperProtocolAndResolution()
    {
        QTemporaryDir home;
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), m_bin.path() + QStringLiteral(":/usr/bin:/bin"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("PDD_HELPER_STORE"), home.filePath(QStringLiteral("store.json")));
        env.insert(QStringLiteral("DOCKER_CONFIG"), home.filePath(QStringLiteral("cfg")));
        QDir().mkpath(home.filePath(QStringLiteral("cfg")));
        QFile cfg(home.filePath(QStringLiteral("cfg/config.json")));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write(
            QStringLiteral(
                "{\"credHelpers\":{\"localhost:5000\":\"pddtest\"},\"auths\":{\"localhost:5000\":{\"auth\":\"%1\"}}}")
                .arg(b64("stale:old"))
                .toUtf8());
        cfg.close();

        // Nothing stored yet: none, not the stale auths entry (as the CLI's nativeStore).
        CredentialResolution r = resolveCredential(QStringLiteral("localhost:5000"), env);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(int(r.lookup.source), int(DockerConfig::Source::Helper));
        QVERIFY(r.credential.isEmpty());

        CredentialHelper helper(QStringLiteral("pddtest"), env);
        RegistryCredential c;
        c.serverAddress = QStringLiteral("localhost:5000");
        c.username = QStringLiteral("alice");
        c.secret = QStringLiteral("s3cret");
        QVERIFY(helper.store(c).ok);
        r = resolveCredential(QStringLiteral("localhost:5000"), env);
        QCOMPARE(r.credential.username, QStringLiteral("alice"));
        QCOMPARE(r.credential.secret, QStringLiteral("s3cret"));
        QVERIFY(helper.erase(QStringLiteral("localhost:5000")).ok);
        QVERIFY(helper.get(QStringLiteral("localhost:5000")).notFound);

        // A helper the config names but that is not installed.
        const CredentialHelper missing(QStringLiteral("nosuchhelper"), env);
        const CredentialHelper::Result m = missing.get(QStringLiteral("localhost:5000"));
        QVERIFY(!m.ok && !m.notFound);
        QVERIFY2(m.error.contains(QLatin1String("docker-credential-nosuchhelper is not installed")),
                 qPrintable(m.error));
    }

    void referencesAreCheckedLikeDocker_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("registry");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<bool>("valid");
        // clang-format off
        QTest::newRow("local registry") << "localhost:5000/postdodjango-web:latest" << "localhost:5000" << "localhost:5000/postdodjango-web" << "latest" << true;
        QTest::newRow("default tag") << "registry.example.com/team/web" << "registry.example.com" << "registry.example.com/team/web" << "latest" << true;
        QTest::newRow("hub user") << "alice/web:1.2" << "" << "alice/web" << "1.2" << true;
        QTest::newRow("hub official") << "python:3.12-slim" << "" << "python" << "3.12-slim" << true;
        QTest::newRow("ip and port") << "127.0.0.1:5999/pdd/web:t_1" << "127.0.0.1:5999" << "127.0.0.1:5999/pdd/web" << "t_1" << true;
        QTest::newRow("uppercase name") << "localhost:5000/Web:1" << "" << "" << "" << false;
        QTest::newRow("bad tag") << "localhost:5000/web:-x" << "" << "" << "" << false;
        QTest::newRow("tag with slash") << "localhost:5000/web:a/b" << "" << "" << "" << false;
        QTest::newRow("empty") << "" << "" << "" << "" << false;
        QTest::newRow("digest") << "web@sha256:abc" << "" << "" << "" << false;
        QTest::newRow("bad registry") << "local_host:5000/web:1" << "" << "" << "" << false;
        // clang-format on
    }
    void referencesAreCheckedLikeDocker()
    {
        QFETCH(QString, text);
        QFETCH(QString, registry);
        QFETCH(QString, name);
        QFETCH(QString, tag);
        QFETCH(bool, valid);
        const ImageReference r = ImageReference::parse(text);
        QCOMPARE(r.isValid(), valid);
        if (!valid) {
            QVERIFY(!r.error.isEmpty());
            return;
        }
        QCOMPARE(r.registry, registry);
        QCOMPARE(r.name(), name);
        QCOMPARE(r.tag, tag);
    }

    // Where Podman is told tlsVerify=false: the registries Docker reaches over plain HTTP by itself.
    void loopbackRegistries_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("127.0.0.1 with port") << "127.0.0.1:5000/web:1" << true;
        QTest::newRow("127.x.y.z") << "127.8.9.10:443/web" << true;
        QTest::newRow("localhost") << "localhost:5000/web" << true;
        QTest::newRow("ipv6 loopback") << "[::1]:5000/web" << true;
        QTest::newRow("docker hub") << "alice/web:1" << false;
        QTest::newRow("lan address") << "192.168.0.5:5000/web" << false;
        QTest::newRow("127 as a name") << "127.example.com/web" << false;
        QTest::newRow("localhost as a prefix") << "localhost.evil.example/web" << false;
    }
    void loopbackRegistries()
    {
        QFETCH(QString, reference);
        QFETCH(bool, loopback);
        const ImageReference r = ImageReference::parse(reference);
        QVERIFY2(r.isValid(), qPrintable(r.error));
        QCOMPARE(r.isLoopbackRegistry(), loopback);
    }

private:
    QTemporaryDir m_bin;
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
