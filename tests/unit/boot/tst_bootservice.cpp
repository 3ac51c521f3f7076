#include "boot/BootService.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The generated boot units, checked by the real tools: the systemd unit for
// stack folders with spaces, quotes, '%', '$' and non-ASCII letters rendered by
// compose/run (the one generator) and verified by `systemd-analyze verify`;
// the launchd plist parsed by Python's plistlib; systemctl show parsed.
namespace {
bool inCi()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

// A copy of compose/ under a hostile folder name.
QString stackCopy(const QTemporaryDir &root, const QString &name)
{
    const QString dir = root.filePath(name);
    QDir().mkpath(dir);
    QProcess cp;
    cp.start(QStringLiteral("cp"), {QStringLiteral("-a"), QStringLiteral(PDD_SOURCE_DIR "/compose/."), dir});
    cp.waitForFinished(30000);
    return dir;
}
} // namespace

class TestBootService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void systemdUnitsVerify_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::newRow("plain") << "stack";
        QTest::newRow("spaces") << "my stack folder";
        QTest::newRow("quotes") << "it's \"here\"";
        QTest::newRow("percent and dollar") << "100% $HOME";
        QTest::newRow("non-ascii") << QString::fromUtf8("produ\xC3\xA7\xC3\xA3o d\xC3\xA9j\xC3\xA0");
        QTest::newRow("backslash") << "back\\slash";
    }
    void systemdUnitsVerify()
    {
        QFETCH(QString, folder);
        if (QStandardPaths::findExecutable(QStringLiteral("systemd-analyze")).isEmpty()) {
            if (inCi())
                QFAIL("systemd-analyze is missing (packaging/deps.sh installs systemd)");
            QSKIP("systemd-analyze is missing; set CI=true to make this a failure");
        }
        QTemporaryDir root;
        const QString dir = stackCopy(root, folder);
        BootEnvironment env = BootEnvironment::forStack(dir, QStringLiteral("pddtest"));
        SystemdBackend systemd;
        QCOMPARE(systemd.unitName(env), QStringLiteral("postdodjango-pddtest.service"));
        QString error;
        const QString unit = systemd.render(env, &error);
        QVERIFY2(!unit.isEmpty(), qPrintable(error));
        QVERIFY(unit.contains(QLatin1String("\nType=oneshot\n")));
        QVERIFY(unit.contains(QLatin1String("\nRestart=on-failure\n")));
        QVERIFY(unit.contains(QLatin1String("\nRequires=docker.service\n")));
        QVERIFY(unit.contains(QLatin1String("\nWants=network-online.target\n")));
        const QString unitFile = root.filePath(systemd.unitName(env));
        QFile f(unitFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(unit.toUtf8());
        f.close();
        QProcess verify;
        verify.setProcessChannelMode(QProcess::MergedChannels);
        verify.start(QStringLiteral("systemd-analyze"), {QStringLiteral("verify"), unitFile});
        QVERIFY(verify.waitForFinished(30000));
        const QString said = QString::fromUtf8(verify.readAll());
        QVERIFY2(verify.exitCode() == 0 && !said.contains(unitFile), qPrintable(said));
    }

    void launchdPlistParses_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::newRow("spaces and quotes") << "my \"stack\" it's";
        QTest::newRow("markup and non-ascii") << QString::fromUtf8("<a&b> produ\xC3\xA7\xC3\xA3o");
    }
    void launchdPlistParses()
    {
        QFETCH(QString, folder);
        QTemporaryDir root;
        const QString dir = root.filePath(folder);
        BootEnvironment env = BootEnvironment::forStack(dir, QStringLiteral("pddtest"));
        env.logDir = QStringLiteral("/Users/ana/Library/Logs/PostDoDjango");
        LaunchdBackend launchd;
        QCOMPARE(launchd.label(env), QStringLiteral("org.postdodjango.pddtest"));
        const QString plist = launchd.render(env, nullptr);
        const QString file = root.filePath(QStringLiteral("agent.plist"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(plist.toUtf8());
        f.close();
        // plistlib is the parser; check_plist.py asserts what it understood.
        QProcess py;
        py.setProcessChannelMode(QProcess::MergedChannels);
        py.start(QStringLiteral("python3"),
                 {QStringLiteral(PDD_SOURCE_DIR "/tests/unit/boot/check_plist.py"), file, dir});
        QVERIFY(py.waitForFinished(30000));
        QVERIFY2(py.exitCode() == 0, py.readAll().constData());
    }

    void systemctlShowIsParsed()
    {
        const BootStatus s = BootStatus::fromSystemctlShow(
            "LoadState=loaded\nUnitFileState=enabled\nActiveState=active\nSubState=exited\nResult=success\n"
            "ExecMainStatus=0\nActiveEnterTimestamp=Tue 2026-12-01 08:12:03 UTC\n"
            "FragmentPath=/etc/systemd/system/postdodjango-x.service\n");
        QVERIFY(s.known && s.installed && s.enabled);
        QCOMPARE(s.activeState, QStringLiteral("active"));
        QCOMPARE(s.lastStart.toUTC(), QDateTime(QDate(2026, 12, 1), QTime(8, 12, 3), Qt::UTC));
        QVERIFY2(s.summary().startsWith(QStringLiteral("Prod starts on boot: enabled · last start ")),
                 qPrintable(s.summary()));
        QVERIFY(s.summary().endsWith(QLatin1String(", succeeded")));

        const BootStatus missing = BootStatus::fromSystemctlShow(
            "LoadState=not-found\nUnitFileState=\nActiveState=inactive\nActiveEnterTimestamp=\n");
        QVERIFY(missing.known && !missing.installed);
        QCOMPARE(missing.summary(), QStringLiteral("Prod starts on boot: not installed"));

        const BootStatus failed = BootStatus::fromSystemctlShow(
            "LoadState=loaded\nUnitFileState=enabled\nActiveState=failed\nResult=exit-code\nExecMainStatus=1\n");
        QCOMPARE(failed.summary(), QStringLiteral("Prod starts on boot: enabled · last start failed (exit-code)"));
        QVERIFY(!BootStatus::fromSystemctlShow("").known);

        // No systemd as PID 1 (containers, WSL): the unit files still tell.
        BootStatus offline;
        offline.known = offline.managerDown = offline.installed = offline.enabled = true;
        QCOMPARE(offline.summary(),
                 QStringLiteral("Prod starts on boot: enabled (systemd is not running on this system now)"));
    }
};

QTEST_GUILESS_MAIN(TestBootService)
#include "tst_bootservice.moc"
