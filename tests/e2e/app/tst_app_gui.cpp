#include "GuiWatchdog.h"
#include "Screenshot.h"
#include "backup/BackupListModel.h"
#include "backup/BackupService.h"
#include "compose/EnvFile.h"
#include "jobs/Job.h"
#include "jobs/JobListModel.h"
#include "main/MainWindow.h"
#include "stack/ContainerListModel.h"
#include "stack/StackController.h"
#include "stack/StackSession.h"
#include "ui/backup/BackupPanel.h"
#include "ui/backup/TypedConfirmDialog.h"

#ifdef PDD_HAVE_DB_UI
#include "ui/db/DbBrowserPanel.h"
#endif

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

// The app driven like a user on the machine's real Docker daemon: a copy of
// compose/ under its own STACK_NAME and ports (28100+), the forged offline
// images, and the real buttons clicked. Dev and prod are each brought Up until
// every service shows running (healthy), then Down until nothing runs.
namespace {

const char kStack[] = "pddtest-gui";

// Every message of the run, for the secrets check (issue 10: diagnostics never log a secret).
QStringList g_messages;
QtMessageHandler g_previousHandler = nullptr;
void keepMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_messages << QStringLiteral("%1: %2").arg(QLatin1String(context.category ? context.category : "default"), message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

bool runQuiet(const QString &program, const QStringList &args, QByteArray *out = nullptr, int timeoutMs = 60000)
{
    const pddtest::GuiWatchdog::Pause testBlocksOnPurpose;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs))
        return false;
    if (out)
        *out = p.readAll();
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QString states(const ContainerListModel *m)
{
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r) {
        out << m->index(r, ContainerListModel::ServiceColumn).data().toString() + QLatin1Char('=')
                + m->index(r, ContainerListModel::StateColumn).data().toString() + QLatin1Char('/')
                + m->index(r, ContainerListModel::HealthColumn).data().toString();
    }
    return out.join(QLatin1Char(' '));
}

} // namespace

class TestAppGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const bool ci = qEnvironmentVariable("CI") == QLatin1String("true");
        // What --verbose turns on, so the secrets check reads everything the areas can say.
        QLoggingCategory::setFilterRules(QStringLiteral("pdd.*.debug=true\npdd.*.info=true"));
        g_previousHandler = qInstallMessageHandler(keepMessage);
        QByteArray out;
        if (!runQuiet(QStringLiteral("docker"),
                      {QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("{{.ServerVersion}}")},
                      &out)) {
            if (ci)
                QFAIL(qPrintable(QStringLiteral("the Docker daemon is not reachable: ") + QString::fromUtf8(out)));
            QSKIP("the Docker daemon is not reachable (docker info failed); start it to run this test");
        }

        // The forged stand-ins for the official images (tests/support/forge-images).
        const QString source = qEnvironmentVariable("PDD_SOURCE_DIR", QStringLiteral(PDD_SOURCE_DIR));
        EnvFile forge = EnvFile::load(QDir(source).filePath(QStringLiteral("tests/support/forge.env")));
        QVERIFY2(forge.fileExists(), "tests/support/forge.env is missing");
        for (const QString &key : forge.fileKeys()) {
            const QString image = forge.fileValue(key);
            qputenv(key.toUtf8(), image.toUtf8());
            if (key == QLatin1String("PYTHON_IMAGE"))
                continue; // a build argument, only needed when the web image is built
            if (!runQuiet(QStringLiteral("docker"), {QStringLiteral("image"), QStringLiteral("inspect"), image})) {
                const QString msg =
                    QStringLiteral("forged image %1 is missing; run tests/support/forge-images").arg(image);
                if (ci)
                    QFAIL(qPrintable(msg));
                QSKIP(qPrintable(msg));
            }
        }

        // A private copy of the stack, so its generated .env never touches the repository's.
        QVERIFY(m_dir.isValid());
        QVERIFY(runQuiet(QStringLiteral("cp"),
                         {QStringLiteral("-a"), QDir(source).filePath(QStringLiteral("compose")) + QStringLiteral("/."),
                          m_dir.path()}));
        QFile::remove(m_dir.filePath(QStringLiteral(".env")));
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        qputenv("STACK_NAME", kStack);
        qputenv("DEV_WEB_PORT", "28100");
        qputenv("DEV_HOST_WEB_PORT", "28101");
        qputenv("DEV_DB_PORT", "28132");
        qputenv("PGADMIN_PORT", "28150");
        qputenv("PROD_HTTP_PORT", "28180");
        qputenv("PROD_HTTPS_PORT", "28143");
        // What the .env made on the first Up says; set here too, so the files read the same before it.
        qputenv("TLS_MODE", "self-signed");
        removeLeftovers();

        m_window = std::make_unique<MainWindow>(m_dir.path(), EngineEndpoint::fromEnvironment());
        m_window->resize(1100, 760);
        m_window->show();
        m_window->startMonitoring();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto *banner = m_window->findChild<QLabel *>(QStringLiteral("bannerText"));
        // The engine connects; no banner stays up.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Docker Engine API")), 15000);
        QVERIFY2(banner->text().isEmpty(), qPrintable(banner->text()));
    }

    void upAndDown_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QStringList>("services");
        // What each service publishes (Ports column): the same service names in
        // both modes, the mode's overlay deciding what is reachable.
        QTest::addColumn<QStringList>("ports");
        QTest::newRow("dev") << "dev" << QStringList{"db", "web", "pgadmin"}
                             << QStringList{"127.0.0.1:28132→5432", "127.0.0.1:28100→8000", "127.0.0.1:28150→80"};
        QTest::newRow("prod") << "prod" << QStringList{"db", "web", "nginx"}
                              << QStringList{"", "", "28180→80, 28143→443"};
    }
    void upAndDown()
    {
        QFETCH(QString, mode);
        QFETCH(QStringList, services);
        QFETCH(QStringList, ports);
        ContainerListModel *model = m_window->containerModel();
        QTest::mouseClick(button(mode == QLatin1String("dev") ? "devButton" : "prodButton"), Qt::LeftButton);
        QCOMPARE(StackModes::key(m_window->mode()), mode);
        for (const QString &s : services)
            QVERIFY2(model->rowForService(s) >= 0, qPrintable(states(model)));
        // Before Up: what the base + overlay declare.
        QCOMPARE(publishedPorts(model, services), ports);

        Job *up = clickAndGetJob("upButton");
        QVERIFY(up);
        // The first dev Up builds the web image from PyPI; give it time.
        QTRY_VERIFY_WITH_TIMEOUT(up->isFinished(), 900000);
        QVERIFY2(up->state() == Job::State::Succeeded,
                 qPrintable(up->errorString() + QLatin1Char('\n') + up->log().join('\n')));
        // The model learns it from /events, not from the script.
        QTRY_VERIFY2_WITH_TIMEOUT(model->allServicesRunning(), qPrintable(states(model)), 60000);
        for (const QString &s : services)
            QCOMPARE(model->index(model->rowForService(s), ContainerListModel::StateColumn).data().toString(),
                     QStringLiteral("running"));
        // Running: what the daemon really published, which must be the same.
        QCOMPARE(publishedPorts(model, services), ports);
        auto *web = m_window->findChild<QLabel *>(QStringLiteral("webLabel"));
        if (mode == QLatin1String("prod")) {
            // The prod address with its scheme, and what the running NGINX's certificate says.
            QTRY_VERIFY2_WITH_TIMEOUT(web->text().contains(QStringLiteral("valid until")), qPrintable(web->text()),
                                      15000);
            QVERIFY2(web->text().contains(QStringLiteral("https://127.0.0.1:28143/")), qPrintable(web->text()));
            QVERIFY2(web->text().contains(QStringLiteral("self-signed, valid until")), qPrintable(web->text()));
            QVERIFY2(web->toolTip().contains(QStringLiteral("(PostDoDjango self-signed)")), qPrintable(web->toolTip()));
            QVERIFY2(web->text().contains(QStringLiteral("(397 days left)"))
                         || web->text().contains(QStringLiteral("(396 days left)")),
                     qPrintable(web->text()));
        } else {
            QVERIFY2(web->text().contains(QStringLiteral("http://127.0.0.1:28100/")), qPrintable(web->text()));
        }

        // The Logs pane follows the selected container. In prod "db" is still
        // selected from dev (same service name), so nothing here changes the
        // selection: the window itself must follow the new container once it runs.
        auto *view = m_window->findChild<QTableView *>(QStringLiteral("containerView"));
        view->setFocus();
        view->setCurrentIndex(model->index(model->rowForService(services.first()), 0));
        auto *log = m_window->findChild<QPlainTextEdit *>(QStringLiteral("logText"));
        auto *source = m_window->findChild<QLabel *>(QStringLiteral("logSource"));
        const QString container = QStringLiteral("%1-%2").arg(QLatin1String(kStack), mode);
        QTRY_VERIFY2_WITH_TIMEOUT(source->text().contains(container)
                                      && source->text().endsWith(QStringLiteral("following")),
                                  qPrintable(source->text()), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!log->toPlainText().isEmpty(), 15000);
        QTest::qWait(1200); // let uptime tick and the log settle for the screenshot
        QVERIFY(pddtest::saveScreenshot(m_window.get(), QStringLiteral("e2e-%1-up").arg(mode)));

        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("tabs"));
        tabs->setCurrentWidget(m_window->findChild<QWidget *>(QStringLiteral("volumesTab")));
        auto *volumes = m_window->findChild<QTableView *>(QStringLiteral("volumeView"))->model();
        const QString pgdata = QStringLiteral("%1-%2_pgdata").arg(QLatin1String(kStack), mode);
        QTRY_VERIFY_WITH_TIMEOUT(volumeRowCreated(volumes, pgdata), 30000);
        QVERIFY(pddtest::saveScreenshot(m_window.get(), QStringLiteral("e2e-%1-volumes").arg(mode)));
