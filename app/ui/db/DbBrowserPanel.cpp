#include "ui/db/DbBrowserPanel.h"

#include "db/ConnInfo.h"
#include "db/DbSession.h"
#include "db/TableModel.h"
#include "ui/db/ConnectionDialog.h"
#include "ui/db/PasswordStore.h"
#include "ui/db/SavedConnections.h"
#include "ui/db/SqlConsole.h"
#include "ui/db/TableBrowser.h"
#include "ui_DbBrowserPanel.h"

#include <QMessageBox>

#include <QSettings>
#include <QTimer>

namespace {
const char kKeychainService[] = "PostDoDjango database";
const char kBannerReadOnly[] = "QLabel { background: #c0392b; color: white; font-weight: bold; padding: 4px; }";
const char kBannerWritable[] = "QLabel { background: #7b0000; color: #ffeb3b; font-weight: bold; padding: 4px; "
                               "border: 2px dashed #ffeb3b; }";
const char kMessageError[] = "QFrame#messageFrame { background: #fde2e1; border: 1px solid #e0a39c; }"
                             "QLabel { color: #8a1f11; }";
const char kMessageInfo[] = "QFrame#messageFrame { background: #e8f1fb; border: 1px solid #a8c6e8; }";
} // namespace

DbBrowserPanel::DbBrowserPanel(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::DbBrowserPanel>()), m_qsettings(std::make_unique<QSettings>()),
      m_saved(std::make_unique<dbui::SavedConnections>(m_qsettings.get())),
      m_passwords(new dbui::PasswordStore(QLatin1String(kKeychainService), this))
{
    qRegisterMetaType<db::DbError>();
    qRegisterMetaType<db::ConnectionSettings>();
    m_ui->setupUi(this);
    m_ui->productionBanner->setVisible(false);
    m_ui->messageFrame->setVisible(false);

    connect(m_ui->connectButton, &QPushButton::clicked, this, &DbBrowserPanel::openConnectionDialog);
    connect(m_ui->reconnectButton, &QPushButton::clicked, this, [this] {
        const db::ConnectionSettings to =
            m_current.host.isEmpty() || (!m_userChoseConnection && m_hasDefault) ? m_default : m_current;
        afterPendingEdits(tr("Reconnecting closes the connection they belong to."), false,
                          [this, to] { connectTo(to); });
    });
    connect(m_ui->disconnectButton, &QPushButton::clicked, this, [this] {
        afterPendingEdits(tr("Disconnecting closes the connection they belong to."), false,
                          [this] { disconnectFromServer(); });
    });
    connect(m_ui->dismissButton, &QToolButton::clicked, this, [this] { showMessage({}, {}, false); });
    connect(m_ui->browser, &dbui::TableBrowser::message, this, &DbBrowserPanel::showMessage);
    connect(m_ui->browser, &dbui::TableBrowser::jobStarted, this, &DbBrowserPanel::jobStarted);
    connect(m_ui->console, &dbui::SqlConsole::jobStarted, this, &DbBrowserPanel::jobStarted);
    connect(m_passwords, &dbui::PasswordStore::saved, this, [this](const QString &, bool ok, const QString &text) {
        // A keychain problem is worth saying, but never hides a database error.
        if (!ok && !m_messageIsError)
            showMessage(text, {}, false);
    });
    updateConnectionUi();
}

DbBrowserPanel::~DbBrowserPanel()
{
    // Views first: the models they show belong to the session being torn down.
    m_ui->browser->setSession(nullptr);
    m_ui->console->setConnection({}, false);
}

namespace {
bool sameConnection(const db::ConnectionSettings &a, const db::ConnectionSettings &b)
{
    return a.host == b.host && a.port == b.port && a.user == b.user && a.database == b.database
        && a.password == b.password && a.readOnly == b.readOnly && a.label == b.label;
}
} // namespace

