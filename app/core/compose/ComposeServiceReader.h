#pragma once

#include "ComposeTypes.h"
#include "Interpolation.h"

#include <yaml-cpp/yaml.h>

#include <stdexcept>

// Thrown while reading a service; carries the node's position so the message
// points at the offending scalar, not just the file.
struct ComposeReadError : std::runtime_error
{
    ComposeReadError(const YAML::Mark &m, const QString &msg)
        : std::runtime_error(msg.toStdString()), mark(m), message(msg)
    {
    }
    YAML::Mark mark;
    QString message;
};

// Turns one `services.<name>` mapping into a ComposeService: image, build,
// profiles, ports (short "127.0.0.1:5050:80/tcp" strings and long maps) and
// volumes (short "src:dst:ro" strings and long maps). One file's view only:
// whether the service is complete is the merged project's question.
class ComposeServiceReader
{
public:
    explicit ComposeServiceReader(Interpolation::Lookup lookup) : m_lookup(std::move(lookup)) {}

    ComposeService read(const QString &name, const YAML::Node &node) const;

    // Also used for top-level keys; throws ComposeReadError.
    QString scalar(const YAML::Node &node) const;
    static YAML::Node child(const YAML::Node &map, const char *key);

private:
    QVector<ComposePort> readPort(const YAML::Node &node) const;
    QVector<ComposePort> parsePortString(const QString &spec, const YAML::Mark &mark) const;
    ComposeMount readMount(const YAML::Node &node) const;

    Interpolation::Lookup m_lookup;
};
