#include "Interpolation.h"

#include <QCoreApplication>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Interpolation)
};
} // namespace

namespace {

bool isNameStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}
bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// Index of the '}' closing the "${" that starts at open, honouring nesting so
// ${A:-${B}} is one expression; -1 when unterminated.
int matchingBrace(const QString &s, int open)
{
    int depth = 0;
    for (int i = open; i < s.size(); ++i) {
        if (s.at(i) == QLatin1Char('$') && i + 1 < s.size() && s.at(i + 1) == QLatin1Char('{')) {
            ++depth;
            ++i;
        } else if (s.at(i) == QLatin1Char('}')) {
            if (--depth == 0)
                return i;
        }
    }
    return -1;
}

} // namespace

Interpolation::Result Interpolation::apply(const QString &text, const Lookup &lookup)
{
    Result r;
    const int n = text.size();
    for (int i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('$') || i + 1 >= n) {
            r.value += c;
            continue;
        }
        const QChar next = text.at(i + 1);
        if (next == QLatin1Char('$')) {
            r.value += QLatin1Char('$');
            ++i;
        } else if (next == QLatin1Char('{')) {
            const int close = matchingBrace(text, i);
            if (close < 0) {
                r.error = Text::tr("invalid interpolation format for \"%1\": missing '}'").arg(text);
                return r;
            }
            if (!expandBraced(text.mid(i + 2, close - i - 2), lookup, &r.value, &r.error)) {
                if (r.error.isEmpty())
                    r.error = Text::tr("invalid interpolation format for \"%1\"").arg(text);
                return r;
            }
            i = close;
        } else if (isNameStart(next)) {
            int end = i + 1;
            while (end < n && isNameChar(text.at(end)))
                ++end;
            r.value += lookup(text.mid(i + 1, end - i - 1)).value_or(QString());
            i = end - 1;
        } else {
            r.value += c; // a lone '$' stays literal, as Compose does
        }
    }
    return r;
}

bool Interpolation::expandBraced(const QString &body, const Lookup &lookup, QString *out, QString *error)
{
    int nameEnd = 0;
    if (body.isEmpty() || !isNameStart(body.at(0)))
        return false;
    while (nameEnd < body.size() && isNameChar(body.at(nameEnd)))
        ++nameEnd;
    const QString name = body.left(nameEnd);
    const std::optional<QString> value = lookup(name);
    if (nameEnd == body.size()) {
        *out += value.value_or(QString());
        return true;
    }

    const bool colon = body.at(nameEnd) == QLatin1Char(':');
    const int opAt = nameEnd + (colon ? 1 : 0);
    if (opAt >= body.size())
        return false;
    const QChar op = body.at(opAt);
    const QString argument = body.mid(opAt + 1);
    // With ':' an empty value counts as unset, without it only a missing one.
    const bool isSet = value.has_value() && !(colon && value->isEmpty());

    auto expandArgument = [&](QString *into) {
        const Result nested = apply(argument, lookup);
        if (!nested.ok()) {
            *error = nested.error;
            return false;
        }
        *into += nested.value;
        return true;
    };

    switch (op.unicode()) {
    case '-':
        if (isSet) {
            *out += *value;
            return true;
        }
        return expandArgument(out);
    case '+': return isSet ? expandArgument(out) : true;
    case '?':
        if (isSet) {
            *out += *value;
            return true;
        } else {
            QString message;
            if (!expandArgument(&message))
                return false;
            *error = Text::tr("required variable %1 is missing a value%2")
                         .arg(name, message.isEmpty() ? QString() : QStringLiteral(": ") + message);
            return false;
        }
    default: return false;
    }
}
