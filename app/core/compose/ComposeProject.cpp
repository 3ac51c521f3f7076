#include "ComposeProject.h"
#include "compose/ComposeLog.h"

#include "ComposeMerge.h"
#include "ComposeServiceReader.h"

#include <QCoreApplication>
#include <QFile>

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ComposeProject)
};
} // namespace

Q_LOGGING_CATEGORY(lcCompose, "pdd.compose", QtWarningMsg)

namespace {

// yaml-cpp's own words ("end of map not found") say what the parser missed, not
// what the user got wrong. Say that, keeping the parser's term in brackets for
// anyone searching for it. A tab in the indentation is the usual cause of an
// unreadable file, so it is looked for first and named with its own line.
QString plainYamlMessage(const std::string &parserMessage, const QByteArray &source, YAML::Mark *mark)
{
    const QString original = QString::fromStdString(parserMessage);
    const QList<QByteArray> lines = source.split('\n');
    const int upTo = qMin(int(lines.size()), mark->line >= 0 ? mark->line + 1 : int(lines.size()));
    for (int i = 0; i < upTo; ++i) {
        const QByteArray &l = lines.at(i);
        int indent = 0;
        while (indent < l.size() && (l.at(indent) == ' ' || l.at(indent) == '\t'))
            ++indent;
        const int tab = l.left(indent).indexOf('\t');
        if (tab >= 0 && indent < l.size()) {
            mark->line = i;
            mark->column = tab;
            return Text::tr("this line is indented with a tab; YAML indents with spaces only (YAML: %1)").arg(original);
        }
    }
    struct Plain
    {
        const char *parser, *plain;
    };
    static const Plain kPlain[] = {
        {"end of map not found", "this line is not indented like the keys around it"},
        {"end of sequence not found", "this list item is not indented like the items around it"},
        {"end of sequence flow not found", "a list opened with '[' is not closed with ']'"},
        {"end of map flow not found", "a mapping opened with '{' is not closed with '}'"},
        {"illegal map value", "a second ':' on one line; quote a value that contains ': '"},
        {"unknown escape character", "an unknown backslash escape in a double-quoted value; use single quotes"},
        {"end of single quoted scalar not found", "a value opened with ' is not closed"},
        {"end of double quoted scalar not found", "a value opened with \" is not closed"},
    };
    for (const Plain &p : kPlain)
        if (original.startsWith(QLatin1String(p.parser)))
            return QStringLiteral("%1 (YAML: %2)").arg(QLatin1String(p.plain), original);
    return QStringLiteral("unreadable YAML: %1").arg(original);
}

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

// What one file adds to the project.
struct Layer
{
    QVector<ComposeService> services;
    QStringList volumes;
};

// Throws ComposeReadError or YAML::Exception, both with the node's position.
Layer readLayer(const ComposeSource &source, const ComposeServiceReader &reader, bool overlay)
{
    Layer layer;
    const YAML::Node root = YAML::Load(source.yaml.toStdString());
    if (!root.IsMap())
        throw ComposeReadError(root.Mark(), Text::tr("the top level must be a mapping"));
    // An overlay may only add top-level volumes; the base must declare services.
    const YAML::Node services = root["services"];
    if ((!services && !overlay) || (services && !services.IsMap()))
        throw ComposeReadError(services ? services.Mark() : root.Mark(),
                               QStringLiteral("\"services\" must be a mapping of service names"));
    if (services) {
        for (auto it = services.begin(); it != services.end(); ++it) {
            ComposeService s = reader.read(QString::fromStdString(it->first.Scalar()), it->second);
            s.file = source.fileName;
            layer.services << s;
        }
    }
    if (const YAML::Node volumes = root["volumes"]) {
        if (!volumes.IsMap() && !volumes.IsNull())
            throw ComposeReadError(volumes.Mark(), QStringLiteral("\"volumes\" must be a mapping"));
        for (auto it = volumes.begin(); it != volumes.end(); ++it)
            layer.volumes << QString::fromStdString(it->first.Scalar());
    }
    return layer;
}

} // namespace

ComposeProject ComposeProject::load(const QString &composeFile, const EnvFile &env)
{
    return load(QStringList{composeFile}, env);
}

ComposeProject ComposeProject::load(const QStringList &composeFiles, const EnvFile &env)
{
    QVector<ComposeSource> sources;
    for (const QString &name : composeFiles) {
        QFile f(name);
        if (!f.open(QIODevice::ReadOnly)) {
            ComposeProject p;
            p.m_files = composeFiles;
            ComposeError e;
            e.file = name;
            e.message = Text::tr("cannot read the compose file: %1").arg(f.errorString());
            p.fail(e);
            return p;
        }
        sources << ComposeSource{name, f.readAll()};
    }
    return parse(sources, env);
}

ComposeProject ComposeProject::parse(const QByteArray &yaml, const QString &fileName, const EnvFile &env)
{
    return parse(QVector<ComposeSource>{{fileName, yaml}}, env);
}

ComposeProject ComposeProject::parse(const QVector<ComposeSource> &sources, const EnvFile &env)
{
    ComposeProject p;
    for (const ComposeSource &s : sources)
        p.m_files << s.fileName;
    if (sources.isEmpty()) {
        p.fail(ComposeError{QString(), 0, 0, Text::tr("no compose file given")});
        return p;
    }
    const ComposeServiceReader reader([&env](const QString &name) { return env.lookup(name); });
    for (int i = 0; i < sources.size(); ++i) {
        const QString &fileName = sources.at(i).fileName;
        try {
            const Layer layer = readLayer(sources.at(i), reader, i > 0);
            p.m_services = ComposeMerge::mergeServices(p.m_services, layer.services);
            p.m_volumes = ComposeMerge::unite(p.m_volumes, layer.volumes);
        } catch (const ComposeReadError &e) {
            p.fail(errorAt(fileName, e.mark, e.message));
            return p;
        } catch (const YAML::Exception &e) {
            YAML::Mark mark = e.mark;
            const QString message = plainYamlMessage(e.msg, sources.at(i).yaml, &mark);
            p.fail(errorAt(fileName, mark, message));
            return p;
        }
    }
    // Only now: a base service may get its image from an overlay.
    const auto isIncomplete = [](const ComposeService &s) { return s.image.isEmpty() && !s.hasBuild; };
    const auto it = std::find_if(p.m_services.cbegin(), p.m_services.cend(), isIncomplete);
    if (it != p.m_services.cend()) {
        const QString message = QStringLiteral("service \"%1\" has neither an image nor a build").arg(it->name);
        p.fail(ComposeError{it->file, it->line, it->column, message});
    }
    return p;
}

void ComposeProject::fail(const ComposeError &error)
{
    qCInfo(lcCompose).noquote() << "compose model not loaded:" << error.toString();
    m_error = error;
    m_services.clear();
    m_volumes.clear();
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
