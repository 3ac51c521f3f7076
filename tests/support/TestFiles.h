#pragma once

// What the suites that build a stack folder or a window share: writing a file
// (its folder made first), and settings of their own so the user's are never
// read or touched (QSettings under a temporary XDG_CONFIG_HOME).
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

namespace pddtest {

// Use as QVERIFY(pddtest::writeFile(path, content)).
inline bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

// The app's QSettings in `config` for the rest of the process.
inline void isolateSettings(const QTemporaryDir &config)
{
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("PostDoDjangoTest"));
}

} // namespace pddtest
