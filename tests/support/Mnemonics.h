#pragma once

// Alt+letter mnemonics of a main window's own controls visible at once must
// not collide (tst_mainwindow in English, tst_i18n_gui in each translation):
// each tab page in turn, since hidden pages' mnemonics are inactive. The
// Database panel is dense and has its own letters; where they meet the
// window's, Qt cycles focus between the two, so that overlap is not counted.
#include <QAbstractButton>
#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStringList>
#include <QTabWidget>

namespace pddtest {

inline bool isInDbPanel(QWidget *w)
{
    for (; w; w = w->parentWidget()) {
        if (w->objectName() == QLatin1String("dbPanel"))
            return true;
    }
    return false;
}

// Every clash or missing mnemonic, as sentences; empty when all is well.
inline QStringList mnemonicProblems(QMainWindow *window)
{
    QStringList problems;
    auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("tabs"));
    if (!tabs)
        return {QStringLiteral("the window has no tabs")};
    static const QRegularExpression mnemonic(QStringLiteral("&([^&])"));
    const int shown = tabs->currentIndex();
    for (int page = 0; page < tabs->count(); ++page) {
        tabs->setCurrentIndex(page);
        QStringList letters;
        auto take = [&](const QString &owner, const QString &text) {
            const auto m = mnemonic.match(text);
            if (!m.hasMatch()) {
                problems << owner + QStringLiteral(" has no mnemonic: ") + text;
                return;
            }
            const QString letter = m.captured(1).toLower();
            if (letters.contains(letter))
                problems
                    << QStringLiteral("on tab %1, %2 (%3) reuses Alt+%4").arg(tabs->tabText(page), owner, text, letter);
            letters << letter;
        };
        for (QAbstractButton *b : window->findChildren<QAbstractButton *>()) {
            if (!b->isVisible() || b->text().isEmpty() || b->objectName().startsWith(QLatin1String("qt_"))
                || isInDbPanel(b))
                continue;
            take(b->objectName(), b->text());
        }
        for (QAction *menu : window->menuBar()->actions())
            take(menu->text(), menu->text());
        for (int i = 0; i < tabs->count(); ++i)
            take(tabs->tabText(i), tabs->tabText(i));
        for (QLabel *l : window->findChildren<QLabel *>()) {
            if (l->buddy() && l->isVisible() && !isInDbPanel(l))
                take(l->objectName(), l->text());
        }
    }
    tabs->setCurrentIndex(shown);
    return problems;
}

} // namespace pddtest
