#include "GuiStallMeter.h"
#include "GuiWatchdog.h"
#include "Screenshot.h"
#include "engine/EngineEndpoint.h"
#include "main/LogPane.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QTest>

// The log pane following a container that writes ~100k lines/s, on the real
// daemon: the GUI thread never stalls, memory stays flat, scrollback is kept
// to its setting, and dropped lines are said (issue 9, item 2).
namespace {

const char kName[] = "pddtest-chatty-logs";
const char kImage[] = "pdd-test/busybox:latest";

QByteArray docker(const QStringList &args, bool *ok = nullptr)
{
    const pddtest::GuiWatchdog::Pause testBlocksOnPurpose;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("docker"), args);
    const bool done = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (ok)
        *ok = done;
    return p.readAll();
}

} // namespace

class TestLogPaneGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        bool ok = false;
        const QByteArray out = docker({QStringLiteral("info")}, &ok);
        if (!ok) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL(qPrintable(QStringLiteral("the Docker daemon is not reachable: ") + QString::fromUtf8(out)));
            QSKIP("the Docker daemon is not reachable");
        }
        QProcess::execute(QStringLiteral("sh"), {QStringLiteral(PDD_SOURCE_DIR "/tests/support/busybox-image")});
        docker({QStringLiteral("image"), QStringLiteral("inspect"), QString::fromLatin1(kImage)}, &ok);
        QVERIFY2(ok, "tests/support/busybox-image did not produce pdd-test/busybox:latest");
        docker({QStringLiteral("rm"), QStringLiteral("-f"), QString::fromLatin1(kName)});
    }
    void cleanupTestCase() { docker({QStringLiteral("rm"), QStringLiteral("-f"), QString::fromLatin1(kName)}); }

    void chattyContainerNeitherFreezesNorGrows()
    {
        // 10,000 lines every ~0.1 s: about 95k lines/s here, stdout and stderr mixed.
        bool ok = false;
        const QString id =
            QString::fromUtf8(docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"),
                                      QString::fromLatin1(kName), QString::fromLatin1(kImage), QStringLiteral("sh"),
                                      QStringLiteral("-c"),
                                      QStringLiteral("while :; do seq 1 9000; seq 1 1000 >&2; sleep 0.1; done")},
                                     &ok))
                .trimmed();
        QVERIFY2(ok, qPrintable(id));

        LogPane pane;
        pane.setEndpoint(EngineEndpoint::fromEnvironment());
        pane.setScrollback(10000);
        pane.resize(900, 500);
        pane.show();
        auto *text = pane.findChild<QPlainTextEdit *>(QStringLiteral("logText"));
        QVERIFY(text);

        pddtest::GuiStallMeter meter;
        pane.follow(id, QStringLiteral("chatty"));
        QTRY_VERIFY_WITH_TIMEOUT(text->blockCount() > 1000, 10000);
        QTest::qWait(1000); // warmed up: fonts, layout, the queue at its capacity
        const qint64 rssBefore = pddtest::residentKiB();
        meter.start();
        QTest::qWait(10000);
        meter.stop();
        const qint64 rssAfter = pddtest::residentKiB();
        QVERIFY(pddtest::saveScreenshot(&pane, QStringLiteral("logpane-chatty")));

        qInfo("worst GUI stall %lld ms; RSS %lld -> %lld KiB; %d blocks shown", meter.worstMs(), rssBefore, rssAfter,
              text->blockCount());
        QVERIFY2(meter.worstMs() < 100, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(meter.worstMs())));
        QVERIFY2(rssAfter - rssBefore < 20 * 1024,
                 qPrintable(QStringLiteral("RSS grew %1 KiB").arg(rssAfter - rssBefore)));
        QVERIFY(text->blockCount() <= pane.scrollback());
        QVERIFY(text->blockCount() > pane.scrollback() / 2);
        // What is shown is the container's lines, and where the pane could not keep up
        // (it appends at most 10k lines/s) it says how many it skipped.
        // (Which lines survive depends on how far behind the machine is: a run of
        // three consecutive numbers, not seq's first three, shows they are the
        // container's own.)
        const QString shown = text->toPlainText();
        const QStringList lines = shown.split(QLatin1Char('\n'));
        bool consecutive = false;
        for (int i = 0; i + 2 < lines.size() && !consecutive; ++i) {
            bool ok0 = false, ok1 = false, ok2 = false;
            const int a = lines[i].toInt(&ok0), b = lines[i + 1].toInt(&ok1), c = lines[i + 2].toInt(&ok2);
            consecutive = ok0 && ok1 && ok2 && b == a + 1 && c == a + 2;
        }
        QVERIFY2(consecutive, "no three consecutive lines of seq's output are shown");
        QVERIFY2(shown.contains(QStringLiteral("skipped")), "at ~95k lines/s lines are dropped: the pane must say so");

        // With a queue smaller than what arrives between two ticks, lines are dropped
        // and the pane says so instead of falling behind.
        pane.setScrollback(100);
        QTRY_VERIFY_WITH_TIMEOUT(text->toPlainText().contains(QStringLiteral("skipped")), 5000);
        QVERIFY(text->blockCount() <= 100);

        // The container killed: the pane keeps answering and says the log ended.
        meter.start();
        docker({QStringLiteral("rm"), QStringLiteral("-f"), QString::fromLatin1(kName)});
        meter.pause(); // the docker call above blocked this thread itself
        meter.resume();
        auto *source = pane.findChild<QLabel *>(QStringLiteral("logSource"));
        QVERIFY(source);
        QTRY_VERIFY_WITH_TIMEOUT(source->text().contains(QStringLiteral("log ended")), 10000);
        QVERIFY2(meter.worstMs() < 100,
                 qPrintable(QStringLiteral("GUI stalled %1 ms after the kill").arg(meter.worstMs())));
    }
};

PDD_GUI_TEST_MAIN(TestLogPaneGui)
#include "tst_logpane_gui.moc"
