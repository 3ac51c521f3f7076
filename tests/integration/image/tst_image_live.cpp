#include "image/BuildContext.h"
#include "image/ImageService.h"
#include "jobs/Job.h"

#include "LiveDocker.h"
#include "LocalRegistry.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Build and push through ImageService on the machine's real Docker daemon,
// to Debian's docker-registry on 127.0.0.1 (anonymous, and with htpasswd), with
// credentials from config.json and from docker-credential-secretservice
// against the throwaway gnome-keyring this suite runs in (with-keyring).
// The web image is compose/web built on the forged postdodjango-local/python:3.11.
namespace {
const QString kPython = QStringLiteral("postdodjango-local/python:3.11");
const QString kDebian = QStringLiteral("postdodjango-local/debian:bookworm");

struct Watched
{
    QVector<double> progress;
    QStringList statuses;
};

// Records every progress report of a Job.
std::shared_ptr<Watched> watch(Job *job)
{
    auto w = std::make_shared<Watched>();
    QObject::connect(job, &Job::progressChanged, job, [w](double f, const QString &s) {
        w->progress << f;
        w->statuses << s;
    });
    return w;
}

bool monotonic(const QVector<double> &values)
{
    double last = -1;
    for (double v : values) {
        if (v < 0)
            continue; // indeterminate phases (packing, sending) come first
        if (v < last)
            return false;
        last = v;
    }
    return true;
}

// Every container, the builder's own included: Docker lists its build containers
// in `docker ps -a`; Podman's Buildah keeps them out of the API and `podman ps
// --external` shows them (tests/support/podman-engine runs rootful, so the CLI
// reads the service's storage).
QString buildContainers()
{
    if (qEnvironmentVariable("PDD_ENGINE_UNDER_TEST") != QLatin1String("podman"))
        return live::docker({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--no-trunc")});
    QProcess p;
    p.start(QStringLiteral("podman"),
            {QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--no-trunc"), QStringLiteral("--external")});
    p.waitForFinished(60000);
    return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
}

// Instructions in a Dockerfile as the classic builder counts its steps.
int dockerfileSteps(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    int steps = 0;
    bool continued = false;
    static const QRegularExpression instr(QStringLiteral("^\\s*[A-Za-z]+\\s"));
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw);
        const bool comment = line.trimmed().startsWith(QLatin1Char('#'));
        if (!continued && !comment && instr.match(line).hasMatch())
            ++steps;
        if (!comment)
            continued = line.trimmed().endsWith(QLatin1Char('\\'));
    }
    return steps;
}
} // namespace

class TestImageLive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const EngineEndpoint endpoint = EngineEndpoint::fromEnvironment();
        QString err;
        if (live::docker(
                {QStringLiteral("version"), QStringLiteral("--format"), QStringLiteral("{{.Server.APIVersion}}")}, &err)
                .isEmpty()) {
            if (live::inCi())
                QFAIL(qPrintable(QStringLiteral("no Docker daemon: %1").arg(err)));
            QSKIP(qPrintable(QStringLiteral("no Docker daemon (%1); set CI=true to make this a failure").arg(err)));
        }
        for (const QString &tool : {QStringLiteral("docker-registry"), QStringLiteral("htpasswd"),
                                    QStringLiteral("docker-credential-secretservice"), QStringLiteral("curl")}) {
            if (QStandardPaths::findExecutable(tool).isEmpty()) {
                if (live::inCi())
                    QFAIL(qPrintable(tool + QStringLiteral(" is missing (packaging/deps.sh installs it)")));
                QSKIP(qPrintable(tool + QStringLiteral(" is missing; set CI=true to make this a failure")));
            }
        }
        for (const QString &image : {kPython, kDebian}) {
            if (live::docker({QStringLiteral("image"), QStringLiteral("inspect"), image}).isNull())
                QFAIL(qPrintable(
                    image
                    + QStringLiteral(" is not forged (packaging/local-images, run by tests/support/forge-images)")));
        }
        QVERIFY(m_tmp.isValid());
        QDir().mkpath(m_tmp.filePath(QStringLiteral("docker-config/cli-plugins")));
        // buildx from tests/support/forge-images, in this suite's own DOCKER_CONFIG.
        const QString buildx = qEnvironmentVariable("PDD_BUILDX_PLUGIN");
        if (!QFileInfo(buildx).isExecutable())
            QFAIL(qPrintable(
                QStringLiteral("no buildx plugin at %1 (tests/support/forge-images fetches it)").arg(buildx)));
        QVERIFY(QFile::link(buildx, m_tmp.filePath(QStringLiteral("docker-config/cli-plugins/docker-buildx"))));
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("DOCKER_CONFIG"), m_tmp.filePath(QStringLiteral("docker-config")));
        m_tag = QStringLiteral("pddtest-image-%1").arg(QCoreApplication::applicationPid());

