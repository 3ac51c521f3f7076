#pragma once

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QThread>

// Debian's docker-registry on 127.0.0.1 for the suites that push (dockerd
// allows plain HTTP to 127.0.0.0/8), and curl to ask it what it holds.
namespace live {
inline int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

inline QByteArray httpGet(const QString &url, const QStringList &extra = {})
{
    QProcess p;
    p.start(QStringLiteral("curl"),
            QStringList{QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("10")} << extra << url);
    p.waitForFinished(15000);
    return p.readAllStandardOutput();
}

// One docker-registry on loopback; htpasswd non-empty turns on basic auth.
class Registry
{
public:
    Registry(const QString &root, const QString &htpasswd = {}) : m_root(root), m_port(freePort())
    {
        QDir().mkpath(root + QStringLiteral("/data"));
        QString config = QStringLiteral("version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n"
                                        "    rootdirectory: %1/data\n  delete:\n    enabled: true\n"
                                        "http:\n  addr: 127.0.0.1:%2\n")
                             .arg(root)
                             .arg(m_port);
        if (!htpasswd.isEmpty())
            config += QStringLiteral("auth:\n  htpasswd:\n    realm: pdd-test\n    path: %1\n").arg(htpasswd);
        QFile f(root + QStringLiteral("/config.yml"));
        f.open(QIODevice::WriteOnly);
        f.write(config.toUtf8());
        f.close();
        m_process.setStandardOutputFile(root + QStringLiteral("/log"));
        m_process.setStandardErrorFile(root + QStringLiteral("/log"));
        m_process.start(QStringLiteral("docker-registry"),
                        {QStringLiteral("serve"), root + QStringLiteral("/config.yml")});
    }
    ~Registry() { stop(); }
    bool waitUp()
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 30000) {
            QProcess p;
            p.start(QStringLiteral("curl"),
                    {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                     QStringLiteral("%{http_code}"), url("/v2/")});
            p.waitForFinished(5000);
            const QByteArray code = p.readAllStandardOutput();
            if (code == "200" || code == "401")
                return true;
            QThread::msleep(200);
        }
        return false;
    }
    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    int port() const { return m_port; }
    QString host() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QString url(const QString &path) const { return QStringLiteral("http://%1%2").arg(host(), path); }

private:
    QString m_root;
    int m_port;
    QProcess m_process;
};

} // namespace live
