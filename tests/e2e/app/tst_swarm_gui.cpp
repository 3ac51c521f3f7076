#include "GuiWatchdog.h"
#include "Screenshot.h"
#include "jobs/Job.h"
#include "main/MainWindow.h"
#include "stack/StackSession.h"
#include "swarm/SwarmModels.h"
#include "swarm/SwarmMonitor.h"
#include "swarm/SwarmPanel.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QHostInfo>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

// The Swarm view driven like a user against a stack that tests/e2e/stack/test_swarm.py
// has deployed on this engine's single-node swarm (one bring-up for both suites;
// that suite runs this binary with the stack's folder and environment):
// PDD_SWARM_STACK_DIR is the compose folder, STACK_NAME and the rest come from
// the environment as compose/run reads them. The tab must appear, show web's
// replicas as the engine has them, and after Scale (spin box and button, as a
// user) converge to the new count, live from /events.
namespace {

QString cell(const QAbstractItemModel *m, int row, int column)
{
    return m->index(row, column).data().toString();
}

QString dump(const QAbstractItemModel *m)
{
    QStringList rows;
    for (int r = 0; r < m->rowCount(); ++r) {
        QStringList cols;
        for (int c = 0; c < m->columnCount(); ++c)
            cols << cell(m, r, c);
        rows << cols.join(QLatin1String(" | "));
    }
    return rows.join(QLatin1Char('\n'));
}

int dockerReplicasRunning(const QString &service)
{
    const pddtest::GuiWatchdog::Pause testBlocksOnPurpose;
    QProcess p;
    p.start(QStringLiteral("docker"),
            {QStringLiteral("service"), QStringLiteral("ps"), QStringLiteral("-q"), QStringLiteral("--filter"),
             QStringLiteral("desired-state=running"), service});
    p.waitForFinished(60000);
    int running = 0;
    for (const QByteArray &id : p.readAllStandardOutput().split('\n')) {
        if (id.trimmed().isEmpty())
            continue;
        QProcess i;
        i.start(QStringLiteral("docker"),
                {QStringLiteral("inspect"), QStringLiteral("-f"), QStringLiteral("{{.Status.State}}"),
                 QString::fromUtf8(id.trimmed())});
        i.waitForFinished(60000);
        if (i.readAllStandardOutput().trimmed() == "running")
            ++running;
    }
    return running;
}

} // namespace

class TestSwarmGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_dir = qEnvironmentVariable("PDD_SWARM_STACK_DIR");
        QVERIFY2(!m_dir.isEmpty() && QDir(m_dir).exists(QStringLiteral("docker-compose.swarm.yml")),
                 "PDD_SWARM_STACK_DIR must name a compose folder deployed with run -9 (test_swarm.py runs this)");
        m_window = std::make_unique<MainWindow>(m_dir, EngineEndpoint::fromEnvironment());
        m_window->resize(1100, 760);
        m_window->show();
        m_window->startMonitoring();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void swarmTabShowsTheDeployedStack()
    {
        StackSession *session = m_window->session();
        QCOMPARE(session->swarmStackName(), qEnvironmentVariable("STACK_NAME") + QStringLiteral("-swarm"));
        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("tabs"));
        auto *panel = m_window->findChild<SwarmPanel *>(QStringLiteral("swarmPanel"));
        auto *action = m_window->findChild<QAction *>(QStringLiteral("actionSwarmMode"));
        QVERIFY(tabs && panel && action);
        QTRY_VERIFY_WITH_TIMEOUT(session->swarm()->isManager(), 30000);
        QVERIFY(tabs->isTabVisible(tabs->indexOf(panel)));
        QVERIFY(action->isVisible() && action->isEnabled());
        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier); // Stack > Swarm, beside Dev and Prod
        QCOMPARE(tabs->currentWidget(), panel);

        const SwarmServiceModel *services = session->swarmServices();
        QTRY_VERIFY2_WITH_TIMEOUT(services->rowOf(QStringLiteral("web")) >= 0, qPrintable(dump(services)), 30000);
        QCOMPARE(services->rowCount(), 3); // db, nginx, web: this stack's only
        const int web = services->rowOf(QStringLiteral("web"));
        const int running = dockerReplicasRunning(session->swarmStackName() + QStringLiteral("_web"));
        QVERIFY(running > 0);
        QTRY_COMPARE_WITH_TIMEOUT(cell(services, web, SwarmServiceModel::ReplicasColumn),
                                  QStringLiteral("%1/%1").arg(running), 60000);
        QCOMPARE(panel->findChild<QSpinBox *>(QStringLiteral("replicasSpin"))->value(), running);

        // Each task has its node (this host), a state and, for running ones, no error.
        const QAbstractItemModel *tasks = session->swarmTasks();
        QVERIFY(tasks->rowCount() >= running + 2);
        int webRunning = 0;
        for (int r = 0; r < tasks->rowCount(); ++r) {
            QVERIFY2(!cell(tasks, r, SwarmTaskModel::NodeColumn).isEmpty(), qPrintable(dump(tasks)));
            if (cell(tasks, r, SwarmTaskModel::TaskColumn).startsWith(QLatin1String("web."))
                && cell(tasks, r, SwarmTaskModel::StateColumn) == QLatin1String("running"))
                ++webRunning;
        }
        QCOMPARE(webRunning, running);
        QCOMPARE(cell(tasks, 0, SwarmTaskModel::NodeColumn), QHostInfo::localHostName());
        QVERIFY(pddtest::saveScreenshot(m_window.get(), QStringLiteral("e2e-swarm-deployed")));
        m_before = running;
    }

    void scaleConvergesLiveFromEvents()
    {
        StackSession *session = m_window->session();
        auto *panel = m_window->findChild<SwarmPanel *>(QStringLiteral("swarmPanel"));
        auto *spin = panel->findChild<QSpinBox *>(QStringLiteral("replicasSpin"));
        auto *scale = panel->findChild<QPushButton *>(QStringLiteral("scaleButton"));
        QVERIFY(spin && scale && scale->isEnabled());
        const SwarmServiceModel *services = session->swarmServices();
        const int web = services->rowOf(QStringLiteral("web"));
        const int target = m_before == 2 ? 3 : 2;

        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, QString::number(target));
        const int readsBefore = session->swarm()->readCount();
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(scale, Qt::LeftButton);
        Job *job = panel->currentJob();
        QVERIFY(job);
        QVERIFY(!scale->isEnabled()); // one swarm job at a time
        QTRY_COMPARE_WITH_TIMEOUT(cell(services, web, SwarmServiceModel::ReplicasColumn),
                                  QStringLiteral("%1/%1").arg(target), 300000);
        const qint64 shown = clock.elapsed();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 300000);
        QVERIFY2(job->state() == Job::State::Succeeded, qPrintable(job->errorString()));
        const qint64 done = clock.elapsed();
        QCOMPARE(dockerReplicasRunning(session->swarmStackName() + QStringLiteral("_web")), target);
        QTRY_VERIFY_WITH_TIMEOUT(scale->isEnabled(), 10000);
        std::printf("swarm view: scale %d -> %d shown converged after %lld ms, run -9 scale done after %lld ms, "
                    "%d reads of the swarm (from events and convergence)\n",
                    m_before, target, static_cast<long long>(shown), static_cast<long long>(done),
                    session->swarm()->readCount() - readsBefore);
        QVERIFY(pddtest::saveScreenshot(m_window.get(), QStringLiteral("e2e-swarm-scaled")));

        // Converged and quiet: no read without an event.
        const int settled = session->swarm()->readCount();
        QTest::qWait(5000);
        QVERIFY2(
            session->swarm()->readCount() - settled <= 1,
            qPrintable(
                QStringLiteral("%1 reads in 5 s with nothing changing").arg(session->swarm()->readCount() - settled)));
    }

    void cleanupTestCase() { m_window.reset(); }

private:
    QString m_dir;
    int m_before = 0;
    std::unique_ptr<MainWindow> m_window;
};

PDD_GUI_TEST_MAIN(TestSwarmGui)
#include "tst_swarm_gui.moc"
