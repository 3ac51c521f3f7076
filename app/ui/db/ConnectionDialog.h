#pragma once

#include "db/ConnectionSettings.h"

#include <QDialog>

#include <memory>

namespace Ui {
class DbConnectionDialog;
}

namespace dbui {

class PasswordStore;
class SavedConnections;

// Edits one connection; lists the saved ones. Picking a saved connection fills the
// fields at once and the password later, when the keychain answers (never blocks).
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectionDialog(SavedConnections *saved, PasswordStore *passwords, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    void setSettings(const db::ConnectionSettings &settings);
    db::ConnectionSettings settings() const;
    bool rememberPassword() const;

    void accept() override;

private:
    void reloadSaved(const QString &select = {});
    void pickSaved(int index);
    void forgetSelected();
    void updateProductionHint();

    std::unique_ptr<Ui::DbConnectionDialog> m_ui;
    SavedConnections *m_saved;
    PasswordStore *m_passwords;
    QString m_pendingPasswordKey;   // keychain entry we are waiting for
    bool m_readOnlyTouched = false; // the user's explicit choice beats the prod default
};

} // namespace dbui