void DbBrowserPanel::setDefaultConnection(const db::ConnectionSettings &settings)
{
    db::ConnectionSettings next = settings;
    if (dbui::looksLikeProduction(next))
        next.readOnly = true;
    const bool changed = !m_hasDefault || !sameConnection(next, m_default);
    m_default = next;
    m_hasDefault = true;
    // The app re-sends the defaults whenever .env is reread: reconnecting for an
    // unchanged connection would throw away the user's pending edits.
    if (m_reconnectLater && sameConnection(next, m_current)) {
        m_reconnectLater = false; // changed back (DEV_DB_PORT edited and restored): nothing to do
        showMessage({}, {}, false);
    }
    if (!changed || m_userChoseConnection)
        return;
    if (m_session && sameConnection(next, m_current)) { // already connected with exactly these
        updateConnectionUi();
        return;
    }
    if (m_session || isVisible())
        afterPendingEdits(
            tr("The database settings in .env changed (%1), so the panel reconnects.").arg(db::describe(m_default)),
            true, [this] { connectTo(m_default); });
    else
        updateConnectionUi();
}

// Pending grid edits are never dropped without the user's say (issue 9.7): with
// none, `then` runs now; otherwise the user chooses Save (then `then` once the
// save succeeded), Discard, or Keep (nothing happens; for a change of .env the
// panel says it will reconnect when asked).
void DbBrowserPanel::afterPendingEdits(const QString &why, bool fromSettings, const std::function<void()> &then)
{
    db::TableModel *table = m_ui->browser->tableModel();
    if (!table || !table->hasPendingChanges()) {
        m_reconnectLater = false;
        then();
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Unsaved changes"),
                    tr("%1\n\nYou have unsaved changes in %2.").arg(why, table->table().displayName()),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("pendingEditsQuestion"));
    QPushButton *save = box.addButton(tr("&Save them first"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(tr("&Discard them"), QMessageBox::DestructiveRole);
    QPushButton *keep = box.addButton(fromSettings ? tr("&Keep editing, reconnect later") : tr("&Keep editing"),
                                      QMessageBox::RejectRole);
    box.setDefaultButton(save);
    box.setEscapeButton(keep);
    box.exec();
    if (box.clickedButton() == discard) {
        m_reconnectLater = false;
        then();
    } else if (box.clickedButton() == save) {
        auto once = std::make_shared<QMetaObject::Connection>();
        auto failed = std::make_shared<QMetaObject::Connection>();
        *once = connect(table, &db::TableModel::saved, this, [this, then, once, failed] {
            disconnect(*once);
            disconnect(*failed);
            m_reconnectLater = false;
            // Queued: reconnecting deletes the model, which is still inside its saved().
            QTimer::singleShot(0, this, then);
        });
        // A failed save keeps the changes and the connection; its message says why.
        *failed = connect(table, &db::TableModel::saveFailed, this, [once, failed] {
            QObject::disconnect(*once);
            QObject::disconnect(*failed);
        });
        m_ui->browser->saveAction()->trigger();
    } else if (fromSettings) {
        m_reconnectLater = true;
        showMessage(tr("The database settings in .env changed; your unsaved changes are kept on the current "
                       "connection. Save or revert them, then press Reconnect."),
                    {}, false);
    }
}

void DbBrowserPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_hasDefault && !m_session && !m_userChoseConnection && m_current.user.isEmpty())
        connectTo(m_default);
}

void DbBrowserPanel::connectTo(const db::ConnectionSettings &settings)
{
    disconnectFromServer();
    m_current = settings;
    auto *session = new db::DbSession(settings, this);
    m_session = session;
    connect(session, &db::DbSession::opened, this, [this, session](const QString &version) {
        if (session != m_session)
            return;
        m_ui->browser->setSession(session);
        m_ui->console->setConnection(m_current, true);
        showMessage(tr("Connected to %1 (PostgreSQL %2).").arg(db::describe(m_current), version), {}, false);
        m_connectedMessage = m_ui->messageLabel->text();
        updateConnectionUi();
        Q_EMIT connected(version);
    });
    connect(session, &db::DbSession::openFailed, this, [this, session](const db::DbError &error) {
        if (session != m_session)
            return;
        showMessage(error.message, error.fullText(), true);
        updateConnectionUi();
        Q_EMIT connectionFailed(error);
    });
    connect(session, &db::DbSession::stateChanged, this, &DbBrowserPanel::updateConnectionUi);
    showMessage(tr("Connecting to %1…").arg(db::describe(settings)), {}, false);
    updateConnectionUi();
    session->open();
}

