// compose/run's "could not pull" sentence read back into its parts (issue 13);
// the sentence itself comes from the real script in tst_stack_live and stack_e2e.
#include "stack/PullFailure.h"

#include <QTest>

class TestPullFailure : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesTheScriptsSentence_data()
    {
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("envFile");
        QTest::addColumn<bool>("noRegistry");
        // As ScriptRun reports it: the last stderr line and the exit code.
        QTest::newRow("no registry")
            << QStringLiteral(
                   "run: could not pull postgres:16: no registry reachable (Get \"https://registry-1.docker.io/v2/\": "
                   "dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host). Set POSTGRES_IMAGE "
                   "in /home/ana/minha loja/compose/.env to a mirror or a local image, or run packaging/setup "
                   "--local-images. (exit code 1)")
            << QStringLiteral("postgres:16")
            << QStringLiteral("Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io on "
                              "10.255.255.53:53: no such host")
            << QStringLiteral("POSTGRES_IMAGE") << QStringLiteral("/home/ana/minha loja/compose/.env") << true;
        QTest::newRow("no such image, parentheses in the reason")
            << QStringLiteral(
                   "could not pull registry.example.com:5000/x/nginx:1.27: the registry has no such image or "
                   "refuses it (manifest for x (y) not found: manifest unknown). Set NGINX_IMAGE in /s/.env to "
                   "a mirror or a local image, or run packaging/setup --local-images.")
            << QStringLiteral("registry.example.com:5000/x/nginx:1.27")
            << QStringLiteral("manifest for x (y) not found: manifest unknown") << QStringLiteral("NGINX_IMAGE")
            << QStringLiteral("/s/.env") << false;
    }
    void parsesTheScriptsSentence()
    {
        QFETCH(QString, error);
        const std::optional<PullFailure> f = PullFailure::parse(error);
        QVERIFY(f);
        QTEST(f->image, "image");
        QTEST(f->reason, "reason");
        QTEST(f->variable, "variable");
        QTEST(f->envFile, "envFile");
        QTEST(f->noRegistry, "noRegistry");
    }

    void otherFailuresAreNotPullFailures_data()
    {
        QTest::addColumn<QString>("error");
        QTest::newRow("port") << QStringLiteral(
            "run: port 8000 is already in use by another program; free it or set "
            "another port in /s/.env (nothing was started or stopped). (exit code 1)");
        QTest::newRow("daemon") << QStringLiteral(
            "run: the Docker daemon is not reachable at unix:///var/run/docker.sock");
        QTest::newRow("empty") << QString();
        QTest::newRow("cut short") << QStringLiteral("run: could not pull postgres:16: no registry reachable (x");
    }
    void otherFailuresAreNotPullFailures()
    {
        QFETCH(QString, error);
        QVERIFY(!PullFailure::parse(error));
    }
};

QTEST_GUILESS_MAIN(TestPullFailure)
#include "tst_pullfailure.moc"
