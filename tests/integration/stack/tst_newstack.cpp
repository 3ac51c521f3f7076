#include "GuiWatchdog.h"
#include "Screenshot.h"
#include "TestFiles.h"
#include "jobs/Job.h"
#include "main/NewStackDialog.h"
#include "stack/NewStack.h"
#include "stack/ProjectLocator.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

// File > New stack… and --new-stack on the real template (compose/ of this
// checkout) with the real `run --init-env` and the real engine (its clash
// check asks the daemon). The e2e that brings two created stacks up side by
// side is tests/e2e/stack/test_new_stack.py.
namespace {
QString templateDir()
{
    return QDir(qEnvironmentVariable("PDD_SOURCE_DIR", QStringLiteral(PDD_SOURCE_DIR)))
        .filePath(QStringLiteral("compose"));
}

int docker(const QStringList &args)
{
    pddtest::GuiWatchdog::Pause pause; // a blocking CLI call the test makes itself
    QProcess p;
    p.start(QStringLiteral("docker"), args);
    p.waitForFinished(60000);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

NewStack::Settings settingsFor(const QString &dir, const QString &name)
{
    NewStack::Settings s;
    s.dir = dir;
    s.name = name;
    s.ports = NewStack::freePorts(NewStack::templatePorts(templateDir()), {});
    return s;
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}
} // namespace

class TestNewStack : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid() && m_config.isValid());
        pddtest::isolateSettings(m_config);
        QVERIFY2(docker({QStringLiteral("info")}) == 0, "the Docker daemon must be reachable for this suite");
        QVERIFY(ProjectLocator::isStackDir(templateDir()));
    }

    void namesAndFolders()
    {
        QVERIFY(NewStack::nameProblem(QStringLiteral("my-site_2")).isEmpty());
        QVERIFY(!NewStack::nameProblem(QStringLiteral("My-Site")).isEmpty());
        QVERIFY(!NewStack::nameProblem(QStringLiteral("-site")).isEmpty());
        QVERIFY(!NewStack::nameProblem(QString()).isEmpty());
        QCOMPARE(NewStack::suggestedName(QStringLiteral("/home/ana/Meu Site!")), QStringLiteral("meu-site"));
        QCOMPARE(NewStack::suggestedName(QStringLiteral("/tmp/__x")), QStringLiteral("x"));
        QVERIFY(NewStack::folderProblem(m_tmp.filePath(QStringLiteral("fresh/deeper"))).isEmpty());
        const QString full = m_tmp.filePath(QStringLiteral("full"));
        QVERIFY(pddtest::writeFile(full + QStringLiteral("/notes.txt"), "mine\n"));
        QVERIFY(NewStack::folderProblem(full).contains(QStringLiteral("not empty")));
    }

    void portsAvoidBoundAndDeclaredOnes()
    {
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::Any, 0));
        const int bound = busy.serverPort();
        QVERIFY(!NewStack::portFree(bound));
        QMap<QString, int> wanted;
        for (const QString &key : NewStack::portKeys())
            wanted.insert(key, bound);
        const QMap<QString, int> chosen = NewStack::freePorts(wanted, {bound + 1});
        QSet<int> distinct;
        for (const QString &key : NewStack::portKeys()) {
            const int p = chosen.value(key);
            QVERIFY2(p != bound && p != bound + 1, qPrintable(QStringLiteral("%1=%2").arg(key).arg(p)));
            distinct.insert(p);
        }
        QCOMPARE(distinct.size(), NewStack::portKeys().size());
    }

    void createsAStackWithFreshSecretsAndGit()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("site-a"));
        NewStack::Settings s = settingsFor(dir, QStringLiteral("pddtest-newa"));
        s.initGit = true;
        QStringList log;
        NewStack::Hooks hooks;
        hooks.log = [&log](const QString &line) { log << line; };
        const QString error = NewStack::create(s, templateDir(), hooks);
        QVERIFY2(error.isEmpty(), qPrintable(error + QLatin1Char('\n') + log.join(QLatin1Char('\n'))));
        QVERIFY(ProjectLocator::isStackDir(dir));
        QVERIFY(QFileInfo(dir + QStringLiteral("/run")).isExecutable());
        // Nothing of the checkout's own state is copied.
        for (const QString &kept : {QStringLiteral("backups"), QStringLiteral("tls"), QStringLiteral(".venv")})
            QVERIFY2(!QFileInfo::exists(dir + QLatin1Char('/') + kept), qPrintable(kept));
        QFile env(dir + QStringLiteral("/.env"));
        QVERIFY(env.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(env.readAll());
        QVERIFY(text.contains(QStringLiteral("\nSTACK_NAME=pddtest-newa\n")));
        QVERIFY(!text.contains(QStringLiteral("=__GENERATE__"))); // every placeholder filled
        for (const QString &key : NewStack::portKeys())
            QVERIFY2(text.contains(QStringLiteral("\n%1=%2\n").arg(key).arg(s.ports.value(key))), qPrintable(key));
        QCOMPARE(QFileInfo(env).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        // git: a repository whose index leaves .env out.
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/.git")));
        QProcess git;
        git.setWorkingDirectory(dir);
        git.start(QStringLiteral("git"), {QStringLiteral("ls-files"), QStringLiteral("--cached")});
        QVERIFY(git.waitForFinished(30000));
        const QStringList tracked = QString::fromUtf8(git.readAllStandardOutput()).split(QLatin1Char('\n'));
        QVERIFY(tracked.contains(QStringLiteral("run")));
        QVERIFY(tracked.contains(QStringLiteral("docker-compose.yml")));
        QVERIFY(!tracked.contains(QStringLiteral(".env")));
        // A second stack, knowing the first: none of the first one's ports.
        const QMap<QString, int> second =
            NewStack::freePorts(NewStack::templatePorts(templateDir()), NewStack::declaredPorts({dir}));
        for (const QString &key : NewStack::portKeys())
            QVERIFY2(!s.ports.values().contains(second.value(key)), qPrintable(key));
    }

    void refusesANonEmptyFolderAndTouchesNothing()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("full"));
        const QStringList before = entries(dir);
        const QString error = NewStack::create(settingsFor(dir, QStringLiteral("pddtest-full")), templateDir());
        QVERIFY2(error.contains(QStringLiteral("not empty")), qPrintable(error));
        QCOMPARE(entries(dir), before);
    }

    // The engine has a volume of that name: run --init-env's sentence, and the
    // folder is left as it was found.
    void refusesANameTheEngineHasAndUndoes()
    {
        QCOMPARE(
            docker({QStringLiteral("volume"), QStringLiteral("create"), QStringLiteral("pddtest-newclash-dev_pgdata")}),
            0);
        const QString dir = m_tmp.filePath(QStringLiteral("clash"));
        QDir().mkpath(dir);
        const QString error = NewStack::create(settingsFor(dir, QStringLiteral("pddtest-newclash")), templateDir());
        docker({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("pddtest-newclash-dev_pgdata")});
        QVERIFY2(error.contains(QStringLiteral("already has volumes of a stack named pddtest-newclash")),
                 qPrintable(error));
        QVERIFY2(entries(dir).isEmpty(), qPrintable(entries(dir).join(QLatin1Char(' '))));
    }

    void cancelLeavesNothing()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("cancelled"));
        NewStack::Hooks hooks;
        int calls = 0;
        hooks.cancelled = [&calls] { return ++calls > 5; }; // partway through the copy
        const QString error =
            NewStack::create(settingsFor(dir, QStringLiteral("pddtest-cancel")), templateDir(), hooks);
        QCOMPARE(error, QStringLiteral("Cancelled."));
        QVERIFY(!QFileInfo::exists(dir));
    }

    // The dialog: a non-empty folder refused under the fields; Create as a Job
    // off the GUI thread (the watchdog sees no stall) ending in createdDir().
    void dialogCreatesOffTheGuiThread()
    {
        NewStackDialog dialog(templateDir(), {m_tmp.filePath(QStringLiteral("site-a"))});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *create = dialog.findChild<QPushButton *>(QStringLiteral("createButton"));
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("problemLabel"));
        dialog.setFolder(m_tmp.filePath(QStringLiteral("full")));
        QVERIFY(!create->isEnabled());
        QVERIFY2(problem->text().contains(QStringLiteral("not empty")), qPrintable(problem->text()));
        QVERIFY(pddtest::saveScreenshot(&dialog, QStringLiteral("new-stack-refused")));
        dialog.setFolder(m_tmp.filePath(QStringLiteral("Site B")));
        QCOMPARE(dialog.settings().name, QStringLiteral("site-b"));
        QVERIFY(create->isEnabled());
        // Two services on one port: refused before anything is written.
        QSpinBox *db = dialog.portBox(QStringLiteral("DEV_DB_PORT"));
        const int dbPort = db->value();
        db->setValue(dialog.portBox(QStringLiteral("DEV_WEB_PORT"))->value());
        QVERIFY(!create->isEnabled());
        db->setValue(dbPort);
        QVERIFY(pddtest::saveScreenshot(&dialog, QStringLiteral("new-stack-dialog")));
        // site-a's declared ports are not offered again.
        const QSet<int> taken = NewStack::declaredPorts({m_tmp.filePath(QStringLiteral("site-a"))});
        for (const QString &key : NewStack::portKeys())
            QVERIFY2(!taken.contains(dialog.portBox(key)->value()), qPrintable(key));
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(dialog.job());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.job()->isFinished(), 60000);
        QVERIFY2(
            dialog.job()->state() == Job::State::Succeeded,
            qPrintable(dialog.job()->errorString() + QLatin1Char('\n') + dialog.job()->log().join(QLatin1Char('\n'))));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.createdDir(), m_tmp.filePath(QStringLiteral("Site B")));
        QVERIFY(ProjectLocator::isStackDir(dialog.createdDir()));
    }

private:
    QTemporaryDir m_tmp;
    QTemporaryDir m_config;
};

PDD_GUI_TEST_MAIN(TestNewStack)
#include "tst_newstack.moc"
