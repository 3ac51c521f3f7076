#include "GuiWatchdog.h"
#include "LiveDocker.h"
#include "LocalRegistry.h"
#include "Screenshot.h"
#include "compose/EnvFile.h"
#include "image/ImageService.h"
#include "jobs/Job.h"
#include "jobs/JobListModel.h"
#include "main/MainWindow.h"
#include "stack/StackSession.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

// The Image tab driven like a user: a copy of compose/ whose .env points
// REGISTRY at a docker-registry on 127.0.0.1, the forged python base, and the
// real Build & Push button. Both progress bars must move and end full, the
// digest shown must be the registry's, and screenshots of the tab are saved
// during and after (build/screenshots/image-*.png).
class TestImageGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString err;
        if (live::docker({QStringLiteral("version")}, &err).isNull()) {
            if (live::inCi())
                QFAIL(qPrintable(QStringLiteral("no Docker daemon: %1").arg(err)));
            QSKIP("no Docker daemon; set CI=true to make this a failure");
        }
        const QString source = QStringLiteral(PDD_SOURCE_DIR);
        const EnvFile forge = EnvFile::load(source + QStringLiteral("/tests/support/forge.env"));
        const QString python = forge.fileValue(QStringLiteral("PYTHON_IMAGE"));
        if (live::docker({QStringLiteral("image"), QStringLiteral("inspect"), python}).isNull())
            QFAIL(qPrintable(
                python + QStringLiteral(" is not forged (packaging/local-images, run by tests/support/forge-images)")));
        qputenv("PYTHON_IMAGE", python.toUtf8());
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        qputenv("DOCKER_CONFIG", m_config.filePath(QStringLiteral("docker")).toUtf8()); // no credentials: anonymous

        const pddtest::GuiWatchdog::Pause waitingForTheRegistry;
        m_registry = std::make_unique<live::Registry>(m_config.filePath(QStringLiteral("registry")));
        QVERIFY2(m_registry->waitUp(), "docker-registry did not start");

        QVERIFY(m_dir.isValid());
        {
            const pddtest::GuiWatchdog::Pause copying;
            QProcess cp;
            cp.start(QStringLiteral("cp"), {QStringLiteral("-a"), source + QStringLiteral("/compose/."), m_dir.path()});
            QVERIFY(cp.waitForFinished(60000));
        }
        QFile env(m_dir.filePath(QStringLiteral(".env")));
        QVERIFY(env.open(QIODevice::WriteOnly));
        const auto secret = [] { return QByteArray::number(QRandomGenerator::global()->generate64(), 16); };
        env.write("STACK_NAME=pddtest-imagegui\nPOSTGRES_PASSWORD=" + secret() + "\nDJANGO_SECRET_KEY=" + secret()
                  + "\nPGADMIN_DEFAULT_PASSWORD=" + secret() + "\nREGISTRY=" + m_registry->host().toUtf8()
                  + "\nWEB_IMAGE=pddtest-imagegui\nWEB_TAG=gui\n");
        env.close();
        m_ref = m_registry->host() + QStringLiteral("/pddtest-imagegui:gui");
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_registry.reset(); // its docker-registry process ends here
        live::docker({QStringLiteral("image"), QStringLiteral("rm"), QStringLiteral("-f"), m_ref});
    }

    void buildAndPushFromTheImageTab()
    {
        m_window = std::make_unique<MainWindow>(m_dir.path(), EngineEndpoint::fromEnvironment());
        m_window->resize(1100, 760);
        m_window->show();
        m_window->startMonitoring();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("tabs"));
        auto *panel = m_window->findChild<QWidget *>(QStringLiteral("imagePanel"));
        QVERIFY(tabs && panel);
        tabs->setCurrentWidget(m_window->findChild<QWidget *>(QStringLiteral("imageScroll")));
        auto *reference = panel->findChild<QLabel *>(QStringLiteral("referenceLabel"));
        QCOMPARE(reference->text(), m_ref);
        auto *local = panel->findChild<QLabel *>(QStringLiteral("localLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(!local->text().startsWith(QLatin1String("Unknown")), 15000);
        QVERIFY(pddtest::saveScreenshot(m_window.get(), QStringLiteral("image-before")));

        auto *buildBar = panel->findChild<QProgressBar *>(QStringLiteral("buildBar"));
        auto *pushBar = panel->findChild<QProgressBar *>(QStringLiteral("pushBar"));
        QVector<int> buildValues, pushValues;
        QObject recording; // the connections below end with this function
        connect(buildBar, &QProgressBar::valueChanged, &recording, [&buildValues](int v) { buildValues << v; });
        connect(pushBar, &QProgressBar::valueChanged, &recording, [&pushValues](int v) { pushValues << v; });

        auto *button = panel->findChild<QToolButton *>(QStringLiteral("buildPushButton"));
        QVERIFY(button && button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        auto *cancel = panel->findChild<QToolButton *>(QStringLiteral("cancelImageButton"));
        QTRY_VERIFY_WITH_TIMEOUT(cancel->isEnabled(), 5000);
        QVERIFY(!button->isEnabled());

        // The build's status line goes through its steps (recorded: a cached build is quick).
        JobListModel *jobs = m_window->session()->jobs();
        QTRY_VERIFY_WITH_TIMEOUT(jobs->rowCount() >= 1, 5000);
        QStringList buildStatuses;
        connect(jobs->jobAt(0), &Job::progressChanged, &recording,
                [&buildStatuses](double, const QString &status) { buildStatuses << status; });
        // Mid-push (an empty registry takes seconds): both bars on screen, the push part way.
        QTRY_VERIFY_WITH_TIMEOUT(pushBar->value() > 0 && pushBar->value() < pushBar->maximum(), 900000);
        QVERIFY(pddtest::saveScreenshot(m_window.get(), QStringLiteral("image-pushing")));
        QTRY_VERIFY_WITH_TIMEOUT(jobs->rowCount() == 2, 900000);
        Job *push = jobs->jobAt(1);
        QVERIFY(push->title().startsWith(QLatin1String("Push ")));
        QTRY_VERIFY_WITH_TIMEOUT(push->isFinished(), 600000);
        QVERIFY2(!buildStatuses.filter(QRegularExpression(QStringLiteral("^Step \\d+/\\d+ :"))).isEmpty(),
                 qPrintable(buildStatuses.join('\n')));
        Job *build = jobs->jobAt(0);
        QVERIFY2(build->state() == Job::State::Succeeded, qPrintable(build->errorString()));
        QVERIFY2(push->state() == Job::State::Succeeded, qPrintable(push->errorString()));

        QCOMPARE(buildBar->value(), buildBar->maximum());
        QCOMPARE(pushBar->value(), pushBar->maximum());
        const auto movedUp = [](const QVector<int> &values) {
            int distinct = 0, last = -1;
            for (int v : values) {
                if (v < last && v != 0) // 0: the bar reset as its Job began
                    return false;
                distinct += v != last ? 1 : 0;
                last = v;
            }
            return distinct >= 3;
        };
        QVERIFY2(movedUp(buildValues), qPrintable(QStringLiteral("%1 values").arg(buildValues.size())));
        QVERIFY2(movedUp(pushValues), qPrintable(QStringLiteral("%1 values").arg(pushValues.size())));

        // The digest shown is the one the registry has, and Copy puts it on the clipboard.
        auto *pushed = panel->findChild<QLabel *>(QStringLiteral("pushedLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(pushed->text().startsWith(QLatin1String("sha256:")), 15000);
        const QString head = QString::fromLatin1(
            live::httpGet(m_registry->url(QStringLiteral("/v2/pddtest-imagegui/manifests/gui")),
                          {QStringLiteral("-I"), QStringLiteral("-H"),
                           QStringLiteral("Accept: application/vnd.docker.distribution.manifest.v2+json")}));
        const QString digest = pushed->text().section(QLatin1Char(' '), 0, 0);
        QVERIFY2(head.contains(digest, Qt::CaseInsensitive), qPrintable(head));
        auto *copy = panel->findChild<QToolButton *>(QStringLiteral("copyDigestButton"));
        QVERIFY(copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), digest);
        QVERIFY(pddtest::saveScreenshot(m_window.get(), QStringLiteral("image-after")));
    }

    // A registry with a password: the push is refused, the login dialog comes up,
    // and what is typed there is used for the retry (not remembered here: no keyring).
    void refusedPushAsksForLoginAndRetries()
    {
        QVERIFY(m_window);
        QTemporaryDir auth;
        QProcess htpasswd;
        {
            const pddtest::GuiWatchdog::Pause blocking;
            htpasswd.start(QStringLiteral("htpasswd"),
                           {QStringLiteral("-Bbn"), QStringLiteral("ana"), QStringLiteral("senha-pdd")});
            QVERIFY(htpasswd.waitForFinished(10000));
        }
        QFile pw(auth.filePath(QStringLiteral("htpasswd")));
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write(htpasswd.readAllStandardOutput());
        pw.close();
        std::unique_ptr<live::Registry> locked;
        {
            const pddtest::GuiWatchdog::Pause waiting;
            locked = std::make_unique<live::Registry>(auth.filePath(QStringLiteral("registry")), pw.fileName());
            QVERIFY(locked->waitUp());
            live::docker({QStringLiteral("tag"), m_ref, locked->host() + QStringLiteral("/pddtest-imagegui:gui")});
        }
        // The user points REGISTRY at it; the window follows the file by itself.
        QFile env(m_dir.filePath(QStringLiteral(".env")));
        QVERIFY(env.open(QIODevice::Append));
        env.write("REGISTRY=" + locked->host().toUtf8() + "\n");
        env.close();
        auto *panel = m_window->findChild<QWidget *>(QStringLiteral("imagePanel"));
        auto *reference = panel->findChild<QLabel *>(QStringLiteral("referenceLabel"));
        QTRY_COMPARE_WITH_TIMEOUT(reference->text(), locked->host() + QStringLiteral("/pddtest-imagegui:gui"), 10000);

        bool dialogSeen = false;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&dialogSeen] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog || dialogSeen)
                return;
            dialogSeen = true;
            dialog->findChild<QLineEdit *>(QStringLiteral("registryUser"))->setText(QStringLiteral("ana"));
            dialog->findChild<QLineEdit *>(QStringLiteral("registryPassword"))->setText(QStringLiteral("senha-pdd"));
            dialog->findChild<QCheckBox *>(QStringLiteral("registryRemember"))->setChecked(false);
            pddtest::saveScreenshot(dialog, QStringLiteral("image-login"));
            dialog->accept();
        });
        poll.start(100);
        JobListModel *jobs = m_window->session()->jobs();
        const int before = jobs->rowCount();
        QTest::mouseClick(panel->findChild<QToolButton *>(QStringLiteral("pushButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(jobs->rowCount() == before + 2 && jobs->jobAt(before + 1)->isFinished(), 300000);
        QVERIFY(dialogSeen);
        QCOMPARE(jobs->jobAt(before)->state(), Job::State::Failed);
        QVERIFY2(jobs->jobAt(before)->errorString().contains(QLatin1String("refused the credentials")),
                 qPrintable(jobs->jobAt(before)->errorString()));
        QVERIFY2(jobs->jobAt(before + 1)->state() == Job::State::Succeeded,
                 qPrintable(jobs->jobAt(before + 1)->errorString()));
        live::docker(
            {QStringLiteral("image"), QStringLiteral("rm"), locked->host() + QStringLiteral("/pddtest-imagegui:gui")});
    }

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_config;
    QString m_ref;
    std::unique_ptr<live::Registry> m_registry;
    std::unique_ptr<MainWindow> m_window;
};

PDD_GUI_TEST_MAIN(TestImageGui)
#include "tst_image_gui.moc"
