#pragma once

#include <QAction>
#include <QKeySequence>
#include <QList>

namespace uicommon {

// The platform's keys for a standard action (QKeySequence::StandardKey: Ctrl+Q
// on Linux, Cmd+Q on macOS), or `fallback` where the platform has none (the
// offscreen and Windows themes have no Quit key), so every action keeps a key.
inline QList<QKeySequence> standardKeys(QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    const QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    return keys.isEmpty() ? QList<QKeySequence>{fallback} : keys;
}

inline void setStandardShortcut(QAction *action, QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    action->setShortcuts(standardKeys(key, fallback));
}

} // namespace uicommon
