#include "DockerIgnore.h"

#include <QCoreApplication>

namespace {
// moby/patternmatcher escapes exactly these; the rest pass through to the regexp.
bool shouldEscape(QChar c)
{
    return QStringLiteral(".+()|{}$").contains(c);
}

// Pattern.compile, with the exact/prefix/suffix shortcuts folded into the one
// regular expression they are equivalent to.
QString toRegex(const QString &pattern)
{
    QString re = QStringLiteral("^");
    const int n = int(pattern.size());
    for (int i = 0; i < n; ++i) {
        const QChar ch = pattern.at(i);
        if (ch == QLatin1Char('*')) {
            if (i + 1 < n && pattern.at(i + 1) == QLatin1Char('*')) {
                ++i;
                if (i + 1 < n && pattern.at(i + 1) == QLatin1Char('/'))
                    ++i; // "**/" is "**"
                if (i + 1 >= n)
                    re += QStringLiteral(".*");
                else
                    re += QStringLiteral("(.*/)?");
            } else {
                re += QStringLiteral("[^/]*");
            }
        } else if (ch == QLatin1Char('?')) {
            re += QStringLiteral("[^/]");
        } else if (shouldEscape(ch)) {
            re += QLatin1Char('\\');
            re += ch;
        } else if (ch == QLatin1Char('\\')) {
            re += QLatin1Char('\\');
            if (i + 1 < n)
                re += pattern.at(++i);
        } else {
            re += ch; // '[' and ']' included: a character class
        }
    }
    re += QLatin1Char('$');
    return re;
}
} // namespace

QString DockerIgnore::cleanPath(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral(".");
    const bool rooted = path.startsWith(QLatin1Char('/'));
    QStringList out;
    for (const QString &part : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part == QLatin1String("."))
            continue;
        if (part == QLatin1String("..")) {
            if (!out.isEmpty() && out.last() != QLatin1String(".."))
                out.removeLast();
            else if (!rooted)
                out << part;
            continue;
        }
        out << part;
    }
    const QString joined = out.join(QLatin1Char('/'));
    if (rooted)
        return QLatin1Char('/') + joined;
    return joined.isEmpty() ? QStringLiteral(".") : joined;
}

DockerIgnore DockerIgnore::parse(const QByteArray &fileContent)
{
    QByteArray content = fileContent;
    if (content.startsWith("\xEF\xBB\xBF"))
        content.remove(0, 3);
    QStringList patterns;
    for (const QByteArray &raw : content.split('\n')) {
        QString line = QString::fromUtf8(raw);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.startsWith(QLatin1Char('#')))
            continue;
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        const bool invert = line.startsWith(QLatin1Char('!'));
        if (invert)
            line = line.mid(1).trimmed();
        if (!line.isEmpty()) {
            line = cleanPath(line);
            if (line.size() > 1 && line.startsWith(QLatin1Char('/')))
                line = line.mid(1);
        }
        patterns << (invert ? QLatin1Char('!') + line : line);
    }
    return fromPatterns(patterns);
}

DockerIgnore DockerIgnore::fromPatterns(const QStringList &patterns)
{
    DockerIgnore d;
    for (QString text : patterns) {
        text = text.trimmed();
        if (text.isEmpty())
            continue;
        Pattern p;
        if (text.startsWith(QLatin1Char('!'))) {
            if (text.size() == 1) {
                d.m_problems << QCoreApplication::translate("DockerIgnore", "A line holds only \"!\".");
                continue;
            }
            p.exception = true;
            text = text.mid(1);
        }
        p.text = cleanPath(text);
        p.re = QRegularExpression(toRegex(p.text), QRegularExpression::DontCaptureOption);
        if (!p.re.isValid()) {
            d.m_problems << QCoreApplication::translate("DockerIgnore", "The pattern \"%1\" is not valid (%2).")
                                .arg(text, p.re.errorString());
            continue;
        }
        d.m_patterns << p;
    }
    return d;
}

void DockerIgnore::keep(const QString &path)
{
    if (excludes(path))
        *this = fromPatterns(patterns() << QLatin1Char('!') + path);
}

QStringList DockerIgnore::patterns() const
{
    QStringList out;
    for (const Pattern &p : m_patterns)
        out << (p.exception ? QLatin1Char('!') + p.text : p.text);
    return out;
}

bool DockerIgnore::matchesOne(const Pattern &p, const QString &path) const
{
    return p.re.match(path).hasMatch();
}

// PatternMatcher.MatchesOrParentMatches.
bool DockerIgnore::excludes(const QString &path) const
{
    bool matched = false;
    const int slash = int(path.lastIndexOf(QLatin1Char('/')));
    const QStringList parents = slash < 0 ? QStringList() : path.left(slash).split(QLatin1Char('/'));
    for (const Pattern &p : m_patterns) {
        // An inclusion cannot change a match, an exception cannot change a miss.
        if (p.exception != matched)
            continue;
        bool match = matchesOne(p, path);
        for (int i = 0; !match && i < parents.size(); ++i)
            match = matchesOne(p, parents.mid(0, i + 1).join(QLatin1Char('/')));
        if (match)
            matched = !p.exception;
    }
    return matched;
}

bool DockerIgnore::mayIncludeBelow(const QString &dir) const
{
    const QString dirSlash = dir + QLatin1Char('/');
    for (const Pattern &p : m_patterns) {
        if (p.exception && (p.text + QLatin1Char('/')).startsWith(dirSlash))
            return true;
    }
    return false;
}
