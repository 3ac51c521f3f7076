#pragma once

#include <QLoggingCategory>

// Diagnostics of the image area (build, push, credentials): off below warnings
// unless QT_LOGGING_RULES or --verbose turns them on. Never a secret: no
// password, token or X-Registry-Auth header.
Q_DECLARE_LOGGING_CATEGORY(lcImage)
