#pragma once

// Shared by the Database tab GUI suites (tst_dbui_gui, tst_dbui_bigtable): the
// PostgreSQL of the test run (tests/support/pg-test-server exports PDD_TEST_PG_*),
// a schema of small tables rebuilt for every test, and the panel under test.
#include "db/CatalogModel.h"
#include "db/TableModel.h"
#include "ui/db/DbBrowserPanel.h"
#include "ui/db/TableBrowser.h"
#include "ui_DbTableBrowser.h"

#include "GuiWatchdog.h"

#include <pqxx/pqxx>

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <string>

// QTRY_* return void on failure; helpers returning bool use this instead.
#define WAIT_OR_FAIL(expr, timeout)                                                                                    \
    do {                                                                                                               \
        if (!QTest::qWaitFor([&] { return bool(expr); }, timeout)) {                                                   \
            QTest::qFail(#expr, __FILE__, __LINE__);                                                                   \
            return false;                                                                                              \
        }                                                                                                              \
    } while (false)

// First thing in initTestCase(): QSKIP and QFAIL return from the function they are written in.
#define DBUI_REQUIRE_SERVER()                                                                                          \
    do {                                                                                                               \
        if (dbuitest::env("PDD_TEST_PG_DSN").isEmpty()) {                                                              \
            if (dbuitest::env("CI") == QLatin1String("true"))                                                          \
                QFAIL("PDD_TEST_PG_DSN is not set: tests/support/pg-test-server must run under CI.");                  \
            QSKIP("No PostgreSQL for the GUI tests: run `eval \"$(tests/support/pg-test-server start)\"` first.");     \
        }                                                                                                              \
    } while (false)

namespace dbuitest {

inline constexpr char kSchema[] = "dbui gui"; // a space on purpose: names are quoted by the core

inline QString env(const char *name)
{
    return qEnvironmentVariable(name);
}

// A suite derives from QObject and this, so its tests use the helpers and m_panel directly.
class PanelFixture
{
protected:
    // For initTestCase(): saved connections go to a throwaway settings root, not the user's.
    void useThrowawaySettings(const QString &suite)
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
        QCoreApplication::setOrganizationName(QStringLiteral("pdd-gui-test"));
        QCoreApplication::setApplicationName(suite);
    }

    // For init(): the schema with its tables as the tests expect them, and a new panel.
    void setUpSchemaAndPanel()
    {
        const pddtest::GuiWatchdog::Pause testBlocksOnPurpose;
        pqxx::connection c(env("PDD_TEST_PG_DSN").toStdString());
        pqxx::work w(c);
        const std::string s = w.quote_name(kSchema);
        w.exec("DROP SCHEMA IF EXISTS " + s + " CASCADE");
        w.exec("CREATE SCHEMA " + s);
        w.exec("CREATE TABLE " + s
               + ".items (id serial PRIMARY KEY, name text NOT NULL, note text, "
                 "doc jsonb, blob bytea, created timestamptz NOT NULL DEFAULT '2026-01-02 03:04:05+00')");
        w.exec("INSERT INTO " + s
               + ".items (name, note, doc, blob) "
                 "SELECT 'item ' || g, CASE g WHEN 1 THEN NULL WHEN 2 THEN '' ELSE 'note ' || g END, "
                 "CASE WHEN g = 1 THEN '{\"a\": 1, \"b\": [1, 2], \"c\": {\"d\": \"deep\"}}'::jsonb END, "
                 "CASE WHEN g = 1 THEN '\\x48656c6c6f0a00ff'::bytea END "
                 "FROM generate_series(1, 50) g");
        w.exec("CREATE TABLE " + s + ".nopk (a int, b text)");
        w.exec("INSERT INTO " + s + ".nopk SELECT g, 'row ' || g FROM generate_series(1, 10) g");
        w.exec("CREATE TABLE " + s + "." + w.quote_name("Tab \"q\"; DROP TABLE x; --") + " (" + w.quote_name("select")
               + " int PRIMARY KEY, " + w.quote_name("naïve col; --") + " text)");
        w.exec("INSERT INTO " + s + "." + w.quote_name("Tab \"q\"; DROP TABLE x; --")
               + " SELECT g, 'v' || g FROM generate_series(1, 3) g");
        w.exec("CREATE TABLE " + s + ".many (id int PRIMARY KEY, label text)");
        w.exec("INSERT INTO " + s + ".many SELECT g, 'row ' || g FROM generate_series(1, 1000) g");
        w.exec("ANALYZE " + s + ".items");
        w.commit();
        m_panel = std::make_unique<DbBrowserPanel>();
        m_panel->resize(1280, 720);
    }

    db::ConnectionSettings settings() const
    {
        db::ConnectionSettings s;
        s.host = env("PDD_TEST_PG_HOST");
        s.port = env("PDD_TEST_PG_PORT").toInt();
        s.user = env("PDD_TEST_PG_USER");
        s.database = env("PDD_TEST_PG_DB");
        s.password = env("PDD_TEST_PG_PASSWORD");
        s.label = QStringLiteral("test");
        return s;
    }

    // Fixtures and checks go through a connection of their own, not the panel's.
    void exec(const std::string &sql)
    {
        const pddtest::GuiWatchdog::Pause testBlocksOnPurpose;
        pqxx::connection c(env("PDD_TEST_PG_DSN").toStdString());
        pqxx::work w(c);
        w.exec(sql);
        w.commit();
    }

    std::string queryValue(const std::string &sql)
    {
        const pddtest::GuiWatchdog::Pause testBlocksOnPurpose;
        pqxx::connection c(env("PDD_TEST_PG_DSN").toStdString());
        pqxx::read_transaction t(c);
        const pqxx::result r = t.exec(sql);
        return r.at(0).at(0).is_null() ? std::string("<null>") : r.at(0).at(0).c_str();
    }

    bool connectPanel(const db::ConnectionSettings &s)
    {
        m_panel->show();
        m_panel->connectTo(s);
        WAIT_OR_FAIL(m_panel->isConnected(), 15000);
        return true;
    }

    bool openItems(const QString &table = QStringLiteral("items"))
    {
        auto *catalog = m_panel->browser()->catalogModel();
        const db::TableRef ref{QString::fromUtf8(kSchema), table};
        WAIT_OR_FAIL(catalog->indexOf(ref).isValid(), 15000);
        // As the user does it: pick the table in the tree.
        m_panel->browser()->ui()->catalogView->setCurrentIndex(catalog->indexOf(ref));
        auto *model = m_panel->browser()->tableModel();
        WAIT_OR_FAIL(model->table() == ref && !model->isLoading() && model->rowCount() > 0, 15000);
        return true;
    }

    int column(const QString &name) const { return m_panel->browser()->tableModel()->tableSchema().columnIndex(name); }

    std::unique_ptr<DbBrowserPanel> m_panel;
    QTemporaryDir m_home;
};

} // namespace dbuitest
