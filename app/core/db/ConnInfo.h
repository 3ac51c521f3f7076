#pragma once

#include "db/ConnectionSettings.h"

#include <string>

namespace db {

// libpq conninfo for the settings: every value single-quoted with \ and ' escaped,
// so spaces, quotes and '=' in passwords or names survive.
std::string toConnInfo(const ConnectionSettings &settings);

// One conninfo value, quoted the way libpq's parser expects.
std::string quoteConnInfoValue(const QString &value);

// "user@host:port/database" plus " (read-only)": safe to show and to log.
QString describe(const ConnectionSettings &settings);

} // namespace db
