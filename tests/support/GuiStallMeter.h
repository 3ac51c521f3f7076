#pragma once

// How long the GUI thread went without answering: a timer on that thread ticks
// every few milliseconds and the meter keeps the worst gap between ticks, so a
// stall is measured as the user would feel it (no repaint, no input), not
// estimated. Use: start(); drive the app with QTest::qWait / QTRY_*; worstMs().
// Blocking calls the test itself makes on the GUI thread count too: pause()
// around them.
#include "ResidentMemory.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace pddtest {

class GuiStallMeter : public QObject
{
public:
    explicit GuiStallMeter(int tickMs = 5)
    {
        m_timer.setInterval(tickMs);
        connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }

    void start()
    {
        m_worst = 0;
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    void pause() { m_timer.stop(); }
    void resume()
    {
        m_last = m_clock.elapsed();
        m_timer.start();
    }
    // The longest time between two ticks, less the tick interval itself.
    qint64 worstMs() const { return m_worst; }

private:
    void tick()
    {
        const qint64 now = m_clock.elapsed();
        m_worst = qMax(m_worst, now - m_last - m_timer.interval());
        m_last = now;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

} // namespace pddtest
