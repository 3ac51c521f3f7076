// The multi-file merge of the compose model (`-f base -f overlay`): which fields
// an overlay replaces, appends to or leaves alone, services and volumes it adds,
// and errors reported in the file that has them. Single-file parsing and the
// shipped stack are in tst_composeproject.cpp.
#include "ComposeTestSupport.h"
#include "compose/ComposeProject.h"

#include <QTest>

using composetest::names;
using composetest::portText;
using composetest::testEnv;

namespace {

// One line per field the merge touches, so a data row states a whole service.
QString describe(const ComposeService &s)
{
    QStringList ports, mounts;
    for (const ComposePort &p : s.ports)
        ports << portText(p);
    for (const ComposeMount &m : s.mounts)
        mounts << QStringLiteral("%1>%2%3%4")
                      .arg(m.source, m.target, m.namedVolume ? QStringLiteral(" vol") : QString(),
                           m.readOnly ? QStringLiteral(" ro") : QString());
    return QStringLiteral("image=%1 build=%2 profiles=%3 ports=%4 mounts=%5")
        .arg(s.image)
        .arg(int(s.hasBuild))
        .arg(s.profiles.join(QLatin1Char(',')), ports.join(QLatin1Char(',')), mounts.join(QLatin1Char(',')));
}

} // namespace

