#pragma once

#include "db/ConnectionSettings.h"

#include <QString>
#include <QVector>

class QSettings;

namespace dbui {

// The connections the user saved, kept in QSettings. Passwords are never written
// here: they live in the OS keychain (PasswordStore) under keychainKey().
class SavedConnections
{
public:
    explicit SavedConnections(QSettings *settings); // not owned

    // Every entry comes back with an empty password.
    QVector<db::ConnectionSettings> list() const;
    // Adds or replaces the entry with the same name(); the password is dropped.
    void save(const db::ConnectionSettings &settings);
    void remove(const QString &name);

    // What the user sees in the list: the label, or user@host:port/database without one.
    static QString name(const db::ConnectionSettings &settings);
    // The keychain account for a credential: it follows the server and role, not
    // the label, so renaming a connection keeps its password.
    static QString keychainKey(const db::ConnectionSettings &settings);

private:
    void write(const QVector<db::ConnectionSettings> &entries);

    QSettings *m_settings;
};

// Production databases open read-only unless the user explicitly says otherwise,
// and are marked. A connection counts as production when its label says so
// ("prod", "production", "PROD-eu"…), which is also how the app names the prod mode.
bool looksLikeProduction(const db::ConnectionSettings &settings);

} // namespace dbui
