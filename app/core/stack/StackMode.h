#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// The stack's two modes as a value. Its key ("dev", "prod") is what the stack
// itself uses: the overlay docker-compose.<key>.yml, the Compose profile, the
// project name <STACK_NAME>-<key>, compose/run's -5 argument and the saved
// setting; it is made in one place (key()) and read back in one (parse()).
enum class StackMode { Dev, Prod };

namespace StackModes {
inline QList<StackMode> all()
{
    return {StackMode::Dev, StackMode::Prod};
}
inline QString key(StackMode mode)
{
    return mode == StackMode::Prod ? QStringLiteral("prod") : QStringLiteral("dev");
}
inline std::optional<StackMode> parse(const QString &key)
{
    if (key == QLatin1String("dev"))
        return StackMode::Dev;
    if (key == QLatin1String("prod"))
        return StackMode::Prod;
    return std::nullopt;
}
} // namespace StackModes

Q_DECLARE_METATYPE(StackMode)
