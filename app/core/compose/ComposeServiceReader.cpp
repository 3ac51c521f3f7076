#include "ComposeServiceReader.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ComposeServiceReader)
};
} // namespace

namespace {

QString nodeKindName(const YAML::Node &n)
{
    switch (n.Type()) {
    case YAML::NodeType::Map: return Text::tr("a mapping");
    case YAML::NodeType::Sequence: return Text::tr("a sequence");
    case YAML::NodeType::Scalar: return Text::tr("a scalar");
    default: return QStringLiteral("null");
    }
}

// "8000" or "8000-8002" → the ports it covers; empty on nonsense.
QVector<int> parsePortRange(const QString &text)
{
    QVector<int> ports;
    const QStringList ends = text.split(QLatin1Char('-'));
    bool ok1 = false, ok2 = false;
    const int first = ends.value(0).toInt(&ok1);
    const int last = ends.size() == 2 ? ends.at(1).toInt(&ok2) : first;
    if (!ok1 || (ends.size() == 2 && !ok2) || ends.size() > 2 || first < 1 || last > 65535 || last < first)
        return ports;
    for (int p = first; p <= last; ++p)
        ports << p;
    return ports;
}

} // namespace

YAML::Node ComposeServiceReader::child(const YAML::Node &map, const char *key)
{
    if (!map.IsMap())
        return YAML::Node(YAML::NodeType::Undefined); // a default Node is a *defined* null
    if (const YAML::Node direct = map[key])
        return direct;
    // yaml-cpp 0.7 does not apply YAML merge keys; compose files use them
    // (`<<: *defaults`), so look through them by hand.
    if (const YAML::Node merged = map["<<"]) {
        if (merged.IsMap())
            return child(merged, key);
        if (merged.IsSequence()) {
            for (const YAML::Node &m : merged) {
                if (const YAML::Node found = child(m, key))
                    return found;
            }
        }
    }
    return YAML::Node(YAML::NodeType::Undefined); // a default Node is a *defined* null
}

QString ComposeServiceReader::scalar(const YAML::Node &node) const
{
    if (!node.IsScalar())
        throw ComposeReadError(node.Mark(), Text::tr("expected a scalar, found %1").arg(nodeKindName(node)));
    const Interpolation::Result r = Interpolation::apply(QString::fromStdString(node.Scalar()), m_lookup);
    if (!r.ok())
        throw ComposeReadError(node.Mark(), r.error);
    return r.value;
}

ComposeService ComposeServiceReader::read(const QString &name, const YAML::Node &node) const
{
    ComposeService s;
    s.name = name;
    s.line = node.Mark().line + 1;
    s.column = node.Mark().column + 1;
    // The Compose specification's rule for service names (v2 refuses others).
    static const QRegularExpression validName(QStringLiteral("^[a-zA-Z0-9._-]+$"));
    if (!validName.match(name).hasMatch())
        throw ComposeReadError(node.Mark(),
                               QStringLiteral("\"%1\" is not a valid service name: use letters, digits, "
                                              "'.', '_' and '-' only")
                                   .arg(name));
    if (node.IsNull())
        throw ComposeReadError(node.Mark(), QStringLiteral("service \"%1\" has no definition").arg(name));
    if (!node.IsMap())
        throw ComposeReadError(
            node.Mark(), QStringLiteral("service \"%1\" must be a mapping, found %2").arg(name, nodeKindName(node)));

    if (const YAML::Node image = child(node, "image"))
        s.image = scalar(image);
    // "Neither image nor build" is checked once all files are merged: an
    // overlay's service usually only adds ports or mounts.
    if (const YAML::Node build = child(node, "build")) {
        s.hasBuild = true;
        if (build.IsScalar()) {
            s.buildContext = scalar(build);
        } else if (build.IsMap()) {
            if (const YAML::Node context = child(build, "context"))
                s.buildContext = scalar(context);
            if (const YAML::Node dockerfile = child(build, "dockerfile"))
                s.buildDockerfile = scalar(dockerfile);
            if (const YAML::Node args = child(build, "args")) {
                if (args.IsMap()) {
                    for (const auto &kv : args)
                        s.buildArgs.insert(QString::fromStdString(kv.first.Scalar()),
                                           kv.second.IsNull() ? QString() : scalar(kv.second));
                } else if (args.IsSequence()) {
                    for (const YAML::Node &item : args) {
                        const QString entry = scalar(item);
                        s.buildArgs.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
                    }
                } else {
                    throw ComposeReadError(args.Mark(), QStringLiteral("\"build.args\" must be a mapping or a list"));
                }
            }
        } else {
            throw ComposeReadError(build.Mark(), QStringLiteral("\"build\" must be a path or a mapping"));
        }
    }

    if (const YAML::Node profiles = child(node, "profiles")) {
        s.profilesGiven = true;
        if (!profiles.IsSequence())
            throw ComposeReadError(profiles.Mark(), QStringLiteral("\"profiles\" must be a list"));
        for (const YAML::Node &p : profiles)
            s.profiles << scalar(p);
    }
    if (const YAML::Node ports = child(node, "ports")) {
        if (!ports.IsSequence())
            throw ComposeReadError(ports.Mark(), QStringLiteral("\"ports\" must be a list"));
        for (const YAML::Node &p : ports)
            s.ports += readPort(p);
    }
    if (const YAML::Node volumes = child(node, "volumes")) {
        if (!volumes.IsSequence())
            throw ComposeReadError(volumes.Mark(), QStringLiteral("\"volumes\" must be a list"));
        for (const YAML::Node &v : volumes)
            s.mounts << readMount(v);
    }
    return s;
}

