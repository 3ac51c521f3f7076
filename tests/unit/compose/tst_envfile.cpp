#include "compose/EnvFile.h"

#include <QTemporaryDir>
#include <QTest>

class TestEnvFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesValues_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        // clang-format off
        QTest::newRow("plain") << "A=1" << "A" << "1";
        QTest::newRow("spaces around") << "  A = hello world  " << "A" << "hello world";
        QTest::newRow("export prefix") << "export STACK_NAME=mystack" << "STACK_NAME" << "mystack";
        QTest::newRow("double quotes") << "P=\"a b # not comment\"" << "P" << "a b # not comment";
        QTest::newRow("double quote escapes") << "P=\"line\\nnext \\\"q\\\" \\\\\"" << "P" << "line\nnext \"q\" \\";
        QTest::newRow("single quotes are literal") << "P='a\\nb $X'" << "P" << "a\\nb $X";
        QTest::newRow("inline comment") << "PORT=8000 # web port" << "PORT" << "8000";
        QTest::newRow("hash inside value") << "PW=pa#ss" << "PW" << "pa#ss";
        QTest::newRow("equals in value") << "URL=postgres://u:p@h/db?x=1" << "URL" << "postgres://u:p@h/db?x=1";
        QTest::newRow("empty value") << "EMPTY=" << "EMPTY" << "";
        QTest::newRow("crlf") << "A=1\r\nB=2\r\n" << "B" << "2";
        QTest::newRow("last wins") << "A=1\nA=2" << "A" << "2";
        QTest::newRow("comment line") << "# A=1\nB=2" << "A" << "<unset>";
        QTest::newRow("unterminated quote keeps rest") << "A=\"abc" << "A" << "abc";
        // clang-format on
    }
    void parsesValues()
    {
        QFETCH(QString, text);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        EnvFile env = EnvFile::parse(text);
        env.setEnvironment(QProcessEnvironment());
        const auto v = env.lookup(key);
        QCOMPARE(v.value_or(QStringLiteral("<unset>")), expected);
    }

    void malformedLinesBecomeWarningsWithLineNumbers()
    {
        const EnvFile env = EnvFile::parse(QStringLiteral("A=1\nnot a pair\n\n1BAD=x\nB=2\n"));
        QCOMPARE(env.warnings(), QStringList({"line 2: not a pair", "line 4: 1BAD=x"}));
        QCOMPARE(env.fileKeys(), QStringList({"A", "B"}));
    }

    void environmentOverridesFile()
    {
        EnvFile env = EnvFile::parse(QStringLiteral("STACK_NAME=fromfile\nDEV_DB_PORT=5432\nEMPTY=x\n"));
        QProcessEnvironment pe;
        pe.insert(QStringLiteral("STACK_NAME"), QStringLiteral("fromenv"));
        pe.insert(QStringLiteral("EMPTY"), QString());
        env.setEnvironment(pe);
        QCOMPARE(env.value(QStringLiteral("STACK_NAME")), QStringLiteral("fromenv"));
        QCOMPARE(env.fileValue(QStringLiteral("STACK_NAME")), QStringLiteral("fromfile"));
        QCOMPARE(env.intValue(QStringLiteral("DEV_DB_PORT"), 1), 5432);
        // Set-but-empty in the environment still wins for lookup(); value() falls back.
        QCOMPARE(env.lookup(QStringLiteral("EMPTY")).value_or(QStringLiteral("<unset>")), QString());
        QCOMPARE(env.value(QStringLiteral("EMPTY"), QStringLiteral("fb")), QStringLiteral("fb"));
        QCOMPARE(env.intValue(QStringLiteral("MISSING"), 42), 42);
    }

    void loadsFileAndToleratesMissingOne()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral(".env"));
        EnvFile missing = EnvFile::load(path);
        QVERIFY(!missing.fileExists());
        QVERIFY(missing.fileKeys().isEmpty());

        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# generated\nexport POSTGRES_USER=app\nPOSTGRES_DB='appdb'\n");
        f.close();
        const EnvFile env = EnvFile::load(path);
        QVERIFY(env.fileExists());
        QCOMPARE(env.path(), path);
        QCOMPARE(env.fileValue(QStringLiteral("POSTGRES_USER")), QStringLiteral("app"));
        QCOMPARE(env.fileValue(QStringLiteral("POSTGRES_DB")), QStringLiteral("appdb"));
    }
};

QTEST_GUILESS_MAIN(TestEnvFile)
#include "tst_envfile.moc"
