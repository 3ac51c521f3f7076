#pragma once

#include "ComposeTypes.h"
#include "EnvFile.h"

#include <QByteArray>

#include <optional>

// One compose file's name and text, for parsing without touching the disk.
struct ComposeSource
{
    QString fileName;
    QByteArray yaml;
};

// What a list of compose files declares (`-f a.yml -f b.yml`), read with
// yaml-cpp, interpolated from the stack's .env and the environment, and merged
// the way Compose does it (see ComposeMerge). A broken file does not throw:
// the project is invalid and error() says file:line:col of the file that is
// broken, which the main window shows in its banner while the app keeps running.
class ComposeProject
{
public:
    static ComposeProject load(const QString &composeFile, const EnvFile &env);
    // Later files are overlays on earlier ones; every file must exist.
    static ComposeProject load(const QStringList &composeFiles, const EnvFile &env);
    static ComposeProject parse(const QByteArray &yaml, const QString &fileName, const EnvFile &env);
    static ComposeProject parse(const QVector<ComposeSource> &sources, const EnvFile &env);

    bool isValid() const { return m_error.isNull(); }
    ComposeError error() const { return m_error; }
    // The first (base) file, and all of them in merge order.
    QString fileName() const { return m_files.value(0); }
    QStringList files() const { return m_files; }

    QVector<ComposeService> services() const { return m_services; }
    // The services `--profile <mode>` starts: ones without profiles plus the mode's.
    QVector<ComposeService> servicesForMode(const QString &mode) const;
    std::optional<ComposeService> service(const QString &name) const;
    QStringList profiles() const;
    // Top-level named volumes, unprefixed ("pgdata", not "<project>_pgdata").
    QStringList volumes() const { return m_volumes; }
    // The top-level volumes a mode's services mount, i.e. the ones `<project>_<name>` the mode creates.
    QStringList volumesForMode(const QString &mode) const;

    // The Compose project name each mode runs under (contract with compose/run):
    // `${STACK_NAME:-postdodjango}-<mode>`.
    static QString projectName(const EnvFile &env, const QString &mode);

private:
    void fail(const ComposeError &error);

    QStringList m_files;
    ComposeError m_error;
    QVector<ComposeService> m_services;
    QStringList m_volumes;
};