#ifdef PDD_HAVE_DB_UI
        if (mode == QLatin1String("dev")) {
            // The Database tab connects with what compose/.env says (the run
            // script generated the password into the copy's .env on first Up).
            auto *db = m_window->findChild<DbBrowserPanel *>(QStringLiteral("dbPanel"));
            QVERIFY(db);
            tabs->setCurrentWidget(db);
            QTRY_VERIFY2_WITH_TIMEOUT(db->isConnected(), qPrintable(db->messageText()), 30000);
            QCOMPARE(db->currentSettings().port, 28132);
            QCOMPARE(db->currentSettings().host, QStringLiteral("127.0.0.1"));
            QTest::qWait(500);
            QVERIFY(pddtest::saveScreenshot(m_window.get(), QStringLiteral("e2e-dev-database")));
        }
#endif
        exerciseBackups(mode);
        if (QTest::currentTestFailed())
            return; // cleanupTestCase removes what is left
        tabs->setCurrentIndex(0);

        Job *down = clickAndGetJob("downButton");
        QVERIFY(down);
        QTRY_VERIFY_WITH_TIMEOUT(down->isFinished(), 300000);
        QVERIFY2(down->state() == Job::State::Succeeded,
                 qPrintable(down->errorString() + QLatin1Char('\n') + down->log().join('\n')));
        // Down removes the containers: they vanish through /events and every
        // service is "not created" again; the volume stays.
        QTRY_VERIFY2_WITH_TIMEOUT(!model->anyContainerRunning(), qPrintable(states(model)), 60000);
        for (const QString &s : services)
            QTRY_COMPARE_WITH_TIMEOUT(
                model->index(model->rowForService(s), ContainerListModel::StateColumn).data().toString(),
                QStringLiteral("not created"), 30000);
        QVERIFY(runQuiet(QStringLiteral("docker"), {QStringLiteral("volume"), QStringLiteral("inspect"), pgdata}));
        QVERIFY(pddtest::saveScreenshot(m_window.get(), QStringLiteral("e2e-%1-down").arg(mode)));
    }

    // After a full dev and prod Up/Down with every diagnostic on: none of the secrets
    // run generated into the copy's .env appears in a log message or a Job's log.
    // POSTGRES_IMAGE moved to a newer major while the dev volume holds 15's
    // data: Up is refused with run's sentence, the banner and the Backups tab
    // offer the upgrade, and the offer runs it (backup, new volume, restore,
    // check, switch) to a dev database on PostgreSQL 17.
    void upgradePostgresFromTheOffer()
    {
        const QString pg17 = QStringLiteral("postdodjango-local/postgres:17");
        if (!runQuiet(QStringLiteral("docker"), {QStringLiteral("image"), QStringLiteral("inspect"), pg17})) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL("postdodjango-local/postgres:17 is missing (tests/support/forge-images builds it)");
            QSKIP("postdodjango-local/postgres:17 is missing (packaging/local-images postgres17 builds it)");
        }
        QTest::mouseClick(button("devButton"), Qt::LeftButton);
        StackController *controller = m_window->session()->controller();
        const QProcessEnvironment saved = controller->environment();
        QProcessEnvironment env = saved;
        env.insert(QStringLiteral("POSTGRES_IMAGE"), pg17);
        controller->setEnvironment(env);
        Job *up = clickAndGetJob("upButton");
        QVERIFY(up);
        QTRY_VERIFY_WITH_TIMEOUT(up->isFinished(), 120000);
        QCOMPARE(up->state(), Job::State::Failed);
        QVERIFY2(up->errorString().contains(QStringLiteral("holds PostgreSQL 15 data")), qPrintable(up->errorString()));
        auto *banner = m_window->findChild<QLabel *>(QStringLiteral("bannerText"));
        QTRY_VERIFY2_WITH_TIMEOUT(banner->text().contains(QStringLiteral("Backups > Upgrade PostgreSQL")),
                                  qPrintable(banner->text()), 5000);
        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("tabs"));
        tabs->setCurrentWidget(m_window->findChild<QWidget *>(QStringLiteral("backupScroll")));
        auto *panel = m_window->findChild<BackupPanel *>(QStringLiteral("backupPanel"));
        BackupService *service = m_window->session()->backups();
        QTRY_VERIFY_WITH_TIMEOUT(!service->busy(), 120000); // the plan read on showing the tab
        QVERIFY(panel->findChild<QWidget *>(QStringLiteral("upgradeFrame"))->isVisible());
        QVERIFY(pddtest::saveScreenshot(m_window.get(), QStringLiteral("e2e-dev-upgrade-offer")));

        const bool answered = answerModal<QMessageBox>(
            panel->findChild<QAction *>(QStringLiteral("actionUpgradePostgres")),
            [](QMessageBox *box) { QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton); });
        QVERIFY(answered);
        QVERIFY(service->busy());
        QTRY_VERIFY_WITH_TIMEOUT(!service->busy(), 600000);
        auto *status = panel->findChild<QLabel *>(QStringLiteral("statusLabel"));
        QVERIFY2(status->text().endsWith(QStringLiteral("done.")), qPrintable(status->text()));
        QVERIFY(!service->upgradeOffer().has_value());
        QTRY_VERIFY2_WITH_TIMEOUT(!banner->text().contains(QStringLiteral("Upgrade PostgreSQL")),
                                  qPrintable(banner->text()), 5000);
        QByteArray image;
        QVERIFY(runQuiet(QStringLiteral("docker"),
                         {QStringLiteral("inspect"), QStringLiteral("-f"), QStringLiteral("{{.Config.Image}}"),
                          QStringLiteral("%1-dev_db_1").arg(QLatin1String(kStack))},
                         &image)
                || runQuiet(QStringLiteral("docker"),
                            {QStringLiteral("inspect"), QStringLiteral("-f"), QStringLiteral("{{.Config.Image}}"),
                             QStringLiteral("%1-dev-db-1").arg(QLatin1String(kStack))},
                            &image));
        QCOMPARE(QString::fromUtf8(image).trimmed(), pg17);
        QVERIFY(pddtest::saveScreenshot(m_window.get(), QStringLiteral("e2e-dev-upgraded")));
        controller->setEnvironment(saved);
        tabs->setCurrentIndex(0);
    }

    void noSecretInAnyLog()
    {
        const EnvFile env = EnvFile::load(m_dir.filePath(QStringLiteral(".env")));
        QVERIFY2(env.fileExists(), "the run script did not generate .env");
        QStringList text = g_messages;
        auto *jobs = m_window->findChild<QTreeView *>(QStringLiteral("jobView"))->model();
        for (int r = 0; r < jobs->rowCount(); ++r)
            if (Job *job = jobs->index(r, 0).data(JobListModel::JobRole).value<Job *>())
                text << job->log() << job->errorString() << job->statusText();
        const QString all = text.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("pdd.engine: ")), "the diagnostics were not on, so nothing was checked");
        int secrets = 0;
        for (const char *key :
             {"POSTGRES_PASSWORD", "DJANGO_SECRET_KEY", "PGADMIN_DEFAULT_PASSWORD", "DJANGO_SUPERUSER_PASSWORD"}) {
            const QString value = env.fileValue(QLatin1String(key));
            if (value.size() < 8)
                continue;
            ++secrets;
            QVERIFY2(!all.contains(value), qPrintable(QStringLiteral("%1 appears in the log").arg(QLatin1String(key))));
        }
        QVERIFY2(secrets >= 3, "the generated secrets were not found in .env");
        qInfo("%d secrets checked against %lld lines of diagnostics and Job logs", secrets,
              static_cast<long long>(text.size()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        if (!m_dir.path().isEmpty())
            removeLeftovers();
    }

private:
    // Triggers the action, whose slot opens a modal Dialog, and answers it once
    // from inside that dialog's event loop; true when the dialog was seen.
    template <typename Dialog, typename Answer>
    bool answerModal(QAction *action, Answer answer)
    {
        bool seen = false;
        QTimer poll;
        poll.setInterval(50);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
            if (!dialog || seen)
                return;
            seen = true;
            answer(dialog);
        });
        poll.start();
        action->trigger(); // returns once the dialog closed
        return seen;
    }

    // The Backups tab on the running mode: the migrations read by themselves,
    // a pending one (dev: a migration file dropped into the mounted code) shown
    // as pending, Back up now adding a row, and in prod Restore… asking for the
    // stack name (a wrong one keeps OK disabled) before it replaces the database.
    void exerciseBackups(const QString &mode)
    {
        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("tabs"));
        auto *panel = m_window->findChild<BackupPanel *>(QStringLiteral("backupPanel"));
        QVERIFY(panel);
        BackupService *service = m_window->session()->backups();
        tabs->setCurrentWidget(m_window->findChild<QWidget *>(QStringLiteral("backupScroll")));
        QVERIFY(panel->isVisible());
        auto *planLabel = panel->findChild<QLabel *>(QStringLiteral("planLabel"));
        QTRY_VERIFY2_WITH_TIMEOUT(service->plan().has_value() && !service->busy(),
                                  qPrintable(planLabel->text() + QLatin1Char(' ') + service->planProblem()), 120000);
        QVERIFY2(service->plan()->applied.contains(QStringLiteral("notes.0001_initial")),
                 qPrintable(service->plan()->applied.join(QLatin1Char(' '))));
        QVERIFY2(planLabel->text().startsWith(QStringLiteral("Migrations applied: ")), qPrintable(planLabel->text()));
        auto action = [panel](const char *name) { return panel->findChild<QAction *>(QLatin1String(name)); };

        const QString pendingFile = m_dir.filePath(QStringLiteral("web/notes/migrations/0002_gui_pending.py"));
        if (mode == QLatin1String("dev")) {
            QFile f(pendingFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n"
                    "    dependencies = [('notes', '0001_initial')]\n    operations = []\n");
            f.close();
            action("actionRefreshMigrations")->trigger();
            QTRY_VERIFY2_WITH_TIMEOUT(service->plan().has_value() && !service->busy(), qPrintable(planLabel->text()),
                                      120000);
            QCOMPARE(service->plan()->pending, QStringList{QStringLiteral("notes.0002_gui_pending")});
            QAbstractItemModel *m = service->migrations();
            const int last = m->rowCount() - 1;
            QCOMPARE(m->index(last, 0).data().toString(), QStringLiteral("notes.0002_gui_pending"));
            QCOMPARE(m->index(last, 1).data().toString(), QStringLiteral("pending"));
            QVERIFY2(planLabel->text().startsWith(QStringLiteral("Migration pending: 1.")),
                     qPrintable(planLabel->text()));
        }

        const int before = service->list()->rowCount();
        QVERIFY(action("actionBackupNow")->isEnabled());
        action("actionBackupNow")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!service->busy(), 180000);
        QTRY_COMPARE_WITH_TIMEOUT(service->list()->rowCount(), before + 1, 10000);
        const BackupEntry *newest = service->list()->entryAt(0);
        QCOMPARE(newest->reason, BackupEntry::Reason::Manual);
        QVERIFY(newest->hasSidecar);
        QVERIFY2(newest->fileName.startsWith(QStringLiteral("%1-%2-").arg(QLatin1String(kStack), mode)),
                 qPrintable(newest->fileName));
        auto *view = panel->findChild<QTableView *>(QStringLiteral("backupView"));
        view->setFocus();
        view->setCurrentIndex(service->list()->index(0, 0));
        QTest::qWait(300);
        QVERIFY(pddtest::saveScreenshot(m_window.get(), QStringLiteral("e2e-%1-backups").arg(mode)));
        if (mode == QLatin1String("dev")) {
            QVERIFY(QFile::remove(pendingFile));
            return;
        }

        // Prod: the restore waits for the stack name.
        bool sawDisabledOk = false;
        const bool typedName =
            answerModal<TypedConfirmDialog>(action("actionRestoreBackup"), [&](TypedConfirmDialog *dialog) {
                QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
                QTest::keyClicks(dialog->lineEdit(), QStringLiteral("pddtest"));
                sawDisabledOk = !ok->isEnabled();
                QTest::keyClicks(dialog->lineEdit(), QStringLiteral("-gui"));
                pddtest::saveScreenshot(dialog, QStringLiteral("e2e-prod-restore-confirm"));
                QTest::mouseClick(ok, Qt::LeftButton);
            });
        QVERIFY(typedName);
        QVERIFY2(sawDisabledOk, "OK must stay disabled until the whole stack name is typed");
        QVERIFY(service->busy());
        QTRY_VERIFY_WITH_TIMEOUT(!service->busy(), 300000);
        auto *status = panel->findChild<QLabel *>(QStringLiteral("statusLabel"));
        QVERIFY2(status->text().endsWith(QStringLiteral("done.")), qPrintable(status->text()));
    }

    static QStringList publishedPorts(ContainerListModel *model, const QStringList &services)
    {
        QStringList out;
        for (const QString &s : services)
            out << model->index(model->rowForService(s), ContainerListModel::PortsColumn).data().toString();
        return out;
    }

    QToolButton *button(const char *name) const
    {
        return m_window->findChild<QToolButton *>(QLatin1String(name));
    }

    Job *clickAndGetJob(const char *buttonName)
    {
        auto *jobs = m_window->findChild<QTreeView *>(QStringLiteral("jobView"));
        const int before = jobs->model()->rowCount();
        QToolButton *b = button(buttonName);
        if (!b->isEnabled())
            return nullptr;
        QTest::mouseClick(b, Qt::LeftButton);
        if (jobs->model()->rowCount() != before + 1)
            return nullptr;
        return jobs->model()->index(before, 0).data(JobListModel::JobRole).value<Job *>();
    }

    static bool volumeRowCreated(QAbstractItemModel *m, const QString &name)
    {
        for (int r = 0; r < m->rowCount(); ++r) {
            if (m->index(r, 0).data().toString() == name)
                return m->index(r, 2).data().toString() != QLatin1String("not created");
        }
        return false;
    }

    // Containers and volumes of this test's own stack only.
    void removeLeftovers()
    {
        const pddtest::GuiWatchdog::Pause testBlocksOnPurpose;
        for (const char *mode : {"dev", "prod"}) {
            QProcess p;
            p.setWorkingDirectory(m_dir.path());
            p.start(QStringLiteral("sh"),
                    {m_dir.filePath(QStringLiteral("run")), QStringLiteral("-5"), QLatin1String(mode)});
            p.waitForFinished(180000);
        }
        QByteArray out;
        runQuiet(QStringLiteral("docker"),
                 {QStringLiteral("volume"), QStringLiteral("ls"), QStringLiteral("-q"), QStringLiteral("--filter"),
                  QStringLiteral("name=%1-").arg(QLatin1String(kStack))},
                 &out);
        for (const QByteArray &v : out.split('\n')) {
            if (v.startsWith(kStack))
                runQuiet(QStringLiteral("docker"),
                         {QStringLiteral("volume"), QStringLiteral("rm"), QString::fromUtf8(v)});
        }
    }

    QTemporaryDir m_dir;
    QTemporaryDir m_config;
    std::unique_ptr<MainWindow> m_window;
};

PDD_GUI_TEST_MAIN(TestAppGui)
#include "tst_app_gui.moc"
