#include "engine/LogLineQueue.h"

#include <QTest>

#include <thread>

// The bounded hand-off between a log worker and the GUI: what is dropped, what
// is counted, when the consumer is woken.
class TestLogLineQueue : public QObject
{
    Q_OBJECT

    static QVector<LogLine> lines(int from, int count, const QString &stream = QStringLiteral("stdout"))
    {
        QVector<LogLine> out;
        for (int i = from; i < from + count; ++i)
            out.append({stream, QString::number(i)});
        return out;
    }

private Q_SLOTS:
    void boundsAndCounts_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<QVector<int>>("pushes"); // sizes of successive pushes, numbered on
        QTest::addColumn<int>("takeMax");
        QTest::addColumn<QString>("firstTaken");
        QTest::addColumn<int>("taken");
        QTest::addColumn<qint64>("skipped");
        QTest::addColumn<bool>("more");
        QTest::newRow("fits") << 100 << QVector<int>{10, 20} << 1000 << "0" << 30 << qint64(0) << false;
        QTest::newRow("batch smaller than pending") << 100 << QVector<int>{50} << 20 << "0" << 20 << qint64(0) << true;
        QTest::newRow("one push over capacity") << 10 << QVector<int>{25} << 1000 << "15" << 10 << qint64(15) << false;
        QTest::newRow("many pushes over capacity")
            << 10 << QVector<int>{8, 8, 8} << 1000 << "14" << 10 << qint64(14) << false;
        QTest::newRow("exactly capacity") << 10 << QVector<int>{10} << 1000 << "0" << 10 << qint64(0) << false;
        QTest::newRow("take nothing") << 10 << QVector<int>{5} << 0 << "" << 0 << qint64(0) << true;
    }
    void boundsAndCounts()
    {
        QFETCH(int, capacity);
        QFETCH(QVector<int>, pushes);
        QFETCH(int, takeMax);
        QFETCH(QString, firstTaken);
        QFETCH(int, taken);
        QFETCH(qint64, skipped);
        QFETCH(bool, more);
        LogLineQueue q(capacity);
        int next = 0;
        for (int n : pushes) {
            q.push(lines(next, n));
            next += n;
        }
        const LogLineQueue::Batch b = q.take(takeMax);
        QCOMPARE(int(b.lines.size()), taken);
        QCOMPARE(b.skipped, skipped);
        QCOMPARE(b.more, more);
        if (taken > 0) {
            QCOMPARE(b.lines.first().text, firstTaken);
            QCOMPARE(b.lines.last().text, QString::number(next - 1 - (int(q.take(1 << 30).lines.size()))));
        }
        // The count is reported once.
        QCOMPARE(q.take(10).skipped, qint64(0));
    }

    void wakesOnlyWhenItTurnsNonEmpty()
    {
        LogLineQueue q(100);
        QVERIFY(!q.push({}));
        QVERIFY(q.push(lines(0, 3)));
        QVERIFY(!q.push(lines(3, 3)));
        QVERIFY(q.take(4).more);
        QVERIFY(!q.push(lines(6, 1))); // still not empty: the consumer is draining anyway
        QVERIFY(!q.take(100).more);
        QVERIFY(q.push(lines(7, 1)));
    }

    void longLinesAreCut()
    {
        LogLineQueue q;
        q.push({{QStringLiteral("stderr"), QString(LogLineQueue::kMaxLineChars * 3, QLatin1Char('x'))}});
        const LogLine l = q.take(1).lines.value(0);
        QCOMPARE(l.stream, QStringLiteral("stderr"));
        QVERIFY(l.text.size() < LogLineQueue::kMaxLineChars + 20);
        QVERIFY(l.text.endsWith(QStringLiteral("[line cut]")));
    }

    void clearForgetsLinesAndCount()
    {
        LogLineQueue q(5);
        q.push(lines(0, 50));
        q.clear();
        const LogLineQueue::Batch b = q.take(100);
        QVERIFY(b.lines.isEmpty());
        QCOMPARE(b.skipped, qint64(0));
    }

    // A producer thread and this consumer: nothing taken twice, order kept,
    // taken + skipped = pushed, memory bounded by the capacity throughout.
    void producerAndConsumerAgree()
    {
        LogLineQueue q(1000);
        constexpr int kTotal = 200000;
        std::thread producer([&] {
            for (int i = 0; i < kTotal; i += 100)
                q.push(lines(i, 100));
        });
        qint64 taken = 0, skipped = 0;
        int last = -1;
        bool ordered = true;
        bool bounded = true;
        const auto consume = [&] {
            const LogLineQueue::Batch b = q.take(300);
            skipped += b.skipped;
            bounded = bounded && b.lines.size() <= 300;
            for (const LogLine &l : b.lines) {
                ordered = ordered && l.text.toInt() > last;
                last = l.text.toInt();
            }
            taken += b.lines.size();
            return b.more;
        };
        while (taken + skipped < kTotal) {
            consume();
            if (taken + skipped < kTotal)
                std::this_thread::yield();
        }
        producer.join();
        while (consume()) {
        }
        QVERIFY(ordered);
        QVERIFY(bounded);
        QCOMPARE(taken + skipped, qint64(kTotal));
        QCOMPARE(last, kTotal - 1);
    }
};

QTEST_GUILESS_MAIN(TestLogLineQueue)
#include "tst_loglinequeue.moc"
