#pragma once

#include <QString>

// Which Engine API version to speak, decided once per connection from the
// Api-Version header of /_ping: the lower of the server's and ours, refused
// below the oldest version whose JSON shapes we rely on.
struct ApiVersion
{
    int major = 0;
    int minor = 0;

    static constexpr int kMinMinor = 41; // Docker 20.10: health in /containers/json, df volumes
    static constexpr int kMaxMinor = 43; // newest we have tested against

    bool isValid() const { return major > 0; }
    QString toString() const { return QStringLiteral("%1.%2").arg(major).arg(minor); }
    QString pathPrefix() const { return QStringLiteral("/v") + toString(); }
    bool operator<(const ApiVersion &o) const { return major != o.major ? major < o.major : minor < o.minor; }

    static ApiVersion parse(const QString &text); // "1.41" → {1,41}; invalid on anything else
};

struct ApiNegotiation
{
    ApiVersion version;
    QString error; // human sentence when refused
    bool ok() const { return error.isEmpty(); }

    static ApiNegotiation fromPingHeader(const QString &serverHeader);
};
