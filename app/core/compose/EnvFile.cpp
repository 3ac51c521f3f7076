#include "EnvFile.h"

#include <QFile>
#include <QRegularExpression>

namespace {

bool isValidKey(const QString &key)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.]*$"));
    return re.match(key).hasMatch();
}

// Double quotes understand the usual escapes; an unterminated quote keeps the
// rest of the line rather than silently dropping the value.
QString unquoteDouble(const QString &raw, int *consumed)
{
    QString out;
    int i = 1;
    for (; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (c == QLatin1Char('"'))
            break;
        if (c == QLatin1Char('\\') && i + 1 < raw.size()) {
            const QChar n = raw.at(++i);
            switch (n.unicode()) {
            case 'n': out += QLatin1Char('\n'); break;
            case 't': out += QLatin1Char('\t'); break;
            case 'r': out += QLatin1Char('\r'); break;
            default: out += n; break;
            }
            continue;
        }
        out += c;
    }
    *consumed = i + 1;
    return out;
}

} // namespace

EnvFile::EnvFile() : m_env(QProcessEnvironment::systemEnvironment())
{
}

EnvFile EnvFile::load(const QString &path)
{
    QFile f(path);
    EnvFile env;
    if (f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        env = parse(QString::fromUtf8(f.readAll()));
        env.m_exists = true;
    }
    env.m_path = path;
    return env;
}

EnvFile EnvFile::parse(const QString &text)
{
    EnvFile env;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i)
        env.parseLine(lines.at(i), i + 1);
    return env;
}

void EnvFile::parseLine(const QString &rawLine, int lineNumber)
{
    QString line = rawLine;
    if (line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    const QString trimmed = line.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
        return;

    QString rest = trimmed;
    if (rest.startsWith(QLatin1String("export ")) || rest.startsWith(QLatin1String("export\t")))
        rest = rest.mid(7).trimmed();

    const int eq = rest.indexOf(QLatin1Char('='));
    const QString key = (eq < 0 ? rest : rest.left(eq)).trimmed();
    if (eq < 0 || !isValidKey(key)) {
        m_warnings << QStringLiteral("line %1: %2").arg(lineNumber).arg(trimmed);
        return;
    }

    QString raw = rest.mid(eq + 1).trimmed();
    QString value;
    if (raw.startsWith(QLatin1Char('"'))) {
        int consumed = 0;
        value = unquoteDouble(raw, &consumed);
    } else if (raw.startsWith(QLatin1Char('\''))) {
        const int end = raw.indexOf(QLatin1Char('\''), 1);
        value = end < 0 ? raw.mid(1) : raw.mid(1, end - 1);
    } else {
        // An inline comment needs whitespace before '#', so "pa#ss" stays a value.
        static const QRegularExpression comment(QStringLiteral("\\s+#"));
        const int hash = raw.indexOf(comment);
        value = (hash < 0 ? raw : raw.left(hash)).trimmed();
    }

    if (!m_values.contains(key))
        m_order << key;
    m_values.insert(key, value);
}

std::optional<QString> EnvFile::lookup(const QString &key) const
{
    if (m_env.contains(key))
        return m_env.value(key);
    const auto it = m_values.constFind(key);
    if (it != m_values.constEnd())
        return *it;
    return std::nullopt;
}

QString EnvFile::value(const QString &key, const QString &fallback) const
{
    const auto v = lookup(key);
    return v && !v->isEmpty() ? *v : fallback;
}

int EnvFile::intValue(const QString &key, int fallback) const
{
    bool ok = false;
    const int v = value(key).toInt(&ok);
    return ok ? v : fallback;
}
