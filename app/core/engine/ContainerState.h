#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

// A container's state, health and the actions on it, as values. The engine's
// strings are parsed once, at the edge (EngineJson); everything after compares
// enums, and the names users read come from one place, translated.

enum class ContainerState {
    Unknown,    // the engine said something this code does not know
    NotCreated, // a compose service without a container (never from the engine)
    Created,
    Running,
    Paused,
    Restarting,
    Removing,
    Exited,
    Dead,
};

enum class ContainerHealth {
    None, // no healthcheck
    Starting,
    Healthy,
    Unhealthy,
};

enum class ContainerAction { Start, Stop, Restart };

namespace ContainerStates {
ContainerState parse(const QString &engineState);
// The engine's word ("running"): for logs and tests, never shown.
QString apiName(ContainerState state);
// What the user reads ("running", "not created"), translated.
QString displayName(ContainerState state);
// Running or restarting: it has (or is about to have) a process, so logs are worth following.
bool isUp(ContainerState state);

ContainerHealth parseHealth(const QString &engineHealth); // "none" and "" are None
QString apiName(ContainerHealth health);
QString displayName(ContainerHealth health); // "—" for None

std::optional<ContainerAction> parseAction(const QString &name);
QString apiName(ContainerAction action);     // the path segment: start, stop, restart
QString displayName(ContainerAction action); // translated verb
} // namespace ContainerStates

Q_DECLARE_METATYPE(ContainerState)
Q_DECLARE_METATYPE(ContainerHealth)
