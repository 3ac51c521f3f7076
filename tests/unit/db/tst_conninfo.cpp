#include "db/ConnInfo.h"
#include "db/DbError.h"

#include <QtTest>

#include <libpq-fe.h>

using namespace db;

// Conninfo quoting is checked against libpq's own parser, and error mapping against
// the messages libpq and the server actually produce.
class TestConnInfo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quotingRoundTripsThroughLibpq_data()
    {
        QTest::addColumn<QString>("password");
        QTest::newRow("plain") << "secret";
        QTest::newRow("space") << "two words";
        QTest::newRow("quote") << "it's";
        QTest::newRow("backslash") << "a\\b\\\\";
        QTest::newRow("equals and keyword") << "x host=evil.example dbname=other";
        QTest::newRow("unicode") << QString::fromUtf8("pässwörd✓");
        QTest::newRow("trailing backslash") << "abc\\";
    }
    void quotingRoundTripsThroughLibpq()
    {
        QFETCH(QString, password);
        ConnectionSettings s;
        s.user = "u ser";
        s.database = "d'b";
        s.password = password;
        char *err = nullptr;
        PQconninfoOption *opts = PQconninfoParse(toConnInfo(s).c_str(), &err);
        QVERIFY2(opts, err ? err : "parse failed");
        QHash<QString, QString> values;
        for (PQconninfoOption *o = opts; o->keyword; ++o) {
            if (o->val)
                values.insert(QString::fromUtf8(o->keyword), QString::fromUtf8(o->val));
        }
        PQconninfoFree(opts);
        QCOMPARE(values.value("password"), password);
        QCOMPARE(values.value("user"), QString("u ser"));
        QCOMPARE(values.value("dbname"), QString("d'b"));
        QCOMPARE(values.value("host"), QString("127.0.0.1"));
        QCOMPARE(values.value("port"), QString("5432"));
    }
    void readOnlyIsAConnectionOption()
    {
        ConnectionSettings s;
        s.readOnly = true;
        QVERIFY(QString::fromStdString(toConnInfo(s)).contains("default_transaction_read_only=on"));
        s.readOnly = false;
        QVERIFY(!QString::fromStdString(toConnInfo(s)).contains("read_only"));
    }
    void describeNeverShowsThePassword()
    {
        ConnectionSettings s;
        s.user = "app";
        s.database = "appdb";
        s.password = "hunter2";
        s.readOnly = true;
        const QString d = describe(s);
        QVERIFY(!d.contains("hunter2"));
        QCOMPARE(d, QString("app@127.0.0.1:5432/appdb (read-only)"));
    }
    void connectFailuresMapToOneSentence_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::newRow("password") << "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  password "
                                     "authentication failed for user \"x\""
                                  << int(DbError::Kind::AuthenticationFailed);
        QTest::newRow("down") << "connection to server at \"127.0.0.1\", port 5433 failed: Connection refused\n\tIs "
                                 "the server running on that host and accepting TCP/IP connections?"
                              << int(DbError::Kind::ServerUnreachable);
        QTest::newRow("nodb") << "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database "
                                 "\"nosuch\" does not exist"
                              << int(DbError::Kind::DatabaseMissing);
        QTest::newRow("other") << "something odd" << int(DbError::Kind::Other);
    }
    void connectFailuresMapToOneSentence()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        const DbError e = DbError::fromConnectFailure(text);
        QCOMPARE(int(e.kind), kind);
        QVERIFY(!e.message.contains('\n'));
        QCOMPARE(e.serverText, text.trimmed());
    }
    void positionFromCaret_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("position");
        QTest::newRow("first line") << "ERROR:  column \"nope\" does not exist\nLINE 1: select nope from t\n"
                + QString(15, ' ') + "^\n"
                                    << "select nope from t" << 8;
        QTest::newRow("second line") << "ERROR:  relation \"x\" does not exist\nLINE 2: from x\n" + QString(13, ' ')
                + "^\n"
                                     << "select 1\nfrom x" << 15;
        QTest::newRow("no position") << "ERROR:  division by zero"
                                     << "select 1/0" << -1;
        QTest::newRow("unicode before") << QString::fromUtf8("ERROR:  boom\nLINE 1: select 'é', nope\n")
                + QString(20, ' ') + "^\n"
                                        << QString::fromUtf8("select 'é', nope") << 13;
    }
    void positionFromCaret()
    {
        QFETCH(QString, message);
        QFETCH(QString, query);
        QFETCH(int, position);
        QCOMPARE(DbError::positionFromMessage(message, query), position);
    }
};

QTEST_GUILESS_MAIN(TestConnInfo)
#include "tst_conninfo.moc"
