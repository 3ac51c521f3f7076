#pragma once

#include <QLoggingCategory>

// Diagnostics of the boot area: off below warnings unless QT_LOGGING_RULES or
// --verbose turns them on. Commands and exit codes only, never a unit's content.
Q_DECLARE_LOGGING_CATEGORY(lcBoot)
