// DB browser benchmark on a generated 1,000,000-row table: the model's time to
// first page, jump to the end and 10 consecutive pages, each next to the same
// SELECT run directly through libpqxx in this run (the floor), and the peak RSS
// after scrolling 100k (then 200k) rows. Exit status 1 when a target is missed.
#include "db/ConnInfo.h"
#include "db/DbSession.h"
#include "db/TableModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <pqxx/pqxx>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace db;

namespace {

const int kRows = 1000000;
const int kPage = 200;
const int kRepeats = 7;

long statusKb(const char *key)
{
    QFile f("/proc/self/status");
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(int(qstrlen(key))).trimmed().split(' ').first().toLong();
    }
    return -1;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double timeIt(const std::function<void()> &f)
{
    QElapsedTimer t;
    t.start();
    f();
    return double(t.nsecsElapsed()) / 1e6;
}

// Blocks (running the event loop) until the model has applied one page.
bool waitPage(TableModel &m)
{
    QEventLoop loop;
    bool ok = false;
    auto c1 = QObject::connect(&m, &TableModel::pageLoaded, &loop, [&] {
        ok = true;
        loop.quit();
    });
    auto c2 = QObject::connect(&m, &TableModel::errorOccurred, &loop, [&](const DbError &e) {
        std::fprintf(stderr, "error: %s\n", qPrintable(e.fullText()));
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    return ok;
}

const char *kCols = "SELECT id, name, qty, created, note, xmin::text FROM bench.million";

void report(const char *what, double model, double raw, bool checkTarget, bool &allOk)
{
    const double limit = 1.5 * raw + 20.0;
    const bool ok = !checkTarget || model <= limit;
    allOk = allOk && ok;
    std::printf(
        "%-28s model %8.2f ms   raw libpqxx %8.2f ms   ratio %5.2fx%s\n", what, model, raw, raw > 0 ? model / raw : 0.0,
        checkTarget ? (ok ? "   target <= 1.5x raw + 20 ms: PASS" : "   target <= 1.5x raw + 20 ms: FAIL") : "");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ConnectionSettings s;
    s.host = qEnvironmentVariable("PDD_TEST_PG_HOST");
    s.port = qEnvironmentVariableIntValue("PDD_TEST_PG_PORT");
    s.user = qEnvironmentVariable("PDD_TEST_PG_USER");
    s.database = qEnvironmentVariable("PDD_TEST_PG_DB");
    s.password = qEnvironmentVariable("PDD_TEST_PG_PASSWORD");
    if (s.host.isEmpty()) {
        std::fprintf(stderr, "bench_db: run `eval \"$(tests/support/pg-test-server start)\"` first.\n");
        return 2;
    }

    pqxx::connection raw(toConnInfo(s));
    {
        pqxx::nontransaction tx(raw);
        const bool exists = tx.exec("SELECT to_regclass('bench.million') IS NOT NULL")[0][0].as<bool>();
        if (!exists || tx.exec("SELECT count(*) FROM bench.million")[0][0].as<long>() != kRows) {
            std::printf("generating bench.million (%d rows, once)...\n", kRows);
            tx.exec("DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench;"
                    "CREATE TABLE bench.million (id int PRIMARY KEY, name text NOT NULL, qty int, "
                    "created timestamptz NOT NULL, note text);"
                    "INSERT INTO bench.million SELECT g, 'name ' || g, g % 1000, "
                    "'2020-01-01'::timestamptz + g * interval '1 minute', "
                    "CASE WHEN g % 10 = 0 THEN NULL ELSE repeat(md5(g::text), 3) END "
                    "FROM generate_series(1, 1000000) g;"
                    "ANALYZE bench.million;");
        }
    }
    auto rawQuery = [&raw](const std::string &sql) {
        pqxx::read_transaction tx(raw);
        const pqxx::result r = tx.exec(sql);
        tx.commit();
        return r;
    };

    DbSession session(s);
    {
        QEventLoop loop;
        QObject::connect(&session, &DbSession::opened, &loop, &QEventLoop::quit);
        QObject::connect(&session, &DbSession::openFailed, &loop, &QEventLoop::quit);
        session.open();
        loop.exec();
        if (session.state() != DbSession::State::Open) {
            std::fprintf(stderr, "bench_db: %s\n", qPrintable(session.lastError().fullText()));
            return 2;
        }
    }

    std::vector<double> firstModel, firstRaw, endModel, endRaw, tenModel, tenRaw;
    for (int i = 0; i < kRepeats; ++i) {
        // First page: a fresh model on an open session (catalog lookup + first SELECT).
        TableModel m(&session);
        m.setPageSize(kPage);
        firstModel.push_back(timeIt([&] {
            m.setTable({"bench", "million"});
            waitPage(m);
        }));
        firstRaw.push_back(timeIt([&] { rawQuery(std::string(kCols) + " ORDER BY id LIMIT 200"); }));

        endModel.push_back(timeIt([&] {
            m.jumpToEnd();
            waitPage(m);
        }));
        endRaw.push_back(timeIt([&] { rawQuery(std::string(kCols) + " ORDER BY id DESC LIMIT 200"); }));

        m.reload();
        waitPage(m);
        tenModel.push_back(timeIt([&] {
            for (int p = 0; p < 10; ++p) {
                m.fetchMore({});
                waitPage(m);
            }
        }));
        tenRaw.push_back(timeIt([&] {
            for (int p = 1; p <= 10; ++p)
                rawQuery(std::string(kCols) + " WHERE id > " + std::to_string(p * kPage) + " ORDER BY id LIMIT 200");
        }));
    }

    bool ok = true;
    std::printf("\nbench.million: %d rows, page %d rows, median of %d runs\n", kRows, kPage, kRepeats);
    report("first page", median(firstModel), median(firstRaw), true, ok);
    report("jump to last page", median(endModel), median(endRaw), true, ok);
    report("10 consecutive pages", median(tenModel), median(tenRaw), false, ok);

    // Memory: scroll 100k rows, then another 100k; a bounded window means the second
    // 100k adds (almost) nothing.
    const long before = statusKb("VmRSS:");
    TableModel m(&session);
    m.setPageSize(kPage);
    m.setTable({"bench", "million"});
    waitPage(m);
    auto scroll = [&m](int rows) {
        for (int seen = 0; seen < rows && m.canFetchMore({}); seen += kPage) {
            m.fetchMore({});
            waitPage(m);
        }
    };
    const double scrollMs = timeIt([&] { scroll(100000); });
    const long after100k = statusKb("VmRSS:"), peak100k = statusKb("VmHWM:");
    scroll(100000);
    const long after200k = statusKb("VmRSS:");
    // The floor: the same 500 keyset pages straight through libpqxx, results dropped.
    const double rawScrollMs = timeIt([&] {
        for (int p = 0; p < 500; ++p)
            rawQuery(std::string(kCols) + " WHERE id > " + std::to_string(p * kPage) + " ORDER BY id LIMIT 200");
    });
    std::printf("%-28s model %8.2f ms   raw libpqxx %8.2f ms   ratio %5.2fx\n", "scroll 100k rows", scrollMs,
                rawScrollMs, scrollMs / rawScrollMs);
    const long growth1 = after100k - before, growth2 = after200k - after100k;
    std::printf("RSS before %ld KiB, after 100k rows %ld KiB (peak %ld KiB), after 200k rows %ld KiB; "
                "window %d rows (cap %d)\n",
                before, after100k, peak100k, after200k, m.rowCount(), m.maxCachedRows());
    const bool bounded = growth2 < std::max(2048L, growth1 / 4);
    std::printf("RSS growth: first 100k +%ld KiB, second 100k +%ld KiB: %s\n", growth1, growth2,
                bounded ? "bounded: PASS" : "grows with rows scrolled: FAIL");
    ok = ok && bounded;
    return ok ? 0 : 1;
}
