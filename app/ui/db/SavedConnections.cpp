#include "ui/db/SavedConnections.h"

#include <QRegularExpression>
#include <QSettings>

namespace dbui {

namespace {
const char kGroup[] = "db/connections";
}

SavedConnections::SavedConnections(QSettings *settings) : m_settings(settings)
{
}

QVector<db::ConnectionSettings> SavedConnections::list() const
{
    QVector<db::ConnectionSettings> out;
    const int n = m_settings->beginReadArray(QLatin1String(kGroup));
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        db::ConnectionSettings s;
        s.label = m_settings->value(QStringLiteral("label")).toString();
        s.host = m_settings->value(QStringLiteral("host"), s.host).toString();
        s.port = m_settings->value(QStringLiteral("port"), s.port).toInt();
        s.user = m_settings->value(QStringLiteral("user")).toString();
        s.database = m_settings->value(QStringLiteral("database")).toString();
        s.readOnly = m_settings->value(QStringLiteral("readOnly"), false).toBool();
        out.append(s);
    }
    m_settings->endArray();
    return out;
}

void SavedConnections::save(const db::ConnectionSettings &settings)
{
    auto entries = list();
    const QString key = name(settings);
    auto it =
        std::find_if(entries.begin(), entries.end(), [&](const db::ConnectionSettings &e) { return name(e) == key; });
    if (it != entries.end())
        *it = settings;
    else
        entries.append(settings);
    write(entries);
}

void SavedConnections::remove(const QString &entryName)
{
    auto entries = list();
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [&](const db::ConnectionSettings &e) { return name(e) == entryName; }),
                  entries.end());
    write(entries);
}

void SavedConnections::write(const QVector<db::ConnectionSettings> &entries)
{
    m_settings->remove(QLatin1String(kGroup));
    m_settings->beginWriteArray(QLatin1String(kGroup), int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        const auto &s = entries.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("label"), s.label);
        m_settings->setValue(QStringLiteral("host"), s.host);
        m_settings->setValue(QStringLiteral("port"), s.port);
        m_settings->setValue(QStringLiteral("user"), s.user);
        m_settings->setValue(QStringLiteral("database"), s.database);
        m_settings->setValue(QStringLiteral("readOnly"), s.readOnly);
        // Deliberately no "password" key: see PasswordStore.
    }
    m_settings->endArray();
    m_settings->sync();
}

QString SavedConnections::name(const db::ConnectionSettings &s)
{
    return s.label.trimmed().isEmpty() ? keychainKey(s) : s.label.trimmed();
}

QString SavedConnections::keychainKey(const db::ConnectionSettings &s)
{
    return QStringLiteral("%1@%2:%3/%4").arg(s.user, s.host).arg(s.port).arg(s.database);
}

bool looksLikeProduction(const db::ConnectionSettings &settings)
{
    static const QRegularExpression prod(QStringLiteral("(^|[^a-z])prod"), QRegularExpression::CaseInsensitiveOption);
    return prod.match(settings.label).hasMatch();
}

} // namespace dbui
