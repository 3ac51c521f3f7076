#include "ImageReference.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ImageReference)
};
// distribution/reference's grammar.
const QRegularExpression &componentRe()
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$"));
    return re;
}
const QRegularExpression &domainRe()
{
    static const QRegularExpression re(QStringLiteral(
        "^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*"
        "(?::[0-9]+)?$|^\\[[0-9a-fA-F:]+\\](?::[0-9]+)?$"));
    return re;
}
const QRegularExpression &tagRe()
{
    static const QRegularExpression re(QStringLiteral("^[\\w][\\w.-]{0,127}$"));
    return re;
}
} // namespace

ImageReference ImageReference::parse(const QString &text)
{
    ImageReference r;
    QString rest = text.trimmed();
    if (rest.isEmpty()) {
        r.error = Text::tr("The image name is empty.");
        return r;
    }
    if (rest.contains(QLatin1Char('@'))) {
        r.error = Text::tr("\"%1\" names a digest; the web image needs a tag (WEB_TAG).").arg(text);
        return r;
    }
    // The tag is after the last ':' that comes after the last '/'.
    const int slash = int(rest.lastIndexOf(QLatin1Char('/')));
    const int colon = int(rest.lastIndexOf(QLatin1Char(':')));
    if (colon > slash) {
        r.tag = rest.mid(colon + 1);
        rest = rest.left(colon);
        if (!tagRe().match(r.tag).hasMatch()) {
            r.error = Text::tr("\"%1\" is not a valid image tag: use letters, digits, '_', '.' and '-' (at most 128, "
                               "not starting with '.' or '-').")
                          .arg(r.tag);
            return r;
        }
    }
    QStringList parts = rest.split(QLatin1Char('/'));
    const QString first = parts.first();
    if (parts.size() > 1
        && (first.contains(QLatin1Char('.')) || first.contains(QLatin1Char(':')) || first == QLatin1String("localhost")
            || first.toLower() != first)) {
        r.registry = first;
        parts.removeFirst();
        if (!domainRe().match(r.registry).hasMatch()) {
            r.error = Text::tr("\"%1\" is not a valid registry address (host or host:port).").arg(r.registry);
            return r;
        }
    }
    for (const QString &c : std::as_const(parts)) {
        if (!componentRe().match(c).hasMatch()) {
            r.error = c.toLower() != c
                ? Text::tr("\"%1\" has capital letters; image names must be lowercase.").arg(rest)
                : Text::tr(
                      "\"%1\" is not a valid image name: use lowercase letters, digits and '.', '_', '-' between them.")
                      .arg(rest);
            return r;
        }
    }
    r.repository = parts.join(QLatin1Char('/'));
    if (r.registry.isEmpty() && !r.repository.contains(QLatin1Char('/')))
        r.repository.prepend(QStringLiteral("library/"));
    if (r.toString().size() > 255 + 129) {
        r.error = Text::tr("The image name is longer than Docker allows.");
        return r;
    }
    return r;
}

QString ImageReference::name() const
{
    if (registry.isEmpty()) {
        const QString lib = QStringLiteral("library/");
        return repository.startsWith(lib) ? repository.mid(lib.size()) : repository;
    }
    return registry + QLatin1Char('/') + repository;
}

QString ImageReference::toString() const
{
    return name() + QLatin1Char(':') + tag;
}

QString ImageReference::credentialKey() const
{
    if (registry.isEmpty() || registry == QLatin1String("docker.io") || registry == QLatin1String("index.docker.io"))
        return QStringLiteral("https://index.docker.io/v1/");
    return registry;
}

QString ImageReference::registryDisplayName() const
{
    return credentialKey().startsWith(QLatin1String("https://index.docker.io")) ? Text::tr("Docker Hub") : registry;
}

bool ImageReference::isLoopbackRegistry() const
{
    QString host = registry;
    if (host.startsWith(QLatin1Char('['))) { // [::1]:5000
        host = host.mid(1, host.indexOf(QLatin1Char(']')) - 1);
    } else {
        const qsizetype colon = host.lastIndexOf(QLatin1Char(':'));
        if (colon >= 0)
            host.truncate(colon);
    }
    if (host == QLatin1String("localhost") || host == QLatin1String("::1"))
        return true;
    const QStringList parts = host.split(QLatin1Char('.'));
    if (parts.size() != 4 || parts.first() != QLatin1String("127"))
        return false;
    for (const QString &p : parts) {
        bool ok = false;
        const int v = p.toInt(&ok);
        if (!ok || v < 0 || v > 255)
            return false;
    }
    return true;
}
