#pragma once

#include <QMetaType>
#include <QString>

namespace db {

// Where and how to connect. A plain value: copied freely between threads.
// The password is only ever turned into a libpq conninfo (ConnInfo.h), never logged.
struct ConnectionSettings
{
    QString host = "127.0.0.1";
    int port = 5432;
    QString user, database, password;
    bool readOnly = false;
    QString label;
};

} // namespace db

Q_DECLARE_METATYPE(db::ConnectionSettings)
