#pragma once

#include <QString>

#include <optional>

// Derives a progress fraction from what compose/run prints, when it prints
// something countable: "Step 3/7" (docker build), "[2/5]" or "(2/5)" step
// markers. Anything else leaves the Job indeterminate rather than inventing a number.
class RunProgress
{
public:
    static std::optional<double> fromLine(const QString &line);
};
