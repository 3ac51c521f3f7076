#include "GuiWatchdog.h"
#include "Screenshot.h"
#include "boot/BootService.h"
#include "jobs/Job.h"
#include "jobs/JobListModel.h"
#include "main/MainWindow.h"
#include "stack/StackSession.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <unistd.h>

// The Boot section of the main window, offscreen, as a user goes through it:
// Not installed → Install → Enabled with the unit path → Remove → Not
// installed. The helper and `systemctl --root` are the real ones; the system
// root is a temporary folder (the app runs as root here, so it calls the
// helper directly, as it does for root users).
class TestBootGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const bool ci = qEnvironmentVariable("CI") == QLatin1String("true");
        if (QStandardPaths::findExecutable(QStringLiteral("systemctl")).isEmpty() || ::geteuid() != 0) {
            if (ci)
                QFAIL("needs systemctl and root (tests/run runs as root in CI)");
            QSKIP("needs systemctl and root; set CI=true to make this a failure");
        }
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        QVERIFY(m_dir.isValid());
        const pddtest::GuiWatchdog::Pause copying;
        QProcess cp;
        cp.start(QStringLiteral("cp"),
                 {QStringLiteral("-a"), QStringLiteral(PDD_SOURCE_DIR "/compose/."), m_dir.path()});
        QVERIFY(cp.waitForFinished(30000));
        QFile env(m_dir.filePath(QStringLiteral(".env")));
        QVERIFY(env.open(QIODevice::WriteOnly));
        env.write("STACK_NAME=pddtest-bootgui\n");
    }

    void installAndRemoveFromTheStackMenu()
    {
        MainWindow window(m_dir.path(), EngineEndpoint::fromSocket(m_dir.filePath(QStringLiteral("no.sock"))));
        BootService *boot = window.session()->boot();
        BootEnvironment env = boot->environment();
        env.systemRoot = m_root.path();
        env.helper = QStringLiteral(PDD_SOURCE_DIR "/packaging/boot/postdodjango-boot-helper");
        boot->setEnvironment(env);
        window.resize(1000, 640);
        window.show();
        window.startMonitoring();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *label = window.findChild<QLabel *>(QStringLiteral("bootLabel"));
        QVERIFY(label);
        QTRY_COMPARE_WITH_TIMEOUT(label->text(), QStringLiteral("Prod starts on boot: not installed"), 10000);
        QVERIFY(pddtest::saveScreenshot(&window, QStringLiteral("boot-1-not-installed")));

        auto *menu = window.findChild<QMenu *>(QStringLiteral("menuBoot"));
        QVERIFY(menu);
        QAction *remove = menu->findChild<QAction *>(QStringLiteral("bootRemove"));
        QVERIFY(remove && !remove->isEnabled());
        menu->findChild<QAction *>(QStringLiteral("bootInstall"))->trigger();
        JobListModel *jobs = window.session()->jobs();
        QTRY_COMPARE(jobs->rowCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(jobs->jobAt(0)->isFinished(), 30000);
        QVERIFY2(jobs->jobAt(0)->state() == Job::State::Succeeded, qPrintable(jobs->jobAt(0)->errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(label->text(), QStringLiteral("Prod starts on boot: enabled"), 10000);
        QCOMPARE(label->toolTip(),
                 m_root.filePath(QStringLiteral("etc/systemd/system/postdodjango-pddtest-bootgui.service")));
        QVERIFY(remove->isEnabled());
        QVERIFY(pddtest::saveScreenshot(&window, QStringLiteral("boot-2-enabled")));

        // Remove asks first; answer Yes as a user would.
        QTimer::singleShot(200, this, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
        remove->trigger();
        QTRY_COMPARE(jobs->rowCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(jobs->jobAt(1)->isFinished(), 30000);
        QCOMPARE(jobs->jobAt(1)->state(), Job::State::Succeeded);
        QTRY_COMPARE_WITH_TIMEOUT(label->text(), QStringLiteral("Prod starts on boot: not installed"), 10000);
        QVERIFY(!QFileInfo::exists(m_root.filePath(
            QStringLiteral("etc/systemd/system/multi-user.target.wants/postdodjango-pddtest-bootgui.service"))));
        QVERIFY(pddtest::saveScreenshot(&window, QStringLiteral("boot-3-removed")));
    }

private:
    QTemporaryDir m_config;
    QTemporaryDir m_dir;
    QTemporaryDir m_root;
};

PDD_GUI_TEST_MAIN(TestBootGui)
#include "tst_boot_gui.moc"