void DbBrowserPanel::disconnectFromServer()
{
    m_ui->browser->setSession(nullptr);
    m_ui->console->setConnection(m_current, false);
    if (m_session) {
        m_session->disconnect(this);
        m_session->deleteLater();
        m_session = nullptr;
    }
    updateConnectionUi();
}

bool DbBrowserPanel::isConnected() const
{
    return m_session && m_session->state() == db::DbSession::State::Open;
}

void DbBrowserPanel::openConnectionDialog()
{
    if (m_dialog) {
        m_dialog->raise();
        return;
    }
    m_dialog = new dbui::ConnectionDialog(m_saved.get(), m_passwords, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setSettings(m_current.user.isEmpty() ? m_default : m_current);
    connect(m_dialog, &QDialog::accepted, this, &DbBrowserPanel::dialogAccepted);
    m_dialog->open(); // window-modal, no nested event loop
}

void DbBrowserPanel::dialogAccepted()
{
    if (!m_dialog)
        return;
    const db::ConnectionSettings settings = m_dialog->settings();
    const QString key = dbui::SavedConnections::keychainKey(settings);
    m_saved->save(settings); // without the password, by construction
    if (m_dialog->rememberPassword() && !settings.password.isEmpty())
        m_passwords->save(key, settings.password);
    else if (!m_dialog->rememberPassword())
        m_passwords->remove(key);
    m_userChoseConnection = true;
    connectTo(settings);
}

void DbBrowserPanel::showMessage(const QString &text, const QString &details, bool isError)
{
    m_messageIsError = isError && !text.isEmpty();
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setToolTip(details);
    m_ui->messageFrame->setStyleSheet(QLatin1String(isError ? kMessageError : kMessageInfo));
    m_ui->messageFrame->setVisible(!text.isEmpty());
}

void DbBrowserPanel::updateConnectionUi()
{
    // The message bar never contradicts the status: "Connected to …" goes with the connection.
    const bool open = m_session && m_session->state() == db::DbSession::State::Open;
    if (!open && !m_connectedMessage.isEmpty() && messageText() == m_connectedMessage)
        showMessage({}, {}, false);
    if (!open)
        m_connectedMessage.clear();
    const bool hasSettings = !m_current.user.isEmpty() || m_hasDefault;
    const auto state = m_session ? m_session->state() : db::DbSession::State::Closed;
    QString stateText;
    switch (state) {
    case db::DbSession::State::Closed: stateText = tr("not connected"); break;
    case db::DbSession::State::Connecting: stateText = tr("connecting…"); break;
    case db::DbSession::State::Open: stateText = tr("connected"); break;
    case db::DbSession::State::Failed: stateText = tr("connection failed"); break;
    }
    const db::ConnectionSettings &shown = m_current.user.isEmpty() ? m_default : m_current;
    m_ui->connectionLabel->setText(
        hasSettings ? QStringLiteral("%1%2 — %3")
                          .arg(shown.label.isEmpty() ? QString() : shown.label + QStringLiteral(": "),
                               db::describe(shown), stateText)
                    : tr("No connection configured."));
    m_ui->reconnectButton->setEnabled(hasSettings && state != db::DbSession::State::Connecting);
    m_ui->disconnectButton->setEnabled(m_session);

    const bool prod = m_session && dbui::looksLikeProduction(m_current);
    m_ui->productionBanner->setVisible(prod);
    if (prod) {
        m_ui->productionBanner->setText(m_current.readOnly ? tr("PRODUCTION — read-only")
                                                           : tr("PRODUCTION — WRITES ENABLED: changes hit live data"));
        m_ui->productionBanner->setStyleSheet(QLatin1String(m_current.readOnly ? kBannerReadOnly : kBannerWritable));
    }
}

bool DbBrowserPanel::isProductionBannerShown() const
{
    return !m_ui->productionBanner->isHidden();
}

QString DbBrowserPanel::productionBannerText() const
{
    return m_ui->productionBanner->text();
}

QString DbBrowserPanel::messageText() const
{
    return m_ui->messageFrame->isHidden() ? QString() : m_ui->messageLabel->text();
}

dbui::TableBrowser *DbBrowserPanel::browser() const
{
    return m_ui->browser;
}

dbui::SqlConsole *DbBrowserPanel::console() const
{
    return m_ui->console;
}
