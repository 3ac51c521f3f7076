#pragma once

#include <QString>

#include <optional>

// Derives a progress fraction from what compose/run prints, when it prints
// something countable: explicit "Step 3/7" (docker build), "[2/5]" or "(2/5)"
// markers, or — when the caller knows how many container steps to expect —
// compose's per-container lines ("Creating x ... done" from v1, "Container x
// Started" from v2). Counted progress stops short of 1 until the script
// exits, because the script still waits for health checks after the last line.
class RunProgress
{
public:
    explicit RunProgress(int expectedSteps = 0) : m_expected(expectedSteps) {}

    std::optional<double> feed(const QString &line);
    int stepsSeen() const { return m_seen; }

    static std::optional<double> fromLine(const QString &line);
    static bool isContainerStep(const QString &line);

private:
    int m_expected = 0;
    int m_seen = 0;
};
