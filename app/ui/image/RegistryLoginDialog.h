#pragma once

#include "image/DockerCredentials.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

// Asked when a registry refuses a push: user name and password (or token),
// and whether to remember them. Remembering goes where `docker login` would
// put them: the credential helper Docker's config names for this registry;
// without one, the OS keychain (never config.json in plain text).
class RegistryLoginDialog : public QDialog
{
    Q_OBJECT
public:
    RegistryLoginDialog(const QString &registryKey, const QString &why, const QString &rememberWhere,
                        QWidget *parent = nullptr);
    RegistryCredential credential() const;
    bool remember() const;

private:
    QString m_key;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
};
