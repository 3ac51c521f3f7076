#pragma once

#include <QLoggingCategory>

// Diagnostics of the backup area (the folder scans, the run -8 jobs): off below
// warnings unless QT_LOGGING_RULES or --verbose turns them on. Never a secret:
// the script's arguments hold paths and the stack name only.
Q_DECLARE_LOGGING_CATEGORY(lcBackup)
