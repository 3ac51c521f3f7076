#include "ComposeProject.h"

#include "ComposeServiceReader.h"

#include <QFile>

#include <yaml-cpp/yaml.h>

namespace {

ComposeError errorAt(const QString &file, const YAML::Mark &mark, const QString &message)
{
    ComposeError e;
    e.file = file;
    // yaml-cpp counts from 0 and uses -1 for "no position".
    e.line = mark.line >= 0 ? mark.line + 1 : 0;
    e.column = mark.column >= 0 ? mark.column + 1 : 0;
    e.message = message;
    return e;
}

} // namespace

ComposeProject ComposeProject::load(const QString &composeFile, const EnvFile &env)
{
    QFile f(composeFile);
    if (!f.open(QIODevice::ReadOnly)) {
        ComposeProject p;
        p.m_fileName = composeFile;
        p.m_error.file = composeFile;
        p.m_error.message = QStringLiteral("cannot read the compose file: %1").arg(f.errorString());
        return p;
    }
    return parse(f.readAll(), composeFile, env);
}

ComposeProject ComposeProject::parse(const QByteArray &yaml, const QString &fileName, const EnvFile &env)
{
    ComposeProject p;
    p.m_fileName = fileName;
    const ComposeServiceReader reader([&env](const QString &name) { return env.lookup(name); });
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root.IsMap()) {
            p.m_error = errorAt(fileName, root.Mark(), QStringLiteral("the top level must be a mapping"));
            return p;
        }
        const YAML::Node services = root["services"];
        if (!services || !services.IsMap()) {
            p.m_error = errorAt(fileName, services ? services.Mark() : root.Mark(),
                                QStringLiteral("\"services\" must be a mapping of service names"));
            return p;
        }
        for (auto it = services.begin(); it != services.end(); ++it) {
            const QString name = QString::fromStdString(it->first.Scalar());
            p.m_services << reader.read(name, it->second);
        }
        if (const YAML::Node volumes = root["volumes"]) {
            if (!volumes.IsMap() && !volumes.IsNull()) {
                p.m_error = errorAt(fileName, volumes.Mark(), QStringLiteral("\"volumes\" must be a mapping"));
                return p;
            }
            for (auto it = volumes.begin(); it != volumes.end(); ++it)
                p.m_volumes << QString::fromStdString(it->first.Scalar());
        }
    } catch (const ComposeReadError &e) {
        p.m_services.clear();
        p.m_error = errorAt(fileName, e.mark, e.message);
    } catch (const YAML::Exception &e) {
        p.m_services.clear();
        p.m_error = errorAt(fileName, e.mark, QString::fromStdString(e.msg));
    }
    return p;
}

QVector<ComposeService> ComposeProject::servicesForMode(const QString &mode) const
{
    QVector<ComposeService> out;
    for (const ComposeService &s : m_services) {
        if (s.isEnabledFor(mode))
            out << s;
    }
    return out;
}

QStringList ComposeProject::volumesForMode(const QString &mode) const
{
    QStringList out;
    for (const ComposeService &s : servicesForMode(mode)) {
        for (const ComposeMount &m : s.mounts) {
            if (m.namedVolume && m_volumes.contains(m.source) && !out.contains(m.source))
                out << m.source;
        }
    }
    return out;
}

std::optional<ComposeService> ComposeProject::service(const QString &name) const
{
    for (const ComposeService &s : m_services) {
        if (s.name == name)
            return s;
    }
    return std::nullopt;
}

QStringList ComposeProject::profiles() const
{
    QStringList out;
    for (const ComposeService &s : m_services) {
        for (const QString &p : s.profiles) {
            if (!out.contains(p))
                out << p;
        }
    }
    return out;
}

QString ComposeProject::projectName(const EnvFile &env, const QString &mode)
{
    return env.value(QStringLiteral("STACK_NAME"), QStringLiteral("postdodjango")) + QLatin1Char('-') + mode;
}
