#pragma once

// Header-only helpers every UI area shares (app/ui is on each area's include path).
#include <QAction>
#include <QToolButton>

namespace uicommon {

// A tool button that shows its action the way the window's command buttons
// do: text beside the icon, focusable with Tab, not flat, and the action's
// '&' mnemonic kept (a tool button shows iconText, which drops the '&').
inline void bindToolButton(QToolButton *button, QAction *action)
{
    action->setIconText(action->text());
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setFocusPolicy(Qt::StrongFocus);
    button->setAutoRaise(false);
}

} // namespace uicommon
