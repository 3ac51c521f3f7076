#include "GuiWatchdog.h"
#include "Mnemonics.h"
#include "Screenshot.h"
#include "TestFiles.h"
#include "main/MainWindow.h"
#include "main/NewStackDialog.h"
#include "stack/EdgeCertificate.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

// The window in Brazilian Portuguese, chosen from the system locale as a user
// gets it (CTest runs this with LANG=pt_BR.UTF-8 and PDD_TEST_LANGUAGE=system,
// so main's pdd::i18n::install("") picks the language from QLocale::system()).
namespace {
QStringList menuTitles(QMainWindow *w)
{
    QStringList titles;
    for (QAction *a : w->menuBar()->actions())
        titles << a->text();
    return titles;
}
} // namespace

class TestI18nGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_stack.isValid() && m_config.isValid());
        pddtest::isolateSettings(m_config);
        qputenv("DOCKER_HOST", "unix://" + m_stack.filePath(QStringLiteral("no-such.sock")).toUtf8());
        qputenv("STACK_NAME", "pddtest-i18n");
        QVERIFY(pddtest::writeFile(m_stack.filePath("docker-compose.yml"),
                                   "services:\n  db:\n    image: postgres:16\n    profiles: [dev, prod]\n"
                                   "  web:\n    image: web:latest\n    build: web\n    profiles: [dev, prod]\n"
                                   "  pgadmin:\n    image: dpage/pgadmin4:8\n    profiles: [dev]\n"
                                   "volumes:\n  pgdata:\n"));
        QVERIFY(pddtest::writeFile(m_stack.filePath("run"), "#!/bin/sh\nexit 0\n"));
        m_window = std::make_unique<MainWindow>(m_stack.path(), EngineEndpoint::fromEnvironment());
        m_window->resize(1100, 720);
        m_window->show();
        m_window->startMonitoring();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void languageComesFromTheSystemLocale()
    {
        QCOMPARE(QLocale::system().name(), QStringLiteral("pt_BR"));
        // Numbers follow it: a decimal comma, a dot between thousands.
        QCOMPARE(QLocale().toString(1234567), QStringLiteral("1.234.567"));
        QCOMPARE(QLocale().toString(2.5, 'f', 1), QStringLiteral("2,5"));
    }

    void menusTabsAndButtonsArePortuguese()
    {
        QCOMPARE(menuTitles(m_window.get()), (QStringList{"&Arquivo", "&Stack", "Co&ntêiner", "I&magem", "A&juda"}));
        QStringList fileMenu;
        for (QAction *a : m_window->menuBar()->actions().first()->menu()->actions())
            fileMenu << a->text();
        QVERIFY2(fileMenu.contains(QStringLiteral("&Nova stack…")) && fileMenu.contains(QStringLiteral("&Idioma"))
                     && fileMenu.contains(QStringLiteral("&Sair")),
                 qPrintable(fileMenu.join(QLatin1String(", "))));
        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("tabs"));
        QStringList tabTexts;
        for (int i = 0; i < tabs->count(); ++i)
            tabTexts << tabs->tabText(i);
        QCOMPARE(tabTexts,
                 (QStringList{"&Contêineres", "&Volumes", "&Imagem", "&Banco de dados", "Bac&kups", "Swarm (&Q)"}));
        QCOMPARE(m_window->findChild<QToolButton *>(QStringLiteral("upButton"))->text(), QStringLiteral("S&ubir"));
        QCOMPARE(m_window->findChild<QToolButton *>(QStringLiteral("downButton"))->text(), QStringLiteral("Desli&gar"));
        auto *view = m_window->findChild<QTableView *>(QStringLiteral("containerView"));
        QStringList headers;
        for (int c = 0; c < view->model()->columnCount(); ++c)
            headers << view->model()->headerData(c, Qt::Horizontal).toString();
        QCOMPARE(headers.mid(0, 3), (QStringList{"Serviço", "Estado", "Saúde"}));
        // The engine's absence is said in Portuguese too.
        auto *banner = m_window->findChild<QLabel *>(QStringLiteral("bannerText"));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
        QVERIFY2(banner->text().startsWith(QStringLiteral("Docker engine indisponível: ")), qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(QStringLiteral("não existe")), qPrintable(banner->text()));
        QVERIFY(pddtest::saveScreenshot(m_window.get(), QStringLiteral("i18n-pt_BR-main")));
    }

    void everyMnemonicIsUniqueInPortuguese()
    {
        const QStringList problems = pddtest::mnemonicProblems(m_window.get());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void pluralFormsArePortuguese()
    {
        EdgeCertificate c;
        c.issuer = QStringLiteral("Teste");
        c.selfSigned = true;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        c.notAfter = now.addSecs(86400 + 600);
        QVERIFY2(c.summary(now).contains(QStringLiteral("(vence em 1 dia)")), qPrintable(c.summary(now)));
        c.notAfter = now.addSecs(3 * 86400 + 600);
        QVERIFY2(c.summary(now).contains(QStringLiteral("(vence em 3 dias)")), qPrintable(c.summary(now)));
        QVERIFY2(c.summary(now).startsWith(QStringLiteral("autoassinado, válido até ")), qPrintable(c.summary(now)));
    }

    void databaseTabInPortuguese()
    {
        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("tabs"));
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->tabText(i) == QLatin1String("&Banco de dados"))
                tabs->setCurrentIndex(i);
        }
        QWidget *panel = m_window->findChild<QWidget *>(QStringLiteral("dbPanel"));
        QVERIFY(panel && panel->isVisible());
        QStringList buttons;
        for (QAbstractButton *b : panel->findChildren<QAbstractButton *>()) {
            if (b->isVisible() && !b->text().isEmpty())
                buttons << b->text();
        }
        QVERIFY2(buttons.contains(QStringLiteral("Cone&xão…")), qPrintable(buttons.join(QLatin1String(", "))));
        QVERIFY2(buttons.contains(QStringLiteral("Rec&onectar")), qPrintable(buttons.join(QLatin1String(", "))));
        QVERIFY(pddtest::saveScreenshot(m_window.get(), QStringLiteral("i18n-pt_BR-database")));
        tabs->setCurrentIndex(0);
    }

    // Qt's own strings come from Qt's translations (qt6-translations-l10n): the
    // dialog's Cancel button is Portuguese too.
    void newStackDialogAndQtsOwnStrings()
    {
        NewStackDialog *dialog = m_window->newStackDialog();
        dialog->setFolder(m_stack.filePath(QStringLiteral("novo site")));
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Nova stack"));
        auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"));
        QCOMPARE(buttons->button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancelar"));
        QCOMPARE(dialog->findChild<QPushButton *>(QStringLiteral("createButton"))->text(), QStringLiteral("&Criar"));
        QCOMPARE(dialog->settings().name, QStringLiteral("novo-site"));
        QVERIFY(pddtest::saveScreenshot(dialog, QStringLiteral("i18n-pt_BR-new-stack")));
        dialog->close();
    }

    void cleanupTestCase() { m_window.reset(); }

private:
    QTemporaryDir m_stack;
    QTemporaryDir m_config;
    std::unique_ptr<MainWindow> m_window;
};

PDD_GUI_TEST_MAIN(TestI18nGui)
#include "tst_i18n_gui.moc"