        m_open = std::make_unique<live::Registry>(m_tmp.filePath(QStringLiteral("registry-open")));
        QProcess htpasswd;
        htpasswd.start(QStringLiteral("htpasswd"),
                       {QStringLiteral("-Bbn"), QStringLiteral("alice"), QStringLiteral("s3cret-pdd")});
        QVERIFY(htpasswd.waitForFinished(10000));
        QFile pw(m_tmp.filePath(QStringLiteral("htpasswd")));
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write(htpasswd.readAllStandardOutput());
        pw.close();
        m_locked = std::make_unique<live::Registry>(m_tmp.filePath(QStringLiteral("registry-auth")), pw.fileName());
        QVERIFY2(m_open->waitUp(), "the anonymous registry did not start");
        QVERIFY2(m_locked->waitUp(), "the htpasswd registry did not start");

        m_service = std::make_unique<ImageService>(endpoint);
        m_service->setEnvironment(m_env);
        m_service->start();
        setReference(m_open->host());
    }

    void cleanupTestCase()
    {
        m_service.reset();
        const auto stopRegistries = qScopeGuard([this] {
            m_open.reset();
            m_locked.reset();
        });
        for (const live::Registry *r : {m_open.get(), m_locked.get()}) {
            if (r)
                live::docker({QStringLiteral("image"), QStringLiteral("rm"), QStringLiteral("-f"),
                              QStringLiteral("%1/%2:t1").arg(r->host(), m_tag)});
        }
    }

    // Through the Engine API (classic builder): the web image with real steps.
    void buildsTheWebImageWithRealProgress()
    {
        Job *job = m_service->build();
        auto w = watch(job);
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 600000);
        QVERIFY2(job->state() == Job::State::Succeeded,
                 qPrintable(job->errorString() + job->log().join('\n').right(2000)));
        QVERIFY2(monotonic(w->progress), qPrintable(QStringLiteral("%1").arg(w->progress.size())));
        QCOMPARE(w->progress.last(), 1.0);
        const int steps = dockerfileSteps(QStringLiteral(PDD_SOURCE_DIR "/compose/web/Dockerfile"));
        if (qEnvironmentVariable("PDD_ENGINE_UNDER_TEST") == QLatin1String("podman")) {
            // Buildah counts per stage: the last stage's last step, once (tests/support/podman-engine).
            static const QRegularExpression last(QStringLiteral("^\\[2/2\\] STEP (\\d+)/\\1: "));
            QVERIFY2(job->log().filter(last).size() == 1, qPrintable(job->log().join('\n').right(3000)));
        } else {
            const QString stepLine = QStringLiteral("Step %1/%1 :").arg(steps);
            QVERIFY2(job->log().filter(stepLine).size() == 1,
                     qPrintable(stepLine + '\n' + job->log().join('\n').right(3000)));
        }
        // This daemon (20.10, no "features": {"buildkit": true}) answers Builder-Version 1.
        QVERIFY2(!job->log()
                      .filter(QStringLiteral("Builder: %1 (the daemon uses the classic builder)")
                                  .arg(ImageService::backendName(BuildBackend::EngineApi)))
                      .isEmpty(),
                 qPrintable(job->log().mid(0, 3).join('\n')));
        QVERIFY(
            !live::docker({QStringLiteral("image"), QStringLiteral("inspect"), m_service->spec().reference.toString()})
                 .isNull());
        QTRY_VERIFY_WITH_TIMEOUT(m_service->info().exists, 10000);
        QVERIFY(m_service->info().id.startsWith(QLatin1String("sha256:")));
        QVERIFY(m_service->info().sizeBytes > 100'000'000);
    }

    // The same image through `docker buildx build --progress=rawjson` (BuildKit in dockerd).
    void buildsWithBuildxToo()
    {
        m_service->setBackend(BuildBackend::Buildx);
        const auto restore = qScopeGuard([this] { m_service->setBackend(BuildBackend::Auto); });
        for (int round = 0; round < 2; ++round) {
            Job *job = m_service->build();
            auto w = watch(job);
            QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 600000);
            QVERIFY2(job->state() == Job::State::Succeeded,
                     qPrintable(job->errorString() + job->log().join('\n').right(3000)));
            QVERIFY(!job->log()
                         .filter(QStringLiteral("Builder: %1 (").arg(ImageService::backendName(BuildBackend::Buildx)))
                         .isEmpty());
            QVERIFY(monotonic(w->progress));
            QCOMPARE(w->progress.last(), 1.0);
            QVERIFY2(!job->log().filter(QRegularExpression(QStringLiteral("^\\[(\\S+ )?\\d+/\\d+\\] RUN"))).isEmpty(),
                     qPrintable(job->log().join('\n').right(3000)));
            QVERIFY(!job->log().join('\n').contains(QLatin1String("\"vertexes\"")));
            if (round == 1) // everything from the cache now
                QVERIFY2(job->log().filter(QStringLiteral(": CACHED")).size() >= 3, qPrintable(job->log().join('\n')));
        }
        QVERIFY(m_service->lastBackendUsed().startsWith(ImageService::backendName(BuildBackend::Buildx)));

        QTemporaryDir ctx;
        writeDockerfile(ctx.path(), QStringLiteral("FROM %1\nRUN true\nRUN echo boom >&2 && false\n").arg(kDebian));
        ImageService broken(EngineEndpoint::fromEnvironment());
        broken.setEnvironment(m_env);
        broken.setBackend(BuildBackend::Buildx);
        BuildSpec spec;
        spec.contextDir = ctx.path();
        spec.reference = ImageReference::parse(m_tag + QStringLiteral("-bxbroken:t"));
        broken.setSpec(spec);
        Job *job = broken.build();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 120000);
        QCOMPARE(job->state(), Job::State::Failed);
        QVERIFY2(job->errorString().startsWith(QLatin1String("[3/3] RUN echo boom >&2 && false failed: ")),
                 qPrintable(job->errorString()));
        QVERIFY(job->log().contains(QStringLiteral("boom")));
    }

    void aSecondBuildReportsCachedSteps()
    {
        QElapsedTimer t;
        t.start();
        Job *job = m_service->build();
        auto w = watch(job);
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 300000);
        QCOMPARE(job->state(), Job::State::Succeeded);
        // Docker: " ---> Using cache"; Podman: "--> Using cache <id>".
        QVERIFY2(job->log().filter(QStringLiteral("-> Using cache")).size() >= 3, qPrintable(job->log().join('\n')));
        QVERIFY(!w->statuses.filter(QStringLiteral("(cached)")).isEmpty());
        QVERIFY2(job->statusText().contains(QRegularExpression(QStringLiteral("\\d+ cached"))),
                 qPrintable(job->statusText()));
        qInfo("cached rebuild: %lld ms", t.elapsed());
    }

    // What the app sends is what `docker build` sends: the same files end up in the image.
    void contextMatchesWhatDockerBuildSends()
    {
        QTemporaryDir ctx;
        const QString d = ctx.path();
        const auto write = [&d](const QString &rel, const QByteArray &content) {
            QDir().mkpath(QFileInfo(d + '/' + rel).absolutePath());
            QFile f(d + '/' + rel);
            f.open(QIODevice::WriteOnly);
            f.write(content);
        };
        write(QStringLiteral("Dockerfile"), "FROM scratch\nCOPY . /ctx/\nCMD [\"/none\"]\n");
        write(QStringLiteral(".dockerignore"),
              "# comment\nDockerfile\n**/*.pyc\nsecret*\ndocs\n!docs/keep.md\n/build/\n*.log\n!important.log\n"
              "node_modules\n  spaced.txt  \n");
        for (const char *f : {"app.py", "app.pyc", "pkg/mod.py", "pkg/sub/x.pyc", "secret.env", "pkg/secret.txt",
                              "docs/keep.md", "docs/drop.md", "build/out.o", "a.log", "important.log",
                              "node_modules/m/index.js", "spaced.txt", "sp ace/é ü.txt", ".hidden/h"})
            write(QString::fromUtf8(f), "x\n");
        QFile::link(QStringLiteral("app.py"), d + QStringLiteral("/link.py"));

        const QString cliTag = m_tag + QStringLiteral("-ctx-cli:t");
        const QString appTag = m_tag + QStringLiteral("-ctx-app:t");
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DOCKER_BUILDKIT"), QStringLiteral("0"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral("docker"),
                  {QStringLiteral("build"), QStringLiteral("-q"), QStringLiteral("-t"), cliTag, d});
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());

        ImageService service(EngineEndpoint::fromEnvironment());
        BuildSpec spec;
        spec.contextDir = d;
        spec.reference = ImageReference::parse(appTag);
        service.setSpec(spec);
        Job *job = service.build();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 120000);
        QVERIFY2(job->state() == Job::State::Succeeded, qPrintable(job->errorString()));

        const QStringList fromCli = filesIn(cliTag);
        const QStringList fromApp = filesIn(appTag);
        QVERIFY2(fromCli.contains(QStringLiteral("ctx/docs/keep.md")), qPrintable(fromCli.join(' ')));
        // Sent (the CLI keeps it), read, then dropped by the daemon because .dockerignore names it.
        QVERIFY(!fromCli.contains(QStringLiteral("ctx/Dockerfile")));
        QVERIFY(fromCli.contains(QStringLiteral("ctx/.dockerignore"))
                == fromApp.contains(QStringLiteral("ctx/.dockerignore")));
        QCOMPARE(fromApp, fromCli);
        live::docker({QStringLiteral("image"), QStringLiteral("rm"), QStringLiteral("-f"), cliTag, appTag});
    }

    void aFailingRunNamesTheStep()
    {
        QTemporaryDir ctx;
        writeDockerfile(ctx.path(), QStringLiteral("FROM %1\nRUN true\nRUN false\n").arg(kDebian));
        const QString before = buildContainers();
        ImageService service(EngineEndpoint::fromEnvironment());
        BuildSpec spec;
        spec.contextDir = ctx.path();
        spec.reference = ImageReference::parse(m_tag + QStringLiteral("-broken:t"));
        service.setSpec(spec);
        Job *job = service.build();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 120000);
        QCOMPARE(job->state(), Job::State::Failed);
        QVERIFY2(job->errorString().startsWith(QLatin1String("Step 3/3 : RUN false failed: ")),
                 qPrintable(job->errorString()));
        QVERIFY2(!job->errorString().contains(QLatin1Char('{')), qPrintable(job->errorString()));
        QVERIFY(live::docker({QStringLiteral("image"), QStringLiteral("inspect"), spec.reference.toString()}).isNull());
        // No build container is left behind (Docker: forcerm; Podman: removed by the client).
        QTRY_COMPARE_WITH_TIMEOUT(buildContainers(), before, 15000);
    }

    void cancelStopsTheBuildOnTheDaemon()
    {
        QTemporaryDir ctx;
        // A unique step, so no cache shortcut: it runs until killed.
        writeDockerfile(ctx.path(),
                        QStringLiteral("FROM %1\nLABEL pdd.test.cancel=%2\nRUN sleep 120\n")
                            .arg(kDebian)
                            .arg(QDateTime::currentMSecsSinceEpoch()));
        const QString before = buildContainers();
        ImageService service(EngineEndpoint::fromEnvironment());
        BuildSpec spec;
        spec.contextDir = ctx.path();
        spec.reference = ImageReference::parse(m_tag + QStringLiteral("-cancel:t"));
        service.setSpec(spec);
        Job *job = service.build();
        QTRY_VERIFY_WITH_TIMEOUT(job->statusText().startsWith(QLatin1String("Step 3/3")), 60000);
        // The RUN container exists now.
        QTRY_VERIFY_WITH_TIMEOUT(buildContainers() != before, 20000);
        QElapsedTimer t;
        t.start();
        job->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 2000);
        const qint64 cancelMs = t.elapsed();
        QCOMPARE(job->state(), Job::State::Cancelled);
        // The daemon kills and removes the build container (forcerm).
        QTRY_COMPARE_WITH_TIMEOUT(buildContainers(), before, 15000);
        qInfo("cancelled in %lld ms; build container gone after %lld ms", cancelMs, t.elapsed());
        QVERIFY(live::docker({QStringLiteral("image"), QStringLiteral("inspect"), spec.reference.toString()}).isNull());
    }

    void pushesAnonymouslyWithTheDigestTheRegistryHas()
    {
        Job *job = m_service->push();
        auto w = watch(job);
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 300000);
        QVERIFY2(job->state() == Job::State::Succeeded, qPrintable(job->errorString()));
        QVERIFY(monotonic(w->progress));
        QCOMPARE(w->progress.last(), 1.0);
        const bool podman = qEnvironmentVariable("PDD_ENGINE_UNDER_TEST") == QLatin1String("podman");
        // Podman streams no layers, and the status says so (app/core/engine/README.md).
        const QRegularExpression layers(podman ? QStringLiteral("\\(Podman reports no progress per layer\\)$")
                                               : QStringLiteral("^\\d+ of \\d+ layers · [0-9.]+ MB of [0-9.]+ MB"));
        QVERIFY2(!w->statuses.filter(layers).isEmpty(), qPrintable(w->statuses.join('\n').right(2000)));
        const QString digest = pushedDigest(job);
        QVERIFY2(digest.startsWith(QLatin1String("sha256:")), qPrintable(job->log().join('\n')));
        QCOMPARE(registryDigest(*m_open, m_tag, QStringLiteral("t1")), digest);
        const QJsonArray tags =
            QJsonDocument::fromJson(live::httpGet(m_open->url(QStringLiteral("/v2/%1/tags/list").arg(m_tag))))
                .object()
                .value("tags")
                .toArray();
        QVERIFY(tags.contains(QStringLiteral("t1")));
        QTRY_COMPARE_WITH_TIMEOUT(m_service->info().pushedDigest(m_service->spec().reference), digest, 10000);

        // Again: every layer exists; done at once, still ending at 1.0.
        Job *again = m_service->push();
        auto w2 = watch(again);
        QTRY_VERIFY_WITH_TIMEOUT(again->isFinished(), 120000);
        QCOMPARE(again->state(), Job::State::Succeeded);
        if (!podman)
            QVERIFY(!again->log().filter(QStringLiteral("Layer already exists")).isEmpty());
        QCOMPARE(w2->progress.last(), 1.0);
        QCOMPARE(pushedDigest(again), digest);
    }

    void registryWithPasswordAsksForLoginThenTakesCredentials()
    {
        setReference(m_locked->host());
        // Tag the image built above for this registry.
        QVERIFY(!live::docker({QStringLiteral("tag"), QStringLiteral("%1/%2:t1").arg(m_open->host(), m_tag),
                               m_service->spec().reference.toString()})
                     .isNull());
        writeConfig(QJsonObject());

        // No credentials at all.
        QSignalSpy login(m_service.get(), &ImageService::loginRequired);
        Job *job = m_service->push();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 120000);
        QCOMPARE(job->state(), Job::State::Failed);
        QVERIFY2(job->errorString().contains(QLatin1String("refused the credentials")), qPrintable(job->errorString()));
        QCOMPARE(login.count(), 1);
        QCOMPARE(login.first().first().toString(), m_locked->host());

        // A wrong password in config.json's auths.
        writeConfig(authsFor(m_locked->host(), "alice:wrong"));
        job = m_service->push();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 120000);
        QCOMPARE(job->state(), Job::State::Failed);
        QVERIFY(job->log().contains(QStringLiteral("Credentials: config.json auths")));
        QVERIFY2(job->errorString().contains(QLatin1String("refused the credentials")), qPrintable(job->errorString()));
        QCOMPARE(login.count(), 2);

        // The right one.
        writeConfig(authsFor(m_locked->host(), "alice:s3cret-pdd"));
        job = m_service->push();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 300000);
        QVERIFY2(job->state() == Job::State::Succeeded, qPrintable(job->errorString()));
        QCOMPARE(registryDigest(*m_locked, m_tag, QStringLiteral("t1"), QStringLiteral("alice:s3cret-pdd")),
                 pushedDigest(job));

        // What the login dialog hands over wins over a wrong config entry.
        writeConfig(authsFor(m_locked->host(), "alice:wrong"));
        RegistryCredential typed;
        typed.serverAddress = m_locked->host();
        typed.username = QStringLiteral("alice");
        typed.secret = QStringLiteral("s3cret-pdd");
        m_service->setSessionCredential(typed);
        job = m_service->push();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 120000);
        QVERIFY2(job->state() == Job::State::Succeeded, qPrintable(job->errorString()));
        QVERIFY(job->log().contains(QStringLiteral("Credentials: the ones you entered")));
        m_service->setSessionCredential(RegistryCredential{m_locked->host(), {}, {}, false});
    }

    // docker-credential-secretservice against the suite's own gnome-keyring.
    void credentialsFromARealHelper()
    {
        QProcess probe;
        probe.start(QStringLiteral("docker-credential-secretservice"), {QStringLiteral("list")});
        QVERIFY(probe.waitForFinished(20000));
        if (probe.exitCode() != 0)
            QFAIL(
                qPrintable(QStringLiteral("no Secret Service (run under tests/unit/db-ui/with-keyring, as ctest "
                                          "does): %1")
                               .arg(QString::fromUtf8(probe.readAllStandardOutput() + probe.readAllStandardError()))));
        setReference(m_locked->host());
        QProcess store;
        store.start(QStringLiteral("docker-credential-secretservice"), {QStringLiteral("store")});
        store.write(
            QJsonDocument(QJsonObject{{"ServerURL", m_locked->host()}, {"Username", "alice"}, {"Secret", "s3cret-pdd"}})
                .toJson(QJsonDocument::Compact));
        store.closeWriteChannel();
        QVERIFY(store.waitForFinished(20000));
        QVERIFY2(store.exitCode() == 0, store.readAllStandardOutput().constData());
        writeConfig(QJsonObject{{"credHelpers", QJsonObject{{m_locked->host(), "secretservice"}}},
                                {"auths", authsFor(m_locked->host(), "alice:wrong").value("auths")}});
        Job *job = m_service->push();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 120000);
        QVERIFY2(job->state() == Job::State::Succeeded, qPrintable(job->errorString() + job->log().join('\n')));
        QVERIFY(job->log().contains(QStringLiteral("Credentials: docker-credential-secretservice")));
    }

    void registryStoppedMidPushFailsWithASentence()
    {
        live::Registry doomed(m_tmp.filePath(QStringLiteral("registry-doomed")));
        QVERIFY(doomed.waitUp());
        setReference(doomed.host());
        QVERIFY(!live::docker({QStringLiteral("tag"), QStringLiteral("%1/%2:t1").arg(m_open->host(), m_tag),
                               m_service->spec().reference.toString()})
                     .isNull());
        writeConfig(QJsonObject());
        Job *job = m_service->push();
        auto w = watch(job);
        QTRY_VERIFY_WITH_TIMEOUT(!w->progress.isEmpty() && w->progress.last() > 0.0, 120000);
        doomed.stop();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 180000);
        QCOMPARE(job->state(), Job::State::Failed);
        QVERIFY2(job->errorString().contains(doomed.host()), qPrintable(job->errorString()));
        QVERIFY2(!job->errorString().contains(QLatin1Char('{')), qPrintable(job->errorString()));
        qInfo("registry gone: %s", qPrintable(job->errorString()));
        // The service goes on: an info refresh still answers.
        m_service->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(m_service->info().known, 10000);
        live::docker({QStringLiteral("image"), QStringLiteral("rm"), m_service->spec().reference.toString()});
    }

