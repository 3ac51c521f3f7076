#include "image/BuildxProgress.h"

#include <QFile>
#include <QTest>

// The rawjson decoder on streams recorded from docker buildx 0.13 against
// this machine's dockerd (tests/unit/image/data: a multi-stage build, the same
// again from the cache, a failing RUN), whole and cut at every chunk size,
// plus garbage and truncation.
namespace {
QByteArray data(const char *name)
{
    QFile f(QStringLiteral(PDD_SOURCE_DIR "/tests/unit/image/data/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", name);
    return f.readAll();
}

struct Run
{
    QStringList lines;
    double fraction;
    int seen, done, cached;
    QString error, failedStep, status;
    bool garbage;
};

Run decode(const QByteArray &in, int chunk, QVector<double> *fractions = nullptr)
{
    BuildxProgress p;
    Run r;
    for (qsizetype pos = 0; pos < in.size(); pos += chunk) {
        r.lines += p.feed(in.constData() + pos, qMin<qsizetype>(chunk, in.size() - pos));
        if (fractions)
            *fractions << p.fraction();
    }
    r.lines += p.finish();
    r.fraction = p.fraction();
    r.seen = p.stepsSeen();
    r.done = p.stepsDone();
    r.cached = p.cachedSteps();
    r.error = p.error();
    r.failedStep = p.failedStep();
    r.status = p.status();
    r.garbage = p.hasGarbage();
    return r;
}
} // namespace

class TestBuildxProgress : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void multiStageBuild()
    {
        QVector<double> fractions;
        const Run r = decode(data("rawjson-multistage.txt"), 64, &fractions);
        QVERIFY(!r.garbage);
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.seen, 6);   // [build k/2] + [stage-1 k/4]
        QCOMPARE(r.done, 5);   // the shared FROM is one vertex
        QCOMPARE(r.cached, 1); // the FROM vertex comes from the image store even with --no-cache
        QVERIFY(r.lines.contains(QStringLiteral("[build 2/2] RUN echo compiling && sleep 0.3 && echo done > /out")));
        QVERIFY(r.lines.contains(QStringLiteral("compiling"))); // the step's own output, from base64 logs
        QVERIFY(r.lines.contains(QStringLiteral("[stage-1 4/4] RUN cat /out: DONE")));
        double last = -1;
        for (double f : fractions) {
            if (f >= 0) {
                QVERIFY(f >= last);
                last = f;
            }
        }
        QVERIFY(last > 0.8);
    }

    void cachedBuild()
    {
        const Run r = decode(data("rawjson-cached.txt"), 4096);
        QVERIFY(!r.garbage);
        QVERIFY2(r.cached >= 4, qPrintable(QString::number(r.cached)));
        QVERIFY(r.lines.contains(QStringLiteral("[stage-1 4/4] RUN cat /out: CACHED")));
    }

    void failedRunNamesTheStep()
    {
        const Run r = decode(data("rawjson-failed.txt"), 100);
        QCOMPARE(r.failedStep, QStringLiteral("[2/2] RUN echo bad && false"));
        QVERIFY2(r.error.contains(QLatin1String("exit code: 1")), qPrintable(r.error));
        QVERIFY(r.lines.contains(QStringLiteral("bad")));
        QVERIFY(r.lines.last().startsWith(QLatin1String("ERROR: failed to solve")));
    }

    void chunkingNeverChangesTheResult_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *f : {"rawjson-multistage.txt", "rawjson-cached.txt", "rawjson-failed.txt"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }
    void chunkingNeverChangesTheResult()
    {
        QFETCH(QString, file);
        const QByteArray in = data(file.toLatin1().constData());
        const Run whole = decode(in, int(in.size()));
        for (int chunk = 1; chunk < 300; chunk += (chunk < 20 ? 1 : 37)) {
            const Run r = decode(in, chunk);
            QCOMPARE(r.lines, whole.lines);
            QCOMPARE(r.fraction, whole.fraction);
            QCOMPARE(r.error, whole.error);
            QCOMPARE(r.cached, whole.cached);
        }
    }

    void garbageAndTruncation_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("garbage");
        QTest::addColumn<QString>("error");
        QTest::newRow("bad object") << QByteArray("{\"vertexes\": [}\nERROR: failed to solve: x\n") << true
                                    << "failed to solve: x";
        QTest::newRow("cut mid-object") << data("rawjson-failed.txt").left(700) << true << "";
        QTest::newRow("text only") << QByteArray("#0 building with \"default\"\n") << false << "";
        QTest::newRow("binary is text") << QByteArray("\x00\xff{\x01\"", 5) << false << "";
        QTest::newRow("compact lines") << QByteArray("{\"vertexes\":[{\"digest\":\"d\",\"name\":\"[1/1] FROM x\","
                                                     "\"started\":\"t\",\"completed\":\"t\",\"cached\":true}]}\n")
                                       << false << "";
        QTest::newRow("huge numbers") << QByteArray("{\"vertexes\":[{\"digest\":\"d\",\"name\":\"[1/99999999999] X\"}],"
                                                    "\"statuses\":[{\"vertex\":\"d\",\"current\":1e300,\"total\":-5}]}")
                                      << false << "";
    }
    void garbageAndTruncation()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, garbage);
        QFETCH(QString, error);
        const Run r = decode(input, 7);
        QCOMPARE(r.garbage, garbage);
        QCOMPARE(r.error, error);
        QVERIFY(r.fraction <= 1.0);
    }
};

QTEST_GUILESS_MAIN(TestBuildxProgress)
#include "tst_buildxprogress.moc"