class TestComposeMerge : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Compose's rules for `-f base -f overlay`, one field at a time, on service "s".
    void mergeRules_data()
    {
        QTest::addColumn<QByteArray>("base");    // service s's body in the base file
        QTest::addColumn<QByteArray>("overlay"); // and in the overlay
        QTest::addColumn<QString>("expected");   // describe() of the merged service
        const QByteArray img = "image: a\n";
        QTest::newRow("image override") << img << QByteArray("image: b\n")
                                        << "image=b build=0 profiles= ports= mounts=";
        QTest::newRow("image kept when the overlay has none")
            << img << QByteArray("ports: [\"80\"]\n") << "image=a build=0 profiles= ports=:0:80/tcp mounts=";
        QTest::newRow("build added by the overlay")
            << img << QByteArray("build: ./web\n") << "image=a build=1 profiles= ports= mounts=";
        QTest::newRow("image from the overlay completes a base service")
            << QByteArray("profiles: [dev]\n") << QByteArray("image: b\n")
            << "image=b build=0 profiles=dev ports= mounts=";
        QTest::newRow("profiles replaced")
            << img + "profiles: [dev, prod]\n"
            << QByteArray("profiles: [prod]\n") << "image=a build=0 profiles=prod ports= mounts=";
        QTest::newRow("profiles kept when the overlay has none") << img
                + "profiles: [dev]\n" << QByteArray("image: b\n") << "image=b build=0 profiles=dev ports= mounts=";
        QTest::newRow("empty profiles list replaces too")
            << img + "profiles: [dev]\n"
            << QByteArray("profiles: []\n") << "image=a build=0 profiles= ports= mounts=";
        QTest::newRow("ports appended")
            << img + "ports: [\"8080:80\"]\n"
            << QByteArray("ports: [\"127.0.0.1:5432:5432\"]\n")
            << "image=a build=0 profiles= ports=:8080:80/tcp,127.0.0.1:5432:5432/tcp mounts=";
        QTest::newRow("identical port once")
            << img + "ports: [\"8000:8000\", \"9000:9000\"]\n"
            << QByteArray("ports: [\"8000:8000\", \"7000:7000\"]\n")
            << "image=a build=0 profiles= ports=:8000:8000/tcp,:9000:9000/tcp,:7000:7000/tcp mounts=";
        QTest::newRow("long and short syntax of one port once")
            << img + "ports: [\"8000:80\"]\n"
            << QByteArray("ports:\n      - target: 80\n        published: 8000\n")
            << "image=a build=0 profiles= ports=:8000:80/tcp mounts=";
        QTest::newRow("other host address is another port")
            << img + "ports: [\"8000:8000\"]\n"
            << QByteArray("ports: [\"127.0.0.1:8000:8000\"]\n")
            << "image=a build=0 profiles= ports=:8000:8000/tcp,127.0.0.1:8000:8000/tcp mounts=";
        QTest::newRow("mount replaced by target, in place")
            << img + "volumes: [\"pgdata:/data\", \"/etc/a:/etc/a:ro\"]\n"
            << QByteArray("volumes: [\"./local:/data\"]\n")
            << "image=a build=0 profiles= ports= mounts=./local>/data,/etc/a>/etc/a ro";
        QTest::newRow("long-syntax mount replaces short")
            << img + "volumes: [\"static:/srv/static\"]\n"
            << QByteArray("volumes:\n      - type: volume\n        source: static\n        target: /srv/static\n"
                          "        read_only: true\n")
            << "image=a build=0 profiles= ports= mounts=static>/srv/static vol ro";
        QTest::newRow("mount on a new target appended")
            << img + "volumes: [\"pgdata:/data\"]\n"
            << QByteArray("volumes: [\"./web:/app\"]\n")
            << "image=a build=0 profiles= ports= mounts=pgdata>/data vol,./web>/app";
    }
    void mergeRules()
    {
        QFETCH(QByteArray, base);
        QFETCH(QByteArray, overlay);
        QFETCH(QString, expected);
        auto file = [](const QByteArray &body) {
            return "services:\n  s:\n    " + QByteArray(body).replace("\n", "\n    ").trimmed() + "\n";
        };
        const ComposeProject p =
            ComposeProject::parse({{"base.yml", file(base)}, {"over.yml", file(overlay)}}, testEnv({}));
        QVERIFY2(p.isValid(), qPrintable(p.error().toString()));
        QCOMPARE(p.services().size(), 1);
        QCOMPARE(describe(p.services().first()), expected);
        // Messages keep pointing where the service was declared first.
        QCOMPARE(p.services().first().file, QStringLiteral("base.yml"));
        QCOMPARE(p.services().first().line, 3);
    }

    void overlayAddsServicesAndVolumes()
    {
        const QByteArray base = "services:\n  db:\n    image: pg\n  web:\n    image: w\nvolumes:\n  pgdata:\n";
        const QByteArray overlay = "services:\n  nginx:\n    image: n\n    volumes: [\"static:/srv\"]\n  db:\n"
                                   "    ports: [\"5432\"]\nvolumes:\n  static:\n  pgdata:\n";
        const ComposeProject p = ComposeProject::parse({{"b.yml", base}, {"o.yml", overlay}}, testEnv({}));
        QVERIFY2(p.isValid(), qPrintable(p.error().toString()));
        QCOMPARE(names(p.services()), (QStringList{"db", "web", "nginx"}));
        QCOMPARE(p.service(QStringLiteral("nginx"))->file, QStringLiteral("o.yml"));
        QCOMPARE(p.service(QStringLiteral("db"))->ports.size(), 1);
        QCOMPARE(p.volumes(), (QStringList{"pgdata", "static"}));
        QCOMPARE(p.volumesForMode(QStringLiteral("dev")), QStringList{"static"});
        // An overlay with only top-level volumes is fine.
        const ComposeProject q =
            ComposeProject::parse({{"b.yml", base}, {"o.yml", "volumes:\n  extra:\n"}}, testEnv({}));
        QVERIFY2(q.isValid(), qPrintable(q.error().toString()));
        QCOMPARE(q.volumes(), (QStringList{"pgdata", "extra"}));
    }

    // A broken file is reported with its own path and position, whichever of the files it is.
    void brokenOverlayReportsItsPosition_data()
    {
        QTest::addColumn<QByteArray>("base");
        QTest::addColumn<QByteArray>("overlay");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        const QByteArray base = "services:\n  db:\n    image: pg\n  web:\n    image: w\n";
        QTest::newRow("syntax") << base << QByteArray("services:\n  db:\n    ports: [\"1\"\n")
                                << "/s/docker-compose.dev.yml" << 4 << 1 << "end of sequence flow not found";
        QTest::newRow("bad port") << base << QByteArray("services:\n  db:\n    ports:\n      - \"5432:x\"\n")
                                  << "/s/docker-compose.dev.yml" << 4 << 9 << "invalid port \"5432:x\"";
        QTest::newRow("missing variable")
            << base << QByteArray("services:\n  db:\n    image: \"${TAG:?set TAG}\"\n") << "/s/docker-compose.dev.yml"
            << 3 << 12 << "required variable TAG is missing a value: set TAG";
        QTest::newRow("services not a map") << base << QByteArray("services: [db]\n") << "/s/docker-compose.dev.yml"
                                            << 1 << 11 << "\"services\" must be a mapping";
        QTest::newRow("new service without image")
            << base << QByteArray("services:\n  cache:\n    ports: [\"6379\"]\n") << "/s/docker-compose.dev.yml" << 3
            << 5 << "service \"cache\" has neither an image nor a build";
        QTest::newRow("incomplete base service is the base's fault")
            << QByteArray("services:\n  db:\n    image: pg\n  web:\n    profiles: [dev]\n")
            << QByteArray("services:\n  db:\n    ports: [\"5432\"]\n") << "/s/docker-compose.yml" << 5 << 5
            << "service \"web\" has neither an image nor a build";
    }
    void brokenOverlayReportsItsPosition()
    {
        QFETCH(QByteArray, base);
        QFETCH(QByteArray, overlay);
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const ComposeProject p = ComposeProject::parse(
            {{"/s/docker-compose.yml", base}, {"/s/docker-compose.dev.yml", overlay}}, testEnv({}));
        QVERIFY(!p.isValid());
        QVERIFY(p.services().isEmpty());
        QVERIFY2(p.error().message.contains(message), qPrintable(p.error().toString()));
        QCOMPARE(p.error().toString().section(QLatin1String(": "), 0, 0),
                 QStringLiteral("%1:%2:%3").arg(file).arg(line).arg(column));
    }
};

QTEST_GUILESS_MAIN(TestComposeMerge)
#include "tst_composemerge.moc"
