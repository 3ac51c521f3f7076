#pragma once

#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

// The stack's .env as Compose reads it: KEY=VALUE lines, `export` prefixes,
// single/double quotes, comments. Variables set in the process environment win
// over the file (Compose's precedence), so value() answers what `compose/run`
// would actually use.
class EnvFile
{
public:
    EnvFile();

    // A missing file is not an error (the run script generates it on first
    // use); it simply yields no file values.
    static EnvFile load(const QString &path);
    static EnvFile parse(const QString &text);

    // Tests and the GUI e2e inject their own environment.
    void setEnvironment(const QProcessEnvironment &env) { m_env = env; }

    // nullopt when the key is set neither in the environment nor in the file:
    // `${VAR-default}` must tell unset from empty.
    std::optional<QString> lookup(const QString &key) const;
    QString value(const QString &key, const QString &fallback = {}) const;
    int intValue(const QString &key, int fallback) const;

    QString fileValue(const QString &key) const { return m_values.value(key); }
    bool fileContains(const QString &key) const { return m_values.contains(key); }
    QStringList fileKeys() const { return m_order; }
    QString path() const { return m_path; }
    bool fileExists() const { return m_exists; }
    // Lines that were not KEY=VALUE, as "line N: text", so the UI can point at them.
    QStringList warnings() const { return m_warnings; }

private:
    void parseLine(const QString &line, int lineNumber);

    QHash<QString, QString> m_values;
    QStringList m_order;
    QStringList m_warnings;
    QProcessEnvironment m_env;
    QString m_path;
    bool m_exists = false;
};
