#include "stack/ContainerListModel.h"
#include "stack/VolumeListModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

ComposeService service(const QString &name, const QString &image, QVector<ComposePort> ports = {})
{
    ComposeService s;
    s.name = name;
    s.image = image;
    s.ports = ports;
    return s;
}

ContainerInfo container(const QString &id, const QString &project, const QString &service, const QString &state,
                        const QString &health = {})
{
    ContainerInfo c;
    c.id = id;
    c.name = project + QLatin1Char('_') + service + QStringLiteral("_1");
    c.image = QStringLiteral("img/") + service;
    c.project = project;
    c.service = service;
    c.state = ContainerStates::parse(state);
    c.health = ContainerStates::parseHealth(health);
    c.startedAt = QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC);
    return c;
}

const QVector<ComposeService> kDev = {
    service("db", "pdd-forge/postgres:15", {{"127.0.0.1", 28432, 5432, "tcp"}}),
    service("web", "localhost/web:latest", {{"", 28000, 8000, "tcp"}}),
    service("pgadmin", "pdd-forge/pgadmin4:8", {{"127.0.0.1", 28050, 80, "tcp"}}),
};

QString cell(const ContainerListModel &m, int row, int column)
{
    return m.data(m.index(row, column), Qt::DisplayRole).toString();
}

// "service:state" per row, the shape most cases assert.
QStringList rows(const ContainerListModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << cell(m, r, ContainerListModel::ServiceColumn) + QLatin1Char(':')
                + cell(m, r, ContainerListModel::StateColumn);
    return out;
}

} // namespace

class TestContainerListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void merge_data()
    {
        QTest::addColumn<QVector<ContainerInfo>>("containers");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<bool>("allRunning");
        QTest::newRow("nothing created") << QVector<ContainerInfo>{}
                                         << QStringList{"db:not created", "web:not created", "pgadmin:not created"}
                                         << false;
        QTest::newRow("partly up") << QVector<ContainerInfo>{container("a", "s-dev", "db", "running", "healthy")}
                                   << QStringList{"db:running", "web:not created", "pgadmin:not created"} << false;
        QTest::newRow("all up and healthy")
            << QVector<ContainerInfo>{container("a", "s-dev", "db", "running", "healthy"),
                                      container("b", "s-dev", "web", "running", "healthy"),
                                      container("c", "s-dev", "pgadmin", "running")}
            << QStringList{"db:running", "web:running", "pgadmin:running"} << true;
        QTest::newRow("still starting is not up")
            << QVector<ContainerInfo>{container("a", "s-dev", "db", "running", "healthy"),
                                      container("b", "s-dev", "web", "running", "starting"),
                                      container("c", "s-dev", "pgadmin", "running")}
            << QStringList{"db:running", "web:running", "pgadmin:running"} << false;
        QTest::newRow("other mode and other stacks are filtered out")
            << QVector<ContainerInfo>{container("a", "s-prod", "db", "running"),
                                      container("b", "other-dev", "web", "running"),
                                      container("c", "s-dev", "web", "exited")}
            << QStringList{"db:not created", "web:exited", "pgadmin:not created"} << false;
        QTest::newRow("undeclared container of the project is appended")
            << QVector<ContainerInfo>{container("a", "s-dev", "legacy", "running")}
            << QStringList{"db:not created", "web:not created", "pgadmin:not created",
                           "legacy (not in compose file):running"}
            << false;
        QTest::newRow("scaled service gets a row per container")
            << QVector<ContainerInfo>{container("w2", "s-dev", "web", "running"),
                                      container("w1", "s-dev", "web", "exited")}
            << QStringList{"db:not created", "web:exited", "web:running", "pgadmin:not created"} << false;
    }
    void merge()
    {
        QFETCH(QVector<ContainerInfo>, containers);
        QFETCH(QStringList, expected);
        QFETCH(bool, allRunning);
        ContainerListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        m.setProject(QStringLiteral("s-dev"), kDev);
        if (containers.size() > 1 && containers.at(1).id == QLatin1String("w1")) {
            // names decide the order of a scaled service's rows
            containers[0].name = QStringLiteral("s-dev_web_2");
            containers[1].name = QStringLiteral("s-dev_web_1");
        }
        m.setContainers(containers);
        QCOMPARE(rows(m), expected);
        QCOMPARE(m.allServicesRunning(), allRunning);
    }

    void liveUpdatesKeepRowsAndRemoveRestoresNotCreated()
    {
        ContainerListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        m.setProject(QStringLiteral("s-dev"), kDev);
        m.setContainers({container("a", "s-dev", "db", "running", "starting")});
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);

        // A state change of a known container changes cells, not the row set.
        m.updateContainer(container("a", "s-dev", "db", "running", "healthy"));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(cell(m, 0, ContainerListModel::HealthColumn), QStringLiteral("healthy"));

        m.updateContainer(container("b", "s-dev", "web", "created"));
        QCOMPARE(rows(m), (QStringList{"db:running", "web:created", "pgadmin:not created"}));
        QCOMPARE(m.containerIdAt(m.rowForService(QStringLiteral("web"))), QStringLiteral("b"));

        // Removed behind the app's back: the service is "not created" again.
        m.removeContainer(QStringLiteral("a"));
        QCOMPARE(rows(m), (QStringList{"db:not created", "web:created", "pgadmin:not created"}));
        QVERIFY(m.containerIdAt(0).isEmpty());

        // Containers of other projects are ignored.
        const int before = reset.count() + changed.count();
        m.updateContainer(container("z", "s-prod", "nginx", "running"));
        QCOMPARE(reset.count() + changed.count(), before);
    }

    // The engine gone: a container may be running, so no row may claim "not created".
    // Issue 10: containers appearing and going, and the mode switch, are inserts,
    // removals and changed cells, never a reset, so a view's selection survives by
    // itself (MainWindow::restoreSelection is gone).
    void selectionSurvivesContainersComingAndGoingAndTheModeSwitch()
    {
        ContainerListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QItemSelectionModel selection(&m);
        m.setProject(QStringLiteral("s-dev"), kDev);
        QSignalSpy resets(&m, &QAbstractItemModel::modelReset);
        selection.setCurrentIndex(m.index(m.rowForService(QStringLiteral("db")), 0),
                                  QItemSelectionModel::SelectCurrent);
        m.setContainers(
            {container("a", "s-dev", "db", "running", "healthy"), container("b", "s-dev", "web", "running")});
        m.updateContainer(container("c", "s-dev", "web", "running")); // a second web container: a row inserted
        QCOMPARE(rows(m), (QStringList{"db:running", "web:running", "web:running", "pgadmin:not created"}));
        m.removeContainer(QStringLiteral("a"));
        QCOMPARE(selection.currentIndex().data(ContainerListModel::ServiceRole).toString(), QStringLiteral("db"));
        QCOMPARE(rows(m).first(), QStringLiteral("db:not created"));
        const QVector<ComposeService> prod = {kDev.at(0), kDev.at(1), service("nginx", "nginx:1.27", {})};
        m.setProject(QStringLiteral("s-prod"), prod);
        QCOMPARE(rows(m), (QStringList{"db:not created", "web:not created", "nginx:not created"}));
        QCOMPARE(selection.currentIndex().data(ContainerListModel::ServiceRole).toString(), QStringLiteral("db"));
        QCOMPARE(resets.count(), 0);
    }

    void unknownWhileTheEngineDoesNotAnswer()
    {
        ContainerListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        m.setProject(QStringLiteral("s-dev"), kDev);
        m.setContainers({container("a", "s-dev", "db", "running", "healthy")});
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.setStateKnown(false);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(rows(m), (QStringList{"db:unknown", "web:unknown", "pgadmin:unknown"}));
        QCOMPARE(cell(m, 0, ContainerListModel::HealthColumn), QStringLiteral("—"));
        QCOMPARE(m.data(m.index(1, 0), ContainerListModel::StateRole).value<ContainerState>(), ContainerState::Unknown);
        QVERIFY(m.data(m.index(1, 0), Qt::ToolTipRole).toString().contains(QStringLiteral("does not answer")));
        m.setStateKnown(false);
        QCOMPARE(changed.count(), 1);
        m.setStateKnown(true);
        QCOMPARE(rows(m), (QStringList{"db:running", "web:not created", "pgadmin:not created"}));
    }

    // Issue 9.8: a copy of the stack without .env (same STACK_NAME) showed another
    // folder's running containers as its own, with Up/Down acting on them.
    void containersOfAnotherFolderAreMarked()
    {
        QTemporaryDir here, there;
        ContainerListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        m.setProject(QStringLiteral("s-dev"), kDev, here.path());
        ContainerInfo ours = container("a", "s-dev", "db", "running");
        ours.workingDir = here.path() + QStringLiteral("/."); // the same folder, spelled otherwise
        ContainerInfo theirs = container("b", "s-dev", "web", "running");
        theirs.workingDir = there.path();
        m.setContainers({ours});
        QVERIFY(m.otherFolder().isEmpty());
        QVERIFY(!m.isFromOtherFolder(0));
        m.updateContainer(theirs);
        QCOMPARE(m.otherFolder(), there.path());
        const int web = m.rowForService(QStringLiteral("web"));
        QVERIFY(m.isFromOtherFolder(web));
        QCOMPARE(cell(m, web, ContainerListModel::ServiceColumn), QStringLiteral("web (another folder's)"));
        QVERIFY(m.data(m.index(web, 0), Qt::ToolTipRole).toString().contains(there.path()));
        // Without a known folder (or an older container without the label) nothing is claimed.
        theirs.workingDir.clear();
        m.updateContainer(theirs);
        QVERIFY(m.otherFolder().isEmpty());
        m.setProject(QStringLiteral("s-dev"), kDev);
        theirs.workingDir = there.path();
        m.updateContainer(theirs);
        QVERIFY(m.otherFolder().isEmpty());
    }

    void switchingModeDropsTheOldProjectsContainers()
    {
        ContainerListModel m;
        m.setProject(QStringLiteral("s-dev"), kDev);
        m.setContainers({container("a", "s-dev", "db", "running")});
        m.setProject(QStringLiteral("s-prod"), {service("db", "pg"), service("nginx", "ngx")});
        QCOMPARE(rows(m), (QStringList{"db:not created", "nginx:not created"}));
        m.setContainers({container("a", "s-dev", "db", "running"), container("n", "s-prod", "nginx", "running")});
        QCOMPARE(rows(m), (QStringList{"db:not created", "nginx:running"}));
    }

    void cells_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("expected");
        QTest::newRow("running image from engine") << "running" << int(ContainerListModel::ImageColumn) << "img/db";
        QTest::newRow("not created image from compose")
            << "" << int(ContainerListModel::ImageColumn) << "pdd-forge/postgres:15";
        QTest::newRow("running ports from engine")
            << "running" << int(ContainerListModel::PortsColumn) << "127.0.0.1:28432→5432, 9000→9000/udp";
        QTest::newRow("not created ports from compose")
            << "" << int(ContainerListModel::PortsColumn) << "127.0.0.1:28432→5432";
        QTest::newRow("exited ports from compose")
            << "exited" << int(ContainerListModel::PortsColumn) << "127.0.0.1:28432→5432";
        QTest::newRow("running uptime") << "running" << int(ContainerListModel::UptimeColumn) << "1 h 5 min";
        QTest::newRow("exited uptime") << "exited" << int(ContainerListModel::UptimeColumn) << "—";
        QTest::newRow("no healthcheck") << "running" << int(ContainerListModel::HealthColumn) << "—";
    }
    void cells()
    {
        QFETCH(QString, state);
        QFETCH(int, column);
        QFETCH(QString, expected);
        ContainerListModel m;
        m.setClock([] { return QDateTime(QDate(2026, 11, 24), QTime(11, 5, 30), Qt::UTC); });
        m.setProject(QStringLiteral("s-dev"), kDev);
        if (!state.isEmpty()) {
            ContainerInfo c = container("a", "s-dev", "db", state);
            // IPv4 and IPv6 bindings of one port show once; unpublished ports not at all.
            // The daemon's own order (here 9000 first) is not the reading order: by container port.
            c.ports = {{"0.0.0.0", 9000, 9000, "udp"},
                       {"127.0.0.1", 28432, 5432, "tcp"},
                       {"::", 9000, 9000, "udp"},
                       {"", 0, 8080, "tcp"}};
            m.setContainers({c});
        }
        QCOMPARE(cell(m, 0, column), expected);
    }

    void uptimeFormat_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds") << qint64(42) << "42 s";
        QTest::newRow("minutes") << qint64(125) << "2 min";
        QTest::newRow("hours") << qint64(3 * 3600 + 59 * 60 + 59) << "3 h 59 min";
        QTest::newRow("days") << qint64(2 * 86400 + 5 * 3600) << "2 d 5 h";
    }
    void uptimeFormat()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(ContainerListModel::formatUptime(seconds), text);
    }

    void volumes()
    {
        VolumeListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        // pgadmin's volume exists only in dev, so prod must not list it as "not created".
        m.setStack(QStringLiteral("s"),
                   {{QStringLiteral("dev"), {QStringLiteral("pgdata"), QStringLiteral("pgadmin")}},
                    {QStringLiteral("prod"), {QStringLiteral("pgdata")}}});
        VolumeInfo dev;
        dev.name = QStringLiteral("s-dev_pgdata");
        dev.project = QStringLiteral("s-dev");
        dev.sizeBytes = 48 * 1024 * 1024;
        dev.usedBy = QStringList{"s-dev_db_1"};
        VolumeInfo foreign;
        foreign.name = QStringLiteral("other-dev_pgdata");
        foreign.project = QStringLiteral("other-dev");
        VolumeInfo unsized;
        unsized.name = QStringLiteral("s-dev_cache");
        unsized.project = QStringLiteral("s-dev");
        m.setVolumes({dev, foreign, unsized});

        QStringList got;
        for (int r = 0; r < m.rowCount(); ++r) {
            QStringList cols;
            for (int c = 0; c < m.columnCount(); ++c)
                cols << m.data(m.index(r, c), Qt::DisplayRole).toString();
            got << cols.join(QLatin1Char('|'));
        }
        QCOMPARE(got,
                 (QStringList{"s-dev_cache|dev|…|—", "s-dev_pgadmin|dev|not created|—",
                              "s-dev_pgdata|dev|48.0 MB|s-dev_db_1", "s-prod_pgdata|prod|not created|—"}));
    }
};

QTEST_GUILESS_MAIN(TestContainerListModel)
#include "tst_containerlistmodel.moc"
