#include "backup/BackupEntry.h"
#include "backup/BackupListModel.h"
#include "backup/BackupService.h"
#include "backup/MigrationPlan.h"
#include "backup/TypedConfirmDialog.h"
#include "stack/RunProgress.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

namespace {

// A sidecar as compose/run's backup_take writes it.
QByteArray sidecar(const QString &created, const QString &reason, qint64 size, const QString &migrations)
{
    return QString::fromLatin1(R"json({
  "file": "x.dump",
  "stack": "shop",
  "mode": "prod",
  "created": "%1",
  "reason": "%2",
  "size": %3,
  "sha256": "ab12",
  "postgres_version": "15.14 (Debian 15.14-0+deb12u1)",
  "postgres_version_num": 150014,
  "format": "pg_dump -Fc",
  "migrations": [%4]
}
)json")
        .arg(created, reason)
        .arg(size)
        .arg(migrations)
        .toUtf8();
}

void write(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsSidecar_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("reason");
        QTest::addColumn<QStringList>("migrations");
        QTest::newRow("pre-migration") << sidecar("2026-12-02T01:02:03Z", "pre-migration", 42,
                                                  R"("contenttypes.0001_initial","notes.0001_initial")")
                                       << true << int(BackupEntry::Reason::PreMigration)
                                       << QStringList{"contenttypes.0001_initial", "notes.0001_initial"};
        QTest::newRow("manual, fresh database") << sidecar("2026-12-02T01:02:03Z", "manual", 42, "") << true
                                                << int(BackupEntry::Reason::Manual) << QStringList{};
        QTest::newRow("pre-upgrade") << sidecar("2026-12-02T01:02:03Z", "pre-upgrade", 42, "") << true
                                     << int(BackupEntry::Reason::PreUpgrade) << QStringList{};
        QTest::newRow("a reason from a newer run") << sidecar("2026-12-02T01:02:03Z", "nightly", 42, "") << true
                                                   << int(BackupEntry::Reason::Unknown) << QStringList{};
        QTest::newRow("truncated") << QByteArray(R"({"file": "x.dump", "size": 4)") << false
                                   << int(BackupEntry::Reason::Unknown) << QStringList{};
        QTest::newRow("not an object") << QByteArray("[1,2]") << false << int(BackupEntry::Reason::Unknown)
                                       << QStringList{};
    }
    void readsSidecar()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        QFETCH(int, reason);
        QFETCH(QStringList, migrations);
        BackupEntry e;
        QCOMPARE(BackupEntry::readSidecar(json, e), ok);
        QCOMPARE(e.hasSidecar, ok);
        QCOMPARE(int(e.reason), reason);
        QCOMPARE(e.migrations, migrations);
        if (ok) {
            QCOMPARE(e.sidecarSize, 42);
            QCOMPARE(e.created, QDateTime(QDate(2026, 12, 2), QTime(1, 2, 3), Qt::UTC));
            QCOMPARE(e.postgresVersion, QStringLiteral("15.14"));
            QCOMPARE(e.mode, std::optional<StackMode>(StackMode::Prod));
        } else {
            QVERIFY(!e.sidecarError.isEmpty());
        }
    }

    void scansNewestFirstAndSkipsPartials()
    {
        QTemporaryDir dir;
        const QString d = dir.path();
        write(d + "/shop-prod-20261201T100000Z.dump", "PGDMP-old");
        write(d + "/shop-prod-20261201T100000Z.json", sidecar("2026-12-01T10:00:00Z", "manual", 9, ""));
        write(d + "/shop-prod-20261202T090000Z.dump", "PGDMP-new!");
        write(d + "/shop-prod-20261202T090000Z.json", sidecar("2026-12-02T09:00:00Z", "pre-migration", 3, ""));
        write(d + "/.shop-prod-20261202T100000Z.dump.partial", "PGDMP");
        write(d + "/copied-by-hand.dump", "PGDMP");
        {
            // Without a sidecar, the file's own time places it.
            QFile f(d + "/copied-by-hand.dump");
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(
                f.setFileTime(QDateTime(QDate(2026, 11, 30), QTime(8, 0), Qt::UTC), QFileDevice::FileModificationTime));
        }
        const QList<BackupEntry> list = Backups::scan(d);
        QCOMPARE(list.size(), 3);
        QCOMPARE(list[0].fileName, QStringLiteral("shop-prod-20261202T090000Z.dump"));
        QCOMPARE(list[0].size, 10);
        QVERIFY2(list[0].sizeMismatch(), "sidecar says 3 bytes, the file has 10");
        QCOMPARE(list[1].fileName, QStringLiteral("shop-prod-20261201T100000Z.dump"));
        QVERIFY(!list[1].sizeMismatch());
        QCOMPARE(list[2].fileName, QStringLiteral("copied-by-hand.dump"));
        QVERIFY(!list[2].hasSidecar);
        QCOMPARE(list[2].created, QDateTime(QDate(2026, 11, 30), QTime(8, 0), Qt::UTC));
        QVERIFY(Backups::scan(d + "/missing").isEmpty());

        QString error;
        QVERIFY2(Backups::remove(list[1], &error), qPrintable(error));
        QVERIFY(!QFile::exists(d + "/shop-prod-20261201T100000Z.dump"));
        QVERIFY(!QFile::exists(d + "/shop-prod-20261201T100000Z.json"));
        QCOMPARE(Backups::scan(d).size(), 2);
    }

    void listModel()
    {
        QTemporaryDir dir;
        write(dir.filePath("a.dump"), "12345");
        write(dir.filePath("a.json"), sidecar("2026-12-01T10:00:00Z", "pre-migration", 5, R"("notes.0001_initial")"));
        write(dir.filePath("b.dump"), "12");
        BackupListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEntries(Backups::scan(dir.path()));
        QCOMPARE(model.rowCount(), 2);
        const int a = model.entryAt(0)->fileName == QLatin1String("a.dump") ? 0 : 1;
        const auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(cell(a, BackupListModel::ReasonColumn), QStringLiteral("before migrating"));
        QCOMPARE(cell(a, BackupListModel::MigrationsColumn), QStringLiteral("1"));
        QCOMPARE(model.index(a, BackupListModel::MigrationsColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("notes.0001_initial"));
        QCOMPARE(cell(a, BackupListModel::ChecksumColumn), QStringLiteral("not checked"));
        QCOMPARE(cell(1 - a, BackupListModel::ChecksumColumn), QStringLiteral("no sidecar"));
        QCOMPARE(cell(1 - a, BackupListModel::MigrationsColumn), QString());

        // Verify results survive a reload of the folder.
        model.setChecksum(dir.filePath("a.dump"), BackupEntry::Checksum::Good);
        QCOMPARE(cell(a, BackupListModel::ChecksumColumn), QStringLiteral("verified"));
        model.setEntries(Backups::scan(dir.path()));
        QCOMPARE(cell(a, BackupListModel::ChecksumColumn), QStringLiteral("verified"));
        model.setChecksum(dir.filePath("a.dump"), BackupEntry::Checksum::Bad);
        QCOMPARE(cell(a, BackupListModel::ChecksumColumn), QStringLiteral("damaged"));
        model.setEntries({});
        QCOMPARE(model.rowCount(), 0);
    }

    void migrationPlan_data()
    {
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<bool>("found");
        QTest::addColumn<QStringList>("pending");
        QTest::newRow("after compose's own lines")
            << QStringList{"Creating pdd-prod_web_run ... done",
                           R"({"applied":["notes.0001_initial"],"pending":["notes.0002_x"],"unmigrated_changes":[]})"}
            << true << QStringList{"notes.0002_x"};
        QTest::newRow("the last object wins")
            << QStringList{R"({"applied":[],"pending":["a.1"],"unmigrated_changes":[]})",
                           R"({"applied":["a.1"],"pending":[],"unmigrated_changes":[]})"}
            << true << QStringList{};
        QTest::newRow("other JSON is not a plan") << QStringList{R"({"status":"ok"})"} << false << QStringList{};
        QTest::newRow("a failed run") << QStringList{"run: the prod database is not running"} << false << QStringList{};
    }
    void migrationPlan()
    {
        QFETCH(QStringList, lines);
        QFETCH(bool, found);
        QFETCH(QStringList, pending);
        const auto plan = MigrationPlan::fromRunOutput(lines);
        QCOMPARE(plan.has_value(), found);
        if (plan)
            QCOMPARE(plan->pending, pending);
    }

    void migrationModel()
    {
        MigrationListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setPlan({{"auth.0001_initial", "notes.0001_initial"}, {"notes.0002_title"}, {}});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("notes.0002_title"));
        QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("pending"));
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("applied"));
        QVERIFY(model.index(2, 0).data(MigrationListModel::PendingRole).toBool());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    // Restore's byte counts pass 2^31 on a database of a few GB.
    void progressBeyondTwoGigabytes()
    {
        const auto f = RunProgress::fromLine(QStringLiteral("run: restore: [3221225472/4294967296] bytes read"));
        QVERIFY(f.has_value());
        QCOMPARE(*f, 0.75);
        QCOMPARE(RunProgress::fromLine(QStringLiteral("run: backup: [3/12] tables, 5 bytes written")).value(), 0.25);
    }

    // compose/run's refusal when the volume is older than POSTGRES_IMAGE, read back into an offer.
    void upgradeOffer()
    {
        const QString sentence = QStringLiteral(
            "run: the prod database (shop-prod_pgdata) holds PostgreSQL 15 data, but POSTGRES_IMAGE=postgres:17 runs "
            "PostgreSQL 17, which cannot open it. Upgrade it with: sh run -8 upgrade-postgres postgres:17 prod "
            "(backup, new volume, restore, check; the old volume is kept), or set POSTGRES_IMAGE back to a "
            "PostgreSQL 15 image. Nothing was started. (exit code 1)");
        const auto offer = BackupService::parseUpgradeOffer(sentence);
        QVERIFY(offer.has_value());
        QCOMPARE(offer->image, QStringLiteral("postgres:17"));
        QCOMPARE(offer->mode, StackMode::Prod);
        QVERIFY(!BackupService::parseUpgradeOffer(QStringLiteral("run: port 80 is already in use")).has_value());
    }

    void typedConfirmation()
    {
        TypedConfirmDialog dialog(QStringLiteral("Restore prod"), QStringLiteral("Replaces it."),
                                  QStringLiteral("shop"));
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(dialog.lineEdit(), QStringLiteral("sho"));
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(dialog.lineEdit(), QStringLiteral("p"));
        QVERIFY(ok->isEnabled());
        QTest::keyClicks(dialog.lineEdit(), QStringLiteral(" "));
        QVERIFY2(!ok->isEnabled(), "the name exactly, not a prefix of what is typed");
        QTest::keyClick(dialog.lineEdit(), Qt::Key_Return);
        QVERIFY2(dialog.result() != QDialog::Accepted, "Enter accepts only a matching name");
        QTest::keyClick(dialog.lineEdit(), Qt::Key_Backspace);
        QVERIFY(dialog.matches());
    }
};

QTEST_MAIN(TestBackup)
#include "tst_backup.moc"