private:
    void setReference(const QString &registryHost)
    {
        BuildSpec spec;
        spec.contextDir = QStringLiteral(PDD_SOURCE_DIR "/compose/web");
        spec.buildArgs.insert(QStringLiteral("PYTHON_IMAGE"), kPython);
        spec.reference = ImageReference::parse(QStringLiteral("%1/%2:t1").arg(registryHost, m_tag));
        QVERIFY(spec.reference.isValid());
        m_service->setSpec(spec);
    }
    static void writeDockerfile(const QString &dir, const QString &content)
    {
        QFile f(dir + QStringLiteral("/Dockerfile"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content.toUtf8());
    }
    void writeConfig(const QJsonObject &config)
    {
        QFile f(m_tmp.filePath(QStringLiteral("docker-config/config.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(config).toJson());
    }
    static QJsonObject authsFor(const QString &host, const char *userColonPassword)
    {
        return QJsonObject{
            {"auths",
             QJsonObject{
                 {host, QJsonObject{{"auth", QString::fromLatin1(QByteArray(userColonPassword).toBase64())}}}}}};
    }
    static QString pushedDigest(const Job *job)
    {
        const QStringList lines = job->log().filter(QStringLiteral("Digest: "));
        return lines.isEmpty() ? QString() : lines.last().mid(8);
    }
    static QString registryDigest(const live::Registry &r, const QString &name, const QString &tag,
                                  const QString &user = {})
    {
        QStringList args{QStringLiteral("-I"), QStringLiteral("-H"),
                         QStringLiteral("Accept: application/vnd.docker.distribution.manifest.v2+json")};
        if (!user.isEmpty())
            args << QStringLiteral("-u") << user;
        const QString head =
            QString::fromLatin1(live::httpGet(r.url(QStringLiteral("/v2/%1/manifests/%2").arg(name, tag)), args));
        const auto m =
            QRegularExpression(QStringLiteral("(?i)docker-content-digest:\\s*(sha256:[0-9a-f]{64})")).match(head);
        return m.hasMatch() ? m.captured(1) : head;
    }
    // The files of an image, read from `docker export` of a container made from it.
    static QStringList filesIn(const QString &image)
    {
        QString err;
        const QString id = live::docker({QStringLiteral("create"), image}, &err);
        if (id.isEmpty())
            qWarning("docker create %s: %s", qPrintable(image), qPrintable(err));
        QProcess exp;
        exp.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("docker export %1 | tar -t").arg(id)});
        exp.waitForFinished(60000);
        if (exp.exitCode() != 0)
            qWarning("docker export %s: %s", qPrintable(image), exp.readAllStandardError().constData());
        live::docker({QStringLiteral("rm"), id});
        QStringList files;
        for (const QString &l : QString::fromUtf8(exp.readAllStandardOutput()).split('\n')) {
            if (l.startsWith(QLatin1String("ctx/")))
                files << l;
        }
        files.sort();
        return files;
    }

    QTemporaryDir m_tmp;
    QProcessEnvironment m_env;
    QString m_tag;
    std::unique_ptr<live::Registry> m_open;
    std::unique_ptr<live::Registry> m_locked;
    std::unique_ptr<ImageService> m_service;
};

QTEST_GUILESS_MAIN(TestImageLive)
#include "tst_image_live.moc"
