#include "boot/BootService.h"
#include "jobs/Job.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

// The app's privilege path for real, run by polkit-path.sh as an unprivileged
// user: BootService calls `pkexec postdodjango-boot-helper`, polkitd (on the
// system bus the script provides) decides by the test rule the script put in
// place: "allowed" installs for real into /etc/systemd/system, "denied" must
// end in one sentence with nothing changed.
namespace {
// polkit-path.sh stages what the user needs (this binary, compose/, the helper)
// in a folder the user can read, wherever the checkout is.
QString source()
{
    return qEnvironmentVariable("PDD_SOURCE_DIR", QStringLiteral(PDD_SOURCE_DIR));
}
BootEnvironment environmentFor(const QString &stackDir)
{
    BootEnvironment env = BootEnvironment::forStack(stackDir, QStringLiteral("pddtest-polkit"));
    env.helper = source() + QStringLiteral("/packaging/boot/postdodjango-boot-helper");
    return env;
}
} // namespace

class TestBootPkexec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() == 0)
            QFAIL("run me as an unprivileged user (polkit-path.sh does)");
        QVERIFY(m_dir.isValid());
        QProcess cp;
        cp.start(QStringLiteral("cp"), {QStringLiteral("-a"), source() + QStringLiteral("/compose/."), m_dir.path()});
        QVERIFY(cp.waitForFinished(30000));
        m_unit = QStringLiteral("/etc/systemd/system/postdodjango-pddtest-polkit.service");
    }

    void installAllowed()
    {
        QVERIFY2(!QFileInfo::exists(m_unit), "left over from an earlier run");
        BootService boot(BootService::Kind::Systemd, environmentFor(m_dir.path()));
        Job *job = boot.install();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 60000);
        QVERIFY2(job->state() == Job::State::Succeeded, qPrintable(job->errorString() + job->log().join('\n')));
        QVERIFY(QFileInfo::exists(m_unit));
        QVERIFY(
            QFileInfo(QStringLiteral("/etc/systemd/system/multi-user.target.wants/postdodjango-pddtest-polkit.service"))
                .isSymLink());
        QCOMPARE(QFileInfo(m_unit).ownerId(), 0u);
    }

    void removeDenied()
    {
        QVERIFY(QFileInfo::exists(m_unit));
        const QDateTime before = QFileInfo(m_unit).lastModified();
        BootService boot(BootService::Kind::Systemd, environmentFor(m_dir.path()));
        Job *job = boot.remove();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 60000);
        QCOMPARE(job->state(), Job::State::Failed);
        QCOMPARE(job->errorString(), QStringLiteral("Authentication was cancelled or refused; nothing was changed."));
        QVERIFY(QFileInfo::exists(m_unit));
        QCOMPARE(QFileInfo(m_unit).lastModified(), before);
        // Install is refused the same way, and does not touch the unit either.
        job = boot.install();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 60000);
        QCOMPARE(job->state(), Job::State::Failed);
        QCOMPARE(QFileInfo(m_unit).lastModified(), before);
    }

private:
    QTemporaryDir m_dir;
    QString m_unit;
};

QTEST_GUILESS_MAIN(TestBootPkexec)
#include "tst_boot_pkexec.moc"
