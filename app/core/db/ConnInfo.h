#pragma once

#include "db/ConnectionSettings.h"

#include <functional>
#include <string>
#include <vector>

namespace db {

// libpq conninfo for the settings: every value single-quoted with \ and ' escaped,
// so spaces, quotes and '=' in passwords or names survive.
std::string toConnInfo(const ConnectionSettings &settings);

// One conninfo value, quoted the way libpq's parser expects.
std::string quoteConnInfoValue(const QString &value);

// What every connection of ours runs once connected: read-only sessions stay
// read-only, and timestamptz shows in the user's own zone (as pgAdmin does).
// quoteLiteral quotes a value with the connection's own escaping. The time
// zone statement may fail (an unknown zone name): callers ignore that one.
struct SessionSetup
{
    std::string readOnly; // empty unless settings.readOnly
    std::string timeZone; // empty when the system zone is unknown
};
SessionSetup sessionSetup(const ConnectionSettings &settings,
                          const std::function<std::string(const std::string &)> &quoteLiteral);

// "user@host:port/database" plus " (read-only)": safe to show and to log.
QString describe(const ConnectionSettings &settings);

} // namespace db
