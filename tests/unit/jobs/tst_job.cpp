#include "jobs/Job.h"
#include "jobs/JobListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

class TestJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void progressIsClampedAndUnknownStaysNegative_data()
    {
        QTest::addColumn<double>("reported");
        QTest::addColumn<double>("expected");
        QTest::newRow("middle") << 0.5 << 0.5;
        QTest::newRow("above one") << 1.7 << 1.0;
        QTest::newRow("unknown") << -0.3 << -1.0;
        QTest::newRow("zero") << 0.0 << 0.0;
    }
    void progressIsClampedAndUnknownStaysNegative()
    {
        QFETCH(double, reported);
        QFETCH(double, expected);
        Job job(QStringLiteral("build"));
        job.reportProgress(reported, QStringLiteral("Step 1/2"));
        QCOMPARE(job.progress(), expected);
        QCOMPARE(job.state(), Job::State::Running);
        QCOMPARE(job.statusText(), QStringLiteral("Step 1/2"));
    }

    void workerThreadReportsArriveOnOwnerThread()
    {
        Job job(QStringLiteral("push"));
        QSignalSpy finished(&job, &Job::finished);
        QSignalSpy logged(&job, &Job::logAppended);
        QThread *worker = QThread::create([report = job.reporter()] {
            for (int i = 0; i < 100; ++i)
                report.log(QString::number(i));
            report.progress(0.5);
            report.succeeded();
        });
        worker->start();
        QVERIFY(finished.wait(5000));
        worker->wait();
        delete worker;
        QCOMPARE(logged.count(), 100);
        QCOMPARE(job.log().first(), QStringLiteral("0"));
        QCOMPARE(job.log().last(), QStringLiteral("99"));
        QCOMPARE(job.state(), Job::State::Succeeded);
        QCOMPARE(job.progress(), 1.0);
    }

    void cancelIsRequestedOnceAndFirstOutcomeWins()
    {
        Job job(QStringLiteral("export"));
        QSignalSpy cancelSpy(&job, &Job::cancelRequested);
        QSignalSpy finished(&job, &Job::finished);
        job.reportStarted();
        job.cancel();
        job.cancel();
        QCOMPARE(cancelSpy.count(), 1);
        QVERIFY(job.isCancelRequested());
        QCOMPARE(job.state(), Job::State::Running); // not cancelled until the worker says so
        job.reportCancelled();
        job.reportFailed(QStringLiteral("late error"));
        QCOMPARE(job.state(), Job::State::Cancelled);
        QCOMPARE(finished.count(), 1);
        QVERIFY(job.errorString() != QStringLiteral("late error"));
    }

    void logIsBounded()
    {
        Job job(QStringLiteral("long build"));
        for (int i = 0; i < 6000; ++i)
            job.reportLog(QString::number(i));
        QCOMPARE(job.log().size(), 5000);
        QCOMPARE(job.log().first(), QStringLiteral("1000"));
    }

    void listModelFollowsJobsAndForgetsDeletedOnes()
    {
        JobListModel model;
        const QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        auto *a = new Job(QStringLiteral("up"));
        auto *b = new Job(QStringLiteral("down"));
        model.add(a);
        model.add(b);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.runningCount(), 2);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        b->reportProgress(0.25);
        QCOMPARE(changed.count(), 2); // state change + progress change
        QCOMPARE(model.data(model.index(1), JobListModel::ProgressRole).toDouble(), 0.25);
        a->reportSucceeded();
        QCOMPARE(model.runningCount(), 1);
        delete a;
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0), Qt::DisplayRole).toString(), QStringLiteral("down"));
        delete b;
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJob)
#include "tst_job.moc"
