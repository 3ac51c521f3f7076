#pragma once

#include "engine/EngineTypes.h"

#include <QJsonArray>
#include <QJsonObject>

// Maps the Engine's JSON shapes onto our value types. Pure functions, so the
// JSON quirks (leading "/" in names, null port lists, zero dates meaning
// "never") are pinned down by unit tests instead of by the UI.
namespace EngineJson {

// GET /containers/{id}/json
ContainerInfo containerFromInspect(const QJsonObject &o);
// One element of GET /containers/json?all=1 (no StartedAt; health only inside Status)
ContainerInfo containerFromList(const QJsonObject &o);
// Whether the inspected container was created with a TTY (raw log stream)
bool inspectHasTty(const QJsonObject &o);

// GET /volumes
QVector<VolumeInfo> volumesFromList(const QJsonObject &o);
// GET /system/df: name → size in bytes (-1 when the daemon did not compute it)
QHash<QString, qint64> volumeSizesFromDf(const QJsonObject &o);

// An image reference as the user wrote it: Podman reports short names fully
// qualified ("docker.io/library/postgres:16", "localhost/shop-web:dev" for a
// local build), Docker as given; both read "postgres:16", "shop-web:dev".
QString displayImage(const QString &reference);

// The grace period to ask for when stopping or restarting: the container's own
// StopTimeout when it has one, else Docker's default of 10 s (Podman's
// compatible API otherwise stops a container made without one at once, with SIGKILL).
int stopGraceSeconds(const ContainerInfo &c);

// Container event actions that change nothing a view shows (attach, resize,
// top, copies); health checks alone fire exec_* every few seconds per container.
bool isIrrelevantContainerAction(const QString &action);

// One /events message
EngineEvent eventFromJson(const QJsonObject &o);

} // namespace EngineJson
