#include "TestTlsServer.h"
#include "stack/EdgeCertificate.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>

// What the window and the banner say about prod's certificate, and reading it
// from a real TLS server on loopback (tests/support/TestTlsServer.h).
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
        pddtest::TestTlsServer server(20);
        QVERIFY2(server.listening(), qPrintable(server.why()));

        CertificateProbe probe;
        QSignalSpy done(&probe, &CertificateProbe::finished);
        probe.probe(QStringLiteral("127.0.0.1"), server.port());
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
