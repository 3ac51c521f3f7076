#include "ImagePanel.h"

#include "RegistryLoginDialog.h"
#include "common/ActionButtons.h"
#include "image/ImageService.h"
#include "jobs/Job.h"
#include "ui/db/PasswordStore.h"
#include "ui_ImagePanel.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSettings>
#include <QStyle>

namespace {
constexpr int kBarRange = 1000;

QString ago(const QDateTime &t)
{
    const qint64 s = t.secsTo(QDateTime::currentDateTimeUtc());
    if (s < 90)
        return ImagePanel::tr("just now");
    if (s < 90 * 60)
        return ImagePanel::tr("%n minute(s) ago", "", int(s / 60));
    if (s < 36 * 3600)
        return ImagePanel::tr("%n hour(s) ago", "", int(s / 3600));
    return ImagePanel::tr("%n day(s) ago", "", int(s / 86400));
}
} // namespace

QString ImagePanel::keychainService()
{
    return QStringLiteral("PostDoDjango registry");
}

ImagePanel::ImagePanel(ImageService *service, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ImagePanel>()), m_service(service)
{
    m_ui->setupUi(this);
    QStyle *s = style();
    m_build = new QAction(s->standardIcon(QStyle::SP_ArrowDown), tr("Build f&rom source"), this);
    m_build->setObjectName(QStringLiteral("actionBuildImage"));
    m_build->setShortcut(QKeySequence(tr("Ctrl+Shift+B")));
    m_build->setToolTip(tr("Build the web image from compose/web (Ctrl+Shift+B)"));
    m_push = new QAction(s->standardIcon(QStyle::SP_ArrowUp), tr("Push t&o registry"), this);
    m_push->setObjectName(QStringLiteral("actionPushImage"));
    m_push->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
    m_push->setToolTip(tr("Push the web image to its registry (Ctrl+Shift+P)"));
    m_buildPush = new QAction(s->standardIcon(QStyle::SP_MediaSeekForward), tr("Build, &then push"), this);
    m_buildPush->setObjectName(QStringLiteral("actionBuildPushImage"));
    m_buildPush->setShortcut(QKeySequence(tr("Ctrl+Alt+B")));
    m_buildPush->setToolTip(tr("Build, and push only if the build succeeded (Ctrl+Alt+B)"));
    m_cancel = new QAction(s->standardIcon(QStyle::SP_DialogCancelButton), tr("Canc&el the job"), this);
    m_cancel->setObjectName(QStringLiteral("actionCancelImage"));
    m_cancel->setToolTip(tr("Stop the build or push on the daemon"));
    const std::pair<QToolButton *, QAction *> buttons[] = {{m_ui->buildButton, m_build},
                                                           {m_ui->pushButton, m_push},
                                                           {m_ui->buildPushButton, m_buildPush},
                                                           {m_ui->cancelImageButton, m_cancel}};
    for (const auto &[button, action] : buttons)
        uicommon::bindToolButton(button, action);
    for (QProgressBar *bar : {m_ui->buildBar, m_ui->pushBar}) {
        bar->setRange(0, kBarRange);
        bar->setValue(0);
        bar->setFormat(QStringLiteral("%p%"));
    }
    m_ui->copyDigestButton->setEnabled(false);
    m_ui->copyDigestButton->setIcon(
        QIcon::fromTheme(QStringLiteral("edit-copy"), style()->standardIcon(QStyle::SP_FileDialogContentsView)));
    m_ui->problemLabel->hide();

    m_ui->backendCombo->addItem(ImageService::backendName(BuildBackend::Auto), int(BuildBackend::Auto));
    m_ui->backendCombo->addItem(ImageService::backendName(BuildBackend::EngineApi), int(BuildBackend::EngineApi));
    m_ui->backendCombo->addItem(ImageService::backendName(BuildBackend::Buildx), int(BuildBackend::Buildx));
    const int saved = QSettings().value(QStringLiteral("image/backend"), int(BuildBackend::Auto)).toInt();
    m_ui->backendCombo->setCurrentIndex(qMax(0, m_ui->backendCombo->findData(saved)));
    m_service->setBackend(BuildBackend(m_ui->backendCombo->currentData().toInt()));
    connect(m_ui->backendCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        const int b = m_ui->backendCombo->currentData().toInt();
        QSettings().setValue(QStringLiteral("image/backend"), b);
        m_service->setBackend(BuildBackend(b));
        updateInfo();
    });

    connect(m_build, &QAction::triggered, m_service, [this] { m_service->build(); });
    connect(m_push, &QAction::triggered, m_service, [this] { m_service->push(); });
    connect(m_buildPush, &QAction::triggered, m_service, [this] { m_service->buildAndPush(); });
    connect(m_cancel, &QAction::triggered, this, [this] {
        for (Job *job : {m_buildJob.data(), m_pushJob.data()}) {
            if (job && !job->isFinished())
                job->cancel();
        }
    });
    connect(m_ui->copyDigestButton, &QToolButton::clicked, this, [this] {
        const QString digest = m_service->info().pushedDigest(m_service->spec().reference);
        if (!digest.isEmpty())
            QGuiApplication::clipboard()->setText(digest);
    });
    connect(m_service, &ImageService::infoChanged, this, &ImagePanel::updateInfo);
    connect(m_service, &ImageService::buildStarted, this,
            [this](Job *job) { follow(job, m_ui->buildBar, m_ui->buildStatus, &m_buildJob); });
    connect(m_service, &ImageService::pushStarted, this,
            [this](Job *job) { follow(job, m_ui->pushBar, m_ui->pushStatus, &m_pushJob); });
    connect(m_service, &ImageService::loginRequired, this, &ImagePanel::askForLogin);

    m_keychain = new dbui::PasswordStore(keychainService(), this);
    connect(m_keychain, &dbui::PasswordStore::loaded, this,
            [this](const QString &key, bool found, const QString &secret, const QString &) {
                if (!found)
                    return;
                const QJsonObject o = QJsonDocument::fromJson(secret.toUtf8()).object();
                RegistryCredential c;
                c.serverAddress = key;
                c.username = o.value(QLatin1String("username")).toString();
                c.secret = o.value(QLatin1String("secret")).toString();
                if (!c.isEmpty())
                    m_service->setSessionCredential(c);
            });
    updateInfo();
}

