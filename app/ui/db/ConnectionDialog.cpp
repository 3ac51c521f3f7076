#include "ui/db/ConnectionDialog.h"

#include "ui/db/PasswordStore.h"
#include "ui/db/SavedConnections.h"
#include "ui_DbConnectionDialog.h"

#include <QPushButton>

namespace dbui {

ConnectionDialog::ConnectionDialog(SavedConnections *saved, PasswordStore *passwords, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::DbConnectionDialog>()), m_saved(saved), m_passwords(passwords)
{
    m_ui->setupUi(this);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    reloadSaved();

    connect(m_ui->savedCombo, qOverload<int>(&QComboBox::activated), this, &ConnectionDialog::pickSaved);
    connect(m_ui->forgetButton, &QPushButton::clicked, this, &ConnectionDialog::forgetSelected);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_ui->labelEdit, &QLineEdit::textEdited, this, &ConnectionDialog::updateProductionHint);
    connect(m_ui->readOnlyCheck, &QCheckBox::clicked, this, [this] { m_readOnlyTouched = true; });
    connect(m_ui->passwordEdit, &QLineEdit::textEdited, this, [this] { m_pendingPasswordKey.clear(); });
    connect(m_passwords, &PasswordStore::loaded, this,
            [this](const QString &key, bool found, const QString &password, const QString &message) {
                if (key != m_pendingPasswordKey)
                    return; // the user moved on, or typed a password meanwhile
                m_pendingPasswordKey.clear();
                if (found)
                    m_ui->passwordEdit->setText(password);
                else if (!message.isEmpty())
                    m_ui->noteLabel->setText(message);
            });
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::setSettings(const db::ConnectionSettings &s)
{
    m_ui->labelEdit->setText(s.label);
    m_ui->hostEdit->setText(s.host);
    m_ui->portSpin->setValue(s.port);
    m_ui->userEdit->setText(s.user);
    m_ui->databaseEdit->setText(s.database);
    m_ui->passwordEdit->setText(s.password);
    m_ui->readOnlyCheck->setChecked(s.readOnly);
    m_readOnlyTouched = false;
    m_ui->noteLabel->clear();
    updateProductionHint();
}

db::ConnectionSettings ConnectionDialog::settings() const
{
    db::ConnectionSettings s;
    s.label = m_ui->labelEdit->text().trimmed();
    s.host = m_ui->hostEdit->text().trimmed();
    s.port = m_ui->portSpin->value();
    s.user = m_ui->userEdit->text().trimmed();
    s.database = m_ui->databaseEdit->text().trimmed();
    s.password = m_ui->passwordEdit->text();
    s.readOnly = m_ui->readOnlyCheck->isChecked();
    return s;
}

bool ConnectionDialog::rememberPassword() const
{
    return m_ui->rememberCheck->isChecked();
}

void ConnectionDialog::accept()
{
    const auto s = settings();
    QWidget *missing = s.host.isEmpty() ? m_ui->hostEdit
        : s.user.isEmpty()              ? m_ui->userEdit
        : s.database.isEmpty()          ? m_ui->databaseEdit
                                        : nullptr;
    if (missing) {
        m_ui->noteLabel->setText(tr("Host, user and database are required."));
        missing->setFocus();
        return;
    }
    QDialog::accept();
}

void ConnectionDialog::reloadSaved(const QString &select)
{
    m_ui->savedCombo->clear();
    m_ui->savedCombo->addItem(tr("(new connection)"));
    for (const auto &s : m_saved->list())
        m_ui->savedCombo->addItem(SavedConnections::name(s), QVariant::fromValue(s));
    const int at = select.isEmpty() ? 0 : m_ui->savedCombo->findText(select);
    m_ui->savedCombo->setCurrentIndex(qMax(0, at));
    m_ui->forgetButton->setEnabled(m_ui->savedCombo->count() > 1);
}

void ConnectionDialog::pickSaved(int index)
{
    const QVariant v = m_ui->savedCombo->itemData(index);
    if (!v.isValid())
        return;
    const auto s = v.value<db::ConnectionSettings>();
    setSettings(s);
    m_readOnlyTouched = true; // a saved choice is the user's explicit choice
    m_pendingPasswordKey = SavedConnections::keychainKey(s);
    m_passwords->load(m_pendingPasswordKey);
}

void ConnectionDialog::forgetSelected()
{
    const QVariant v = m_ui->savedCombo->currentData();
    if (!v.isValid())
        return;
    const auto s = v.value<db::ConnectionSettings>();
    m_saved->remove(SavedConnections::name(s));
    m_passwords->remove(SavedConnections::keychainKey(s));
    reloadSaved();
    m_ui->noteLabel->setText(tr("Forgot \"%1\".").arg(SavedConnections::name(s)));
}

void ConnectionDialog::updateProductionHint()
{
    const bool prod = looksLikeProduction(settings());
    if (prod && !m_readOnlyTouched)
        m_ui->readOnlyCheck->setChecked(true);
    m_ui->noteLabel->setText(prod ? tr("Production database: it opens read-only unless you untick Read-only.")
                                  : QString());
}

} // namespace dbui
