#include "ProjectLocator.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

bool ProjectLocator::isStackDir(const QString &dir)
{
    return !dir.isEmpty() && QFileInfo::exists(QDir(dir).filePath(QStringLiteral("docker-compose.yml")))
        && QFileInfo::exists(QDir(dir).filePath(QStringLiteral("run")));
}

QString ProjectLocator::locate(const QString &remembered, const QString &workingDir, const QString &binaryDir)
{
    if (isStackDir(remembered))
        return QDir(remembered).absolutePath();
    QDir d(workingDir);
    while (true) {
        if (isStackDir(d.filePath(QStringLiteral("compose"))))
            return QDir(d.filePath(QStringLiteral("compose"))).absolutePath();
        if (!d.cdUp())
            break;
    }
    for (const QString &rel : {QStringLiteral("compose"), QStringLiteral("../share/postdodjango/compose")}) {
        const QString candidate = QDir(binaryDir).filePath(rel);
        if (isStackDir(candidate))
            return QDir(candidate).absolutePath();
    }
    return {};
}

QStringList ProjectLocator::recent()
{
    QStringList dirs;
    const QStringList stored = QSettings().value(QStringLiteral("recentStacks")).toStringList();
    for (const QString &d : stored) {
        if (isStackDir(d) && !dirs.contains(d))
            dirs << d;
    }
    return dirs.mid(0, kRecent);
}

void ProjectLocator::remember(const QString &dir)
{
    QStringList dirs = recent();
    const QString absolute = QDir(dir).absolutePath();
    dirs.removeAll(absolute);
    dirs.prepend(absolute);
    QSettings().setValue(QStringLiteral("recentStacks"), dirs.mid(0, kRecent));
}
