// The app's side of a base image that can be neither found nor pulled (issue 13),
// with the real compose/run on the real daemon: Up fails, the banner says the
// script's sentence in the app's words with the command to run, nothing of the
// stack is created, and the next Up clears it.
#include "LiveDocker.h"
#include "jobs/Job.h"
#include "stack/StackSession.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const QString kStack = QStringLiteral("pddtest-pull-live");
const QString kImage = QStringLiteral("pddtest-unpullable/postgres:0");

bool copyTree(const QString &from, const QString &to)
{
    QProcess cp;
    cp.start(QStringLiteral("cp"), {QStringLiteral("-R"), from, to});
    return cp.waitForFinished(30000) && cp.exitCode() == 0;
}
} // namespace

class TestStackLive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (live::docker({QStringLiteral("info"), QStringLiteral("-f"), QStringLiteral("{{.ServerVersion}}")})
                .isEmpty()) {
            if (live::inCi())
                QFAIL("CI=true and the Docker daemon is not reachable");
            QSKIP("the Docker daemon is not reachable (not CI, so skipping)");
        }
        // A checkout of its own: compose/ and packaging/setup, as a clone has them.
        QVERIFY(m_dir.isValid());
        const QString source = qEnvironmentVariable("PDD_SOURCE_DIR");
        QVERIFY2(!source.isEmpty(), "PDD_SOURCE_DIR is not set");
        QVERIFY(copyTree(source + QStringLiteral("/compose"), m_dir.filePath(QStringLiteral("compose"))));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("packaging")));
        QVERIFY(QFile::copy(source + QStringLiteral("/packaging/setup"),
                            m_dir.filePath(QStringLiteral("packaging/setup"))));
        QFile::remove(m_dir.filePath(QStringLiteral("compose/.env")));
        // compose/run takes these from the environment, as from .env.
        qputenv("STACK_NAME", kStack.toUtf8());
        qputenv("POSTGRES_IMAGE", kImage.toUtf8());
        qputenv("DEV_WEB_PORT", "18400");
        qputenv("DEV_DB_PORT", "18401");
        qputenv("PGADMIN_PORT", "18402");
    }

    void upThatCannotPullSaysWhatToDo()
    {
        const QString compose = m_dir.filePath(QStringLiteral("compose"));
        StackSession session(compose, EngineEndpoint::fromEnvironment());
        QVERIFY(session.problems().isEmpty());

        for (int attempt = 0; attempt < 2; ++attempt) {
            Job *job = session.up();
            QVERIFY(job);
            // A new attempt clears the last one's sentence at once.
            QVERIFY2(session.problems().isEmpty(), qPrintable(session.problems().join(QLatin1Char('\n'))));
            QTRY_VERIFY_WITH_TIMEOUT(job->state() == Job::State::Failed, 60000);
            QTRY_COMPARE(session.problems().size(), 1);
            const QString banner = session.problems().constFirst();
            QVERIFY2(
                banner.startsWith(
                    QStringLiteral("Up failed: could not pull %1: no image registry is reachable (").arg(kImage))
                    || banner.startsWith(
                        QStringLiteral("Up failed: could not pull %1: the registry has no such image").arg(kImage)),
                qPrintable(banner));
            QVERIFY2(banner.contains(QStringLiteral("Set POSTGRES_IMAGE in %1/.env").arg(QDir(compose).canonicalPath()))
                         || banner.contains(QStringLiteral("Set POSTGRES_IMAGE in %1/.env").arg(compose)),
                     qPrintable(banner));
            QVERIFY2(banner.endsWith(
                         QStringLiteral("sudo %1 --local-images")
                             .arg(QFileInfo(m_dir.filePath(QStringLiteral("packaging/setup"))).canonicalFilePath())),
                     qPrintable(banner));
        }
        // Nothing of the stack was created.
        for (const QString &what : {QStringLiteral("ps"), QStringLiteral("network"), QStringLiteral("volume")}) {
            QStringList args{what};
            if (what != QLatin1String("ps"))
                args << QStringLiteral("ls");
            else
                args << QStringLiteral("-a");
            args << QStringLiteral("-q") << QStringLiteral("--filter")
                 << QStringLiteral("label=com.docker.compose.project=%1-dev").arg(kStack);
            QCOMPARE(live::docker(args), QStringLiteral(""));
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestStackLive)
#include "tst_stack_live.moc"
