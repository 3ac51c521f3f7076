#include "RegistryLoginDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

RegistryLoginDialog::RegistryLoginDialog(const QString &registryKey, const QString &why, const QString &rememberWhere,
                                         QWidget *parent)
    : QDialog(parent), m_key(registryKey)
{
    setWindowTitle(tr("Log in to %1").arg(registryKey));
    auto *layout = new QVBoxLayout(this);
    auto *reason = new QLabel(why, this);
    reason->setWordWrap(true);
    layout->addWidget(reason);
    auto *form = new QFormLayout;
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("registryUser"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("registryPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    auto *userLabel = new QLabel(tr("&User name:"), this);
    userLabel->setBuddy(m_user);
    auto *passwordLabel = new QLabel(tr("&Password or token:"), this);
    passwordLabel->setBuddy(m_password);
    form->addRow(userLabel, m_user);
    form->addRow(passwordLabel, m_password);
    layout->addLayout(form);
    m_remember = new QCheckBox(tr("&Remember (%1)").arg(rememberWhere), this);
    m_remember->setObjectName(QStringLiteral("registryRemember"));
    m_remember->setChecked(true);
    layout->addWidget(m_remember);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Log in and push"));
    layout->addWidget(buttons);
    const auto update = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_user->text().isEmpty() && !m_password->text().isEmpty());
    };
    connect(m_user, &QLineEdit::textChanged, this, update);
    connect(m_password, &QLineEdit::textChanged, this, update);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

RegistryCredential RegistryLoginDialog::credential() const
{
    RegistryCredential c;
    c.serverAddress = m_key;
    c.username = m_user->text();
    c.secret = m_password->text();
    return c;
}

bool RegistryLoginDialog::remember() const
{
    return m_remember->isChecked();
}
