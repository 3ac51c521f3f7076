#pragma once

#include <QLoggingCategory>

// Diagnostics of the db area: off below warnings unless QT_LOGGING_RULES or
// --verbose turns them on. Never a secret: no password, auth header or .env value.
Q_DECLARE_LOGGING_CATEGORY(lcDb)
