#include "engine/ContainerState.h"

#include <QCoreApplication>

namespace ContainerStates {

namespace {
struct StateName
{
    ContainerState state;
    const char *api;
};
constexpr StateName kStates[] = {
    {ContainerState::Created, "created"},   {ContainerState::Running, "running"},
    {ContainerState::Paused, "paused"},     {ContainerState::Restarting, "restarting"},
    {ContainerState::Removing, "removing"}, {ContainerState::Exited, "exited"},
    {ContainerState::Dead, "dead"},         {ContainerState::NotCreated, "not created"},
    {ContainerState::Unknown, "unknown"},
};
} // namespace

ContainerState parse(const QString &engineState)
{
    for (const StateName &n : kStates)
        if (n.state != ContainerState::NotCreated && engineState == QLatin1String(n.api))
            return n.state;
    return ContainerState::Unknown;
}

QString apiName(ContainerState state)
{
    for (const StateName &n : kStates)
        if (n.state == state)
            return QString::fromLatin1(n.api);
    return QStringLiteral("unknown");
}

QString displayName(ContainerState state)
{
    switch (state) {
    case ContainerState::Unknown: return QCoreApplication::translate("ContainerState", "unknown");
    case ContainerState::NotCreated: return QCoreApplication::translate("ContainerState", "not created");
    case ContainerState::Created: return QCoreApplication::translate("ContainerState", "created");
    case ContainerState::Running: return QCoreApplication::translate("ContainerState", "running");
    case ContainerState::Paused: return QCoreApplication::translate("ContainerState", "paused");
    case ContainerState::Restarting: return QCoreApplication::translate("ContainerState", "restarting");
    case ContainerState::Removing: return QCoreApplication::translate("ContainerState", "removing");
    case ContainerState::Exited: return QCoreApplication::translate("ContainerState", "exited");
    case ContainerState::Dead: return QCoreApplication::translate("ContainerState", "dead");
    }
    return {};
}

bool isUp(ContainerState state)
{
    return state == ContainerState::Running || state == ContainerState::Restarting;
}

ContainerHealth parseHealth(const QString &engineHealth)
{
    if (engineHealth == QLatin1String("healthy"))
        return ContainerHealth::Healthy;
    if (engineHealth == QLatin1String("unhealthy"))
        return ContainerHealth::Unhealthy;
    if (engineHealth == QLatin1String("starting"))
        return ContainerHealth::Starting;
    return ContainerHealth::None;
}

QString apiName(ContainerHealth health)
{
    switch (health) {
    case ContainerHealth::None: return QString();
    case ContainerHealth::Starting: return QStringLiteral("starting");
    case ContainerHealth::Healthy: return QStringLiteral("healthy");
    case ContainerHealth::Unhealthy: return QStringLiteral("unhealthy");
    }
    return {};
}

QString displayName(ContainerHealth health)
{
    switch (health) {
    case ContainerHealth::None: return QStringLiteral("—");
    case ContainerHealth::Starting: return QCoreApplication::translate("ContainerHealth", "starting");
    case ContainerHealth::Healthy: return QCoreApplication::translate("ContainerHealth", "healthy");
    case ContainerHealth::Unhealthy: return QCoreApplication::translate("ContainerHealth", "unhealthy");
    }
    return {};
}

std::optional<ContainerAction> parseAction(const QString &name)
{
    for (ContainerAction a : {ContainerAction::Start, ContainerAction::Stop, ContainerAction::Restart})
        if (name == apiName(a))
            return a;
    return std::nullopt;
}

QString apiName(ContainerAction action)
{
    switch (action) {
    case ContainerAction::Start: return QStringLiteral("start");
    case ContainerAction::Stop: return QStringLiteral("stop");
    case ContainerAction::Restart: return QStringLiteral("restart");
    }
    return {};
}

QString displayName(ContainerAction action)
{
    switch (action) {
    case ContainerAction::Start: return QCoreApplication::translate("ContainerAction", "Start");
    case ContainerAction::Stop: return QCoreApplication::translate("ContainerAction", "Stop");
    case ContainerAction::Restart: return QCoreApplication::translate("ContainerAction", "Restart");
    }
    return {};
}

} // namespace ContainerStates
