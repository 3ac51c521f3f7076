#pragma once

#include <QString>

// Finds the stack folder when --project is not given: the remembered one if it
// still holds a stack, else a `compose/` folder upward from the working
// directory (running from a checkout), else one next to the binary or in
// ../share/postdodjango (an installed package).
class ProjectLocator
{
public:
    static bool isStackDir(const QString &dir);
    static QString locate(const QString &remembered, const QString &workingDir, const QString &binaryDir);

    // File > Open recent: the stack folders opened last, newest first, each
    // still a stack (QSettings "recentStacks", at most kRecent).
    static constexpr int kRecent = 8;
    static QStringList recent();
    static void remember(const QString &dir);
};
