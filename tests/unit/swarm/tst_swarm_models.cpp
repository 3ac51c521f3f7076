#include "swarm/SwarmJson.h"
#include "swarm/SwarmModels.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

// The Engine's Swarm JSON (shapes as API 1.41 sends them on a single-node
// swarm, trimmed to the fields read) and the Swarm view's models.
namespace {

QJsonArray array(const char *json)
{
    return QJsonDocument::fromJson(json).array();
}

const char kServices[] = R"([
 {"ID":"svcweb","Spec":{"Name":"shop-swarm_web","Labels":{"com.docker.stack.namespace":"shop-swarm"},
   "TaskTemplate":{"ContainerSpec":{"Image":"127.0.0.1:5000/shop-web:v2@sha256:abc"},"ForceUpdate":0},
   "Mode":{"Replicated":{"Replicas":3}}},
  "UpdateStatus":{"State":"updating","StartedAt":"2026-12-02T10:00:00.5Z","Message":"update in progress"},
  "ServiceStatus":{"RunningTasks":3,"DesiredTasks":3}},
 {"ID":"svcdb","Spec":{"Name":"shop-swarm_db","Labels":{"com.docker.stack.namespace":"shop-swarm"},
   "TaskTemplate":{"ContainerSpec":{"Image":"postgres:16"}},"Mode":{"Replicated":{"Replicas":1}}},
  "ServiceStatus":{"RunningTasks":1,"DesiredTasks":1}},
 {"ID":"svcother","Spec":{"Name":"other_web","Labels":{"com.docker.stack.namespace":"other"},
   "TaskTemplate":{"ContainerSpec":{"Image":"nginx"}},"Mode":{"Global":{}}},
  "ServiceStatus":{"RunningTasks":1,"DesiredTasks":1}}
])";

const char kTasks[] = R"([
 {"ID":"t1new","ServiceID":"svcweb","NodeID":"node1","Slot":1,"DesiredState":"running",
  "Spec":{"ContainerSpec":{"Image":"127.0.0.1:5000/shop-web:v2@sha256:abc"}},
  "Status":{"Timestamp":"2026-12-02T10:00:30Z","State":"running","Message":"started",
            "ContainerStatus":{"ContainerID":"c1"}}},
 {"ID":"t1old","ServiceID":"svcweb","NodeID":"node1","Slot":1,"DesiredState":"shutdown",
  "Spec":{"ContainerSpec":{"Image":"127.0.0.1:5000/shop-web:v1@sha256:def"}},
  "Status":{"Timestamp":"2026-12-02T10:00:31Z","State":"shutdown","Message":"shutdown"}},
 {"ID":"t2","ServiceID":"svcweb","NodeID":"node1","Slot":2,"DesiredState":"running",
  "Spec":{"ContainerSpec":{"Image":"127.0.0.1:5000/shop-web:v1@sha256:def"}},
  "Status":{"Timestamp":"2026-12-02T09:00:00Z","State":"running","Message":"started"}},
 {"ID":"t3","ServiceID":"svcweb","NodeID":"","Slot":3,"DesiredState":"running",
  "Spec":{"ContainerSpec":{"Image":"127.0.0.1:5000/shop-web:v2"}},
  "Status":{"Timestamp":"2026-12-02T10:00:40Z","State":"rejected","Message":"preparing",
            "Err":"No such image: 127.0.0.1:5000/shop-web:v2"}},
 {"ID":"tdb","ServiceID":"svcdb","NodeID":"node1","Slot":1,"DesiredState":"running",
  "Spec":{"ContainerSpec":{"Image":"postgres:16"}},"Status":{"State":"running","Timestamp":"0001-01-01T00:00:00Z"}},
 {"ID":"tother","ServiceID":"svcother","NodeID":"node1","Slot":0,"DesiredState":"running",
  "Spec":{"ContainerSpec":{"Image":"nginx"}},"Status":{"State":"running"}}
])";

const char kNodes[] = R"([
 {"ID":"node1","Description":{"Hostname":"caixa"},"Spec":{"Role":"manager","Availability":"active"},
  "Status":{"State":"ready","Addr":"127.0.0.1"},"ManagerStatus":{"Leader":true,"Reachability":"reachable"}}
])";