ImagePanel::~ImagePanel() = default;

QList<QAction *> ImagePanel::imageActions() const
{
    return {m_build, m_push, m_buildPush, m_cancel};
}

void ImagePanel::loadRememberedCredential()
{
    const ImageReference ref = m_service->spec().reference;
    if (!ref.isValid() || ref.credentialKey() == m_loadedKey)
        return;
    m_loadedKey = ref.credentialKey();
    m_keychain->load(m_loadedKey);
}

void ImagePanel::updateInfo()
{
    const BuildSpec spec = m_service->spec();
    const ImageInfo info = m_service->info();
    m_ui->referenceLabel->setText(spec.reference.isValid() ? spec.reference.toString() : tr("(none)"));
    const QString problem = m_service->specProblem();
    m_ui->problemLabel->setText(problem);
    m_ui->problemLabel->setVisible(!problem.isEmpty());
    if (!info.known) {
        m_ui->localLabel->setText(info.error.isEmpty() ? tr("Unknown until the Docker Engine answers.")
                                                       : tr("Unknown: %1").arg(info.error));
    } else if (!info.exists) {
        m_ui->localLabel->setText(tr("Not built yet."));
    } else {
        m_ui->localLabel->setText(
            tr("%1 · %2 · built %3")
                .arg(info.id.mid(7, 12), QLocale().formattedDataSize(info.sizeBytes), ago(info.created)));
        m_ui->localLabel->setToolTip(info.id);
    }
    const QString digest = info.pushedDigest(spec.reference);
    m_ui->pushedLabel->setText(digest.isEmpty()
                                   ? tr("Not pushed to %1 from this machine.").arg(spec.reference.registryDisplayName())
                                   : tr("%1 to %2").arg(digest, spec.reference.registryDisplayName()));
    m_ui->copyDigestButton->setEnabled(!digest.isEmpty());
    const auto chosen = BuildBackend(m_ui->backendCombo->currentData().toInt());
    m_ui->backendLabel->setText(chosen == BuildBackend::Auto
                                    ? tr("uses the Docker Engine API; buildx when the daemon builds with BuildKit")
                                    : QString());
    loadRememberedCredential();
    updateActions();
}

void ImagePanel::updateActions()
{
    const bool running = (m_buildJob && !m_buildJob->isFinished()) || (m_pushJob && !m_pushJob->isFinished());
    const bool buildable = m_service->specProblem().isEmpty();
    m_build->setEnabled(!running && buildable);
    m_buildPush->setEnabled(!running && buildable);
    m_push->setEnabled(!running && m_service->spec().reference.isValid());
    m_cancel->setEnabled(running);
}

void ImagePanel::follow(Job *job, QProgressBar *bar, QLabel *status, QPointer<Job> *slot)
{
    *slot = job;
    bar->setRange(0, kBarRange);
    bar->setValue(0);
    status->setText(job->title());
    const auto show = [bar, status](double fraction, const QString &text) {
        if (fraction < 0) {
            bar->setRange(0, 0); // busy: nothing to count yet
        } else {
            bar->setRange(0, kBarRange);
            bar->setValue(int(fraction * kBarRange));
        }
        if (!text.isEmpty())
            status->setText(status->fontMetrics().elidedText(text, Qt::ElideRight, qMax(80, status->width())));
        status->setToolTip(text);
    };
    connect(job, &Job::progressChanged, bar, show);
    connect(job, &Job::finished, bar, [this, job, bar, status](Job::State state) {
        bar->setRange(0, kBarRange);
        if (state == Job::State::Succeeded)
            bar->setValue(kBarRange);
        const QString text = state == Job::State::Succeeded ? job->statusText()
            : state == Job::State::Cancelled                ? tr("Cancelled.")
                                                            : job->errorString();
        status->setText(status->fontMetrics().elidedText(text, Qt::ElideRight, qMax(80, status->width())));
        status->setToolTip(text);
        updateActions();
    });
    if (job->isFinished()) {
        bar->setRange(0, kBarRange);
        status->setText(job->errorString());
        status->setToolTip(job->errorString());
    }
    updateActions();
}

void ImagePanel::askForLogin(const QString &registryKey, const QString &message)
{
    const QProcessEnvironment env = m_service->environment();
    const DockerConfig config = DockerConfig::load(DockerConfig::directory(env));
    const DockerConfig::Lookup where = config.lookup(registryKey);
    const bool helper = where.source == DockerConfig::Source::Helper || where.source == DockerConfig::Source::Store;
    const QString rememberWhere =
        helper ? tr("docker-credential-%1, as docker login would").arg(where.helper) : tr("in the OS keychain");
    RegistryLoginDialog dialog(registryKey, message, rememberWhere, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const RegistryCredential c = dialog.credential();
    m_service->setSessionCredential(c);
    if (dialog.remember()) {
        if (helper) {
            // The helper may wait on a keyring prompt: off the GUI thread.
            const CredentialHelper store(where.helper, env);
            async::detached(QStringLiteral("credential-store"), [store, c] { store.store(c); });
        } else {
            QJsonObject o{{QStringLiteral("username"), c.username}, {QStringLiteral("secret"), c.secret}};
            m_keychain->save(registryKey, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        }
    }
    m_service->push();
}