QVector<ComposePort> ComposeServiceReader::readPort(const YAML::Node &node) const
{
    if (node.IsScalar())
        return parsePortString(scalar(node), node.Mark());
    if (!node.IsMap())
        throw ComposeReadError(node.Mark(), Text::tr("a port must be a string or a mapping"));

    ComposePort port;
    const YAML::Node target = node["target"];
    if (!target)
        throw ComposeReadError(node.Mark(), Text::tr("a long-syntax port needs \"target\""));
    bool ok = false;
    port.containerPort = scalar(target).toInt(&ok);
    if (!ok || port.containerPort < 1 || port.containerPort > 65535)
        throw ComposeReadError(target.Mark(), Text::tr("invalid container port"));
    if (const YAML::Node published = node["published"]) {
        port.hostPort = scalar(published).toInt(&ok);
        if (!ok || port.hostPort < 0 || port.hostPort > 65535)
            throw ComposeReadError(published.Mark(), Text::tr("invalid published port"));
    }
    if (const YAML::Node ip = node["host_ip"])
        port.hostIp = scalar(ip);
    if (const YAML::Node proto = node["protocol"])
        port.protocol = scalar(proto);
    return {port};
}

QVector<ComposePort> ComposeServiceReader::parsePortString(const QString &specIn, const YAML::Mark &mark) const
{
    QString spec = specIn.trimmed();
    QString protocol = QStringLiteral("tcp");
    if (const int slash = spec.lastIndexOf(QLatin1Char('/')); slash >= 0) {
        protocol = spec.mid(slash + 1);
        spec.truncate(slash);
    }

    // The host IP may be a bracketed IPv6 address containing ':'.
    QString hostIp;
    if (spec.startsWith(QLatin1Char('['))) {
        const int close = spec.indexOf(QLatin1String("]:"));
        if (close < 0)
            throw ComposeReadError(mark, Text::tr("invalid port \"%1\"").arg(specIn));
        hostIp = spec.mid(1, close - 1);
        spec = spec.mid(close + 2);
    }
    QStringList parts = spec.split(QLatin1Char(':'));
    if (hostIp.isEmpty() && parts.size() == 3)
        hostIp = parts.takeFirst();
    if (parts.isEmpty() || parts.size() > 2)
        throw ComposeReadError(mark, Text::tr("invalid port \"%1\"").arg(specIn));

    const QVector<int> container = parsePortRange(parts.last());
    const QVector<int> host =
        parts.size() == 2 && !parts.first().isEmpty() ? parsePortRange(parts.first()) : QVector<int>();
    const bool hostGiven = parts.size() == 2 && !parts.first().isEmpty();
    if (container.isEmpty() || (hostGiven && host.isEmpty())
        || (hostGiven && host.size() != container.size() && host.size() != 1))
        throw ComposeReadError(mark, Text::tr("invalid port \"%1\"").arg(specIn));

    QVector<ComposePort> out;
    for (int i = 0; i < container.size(); ++i) {
        ComposePort p;
        p.hostIp = hostIp;
        p.containerPort = container.at(i);
        p.hostPort = hostGiven ? (host.size() == 1 ? host.first() : host.at(i)) : 0;
        p.protocol = protocol;
        out << p;
    }
    return out;
}

ComposeMount ComposeServiceReader::readMount(const YAML::Node &node) const
{
    ComposeMount m;
    if (node.IsMap()) {
        const YAML::Node target = node["target"];
        if (!target)
            throw ComposeReadError(node.Mark(), Text::tr("a long-syntax volume needs \"target\""));
        m.target = scalar(target);
        if (const YAML::Node source = node["source"])
            m.source = scalar(source);
        const QString type = node["type"] ? scalar(node["type"]) : QStringLiteral("volume");
        m.namedVolume = type == QLatin1String("volume") && !m.source.isEmpty();
        if (const YAML::Node ro = node["read_only"])
            m.readOnly = scalar(ro) == QLatin1String("true");
        return m;
    }
    const QString spec = scalar(node);
    const QStringList parts = spec.split(QLatin1Char(':'));
    if (parts.size() == 1) {
        m.target = parts.first();
    } else if (parts.size() <= 3) {
        m.source = parts.at(0);
        m.target = parts.at(1);
        m.readOnly = parts.size() == 3 && parts.at(2).split(QLatin1Char(',')).contains(QLatin1String("ro"));
        const QChar first = m.source.isEmpty() ? QChar() : m.source.at(0);
        m.namedVolume = !m.source.isEmpty() && first != QLatin1Char('.') && first != QLatin1Char('/')
            && first != QLatin1Char('~') && first != QLatin1Char('$');
    } else {
        throw ComposeReadError(node.Mark(), Text::tr("invalid volume \"%1\"").arg(spec));
    }
    if (m.target.isEmpty() || !m.target.startsWith(QLatin1Char('/')))
        throw ComposeReadError(node.Mark(), Text::tr("volume target must be an absolute path in \"%1\"").arg(spec));
    return m;
}
