#pragma once

#include <QFile>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace pddtest {

// A real TLS server on loopback (Qt's QSslServer) with a certificate openssl
// makes for the test the way compose/run makes its self-signed one: a
// server's certificate (no keyCertSign), for probe.test and 127.0.0.1, valid
// `days` days. listening() is false, with why(), when openssl or Qt's TLS
// backend is missing.
class TestTlsServer
{
public:
    explicit TestTlsServer(int days)
    {
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", QString::number(days), "-subj",
                       "/O=PostDoDjango test/CN=probe.test", "-addext", "subjectAltName=DNS:probe.test,IP:127.0.0.1",
                       "-addext", "keyUsage=critical,digitalSignature,keyEncipherment", "-addext",
                       "extendedKeyUsage=serverAuth", "-keyout", m_dir.filePath("key.pem"), "-out",
                       m_dir.filePath("cert.pem")});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0) {
            m_why = QStringLiteral("openssl could not make the test certificate: ")
                + QString::fromLocal8Bit(openssl.readAllStandardError());
            return;
        }
        QFile cert(m_dir.filePath("cert.pem")), key(m_dir.filePath("key.pem"));
        if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly)) {
            m_why = QStringLiteral("the test certificate cannot be read back");
            return;
        }
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(&cert, QSsl::Pem));
        config.setPrivateKey(QSslKey(&key, QSsl::Rsa, QSsl::Pem));
        m_server = std::make_unique<QSslServer>();
        m_server->setSslConfiguration(config);
        if (!m_server->listen(QHostAddress::LocalHost))
            m_why = m_server->errorString();
    }

    bool listening() const { return m_server && m_server->isListening(); }
    QString why() const { return m_why; }
    quint16 port() const { return m_server ? m_server->serverPort() : 0; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSslServer> m_server;
    QString m_why;
};

} // namespace pddtest
