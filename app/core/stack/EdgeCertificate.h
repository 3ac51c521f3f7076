#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

class QSslSocket;
class QTimer;

// The certificate prod's NGINX presents, as the app shows it: who it is for,
// who issued it and until when. Read from the running edge itself (a TLS
// handshake on loopback), so it is what browsers get, whatever file or volume
// it came from.
struct EdgeCertificate
{
    enum class State {
        Unknown,     // not read (yet), or the edge did not answer: error says why
        Valid,       // more than warnDays left
        ExpiresSoon, // warnDays or fewer left
        Expired,
    };
    static constexpr int warnDays = 14;

    QString subject; // the common name, else the first name it is for
    QString issuer;  // the issuer's organisation and common name
    bool selfSigned = false;
    QDateTime notAfter;
    QString error;

    bool isNull() const { return !notAfter.isValid(); }
    State state(const QDateTime &now) const;
    // Whole days from now to notAfter, rounded down (negative once expired).
    qint64 daysLeft(const QDateTime &now) const;
    // A short line for the window: issuer (or self-signed), expiry date (in the
    // locale's format) and days left.
    QString summary(const QDateTime &now) const;
    // Whom it is for, who issued it, and the expiry with its time (the tooltip).
    QString details() const;
    // Empty, or the warning the banner shows (expired, or warnDays or fewer left).
    QString warning(const QDateTime &now) const;
};
Q_DECLARE_METATYPE(EdgeCertificate)

// Reads the certificate of host:port with one TLS handshake, asking for it
// without judging it (a self-signed one is read like any other). Qt's socket
// is event-driven, so nothing waits on the GUI thread; a newer probe replaces
// one in flight; timeoutMs bounds a port that accepts and then says nothing.
class CertificateProbe : public QObject
{
    Q_OBJECT
public:
    explicit CertificateProbe(QObject *parent = nullptr);
    ~CertificateProbe() override;

    void probe(const QString &host, quint16 port, const QString &serverName = {}, int timeoutMs = 5000);
    void cancel();
    bool running() const;

Q_SIGNALS:
    void finished(const EdgeCertificate &certificate);

private:
    void finish(const EdgeCertificate &certificate);

    QPointer<QSslSocket> m_socket;
    QTimer *m_timeout = nullptr;
    QString m_where;
};
