#include "image/BuildContext.h"
#include "image/DockerIgnore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

// .dockerignore as Docker reads and matches it (moby/patternmatcher), and the
// tar BuildContext writes, read back by GNU tar. What `docker build` itself
// sends for the same folder is compared in tests/integration/image.
class TestDockerIgnore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanPath_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << "a/b"
                               << "a/b";
        QTest::newRow("dot") << "./a/./b/"
                             << "a/b";
        QTest::newRow("dotdot") << "a/../b"
                                << "b";
        QTest::newRow("leading dotdot kept") << "../a"
                                             << "../a";
        QTest::newRow("rooted dotdot dropped") << "/../a"
                                               << "/a";
        QTest::newRow("double slash") << "a//b"
                                      << "a/b";
        QTest::newRow("empty") << ""
                               << ".";
        QTest::newRow("only dot") << "./"
                                  << ".";
    }
    void cleanPath()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(DockerIgnore::cleanPath(in), out);
    }

    void matching_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("excluded");
        // clang-format off
        QTest::newRow("star top level") << QByteArray("*.go") << "foo.go" << true;
        QTest::newRow("star not below") << QByteArray("*.go") << "dir/foo.go" << false;
        QTest::newRow("double star below") << QByteArray("**/*.go") << "a/b/foo.go" << true;
        QTest::newRow("double star top") << QByteArray("**/*.go") << "foo.go" << true;
        QTest::newRow("parent dir") << QByteArray("build") << "build/x/y.o" << true;
        QTest::newRow("prefix not parent") << QByteArray("build") << "buildx" << false;
        QTest::newRow("trailing double star") << QByteArray("docs/**") << "docs/a/b" << true;
        QTest::newRow("trailing double star not dir") << QByteArray("docs/**") << "docs" << false;
        QTest::newRow("question") << QByteArray("a?c") << "abc" << true;
        QTest::newRow("question no slash") << QByteArray("a?c") << "a/c" << false;
        QTest::newRow("class") << QByteArray("[a-c]x") << "bx" << true;
        QTest::newRow("class miss") << QByteArray("[a-c]x") << "dx" << false;
        QTest::newRow("escaped star") << QByteArray("\\*x") << "*x" << true;
        QTest::newRow("escaped star literal") << QByteArray("\\*x") << "ax" << false;
        QTest::newRow("dot is literal") << QByteArray("a.b") << "axb" << false;
        QTest::newRow("plus is literal") << QByteArray("a+b") << "a+b" << true;
        QTest::newRow("leading slash") << QByteArray("/secret") << "secret" << true;
        QTest::newRow("cleaned") << QByteArray("./x/../secret") << "secret" << true;
        QTest::newRow("comment") << QByteArray("# secret") << "# secret" << false;
        QTest::newRow("indented comment is a pattern") << QByteArray("  #x") << "#x" << true;
        QTest::newRow("spaces trimmed") << QByteArray("  secret  ") << "secret" << true;
        QTest::newRow("crlf") << QByteArray("secret\r\nother") << "secret" << true;
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBFsecret") << "secret" << true;
        QTest::newRow("exception") << QByteArray("docs\n!docs/README.md") << "docs/README.md" << false;
        QTest::newRow("exception others") << QByteArray("docs\n!docs/README.md") << "docs/other.md" << true;
        QTest::newRow("exception then exclude") << QByteArray("!a\na") << "a" << true;
        QTest::newRow("exclude then exception") << QByteArray("a\n! a") << "a" << false;
        QTest::newRow("everything") << QByteArray("**") << "a/b/c" << true;
        QTest::newRow("star parent") << QByteArray("*") << "dir/file" << true;
        QTest::newRow("pycache anywhere") << QByteArray("**/__pycache__") << "config/__pycache__/x.pyc" << true;
        QTest::newRow("non-ascii") << QByteArray("d\xC3\xA9j\xC3\xA0") << QString::fromUtf8("d\xC3\xA9j\xC3\xA0/x") << true;
        // clang-format on
    }
    void matching()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, path);
        QFETCH(bool, excluded);
        const DockerIgnore d = DockerIgnore::parse(file);
        QVERIFY2(d.problems().isEmpty(), qPrintable(d.problems().join(QLatin1Char(';'))));
        QCOMPARE(d.excludes(path), excluded);
    }

    void badPatternsAreProblems()
    {
        QCOMPARE(DockerIgnore::parse("!\n").problems().size(), 1);
        QCOMPARE(DockerIgnore::parse("a[\n").problems().size(), 1);
        QVERIFY(DockerIgnore::parse("ok\n").problems().isEmpty());
    }

    void exceptionBelowKeepsTheFolderWalked()
    {
        const DockerIgnore d = DockerIgnore::parse("docs\n!docs/keep/me.txt\n");
        QVERIFY(d.excludes(QStringLiteral("docs")));
        QVERIFY(d.mayIncludeBelow(QStringLiteral("docs")));
        QVERIFY(d.mayIncludeBelow(QStringLiteral("docs/keep")));
        QVERIFY(!d.mayIncludeBelow(QStringLiteral("other")));
    }

    void dockerfileAndIgnoreFileAreAlwaysSent()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral(".dockerignore")), "*\n");
        const DockerIgnore d = BuildContext::ignoreFor(dir.path(), QStringLiteral("Dockerfile"));
        QVERIFY(!d.excludes(QStringLiteral("Dockerfile")));
        QVERIFY(!d.excludes(QStringLiteral(".dockerignore")));
        QVERIFY(d.excludes(QStringLiteral("anything")));
    }

    void tarHoldsWhatIsNotIgnored()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("tar")).isEmpty())
            QFAIL("GNU tar is needed to read the context back");
        QTemporaryDir dir;
        const QString d = dir.path();
        write(d + "/Dockerfile", "FROM scratch\nCOPY . /ctx/\n");
        write(d + "/.dockerignore", "Dockerfile\n**/*.pyc\nsecret*\ndocs\n!docs/keep.md\n");
        write(d + "/app.py", "print('hi')\n");
        write(d + "/app.pyc", "bytecode");
        write(d + "/pkg/mod.py", "x = 1\n");
        write(d + "/pkg/mod.pyc", "bytecode");
        write(d + "/secret.env", "PASSWORD=x\n");
        write(d + "/docs/keep.md", "kept\n");
        write(d + "/docs/drop.md", "dropped\n");
        write(d + QString::fromUtf8("/espa\xC3\xA7o e acentua\xC3\xA7\xC3\xA3o.txt"), "ok\n");
        QVERIFY(QFile::link(QStringLiteral("app.py"), d + "/link.py"));
        QFile::setPermissions(d + "/app.py", QFile::ReadOwner | QFile::WriteOwner); // 0600 is read as the owner

        QTemporaryDir out;
        const QString tar = out.filePath(QStringLiteral("ctx.tar"));
        const BuildContext::Result r = BuildContext::write(d, QStringLiteral("Dockerfile"), tar);
        QVERIFY2(r.ok, qPrintable(r.error));
        const QStringList expected{".dockerignore",
                                   "Dockerfile",
                                   "app.py",
                                   "docs/keep.md",
                                   QString::fromUtf8("espa\xC3\xA7o e acentua\xC3\xA7\xC3\xA3o.txt"),
                                   "link.py",
                                   "pkg/",
                                   "pkg/mod.py"};
        QCOMPARE(r.paths, expected);

        QProcess list;
        list.start(QStringLiteral("tar"), {QStringLiteral("-tvf"), tar});
        QVERIFY(list.waitForFinished(10000));
        QCOMPARE(list.exitCode(), 0);
        const QString listing = QString::fromUtf8(list.readAllStandardOutput());
        QVERIFY2(listing.contains(QLatin1String(" 0/0 ")), qPrintable(listing)); // root:root, by number
        QVERIFY2(listing.contains(QLatin1String("link.py -> app.py")), qPrintable(listing));
        QVERIFY2(!listing.contains(QLatin1String("secret")), qPrintable(listing));
        QProcess cat;
        cat.start(QStringLiteral("tar"), {QStringLiteral("-xOf"), tar, QStringLiteral("docs/keep.md")});
        QVERIFY(cat.waitForFinished(10000));
        QCOMPARE(cat.readAllStandardOutput(), QByteArray("kept\n"));
    }

    void missingDockerfileAndUnreadableFileAreSentences()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("app.py")), "x");
        QTemporaryDir out;
        BuildContext::Result r = BuildContext::write(dir.path(), QStringLiteral("Dockerfile"), out.filePath("a.tar"));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("There is no Dockerfile")), qPrintable(r.error));

        if (geteuid() == 0)
            return; // root reads everything; the permission case needs a normal user
        write(dir.filePath(QStringLiteral("Dockerfile")), "FROM scratch\n");
        QFile::setPermissions(dir.filePath(QStringLiteral("app.py")), QFileDevice::Permissions());
        r = BuildContext::write(dir.path(), QStringLiteral("Dockerfile"), out.filePath("b.tar"));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("app.py")), qPrintable(r.error));
    }

    void cancelStopsTheWalk()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("Dockerfile")), "FROM scratch\n");
        for (int i = 0; i < 50; ++i)
            write(dir.filePath(QStringLiteral("f%1").arg(i)), "x");
        int calls = 0;
        QTemporaryDir out;
        const auto r = BuildContext::write(dir.path(), QStringLiteral("Dockerfile"), out.filePath("c.tar"),
                                           [&calls] { return ++calls > 5; });
        QVERIFY(!r.ok);
        QVERIFY(r.cancelled);
        QCOMPARE(calls, 6);
    }

private:
    static void write(const QString &path, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
        f.write(content);
    }
};

QTEST_GUILESS_MAIN(TestDockerIgnore)
#include "tst_dockerignore.moc"
