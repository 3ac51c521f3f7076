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
};
