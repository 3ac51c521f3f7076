#include "stack/EdgeCertificate.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

// What the window and the banner say about prod's certificate, and reading it
// from a real TLS server on loopback (Qt's QSslServer with a certificate made
// by openssl for the test).
class TestEdgeCertificate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stateAndWarnings_data()
    {
        QTest::addColumn<qint64>("secondsLeft");
        QTest::addColumn<int>("state");
        QTest::addColumn<qint64>("days");
        QTest::addColumn<QString>("warning"); // a part of it, or empty for none
        const qint64 day = 86400;
        QTest::newRow("a year") << 365 * day << int(EdgeCertificate::State::Valid) << qint64(365) << "";
        QTest::newRow("15 days") << 15 * day + 60 << int(EdgeCertificate::State::Valid) << qint64(15) << "";
        QTest::newRow("14 days: warned") << 14 * day + 60 << int(EdgeCertificate::State::ExpiresSoon) << qint64(14)
                                         << "in 14 days: renew it";
        QTest::newRow("an hour") << qint64(3600) << int(EdgeCertificate::State::ExpiresSoon) << qint64(0)
                                 << "in 0 days";
        QTest::newRow("expired") << -2 * day << int(EdgeCertificate::State::Expired) << qint64(-2) << "expired on";
    }
    void stateAndWarnings()
    {
        QFETCH(qint64, secondsLeft);
        QFETCH(int, state);
        QFETCH(qint64, days);
        QFETCH(QString, warning);
        const QDateTime now = QDateTime::fromString(QStringLiteral("2026-12-01T12:00:00Z"), Qt::ISODate);
        EdgeCertificate c;
        c.subject = QStringLiteral("shop.example.org");
        c.issuer = QStringLiteral("R11 (Let's Encrypt)");
        c.notAfter = now.addSecs(secondsLeft);
        QCOMPARE(int(c.state(now)), state);
        QCOMPARE(c.daysLeft(now), days);
        if (warning.isEmpty())
            QVERIFY(c.warning(now).isEmpty());
        else
            QVERIFY2(c.warning(now).contains(warning), qPrintable(c.warning(now)));
        QVERIFY(c.warning(now).isEmpty() || c.warning(now).contains(QStringLiteral("R11 (Let's Encrypt)")));
        QVERIFY2(c.summary(now).startsWith(QStringLiteral("issued by R11 (Let's Encrypt), ")),
                 qPrintable(c.summary(now)));
        QVERIFY2(
            c.details().startsWith(QStringLiteral("Certificate for shop.example.org, issued by R11 (Let's Encrypt)")),
            qPrintable(c.details()));
        if (state != int(EdgeCertificate::State::Expired))
            QVERIFY2(c.summary(now).contains(days == 1 ? QStringLiteral("(1 day left)")
                                                       : QStringLiteral("(%1 days left)").arg(days)),
                     qPrintable(c.summary(now)));
    }

    void nothingReadIsNoWarning()
    {
        EdgeCertificate c;
        QCOMPARE(c.state(QDateTime::currentDateTimeUtc()), EdgeCertificate::State::Unknown);
        QVERIFY(c.warning(QDateTime::currentDateTimeUtc()).isEmpty());
        c.error = QStringLiteral("127.0.0.1:1: Connection refused");
        QVERIFY(c.summary(QDateTime::currentDateTimeUtc()).contains(c.error));
    }

    void readsTheCertificateOfARealServer()
    {
        if (!QSslSocket::supportsSsl())
            QFAIL("Qt has no TLS backend here (Debian: the OpenSSL one ships with libqt6network6)");
        QTemporaryDir dir;
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "20", "-subj",
                       "/O=PostDoDjango test/CN=probe.test", "-addext", "subjectAltName=DNS:probe.test,IP:127.0.0.1",
                       // As compose/run makes it: a server's certificate, not one fit to sign others.
                       "-addext", "keyUsage=critical,digitalSignature,keyEncipherment", "-addext",
                       "extendedKeyUsage=serverAuth", "-keyout", dir.filePath("key.pem"), "-out",
                       dir.filePath("cert.pem")});
        QVERIFY2(openssl.waitForFinished(30000) && openssl.exitCode() == 0,
                 "openssl could not make the test certificate");
        QFile certFile(dir.filePath("cert.pem")), keyFile(dir.filePath("key.pem"));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(&certFile, QSsl::Pem));
        config.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem));
        QSslServer server;
        server.setSslConfiguration(config);
        QVERIFY(server.listen(QHostAddress::LocalHost));

        CertificateProbe probe;
        QSignalSpy done(&probe, &CertificateProbe::finished);
        probe.probe(QStringLiteral("127.0.0.1"), server.serverPort());
        QVERIFY(probe.running());
        QVERIFY(done.wait(10000));
        const auto c = done.first().first().value<EdgeCertificate>();
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QCOMPARE(c.subject, QStringLiteral("probe.test"));
        QCOMPARE(c.issuer, QStringLiteral("probe.test (PostDoDjango test)"));
        QVERIFY(c.selfSigned);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(c.daysLeft(now), qint64(19)); // 20 days minus the seconds since openssl ran
        QCOMPARE(c.state(now), EdgeCertificate::State::Valid);
        QVERIFY(!probe.running());
    }

    void aRefusedPortSaysSo()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        CertificateProbe probe;
        QSignalSpy done(&probe, &CertificateProbe::finished);
        probe.probe(QStringLiteral("127.0.0.1"), port);
        QVERIFY(done.wait(10000));
        const auto c = done.first().first().value<EdgeCertificate>();
        QVERIFY(c.isNull());
        QVERIFY2(c.error.startsWith(QStringLiteral("127.0.0.1:%1: ").arg(port)), qPrintable(c.error));
    }

    // A port that accepts and never speaks TLS: the probe gives up, it does not hang.
    void aSilentPortTimesOut()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        CertificateProbe probe;
        QSignalSpy done(&probe, &CertificateProbe::finished);
        QElapsedTimer t;
        t.start();
        probe.probe(QStringLiteral("127.0.0.1"), silent.serverPort(), {}, 300);
        QVERIFY(done.wait(10000));
        const auto c = done.first().first().value<EdgeCertificate>();
        QVERIFY2(c.error.contains(QStringLiteral("no TLS answer")), qPrintable(c.error));
        QVERIFY2(t.elapsed() < 5000, "the 300 ms limit did not hold");
        QCOMPARE(done.size(), 1);
        QTest::qWait(100);
        QCOMPARE(done.size(), 1); // the socket's own error later is not a second answer
    }
};

QTEST_GUILESS_MAIN(TestEdgeCertificate)
#include "tst_edgecertificate.moc"
