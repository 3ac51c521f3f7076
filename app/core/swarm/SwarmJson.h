#pragma once

#include "swarm/SwarmTypes.h"

#include <QJsonArray>
#include <QJsonObject>

// The Engine's Swarm JSON onto SwarmTypes. Pure functions, pinned down by
// tests/unit/swarm with answers recorded from a real single-node swarm.
namespace SwarmJson {

// GET /info: its "Swarm" object (an engine outside any swarm says "inactive").
SwarmState stateFromInfo(const QJsonObject &info);
// GET /services?status=true
QVector<SwarmService> servicesFromList(const QJsonArray &a);
// GET /tasks
QVector<SwarmTask> tasksFromList(const QJsonArray &a);
// GET /nodes
QVector<SwarmNode> nodesFromList(const QJsonArray &a);

// "registry:5000/web:v2@sha256:…" → "registry:5000/web:v2": Swarm pins the
// digest it resolved, the user knows the tag.
QString withoutDigest(const QString &image);

} // namespace SwarmJson
