#pragma once

#include <QString>

#include <functional>
#include <optional>

// Compose's variable substitution: $VAR, ${VAR}, ${VAR:-default} (unset or
// empty), ${VAR-default} (unset only), ${VAR:?message} / ${VAR?message}
// (required), ${VAR:+alt} / ${VAR+alt}, and $$ for a literal dollar. Defaults
// may themselves contain variables.
class Interpolation
{
public:
    using Lookup = std::function<std::optional<QString>(const QString &name)>;

    struct Result
    {
        QString value;
        QString error; // empty on success
        bool ok() const { return error.isEmpty(); }
    };

    static Result apply(const QString &text, const Lookup &lookup);

private:
    static bool expandBraced(const QString &body, const Lookup &lookup, QString *out, QString *error);
};
