#include "TestTlsServer.h"
#include "engine/EngineMonitor.h"
#include "jobs/Job.h"
#include "jobs/JobListModel.h"
#include "stack/ContainerListModel.h"
#include "stack/StackSession.h"
#include "stack/VolumeListModel.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The composition object without a window: the wiring MainWindow used to do
// (files watched and reloaded, mode and reload through one path, engine
// availability, other-folder warning, compose/run Jobs tracked) checked on
// its own. The engine here is a socket that does not exist, so "unreachable"
// is the real EngineMonitor's own verdict.
namespace {
void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    f.write(content);
}
// As editors save: a new file renamed over the old one (the watcher loses the old inode).
void replaceFile(const QString &path, const QByteArray &content)
{
    writeFile(path + QStringLiteral(".new"), content);
    QFile::remove(path);
    QVERIFY(QFile::rename(path + QStringLiteral(".new"), path));
}
const char kCompose[] = "services:\n  db:\n    image: postgres\n    profiles: [dev, prod]\n"
                        "    volumes: [\"dbdata:/var/lib/postgresql/data\"]\n"
                        "  web:\n    image: web\n    profiles: [dev]\n  nginx:\n    image: n\n    profiles: [prod]\n"
                        "volumes:\n  dbdata:\n";
// compose/run's stand-in: -1 (dev up) waits for a file, everything else ends at once.
const char kFakeRun[] = "#!/bin/sh\nhere=$(cd \"$(dirname \"$0\")\" && pwd)\n"
                        "case \"$1\" in -1) while [ ! -e \"$here/go\" ]; do sleep 0.05; done ;; esac\nexit 0\n";

QStringList services(const ContainerListModel *m)
{
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r)
        out << m->index(r, ContainerListModel::ServiceColumn).data(ContainerListModel::ServiceRole).toString();
    out.sort();
    return out;
}
} // namespace

class TestStackSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        writeFile(m_dir->filePath(QStringLiteral("docker-compose.yml")), kCompose);
        writeFile(m_dir->filePath(QStringLiteral(".env")), "STACK_NAME=alpha\nDEV_DB_PORT=5544\n");
        m_session = std::make_unique<StackSession>(
            m_dir->path(), EngineEndpoint::fromSocket(m_dir->filePath(QStringLiteral("no.sock"))));
    }
    void cleanup()
    {
        m_session.reset();
        m_dir.reset();
    }

    void presentsTheProjectOnConstruction()
    {
        QCOMPARE(m_session->mode(), StackMode::Dev);
        QCOMPARE(m_session->project().stackName(), QStringLiteral("alpha"));
        QCOMPARE(services(m_session->containers()), (QStringList{"db", "web"}));
        QCOMPARE(m_session->devDatabase().port, 5544);
        QVERIFY(m_session->problems().isEmpty());
        QVERIFY(!m_session->busy());
        QVERIFY(!m_session->engineAvailable());
    }

    void modeChangeTakesThePresentPath()
    {
        QSignalSpy presented(m_session.get(), &StackSession::presented);
        QSignalSpy mode(m_session.get(), &StackSession::modeChanged);
        m_session->setMode(StackMode::Prod);
        QCOMPARE(presented.count(), 1);
        QCOMPARE(mode.count(), 1);
        QCOMPARE(mode.first().first().value<StackMode>(), StackMode::Prod);
        QCOMPARE(services(m_session->containers()), (QStringList{"db", "nginx"}));
        m_session->setMode(StackMode::Prod); // no change, nothing presented again
        QCOMPARE(presented.count(), 1);
        QCOMPARE(mode.count(), 1);
    }

    void editsToTheFilesAreReloadedByThemselves()
    {
        QSignalSpy presented(m_session.get(), &StackSession::presented);
        replaceFile(m_dir->filePath(QStringLiteral(".env")), "STACK_NAME=beta\nDEV_DB_PORT=5555\n");
        QTRY_COMPARE_WITH_TIMEOUT(m_session->project().stackName(), QStringLiteral("beta"), 5000);
        QVERIFY(presented.count() >= 1);
        QCOMPARE(m_session->devDatabase().port, 5555);
        // The replaced file is watched again: a second save is seen too.
        replaceFile(m_dir->filePath(QStringLiteral(".env")), "STACK_NAME=gamma\n");
        QTRY_COMPARE_WITH_TIMEOUT(m_session->project().stackName(), QStringLiteral("gamma"), 5000);
    }

    void aBrokenFileIsAProblemUntilFixed()
    {
        QSignalSpy problems(m_session.get(), &StackSession::problemsChanged);
        replaceFile(m_dir->filePath(QStringLiteral("docker-compose.yml")), "services:\n  db: [\n");
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->problems().isEmpty(), 5000);
        QVERIFY(problems.count() >= 1);
        QVERIFY2(m_session->problems().first().startsWith(QStringLiteral("Compose file problem: ")),
                 qPrintable(m_session->problems().first()));
        QVERIFY(services(m_session->containers()).isEmpty());
        replaceFile(m_dir->filePath(QStringLiteral("docker-compose.yml")), kCompose);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->problems().isEmpty(), 5000);
        QCOMPARE(services(m_session->containers()), (QStringList{"db", "web"}));
    }

    void unreachableEngineIsSaidInOneSentence()
    {
        QSignalSpy available(m_session.get(), &StackSession::availabilityChanged);
        m_session->startMonitoring();
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->engineProblem().isEmpty(), 5000);
        QVERIFY(available.count() >= 1);
        QCOMPARE(available.last().first().toBool(), false);
        QVERIFY2(m_session->problems().first().startsWith(QStringLiteral("Docker engine unavailable: ")),
                 qPrintable(m_session->problems().first()));
        QVERIFY(!m_session->engineAvailable());
    }

    void anotherFoldersContainersRaiseAProblem()
    {
        QSignalSpy problems(m_session.get(), &StackSession::problemsChanged);
        ContainerInfo c;
        c.id = QStringLiteral("c1");
        c.name = QStringLiteral("alpha-dev_web_1");
        c.project = m_session->project().projectName(StackMode::Dev);
        c.service = QStringLiteral("web");
        c.state = ContainerState::Running;
        c.workingDir = QDir::tempPath() + QStringLiteral("/somewhere-else");
        // What EngineMonitor::containerChanged delivers.
        m_session->containers()->updateContainer(c);
        QCOMPARE(m_session->otherFolder(), c.workingDir);
        QCOMPARE(problems.count(), 1);
        QVERIFY(m_session->problems().last().contains(c.workingDir));
        m_session->containers()->removeContainer(c.id);
        QVERIFY(m_session->otherFolder().isEmpty());
        QCOMPARE(problems.count(), 2);
        QVERIFY(m_session->problems().isEmpty());
    }

    // Prod with TLS: the certificate the edge presents is read, and one that
    // expires within 14 days is a problem (the banner) until the mode is dev.
    void prodCertificateIsReadAndWarnedBeforeItExpires()
    {
        pddtest::TestTlsServer edge(5);
        QVERIFY2(edge.listening(), qPrintable(edge.why()));
        replaceFile(m_dir->filePath(QStringLiteral(".env")),
                    QStringLiteral("STACK_NAME=alpha\nTLS_MODE=files\nTLS_CERT_FILE=c.pem\nTLS_KEY_FILE=k.pem\n"
                                   "PROD_HTTPS_PORT=%1\n")
                        .arg(edge.port())
                        .toUtf8());
        m_session->reload();
        QSignalSpy certificate(m_session.get(), &StackSession::certificateChanged);
        m_session->setMode(StackMode::Prod);
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->edgeCertificate().isNull(), 10000);
        const EdgeCertificate &c = m_session->edgeCertificate();
        QCOMPARE(c.subject, QStringLiteral("probe.test"));
        QVERIFY(c.selfSigned);
        QCOMPARE(c.daysLeft(QDateTime::currentDateTimeUtc()), qint64(4));
        QVERIFY(certificate.count() >= 1);
        const QStringList problems = m_session->problems();
        QVERIFY2(problems.size() == 1 && problems.first().contains(QStringLiteral(", in 4 days: renew it")),
                 qPrintable(problems.join('\n')));
        m_session->setMode(StackMode::Dev);
        QVERIFY(m_session->edgeCertificate().isNull());
        QVERIFY(m_session->problems().isEmpty());
    }

    void runJobsAreTrackedAndMakeItBusy()
    {
        writeFile(m_dir->filePath(QStringLiteral("run")), kFakeRun);
        QSignalSpy jobsChanged(m_session.get(), &StackSession::jobsChanged);
        Job *job = m_session->up();
        QVERIFY(job);
        QCOMPARE(m_session->jobs()->rowCount(), 1);
        QVERIFY(m_session->busy());
        QVERIFY(jobsChanged.count() >= 1);
        writeFile(m_dir->filePath(QStringLiteral("go")), "");
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->busy(), 10000);
        QCOMPARE(job->state(), Job::State::Succeeded);
        QVERIFY(jobsChanged.count() >= 2);
        // A row of no container acts on nothing.
        QCOMPARE(m_session->containerAction(0, ContainerAction::Start), nullptr);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StackSession> m_session;
};

QTEST_GUILESS_MAIN(TestStackSession)
#include "tst_stacksession.moc"
