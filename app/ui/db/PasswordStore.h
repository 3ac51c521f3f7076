#pragma once

#include <QObject>
#include <QString>

namespace dbui {

// Database passwords in the OS keychain (QtKeychain: Secret Service / KWallet on
// Linux, Keychain on macOS). Every call is asynchronous and answers by signal; the
// insecure plain-text fallback of QtKeychain stays off, so when no keychain service
// is reachable the password is simply not stored and the caller is told why.
class PasswordStore : public QObject
{
    Q_OBJECT
public:
    explicit PasswordStore(const QString &service, QObject *parent = nullptr);

    void save(const QString &key, const QString &password);
    void load(const QString &key);
    void remove(const QString &key);

    // False once a job reported that no keychain service is reachable.
    bool seemsAvailable() const { return m_available; }

Q_SIGNALS:
    // ok == false: `message` is one sentence for the user (e.g. no keychain service).
    void saved(const QString &key, bool ok, const QString &message);
    // found == false with an empty message: nothing stored for this key.
    void loaded(const QString &key, bool found, const QString &password, const QString &message);
    void removed(const QString &key);

private:
    QString m_service;
    bool m_available = true;
};

} // namespace dbui
