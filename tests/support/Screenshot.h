#pragma once

// Screenshots of GUI tests, for a person to look at after a run (they are not
// compared): <PDD_BINARY_DIR>/screenshots/<name>.png. PDD_BINARY_DIR comes from
// the environment CTest sets, else from the compile definition of pdd_warnings.
#include "GuiWatchdog.h"

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QString>
#include <QWidget>
#include <QtGlobal>

namespace pddtest {

inline QString screenshotDir()
{
    return QDir(qEnvironmentVariable("PDD_BINARY_DIR", QStringLiteral(PDD_BINARY_DIR)))
        .filePath(QStringLiteral("screenshots"));
}

// Grabs `widget` as it is now. Use it as QVERIFY(pddtest::saveScreenshot(w, "name")).
inline bool saveScreenshot(QWidget *widget, const QString &name)
{
    // Layouts apply their changes in posted LayoutRequest events, and each pass may
    // post one for the parent: without running them a banner that just grew is
    // clipped in the grab. A few rounds reach the top of any of our windows.
    for (int round = 0; round < 4; ++round) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
    }
    // Grabbing and PNG-encoding a whole window is the test's work, not the app's.
    const GuiWatchdog::Pause testBlocksOnPurpose;
    const QString dir = screenshotDir();
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    if (!widget || !QDir().mkpath(dir) || !widget->grab().save(path)) {
        qWarning("cannot save the screenshot %s", qPrintable(path));
        return false;
    }
    return true;
}

} // namespace pddtest