SwarmSnapshot snapshot()
{
    SwarmSnapshot s;
    s.swarm =
        SwarmJson::stateFromInfo(QJsonDocument::fromJson(
                                     R"({"Swarm":{"NodeID":"node1","NodeAddr":"127.0.0.1","LocalNodeState":"active",
                                               "ControlAvailable":true,"Error":"","Nodes":1,"Managers":1}})")
                                     .object());
    s.services = SwarmJson::servicesFromList(array(kServices));
    s.tasks = SwarmJson::tasksFromList(array(kTasks));
    s.nodes = SwarmJson::nodesFromList(array(kNodes));
    return s;
}

} // namespace

class TestSwarmModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void infoSaysWhetherThisIsAManager()
    {
        const SwarmSnapshot s = snapshot();
        QVERIFY(s.swarm.isManager());
        QCOMPARE(s.swarm.nodes, 1);
        QCOMPARE(s.swarm.nodeAddr, QStringLiteral("127.0.0.1"));

        const auto state = [](const char *json) {
            return SwarmJson::stateFromInfo(QJsonDocument::fromJson(json).object());
        };
        const SwarmState plain =
            state(R"({"Swarm":{"NodeID":"","LocalNodeState":"inactive","ControlAvailable":false}})");
        QVERIFY(!plain.isActive());
        QVERIFY(!plain.isManager());
        const SwarmState worker =
            state(R"({"Swarm":{"NodeID":"n2","LocalNodeState":"active","ControlAvailable":false}})");
        QVERIFY(worker.isActive());
        QVERIFY(!worker.isManager()); // a worker cannot list services
        const SwarmState locked = state(R"({"Swarm":{"LocalNodeState":"locked","ControlAvailable":true}})");
        QVERIFY(!locked.isManager());
        // An engine with no Swarm section at all (Podman): not a manager, and no crash.
        const SwarmState none = state(R"({"ServerVersion":"4.3.1"})");
        QVERIFY(none.localNodeState.isEmpty());
        QVERIFY(!none.isManager());
    }

    void servicesTasksAndNodesFromJson()
    {
        const SwarmSnapshot s = snapshot();
        QCOMPARE(s.services.size(), 3);
        const SwarmService &web = s.services.at(2); // sorted by name: other_web, shop-swarm_db, shop-swarm_web
        QCOMPARE(web.name, QStringLiteral("shop-swarm_web"));
        QCOMPARE(web.stack, QStringLiteral("shop-swarm"));
        QCOMPARE(web.image, QStringLiteral("127.0.0.1:5000/shop-web:v2")); // digest cut off
        QCOMPARE(web.desired, 3);
        QCOMPARE(web.running, 3);
        QVERIFY(web.isUpdating());
        QCOMPARE(web.updateStartedAt, QDateTime(QDate(2026, 12, 2), QTime(10, 0, 0, 500), Qt::UTC));
        QVERIFY(s.services.at(0).global);
        QCOMPARE(s.services.at(0).desired, 1); // DesiredTasks for global services

        QCOMPARE(s.tasks.size(), 6);
        const auto t3 = std::find_if(s.tasks.begin(), s.tasks.end(), [](const SwarmTask &t) { return t.id == "t3"; });
        QVERIFY(t3 != s.tasks.end());
        QCOMPARE(t3->state, QStringLiteral("rejected"));
        QCOMPARE(t3->error, QStringLiteral("No such image: 127.0.0.1:5000/shop-web:v2"));
        const auto tdb = std::find_if(s.tasks.begin(), s.tasks.end(), [](const SwarmTask &t) { return t.id == "tdb"; });
        QVERIFY(!tdb->timestamp.isValid()); // the zero date means never

        QCOMPARE(s.nodes.size(), 1);
        QCOMPARE(s.nodes.at(0).hostname, QStringLiteral("caixa"));
        QVERIFY(s.nodes.at(0).leader);
        QCOMPARE(s.nodes.at(0).role, QStringLiteral("manager"));

        // Missing pieces read as "not known", never as garbage.
        const QVector<SwarmService> bare = SwarmJson::servicesFromList(array(R"([{"ID":"x","Spec":{"Name":"x"}}])"));
        QCOMPARE(bare.at(0).running, -1);
        QCOMPARE(bare.at(0).desired, 0);
        QVERIFY(SwarmJson::tasksFromList(array("[]")).isEmpty());
    }

    void serviceModelShowsOneStackWithUpdateProgress()
    {
        SwarmServiceModel m;
        m.setStack(QStringLiteral("shop-swarm"));
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        m.setSnapshot(snapshot());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m.rowCount(), 2); // other's service is not this stack's
        const int web = m.rowOf(QStringLiteral("web"));
        QVERIFY(web >= 0);
        QCOMPARE(m.index(web, SwarmServiceModel::NameColumn).data().toString(), QStringLiteral("web"));
        QCOMPARE(m.index(web, SwarmServiceModel::ReplicasColumn).data().toString(), QStringLiteral("3/3"));
        QCOMPARE(m.index(web, 0).data(SwarmServiceModel::ShortNameRole).toString(), QStringLiteral("web"));
        // t1new runs v2; t2 still runs v1; t3 was rejected: one of three on the new spec.
        QCOMPARE(m.index(web, 0).data(SwarmServiceModel::UpdateProgressRole).toDouble(), 1.0 / 3);
        QCOMPARE(m.index(web, SwarmServiceModel::UpdateColumn).data().toString(),
                 QStringLiteral("updating: 1 of 3 on the new spec"));
        QCOMPARE(m.index(web, SwarmServiceModel::UpdateColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("update in progress"));

        // A refresh with the same services changes data, not rows (selections survive).
        SwarmSnapshot s = snapshot();
        s.services[2].running = 2;
        s.services[2].updateState = QStringLiteral("completed");
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.setSnapshot(s);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m.index(web, SwarmServiceModel::ReplicasColumn).data().toString(), QStringLiteral("2/3"));
        QVERIFY(
            m.index(web, SwarmServiceModel::ReplicasColumn).data(Qt::ForegroundRole).isValid()); // short of replicas
        QCOMPARE(m.index(web, SwarmServiceModel::UpdateColumn).data().toString(), QStringLiteral("updated"));

        // A removed service is a new row set.
        s.services.removeAt(2);
        m.setSnapshot(s);
        QCOMPARE(reset.count(), 2);
        QCOMPARE(m.rowOf(QStringLiteral("web")), -1);
        QCOMPARE(SwarmServiceModel::updateStateName(QStringLiteral("rollback_completed")),
                 QStringLiteral("rolled back"));
    }

    void updateProgressCountsTheCurrentSpecOnly()
    {
        const SwarmSnapshot s = snapshot();
        SwarmService web = s.services.at(2);
        QCOMPARE(swarmUpdateProgress(web, s.tasks).current, 1);
        web.forceUpdate = 1; // `docker service update --force`: same image, new spec
        QCOMPARE(swarmUpdateProgress(web, s.tasks).current, 0);
        web.desired = 0;
        QCOMPARE(swarmUpdateProgress(web, s.tasks).fraction(), 1.0); // scaled to zero: nothing to wait for
    }

    void taskModelNamesTasksAndNodesInServiceOrder()
    {
        SwarmTaskModel m;
        m.setStack(QStringLiteral("shop-swarm"));
        m.setSnapshot(snapshot());
        QCOMPARE(m.rowCount(), 5); // other's task left out
        QStringList names, nodes, states;
        for (int r = 0; r < m.rowCount(); ++r) {
            names << m.index(r, SwarmTaskModel::TaskColumn).data().toString();
            nodes << m.index(r, SwarmTaskModel::NodeColumn).data().toString();
            states << m.index(r, SwarmTaskModel::StateColumn).data().toString();
        }
        // db first, then web by slot; within a slot the task meant to run before the old one.
        QCOMPARE(names, QStringList({"db.1", "web.1", "web.1", "web.2", "web.3"}));
        QCOMPARE(nodes, QStringList({"caixa", "caixa", "caixa", "caixa", ""})); // a rejected task has no node
        QCOMPARE(states, QStringList({"running", "running", "shut down", "running", "rejected"}));
        QCOMPARE(m.index(1, 0).data(SwarmTaskModel::CurrentRole).toBool(), true);
        QCOMPARE(m.index(2, 0).data(SwarmTaskModel::CurrentRole).toBool(), false);
        QCOMPARE(m.index(4, SwarmTaskModel::ErrorColumn).data().toString(),
                 QStringLiteral("No such image: 127.0.0.1:5000/shop-web:v2"));
        QVERIFY(m.index(4, SwarmTaskModel::StateColumn).data(Qt::ForegroundRole).isValid()); // failed ones stand out
        QCOMPARE(m.index(3, SwarmTaskModel::ImageColumn).data().toString(),
                 QStringLiteral("127.0.0.1:5000/shop-web:v1"));

        // Every stack when none is set.
        m.setStack(QString());
        QCOMPARE(m.rowCount(), 6);
    }
};

QTEST_GUILESS_MAIN(TestSwarmModels)
#include "tst_swarm_models.moc"
