#pragma once

#include "ComposeTypes.h"

// Compose's rules for `-f base.yml -f overlay.yml`, for the fields the app
// reads. The stack keeps what both modes share in docker-compose.yml and the
// differences in docker-compose.<mode>.yml, so the app must combine them the
// way `docker compose` does or it would show ports and mounts that never exist.
namespace ComposeMerge {

// `overlay` is the same service declared in a later file: the image, build and
// profiles it gives replace base's; its ports are appended (an identical
// mapping only once); its mounts replace base's mount on the same container
// path and are appended otherwise. Name and declaration position stay base's.
ComposeService mergeService(ComposeService base, const ComposeService &overlay);

// Every service of `overlay` merged into base's service of that name; services
// only the overlay declares are appended in its order.
QVector<ComposeService> mergeServices(QVector<ComposeService> base, const QVector<ComposeService> &overlay);

// Top-level names (volumes) of both files, base's order first, each once.
QStringList unite(QStringList base, const QStringList &overlay);

} // namespace ComposeMerge
