#pragma once

// Shared by the db integration suites: the throwaway server from
// tests/support/pg-test-server (PDD_TEST_PG_* variables), fixtures through plain
// libpqxx, and waiting for model signals.
#include "db/ConnInfo.h"
#include "db/ConnectionSettings.h"

#include <QSignalSpy>
#include <QtTest>

#include <pqxx/pqxx>

namespace pgtest {

inline bool settings(db::ConnectionSettings &s, QString &why)
{
    const QByteArray host = qgetenv("PDD_TEST_PG_HOST");
    if (host.isEmpty()) {
        why = "PDD_TEST_PG_* not set: run `eval \"$(tests/support/pg-test-server start)\"` (tests/run does).";
        return false;
    }
    s.host = QString::fromUtf8(host);
    s.port = qEnvironmentVariableIntValue("PDD_TEST_PG_PORT");
    s.user = qEnvironmentVariable("PDD_TEST_PG_USER");
    s.database = qEnvironmentVariable("PDD_TEST_PG_DB");
    s.password = qEnvironmentVariable("PDD_TEST_PG_PASSWORD");
    try {
        pqxx::connection c(db::toConnInfo(s));
    } catch (const std::exception &e) {
        why = QString("The test PostgreSQL server is not reachable: %1").arg(QString::fromUtf8(e.what()).trimmed());
        return false;
    }
    return true;
}

inline void exec(const db::ConnectionSettings &s, const std::string &sql)
{
    pqxx::connection c(db::toConnInfo(s));
    pqxx::nontransaction tx(c);
    tx.exec(sql);
}

inline std::string scalar(const db::ConnectionSettings &s, const std::string &sql)
{
    pqxx::connection c(db::toConnInfo(s));
    pqxx::nontransaction tx(c);
    const auto r = tx.exec(sql);
    return r[0][0].is_null() ? std::string("<NULL>") : r[0][0].as<std::string>();
}

} // namespace pgtest

// Under CI a missing server is a failure; locally a skip with the reason.
#define PDD_REQUIRE_PG(s)                                                                                              \
    do {                                                                                                               \
        QString why_;                                                                                                  \
        if (!pgtest::settings(s, why_)) {                                                                              \
            if (qgetenv("CI") == "true")                                                                               \
                QFAIL(qPrintable(why_));                                                                               \
            QSKIP(qPrintable(why_));                                                                                   \
        }                                                                                                              \
    } while (0)

#define PDD_WAIT(spy, ms) QVERIFY2((spy).count() > 0 || (spy).wait(ms), "timed out waiting for " #spy)
