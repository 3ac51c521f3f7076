#pragma once

// The one place the libpqxx major version shows: every work runs on the
// connection's base class, pqxx::connection_base in libpqxx 6 (Debian 12), or
// pqxx::connection in libpqxx 7 (Ubuntu 24.04, Debian 13), which has no base.
#include <pqxx/version>

#if PQXX_VERSION_MAJOR >= 7
namespace pqxx {
class connection;
}
namespace db {
using PqConnection = pqxx::connection;
}
#else
namespace pqxx {
class connection_base;
}
namespace db {
using PqConnection = pqxx::connection_base;
}
#endif
