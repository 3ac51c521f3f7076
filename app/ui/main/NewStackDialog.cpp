#include "NewStackDialog.h"

#include "jobs/Async.h"
#include "jobs/Job.h"
#include "ui_NewStackDialog.h"

#include <QDir>
#include <QFileDialog>
#include <QPushButton>
#include <QSpinBox>

namespace {
QString portLabel(const QString &key)
{
    if (key == QLatin1String("DEV_WEB_PORT"))
        return NewStackDialog::tr("Dev web (Docker):");
    if (key == QLatin1String("DEV_HOST_WEB_PORT"))
        return NewStackDialog::tr("Dev web (on this machine, run -2):");
    if (key == QLatin1String("DEV_DB_PORT"))
        return NewStackDialog::tr("Dev database:");
    if (key == QLatin1String("PGADMIN_PORT"))
        return NewStackDialog::tr("pgAdmin:");
    if (key == QLatin1String("PROD_HTTP_PORT"))
        return NewStackDialog::tr("Prod HTTP:");
    return NewStackDialog::tr("Prod HTTPS:");
}
} // namespace

NewStackDialog::NewStackDialog(const QString &templateDir, const QStringList &knownStacks, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::NewStackDialog>()),
      m_worker(std::make_unique<async::Worker>(QStringLiteral("new-stack"))), m_template(templateDir)
{
    m_ui->setupUi(this);
    m_create = m_ui->buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("createButton"));
    m_create->setDefault(true);
    // Free now: not bound here, and not declared by a stack the app knows.
    const QMap<QString, int> ports =
        NewStack::freePorts(NewStack::templatePorts(templateDir), NewStack::declaredPorts(knownStacks));
    for (const QString &key : NewStack::portKeys()) {
        auto *box = new QSpinBox(this);
        box->setObjectName(key);
        box->setRange(1, 65535);
        box->setValue(ports.value(key));
        box->setToolTip(key);
        m_ui->portsForm->addRow(portLabel(key), box);
        m_ports.insert(key, box);
        connect(box, qOverload<int>(&QSpinBox::valueChanged), this, &NewStackDialog::validate);
    }
    connect(m_ui->browseButton, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Folder for the new stack"), m_ui->folderEdit->text());
        if (!dir.isEmpty())
            setFolder(dir);
    });
    connect(m_ui->folderEdit, &QLineEdit::textChanged, this, [this](const QString &dir) {
        if (!m_nameEdited)
            m_ui->nameEdit->setText(NewStack::suggestedName(dir));
        validate();
    });
    connect(m_ui->nameEdit, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &NewStackDialog::validate);
    connect(m_create, &QPushButton::clicked, this, &NewStackDialog::create);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &NewStackDialog::reject);
    if (m_template.isEmpty())
        m_ui->problemLabel->setText(tr("The stack template was not found (reinstall PostDoDjango, or set "
                                       "PDD_STACK_TEMPLATE)."));
    validate();
}

NewStackDialog::~NewStackDialog()
{
    if (m_job)
        m_job->cancel();
    m_worker->stop(); // the copy or run polls the cancel flag; undo() has run when this returns
}

void NewStackDialog::setFolder(const QString &dir)
{
    m_ui->folderEdit->setText(QDir::toNativeSeparators(dir));
}

NewStack::Settings NewStackDialog::settings() const
{
    NewStack::Settings s;
    s.dir = QDir::fromNativeSeparators(m_ui->folderEdit->text().trimmed());
    s.name = m_ui->nameEdit->text().trimmed();
    for (auto it = m_ports.cbegin(); it != m_ports.cend(); ++it)
        s.ports.insert(it.key(), it.value()->value());
    s.initGit = m_ui->gitCheck->isChecked();
    return s;
}

void NewStackDialog::validate()
{
    if (m_job && !m_job->isFinished())
        return;
    const NewStack::Settings s = settings();
    QString problem = m_template.isEmpty() ? m_ui->problemLabel->text() : NewStack::folderProblem(s.dir);
    if (problem.isEmpty())
        problem = NewStack::nameProblem(s.name);
    if (problem.isEmpty()) {
        QSet<int> seen;
        for (auto it = s.ports.cbegin(); it != s.ports.cend() && problem.isEmpty(); ++it) {
            if (seen.contains(it.value()))
                problem = tr("Port %1 is chosen twice; each service needs its own.").arg(it.value());
            seen.insert(it.value());
        }
    }
    m_ui->problemLabel->setText(problem);
    m_create->setEnabled(problem.isEmpty());
}

void NewStackDialog::create()
{
    validate();
    if (!m_create->isEnabled())
        return;
    const NewStack::Settings s = settings();
    m_job = new Job(tr("New stack %1").arg(s.name), this);
    m_create->setEnabled(false);
    for (QWidget *w : {static_cast<QWidget *>(m_ui->folderEdit), static_cast<QWidget *>(m_ui->browseButton),
                       static_cast<QWidget *>(m_ui->nameEdit), static_cast<QWidget *>(m_ui->portsBox),
                       static_cast<QWidget *>(m_ui->gitCheck)})
        w->setEnabled(false);
    m_ui->progressBar->setVisible(true);
    m_ui->logView->setVisible(true);
    m_ui->logView->clear();
    m_ui->problemLabel->clear();
    connect(m_job, &Job::logAppended, m_ui->logView, &QPlainTextEdit::appendPlainText);
    connect(m_job, &Job::finished, this, [this, s](Job::State state) {
        m_ui->progressBar->setVisible(false);
        if (state == Job::State::Succeeded) {
            m_created = QDir(s.dir).absolutePath();
            accept();
            return;
        }
        m_ui->problemLabel->setText(m_job->errorString());
        for (QWidget *w : {static_cast<QWidget *>(m_ui->folderEdit), static_cast<QWidget *>(m_ui->browseButton),
                           static_cast<QWidget *>(m_ui->nameEdit), static_cast<QWidget *>(m_ui->portsBox),
                           static_cast<QWidget *>(m_ui->gitCheck)})
            w->setEnabled(true);
        m_create->setEnabled(true);
    });
    const Job::Reporter r = m_job->reporter();
    const QString templateDir = m_template;
    r.started();
    m_worker->post([r, s, templateDir] {
        NewStack::Hooks hooks;
        hooks.log = [r](const QString &line) { r.log(line); };
        hooks.cancelled = [r] { return r.isCancelRequested(); };
        const QString error = NewStack::create(s, templateDir, hooks);
        if (error.isEmpty())
            r.succeeded();
        else if (r.isCancelRequested())
            r.cancelled();
        else
            r.failed(error);
    });
}

void NewStackDialog::reject()
{
    // Cancel while creating: the Job stops and undoes; the dialog closes when it has.
    if (m_job && !m_job->isFinished()) {
        m_job->cancel();
        connect(m_job, &Job::finished, this, [this] { QDialog::reject(); });
        return;
    }
    QDialog::reject();
}
