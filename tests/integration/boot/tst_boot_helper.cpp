#include "boot/BootService.h"
#include "jobs/Job.h"

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

// The privileged half for real: packaging/boot/postdodjango-boot-helper
// writing units into a temporary root and enabling them with the real
// `systemctl --root` (no running systemd needed), driven through BootService
// as the app does; what the helper must refuse; and compose/run -7 doing the
// same from the command line.
namespace {
bool inCi()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}
const QString kHelper = QStringLiteral(PDD_SOURCE_DIR "/packaging/boot/postdodjango-boot-helper");

QStringList filesUnder(const QString &root)
{
    QStringList out;
    QDirIterator it(root, QDir::Files | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next().mid(root.size());
    out.sort();
    return out;
}

struct Helper
{
    int exitCode;
    QString said;
};
Helper helper(const QString &root, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(kHelper, QStringList{QStringLiteral("--root"), root} + args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return {p.exitCode(), QString::fromUtf8(p.readAll()).trimmed()};
}
} // namespace

class TestBootHelper : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        for (const char *tool : {"systemctl", "systemd-analyze"}) {
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty()) {
                if (inCi())
                    QFAIL(qPrintable(QStringLiteral("%1 is missing (packaging/deps.sh installs systemd)").arg(tool)));
                QSKIP("systemd's tools are missing; set CI=true to make this a failure");
            }
        }
        if (::geteuid() != 0) {
            // Not root: BootService would go through pkexec, which needs an agent.
            if (inCi())
                QFAIL("the helper suite runs as root in CI (tests/run is run with sudo)");
            QSKIP("run as root: the app calls the helper directly only then");
        }
        QVERIFY(m_stacks.isValid());
        m_stack = m_stacks.filePath(QString::fromUtf8("p\xC3\xA1th with spaces & 50%"));
        QDir().mkpath(m_stack);
        QProcess cp;
        cp.start(QStringLiteral("cp"), {QStringLiteral("-a"), QStringLiteral(PDD_SOURCE_DIR "/compose/."), m_stack});
        QVERIFY(cp.waitForFinished(30000));
    }

    void installThenRemoveThroughBootService()
    {
        QTemporaryDir root;
        BootEnvironment env = BootEnvironment::forStack(m_stack, QStringLiteral("pddtest-boot"));
        env.helper = kHelper;
        env.systemRoot = root.path();
        BootService boot(BootService::Kind::Systemd, env);
        QSignalSpy changed(&boot, &BootService::statusChanged);
        boot.refresh();
        QTRY_VERIFY(changed.count() >= 1);
        QVERIFY(boot.status().known);
        QVERIFY(!boot.status().installed);

        QElapsedTimer t;
        t.start();
        Job *job = boot.install();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 30000);
        const qint64 installMs = t.elapsed();
        QVERIFY2(job->state() == Job::State::Succeeded, qPrintable(job->errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(boot.status().installed && boot.status().enabled, 10000);
        const QString unit = root.filePath(QStringLiteral("etc/systemd/system/postdodjango-pddtest-boot.service"));
        QCOMPARE(boot.status().unitPath, unit);
        QVERIFY(QFileInfo(root.filePath(QStringLiteral(
                              "etc/systemd/system/multi-user.target.wants/postdodjango-pddtest-boot.service")))
                    .isSymLink());
        QProcess verify;
        verify.setProcessChannelMode(QProcess::MergedChannels);
        verify.start(QStringLiteral("systemd-analyze"), {QStringLiteral("verify"), unit});
        verify.waitForFinished(30000);
        const QString said = QString::fromUtf8(verify.readAll());
        QVERIFY2(verify.exitCode() == 0 && !said.contains(unit), qPrintable(said));
        QFile f(unit);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY2(
            text.contains(QStringLiteral("WorkingDirectory=") + QString(m_stack).replace('%', QStringLiteral("%%"))),
            qPrintable(text));

        t.restart();
        job = boot.remove();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 30000);
        const qint64 removeMs = t.elapsed();
        QVERIFY2(job->state() == Job::State::Succeeded, qPrintable(job->errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(!boot.status().installed, 10000);
        QVERIFY(!boot.status().enabled);
        QVERIFY2(filesUnder(root.path()).isEmpty(), qPrintable(filesUnder(root.path()).join(' ')));
        qInfo("install %lld ms, remove %lld ms (helper + systemctl --root)", installMs, removeMs);
    }

    void helperRefusesWhatIsNotOurs_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("edit"); // applied to a good unit: "old=>new", or empty
        QTest::addColumn<QString>("said");
        QTest::newRow("foreign name") << "nginx.service"
                                      << ""
                                      << "only postdodjango-<stack>.service";
        QTest::newRow("path in the name") << "postdodjango-../../etc/passwd.service"
                                          << ""
                                          << "is no stack name";
        QTest::newRow("uppercase stack") << "postdodjango-Prod.service"
                                         << ""
                                         << "is no stack name";
        QTest::newRow("extra command") << "postdodjango-x.service"
                                       << "[Service]=>[Service]\nExecStartPre=/bin/rm -rf /"
                                       << "unexpected line";
        QTest::newRow("other start command") << "postdodjango-x.service"
                                             << "\" -0=>\" -0; curl evil"
                                             << "unexpected line";
        QTest::newRow("user switch") << "postdodjango-x.service"
                                     << "[Service]=>[Service]\nUser=nobody"
                                     << "unexpected line";
        QTest::newRow("not our header") << "postdodjango-x.service"
                                        << "# systemd unit: start=># evil unit: start"
                                        << "not PostDoDjango's run.service";
        QTest::newRow("folders differ") << "postdodjango-x.service"
                                        << "WorkingDirectory=/=>WorkingDirectory=/tmp/"
                                        << "different folders";
    }
    void helperRefusesWhatIsNotOurs()
    {
        QFETCH(QString, name);
        QFETCH(QString, edit);
        QFETCH(QString, said);
        QTemporaryDir root;
        QString error;
        BootEnvironment env = BootEnvironment::forStack(m_stack, QStringLiteral("x"));
        QString unit = SystemdBackend().render(env, &error);
        QVERIFY2(!unit.isEmpty(), qPrintable(error));
        if (!edit.isEmpty()) {
            const QStringList parts = edit.split(QStringLiteral("=>"));
            QVERIFY(unit.contains(parts.at(0)));
            unit.replace(unit.indexOf(parts.at(0)), parts.at(0).size(), parts.at(1));
        }
        const Helper h = helper(root.path(), {QStringLiteral("install"), name}, unit.toUtf8());
        QCOMPARE(h.exitCode, 1);
        QVERIFY2(h.said.contains(said), qPrintable(h.said));
        QVERIFY2(filesUnder(root.path()).isEmpty(), qPrintable(filesUnder(root.path()).join(' ')));
    }

    void helperRefusesRootOverridesUnderPkexec()
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("PKEXEC_UID"), QStringLiteral("1000"));
        p.setProcessEnvironment(e);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(kHelper,
                {QStringLiteral("--root"), QStringLiteral("/tmp"), QStringLiteral("remove"),
                 QStringLiteral("postdodjango-x.service")});
        p.waitForFinished(10000);
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAll().contains("not through pkexec"));
    }

    void runFlagSevenDoesTheSame()
    {
        QTemporaryDir root;
        const auto run = [&](const QStringList &args) {
            QProcess p;
            QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
            e.insert(QStringLiteral("PDD_SYSTEMD_ROOT"), root.path());
            e.insert(QStringLiteral("STACK_NAME"), QStringLiteral("pddtest-cli"));
            p.setProcessEnvironment(e);
            p.setWorkingDirectory(m_stack);
            p.setProcessChannelMode(QProcess::MergedChannels);
            p.start(QStringLiteral("sh"), QStringList{QStringLiteral("run"), QStringLiteral("-7")} + args);
            p.waitForFinished(60000);
            return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAll()));
        };
        auto r = run({QStringLiteral("install")});
        QVERIFY2(r.first == 0, qPrintable(r.second));
        const QString wants = root.filePath(
            QStringLiteral("etc/systemd/system/multi-user.target.wants/postdodjango-pddtest-cli.service"));
        QVERIFY(QFileInfo(wants).isSymLink());
        r = run({QStringLiteral("status")});
        QVERIFY2(r.second.contains(QLatin1String("postdodjango-pddtest-cli.service: installed, enabled")),
                 qPrintable(r.second));
        // What the CLI installed is exactly what the app's helper accepts.
        QFile unit(root.filePath(QStringLiteral("etc/systemd/system/postdodjango-pddtest-cli.service")));
        QVERIFY(unit.open(QIODevice::ReadOnly));
        QTemporaryDir other;
        const Helper h =
            helper(other.path(), {QStringLiteral("install"), QStringLiteral("postdodjango-pddtest-cli.service")},
                   unit.readAll());
        QVERIFY2(h.exitCode == 0, qPrintable(h.said));
        r = run({QStringLiteral("remove")});
        QVERIFY2(r.first == 0, qPrintable(r.second));
        QVERIFY(r.second.contains(QLatin1String("volumes are kept")));
        QVERIFY(!QFileInfo::exists(wants));
        r = run({QStringLiteral("status")});
        QVERIFY(r.second.contains(QLatin1String("not installed")));
        r = run({QStringLiteral("bogus")});
        QCOMPARE(r.first, 2);
    }

private:
    QTemporaryDir m_stacks;
    QString m_stack;
};

QTEST_GUILESS_MAIN(TestBootHelper)
#include "tst_boot_helper.moc"
