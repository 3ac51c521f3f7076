#pragma once

// Fails the running test when the GUI thread does not answer for kLimitMs (issue
// 9: "a watchdog in every GUI suite"). A timer on the GUI thread ticks every 5 ms;
// a gap between two ticks longer than the limit is a stall the user would have
// felt, and the test function running then fails with its length. Gaps that span
// two test functions (cleanup of one, init of the next, run by QTest without an
// event loop) are not counted: they are the harness, not the app.
//
// Blocking calls the test itself makes on the GUI thread (docker CLI, seeding a
// database) are wrapped in a GuiWatchdog::Pause. At exit the suite prints its
// worst stall, so the closing note can compare suites.
//
// Use PDD_GUI_TEST_MAIN(TestClass) instead of QTEST_MAIN.
#include <QApplication>
#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <cstdio>

namespace pddtest {

class GuiWatchdog : public QObject
{
public:
    static constexpr int kLimitMs = 250;
    static constexpr int kTickMs = 5;

    GuiWatchdog()
    {
        s_instance = this;
        m_limitMs = qEnvironmentVariableIntValue("PDD_GUI_WATCHDOG_MS") > 0
            ? qEnvironmentVariableIntValue("PDD_GUI_WATCHDOG_MS")
            : kLimitMs;
        m_timer.setInterval(kTickMs);
        connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
        m_clock.start();
        m_timer.start();
    }
    ~GuiWatchdog() override
    {
        s_instance = nullptr;
        std::printf("GUI watchdog: worst stall %lld ms (%s), limit %d ms, %d stall(s) over the limit\n",
                    static_cast<long long>(m_worst), m_worstWhere.isEmpty() ? "-" : qPrintable(m_worstWhere), m_limitMs,
                    m_overLimit);
        std::fflush(stdout);
    }

    // Not a stall of the app: the test blocks the GUI thread on purpose.
    class Pause
    {
    public:
        Pause()
        {
            if (s_instance)
                ++s_instance->m_paused;
        }
        ~Pause()
        {
            if (s_instance && --s_instance->m_paused == 0)
                s_instance->m_last = -1; // restart the measurement
        }
        Pause(const Pause &) = delete;
        Pause &operator=(const Pause &) = delete;
    };

    static qint64 worstMs() { return s_instance ? s_instance->m_worst : 0; }

private:
    void tick()
    {
        const qint64 now = m_clock.elapsed();
        const QString where = currentTest();
        const qint64 gap = m_last < 0 ? 0 : now - m_last - kTickMs;
        const bool sameTest = where == m_lastWhere;
        m_last = now;
        m_lastWhere = where;
        if (m_paused > 0 || !sameTest || where.isEmpty())
            return;
        if (gap > m_worst) {
            m_worst = gap;
            m_worstWhere = where;
        }
        if (gap > m_limitMs) {
            ++m_overLimit;
            const QByteArray why = QStringLiteral("GUI watchdog: the GUI thread did not answer for %1 ms (limit %2 ms)")
                                       .arg(gap)
                                       .arg(m_limitMs)
                                       .toUtf8();
            QTest::qFail(why.constData(), __FILE__, __LINE__);
        }
    }

    static QString currentTest()
    {
        const char *fn = QTest::currentTestFunction();
        if (!fn)
            return {};
        const char *tag = QTest::currentDataTag();
        return tag ? QStringLiteral("%1(%2)").arg(QLatin1String(fn), QLatin1String(tag)) : QLatin1String(fn);
    }

    static inline GuiWatchdog *s_instance = nullptr;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    QString m_lastWhere;
    qint64 m_worst = 0;
    QString m_worstWhere;
    int m_limitMs = kLimitMs;
    int m_paused = 0;
    int m_overLimit = 0;
};

} // namespace pddtest

#define PDD_GUI_TEST_MAIN(TestObject)                                                                                  \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        QApplication app(argc, argv);                                                                                  \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                                       \
        pddtest::GuiWatchdog watchdog;                                                                                 \
        TestObject tc;                                                                                                 \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&tc, argc, argv);                                                                          \
    }
