#include "GuiWatchdog.h"
#include "Mnemonics.h"
#include "Screenshot.h"
#include "TestFiles.h"
#include "main/MainWindow.h"
#include "stack/ContainerListModel.h"

#include <QAbstractButton>
#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

// The main window without a daemon: engine unreachable (DOCKER_HOST points at
// a socket that does not exist) and a fake run script, so what is checked is
// the window's own behaviour — banners, mode switch, actions, keyboard access.
namespace {
// A base file and a dev overlay, like compose/: dev's published ports come from the overlay.
const char kCompose[] = "services:\n"
                        "  db:\n    image: ${POSTGRES_IMAGE:-postgres:16}\n    profiles: [dev, prod]\n"
                        "  web:\n    image: web:latest\n    profiles: [dev]\n"
                        "  pgadmin:\n    image: ${PGADMIN_IMAGE:-dpage/pgadmin4:8}\n    profiles: [dev]\n"
                        "  nginx:\n    image: ${NGINX_IMAGE:-nginx:1.27}\n    profiles: [prod]\n"
                        "volumes:\n  pgdata:\n";
const char kDevOverlay[] = "services:\n"
                           "  db:\n    ports: [\"127.0.0.1:${DEV_DB_PORT:-5432}:5432\"]\n"
                           "  web:\n    ports: [\"${DEV_WEB_PORT:-8000}:8000\"]\n";
const char kRun[] = "#!/bin/sh\necho \"args: $*\"\nsleep 0.2\necho \"[1/1] done\"\n";

QStringList column(QAbstractItemModel *m, int col)
{
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r)
        out << m->index(r, col).data().toString();
    return out;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_stack.isValid() && m_config.isValid());
        pddtest::isolateSettings(m_config); // keep the user's settings out of it
        qputenv("DOCKER_HOST", "unix://" + m_stack.filePath(QStringLiteral("no-such.sock")).toUtf8());
        qputenv("STACK_NAME", "pddtest-ui");
        QVERIFY(pddtest::writeFile(m_stack.filePath("docker-compose.yml"), kCompose));
        QVERIFY(pddtest::writeFile(m_stack.filePath("docker-compose.dev.yml"), kDevOverlay));
        QVERIFY(pddtest::writeFile(m_stack.filePath("run"), kRun));
        QVERIFY(pddtest::writeFile(m_stack.filePath(".env"), "DEV_WEB_PORT=28000\nPROD_HTTP_PORT=28080\n"));
        m_window = std::make_unique<MainWindow>(m_stack.path(), EngineEndpoint::fromEnvironment());
        m_window->show();
        m_window->startMonitoring();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void engineUnavailableShowsBannerAndKeepsRunning()
    {
        auto *banner = m_window->findChild<QLabel *>(QStringLiteral("bannerText"));
        QVERIFY(banner);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
        QVERIFY2(banner->text().startsWith(QStringLiteral("Docker engine unavailable: ")), qPrintable(banner->text()));
        // The reason is a sentence that names the socket, not an error code.
        QVERIFY2(banner->text().contains(QStringLiteral("no-such.sock")), qPrintable(banner->text()));
        // Services are still listed from the compose file, their state unknown (issue 9.10:
        // "not created" claimed what the app cannot know while the engine is away).
        auto *view = m_window->findChild<QTableView *>(QStringLiteral("containerView"));
        QCOMPARE(column(view->model(), ContainerListModel::StateColumn),
                 (QStringList{"unknown", "unknown", "unknown"}));
        QVERIFY(pddtest::saveScreenshot(m_window.get(), QStringLiteral("ui-engine-unavailable")));
    }

    void modeSwitchChangesServices()
    {
        auto *view = m_window->findChild<QTableView *>(QStringLiteral("containerView"));
        QTest::mouseClick(m_window->findChild<QToolButton *>(QStringLiteral("prodButton")), Qt::LeftButton);
        QCOMPARE(m_window->mode(), StackMode::Prod);
        QCOMPARE(column(view->model(), ContainerListModel::ServiceColumn), (QStringList{"db", "nginx"}));
        // The dev overlay's ports are not prod's.
        QCOMPARE(column(view->model(), ContainerListModel::PortsColumn), (QStringList{"", ""}));
        // The product name comes once, from the application display name Qt appends.
        QCOMPARE(m_window->windowTitle(), QStringLiteral("pddtest-ui (prod)"));
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(m_window->mode(), StackMode::Dev);
        QCOMPARE(column(view->model(), ContainerListModel::ServiceColumn), (QStringList{"db", "web", "pgadmin"}));
        QCOMPARE(column(view->model(), ContainerListModel::PortsColumn),
                 (QStringList{"127.0.0.1:5432→5432", "28000→8000", ""}));
    }

    void brokenComposeFileShowsPositionAndRecovers_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("good");
        QTest::addColumn<QByteArray>("broken");
        QTest::addColumn<QString>("position");
        QTest::newRow("base") << "docker-compose.yml" << QByteArray(kCompose)
                              << QByteArray("services:\n  db:\n    image: [oops\n") << ":4:1: ";
        QTest::newRow("dev overlay") << "docker-compose.dev.yml" << QByteArray(kDevOverlay)
                                     << QByteArray("services:\n  db:\n    ports:\n      - \"127.0.0.1:x:5432\"\n")
                                     << ":4:9: ";
    }
    void brokenComposeFileShowsPositionAndRecovers()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, good);
        QFETCH(QByteArray, broken);
        QFETCH(QString, position);
        auto *banner = m_window->findChild<QLabel *>(QStringLiteral("bannerText"));
        QVERIFY(pddtest::writeFile(m_stack.filePath(file), broken));
        // The file watcher reloads on its own; Ctrl+R does it at once.
        QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
        const QString where = m_stack.filePath(file) + position;
        QVERIFY2(banner->text().contains(QStringLiteral("Compose file problem: ") + where), qPrintable(banner->text()));
        // Reported once even though both modes read the base.
        QCOMPARE(banner->text().count(QStringLiteral("Compose file problem")), 1);
        QVERIFY(m_window->isVisible());
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(' ', '-');
        QVERIFY(pddtest::saveScreenshot(m_window.get(), QStringLiteral("ui-compose-broken-%1").arg(tag)));

        QVERIFY(pddtest::writeFile(m_stack.filePath(file), good));
        QTRY_VERIFY_WITH_TIMEOUT(!banner->text().contains(QStringLiteral("Compose file problem")), 5000);
    }

    void upAndDownRunTheScriptAsJobs_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("expectedArgs");
        // clang-format off
        QTest::newRow("up dev") << "upButton" << "dev" << "args: -1";
        QTest::newRow("down dev") << "downButton" << "dev" << "args: -5 dev";
        QTest::newRow("up prod") << "upButton" << "prod" << "args: -0";
        QTest::newRow("down prod") << "downButton" << "prod" << "args: -5 prod";
        // clang-format on
    }
    void upAndDownRunTheScriptAsJobs()
    {
        QFETCH(QString, button);
        QFETCH(QString, mode);
        QFETCH(QString, expectedArgs);
        m_window->setMode(*StackModes::parse(mode));
        auto *jobs = m_window->findChild<QTreeView *>(QStringLiteral("jobView"));
        auto *jobLog = m_window->findChild<QPlainTextEdit *>(QStringLiteral("jobLog"));
        auto *btn = m_window->findChild<QToolButton *>(button);
        const int before = jobs->model()->rowCount();
        QTRY_VERIFY(btn->isEnabled());
        QTest::mouseClick(btn, Qt::LeftButton);
        QCOMPARE(jobs->model()->rowCount(), before + 1);
        // While the script runs, Up and Down wait their turn.
        QVERIFY(!btn->isEnabled());
        QCOMPARE(jobs->currentIndex().row(), before);
        QTRY_VERIFY_WITH_TIMEOUT(jobLog->toPlainText().contains(QStringLiteral("[1/1] done")), 10000);
        QVERIFY2(jobLog->toPlainText().contains(expectedArgs), qPrintable(jobLog->toPlainText()));
        QTRY_VERIFY(btn->isEnabled());
    }

    void everyActionHasAShortcutAndButtonsHaveMnemonics()
    {
        QStringList shortcuts;
        for (QAction *a : m_window->findChildren<QAction *>(QString(), Qt::FindDirectChildrenOnly)) {
            if (!a->objectName().startsWith(QLatin1String("action")) || a->objectName() == QLatin1String("actionAbout"))
                continue;
            QVERIFY2(!a->shortcut().isEmpty(), qPrintable(a->objectName() + QStringLiteral(" has no shortcut")));
            const QString key = a->shortcut().toString();
            QVERIFY2(!shortcuts.contains(key), qPrintable(key + QStringLiteral(" used twice")));
            shortcuts << key;
        }
        QVERIFY(shortcuts.size() >= 12);

        // Alt+letter mnemonics (tests/support/Mnemonics.h, shared with tst_i18n_gui's pt_BR run).
        const QStringList problems = pddtest::mnemonicProblems(m_window.get());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // Qt does not rank shortcut contexts: when a window-wide action and a
    // panel's action share a key and both are enabled, the key is "ambiguous"
    // and does nothing. So a window-wide key must be unique in the whole
    // window, the Database panel's actions included.
    void windowShortcutsAreUniqueAcrossPanels()
    {
        QList<QAction *> all;
        for (QAction *a : m_window->findChildren<QAction *>()) {
            if (!a->shortcuts().isEmpty())
                all << a;
        }
        QVERIFY(all.size() > 20); // the window's own and the database panel's
        for (int i = 0; i < all.size(); ++i) {
            for (int j = i + 1; j < all.size(); ++j) {
                auto wide = [](const QAction *a) {
                    return a->shortcutContext() == Qt::WindowShortcut
                        || a->shortcutContext() == Qt::ApplicationShortcut;
                };
                const bool windowWide = wide(all[i]) || wide(all[j]);
                if (!windowWide)
                    continue; // panel-local keys in sibling panels never meet
                for (const QKeySequence &k : all[i]->shortcuts()) {
                    QVERIFY2(
                        !all[j]->shortcuts().contains(k),
                        qPrintable(
                            QStringLiteral("%1 is both %2 and %3").arg(k.toString(), all[i]->text(), all[j]->text())));
                }
            }
        }
    }

    void tabOrderVisitsCommandsBeforeTheViews()
    {
        QStringList order;
        QWidget *w = m_window->findChild<QWidget *>(QStringLiteral("devButton"));
        for (int i = 0; i < 9 && w; ++i) {
            order << w->objectName();
            w = w->nextInFocusChain();
            while (w && ((w->focusPolicy() & Qt::TabFocus) == 0 || !w->isVisible()))
                w = w->nextInFocusChain();
        }
        // The tab widget hands focus to its tab bar, then into the current page.
        QCOMPARE(order.mid(0, 8),
                 (QStringList{"devButton", "prodButton", "upButton", "downButton", "openWebButton", "tabs",
                              "qt_tabwidget_tabbar", "containerView"}));
    }

    // Issue 9.11: usable at 1024x640, and at QT_SCALE_FACTOR=2 on a 1400x900 screen
    // (the minimum was 1688x1144 device pixels there). Logical sizes do not change
    // with the scale factor, so the window's minimum must fit 700x450 in every tab;
    // the suite also runs as tst_mainwindow_scale2 with QT_SCALE_FACTOR=2.
    void windowFitsSmallScreensAndDoubleScaling()
    {
        const double dpr = m_window->devicePixelRatioF();
        const QSize screen = qEnvironmentVariableIsSet("QT_SCALE_FACTOR") ? QSize(1400, 900) / dpr : QSize(700, 450);
        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("tabs"));
        QVERIFY(tabs);
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QCoreApplication::processEvents();
            const QSize min = m_window->minimumSizeHint().expandedTo(m_window->minimumSize());
            qInfo("%s: minimum %dx%d logical at device pixel ratio %.1f", qPrintable(tabs->tabText(i)), min.width(),
                  min.height(), dpr);
            QVERIFY2(min.width() <= screen.width() && min.height() <= screen.height(),
                     qPrintable(QStringLiteral("tab %1 needs %2x%3, more than %4x%5")
                                    .arg(tabs->tabText(i))
                                    .arg(min.width())
                                    .arg(min.height())
                                    .arg(screen.width())
                                    .arg(screen.height())));
        }

        // At 1024x640 (and at the smallest size) no label or button is cut: each is
        // as wide as its text needs, or wraps.
        const QSize before = m_window->size();
        for (const QSize size : {QSize(1024, 640), m_window->minimumSizeHint()}) {
            m_window->resize(size);
            for (int i = 0; i < tabs->count(); ++i) {
                tabs->setCurrentIndex(i);
                QTest::qWait(20);
                for (QLabel *label : m_window->findChildren<QLabel *>()) {
                    if (!label->isVisible() || label->wordWrap() || label->text().isEmpty()
                        || label->pixmap().isNull() == false)
                        continue;
                    QVERIFY2(label->width() >= label->sizeHint().width(),
                             qPrintable(QStringLiteral("label %1 (\"%2\") cut at %3x%4: %5 < %6 px")
                                            .arg(label->objectName(), label->text())
                                            .arg(size.width())
                                            .arg(size.height())
                                            .arg(label->width())
                                            .arg(label->sizeHint().width())));
                }
                for (QAbstractButton *button : m_window->findChildren<QAbstractButton *>()) {
                    if (button->isVisible() && !button->text().isEmpty())
                        QVERIFY2(button->width() >= button->minimumSizeHint().width(),
                                 qPrintable(QStringLiteral("button %1 cut").arg(button->text())));
                }
                QVERIFY(pddtest::saveScreenshot(m_window.get(),
                                                QStringLiteral("ui-%1x%2-tab%3%4")
                                                    .arg(size.width())
                                                    .arg(size.height())
                                                    .arg(i)
                                                    .arg(dpr > 1 ? QStringLiteral("-2x") : QString())));
            }
        }
        tabs->setCurrentIndex(0);
        m_window->resize(before);
    }

    void cleanupTestCase()
    {
        QVERIFY(pddtest::saveScreenshot(m_window.get(), QStringLiteral("ui-final")));
        m_window.reset();
    }

private:
    QTemporaryDir m_stack;
    QTemporaryDir m_config;
    std::unique_ptr<MainWindow> m_window;
};

PDD_GUI_TEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
