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

// One /events message
EngineEvent eventFromJson(const QJsonObject &o);

} // namespace EngineJson
