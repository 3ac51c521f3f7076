#include "db/ConnInfo.h"

#include <QTimeZone>

namespace db {

std::string quoteConnInfoValue(const QString &value)
{
    // libpq conninfo: single-quoted values, with \' and \\ as the only escapes.
    const std::string raw = value.toStdString();
    std::string out;
    out.reserve(raw.size() + 2);
    out += '\'';
    for (char c : raw) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '\'';
    return out;
}

std::string toConnInfo(const ConnectionSettings &s)
{
    std::string info;
    auto add = [&info](const char *key, const QString &value) {
        if (value.isEmpty())
            return;
        if (!info.empty())
            info += ' ';
        info += key;
        info += '=';
        info += quoteConnInfoValue(value);
    };
    add("host", s.host);
    if (s.port > 0)
        add("port", QString::number(s.port));
    add("user", s.user);
    add("dbname", s.database);
    add("password", s.password);
    add("application_name", QStringLiteral("PostDoDjango"));
    // Read-only is a connection parameter, not only a SET, so it also holds for any
    // connection libpq or libpqxx might re-establish behind our back.
    if (s.readOnly)
        add("options", QStringLiteral("-c default_transaction_read_only=on"));
    // A dead host should fail in seconds, not after the OS's TCP timeout.
    add("connect_timeout", QStringLiteral("5"));
    return info;
}

QString describe(const ConnectionSettings &s)
{
    QString text = QStringLiteral("%1@%2:%3/%4").arg(s.user, s.host, QString::number(s.port), s.database);
    if (s.readOnly)
        text += QStringLiteral(" (read-only)");
    return text;
}

SessionSetup sessionSetup(const ConnectionSettings &settings,
                          const std::function<std::string(const std::string &)> &quoteLiteral)
{
    SessionSetup s;
    if (settings.readOnly)
        s.readOnly = "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";
    const QByteArray zone = QTimeZone::systemTimeZoneId();
    if (!zone.isEmpty())
        s.timeZone = "SET TimeZone = " + quoteLiteral(zone.toStdString());
    return s;
}

} // namespace db
