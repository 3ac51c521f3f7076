#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

// What the suites that talk to the real Docker daemon share.
namespace live {
inline bool inCi()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

// Runs docker with args; returns trimmed stdout, or a null string on failure
// (err gets its stderr).
inline QString docker(const QStringList &args, QString *err = nullptr, int timeoutMs = 60000)
{
    QProcess p;
    p.start(QStringLiteral("docker"), args);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (err)
            *err = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
        return {};
    }
    const QString out = QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
    return out.isNull() ? QStringLiteral("") : out;
}
} // namespace live
