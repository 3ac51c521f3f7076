#pragma once

// Shared by the compose model suites (tst_composeproject, tst_composemerge):
// an EnvFile built from .env text, and services and ports as comparable text.
#include "compose/ComposeProject.h"

#include <QProcessEnvironment>
#include <QStringList>

namespace composetest {

inline EnvFile testEnv(const QString &dotEnv, const QProcessEnvironment &pe = QProcessEnvironment())
{
    EnvFile env = EnvFile::parse(dotEnv);
    env.setEnvironment(pe);
    return env;
}

inline QStringList names(const QVector<ComposeService> &services)
{
    QStringList out;
    for (const ComposeService &s : services)
        out << s.name;
    return out;
}

inline QString portText(const ComposePort &p)
{
    return QStringLiteral("%1:%2:%3/%4").arg(p.hostIp).arg(p.hostPort).arg(p.containerPort).arg(p.protocol);
}

} // namespace composetest
