#include "EdgeCertificate.h"

#include "StackLog.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSslCertificate>
#include <QSslSocket>
#include <QStringList>
#include <QTimer>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(EdgeCertificate)
};

// "14 days", "1 day": one source with %n; English's singular comes from
// postdodjango_en.ts (plural forms only), Portuguese's from postdodjango_pt_BR.ts.
QString days(qint64 n)
{
    return Text::tr("%n day(s)", nullptr, static_cast<int>(qAbs(n)));
}

QString firstOf(const QStringList &values)
{
    return values.isEmpty() ? QString() : values.first();
}

EdgeCertificate fromQt(const QSslCertificate &c)
{
    EdgeCertificate e;
    e.subject = firstOf(c.subjectInfo(QSslCertificate::CommonName));
    if (e.subject.isEmpty())
        e.subject = firstOf(c.subjectAlternativeNames().values());
    const QString org = firstOf(c.issuerInfo(QSslCertificate::Organization));
    const QString cn = firstOf(c.issuerInfo(QSslCertificate::CommonName));
    e.issuer = org.isEmpty() || org == cn ? cn : cn.isEmpty() ? org : QStringLiteral("%1 (%2)").arg(cn, org);
    // Qt's isSelfSigned() also wants the certificate to be fit to sign
    // certificates, which a server's own (compose/run's: no keyCertSign) is not;
    // issued by the name it is for is what self-signed means to the user.
    bool sameName = c.issuerInfoAttributes() == c.subjectInfoAttributes();
    for (const QByteArray &attribute : c.subjectInfoAttributes())
        sameName = sameName && c.issuerInfo(attribute) == c.subjectInfo(attribute);
    e.selfSigned = c.isSelfSigned() || sameName;
    e.notAfter = c.expiryDate();
    return e;
}
} // namespace

qint64 EdgeCertificate::daysLeft(const QDateTime &now) const
{
    const qint64 secs = now.secsTo(notAfter);
    return secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
}

EdgeCertificate::State EdgeCertificate::state(const QDateTime &now) const
{
    if (isNull())
        return State::Unknown;
    if (notAfter <= now)
        return State::Expired;
    return daysLeft(now) <= warnDays ? State::ExpiresSoon : State::Valid;
}

QString EdgeCertificate::summary(const QDateTime &now) const
{
    if (isNull())
        return error.isEmpty() ? Text::tr("certificate not read yet") : Text::tr("certificate not read: %1").arg(error);
    const QString date = QLocale().toString(notAfter.toLocalTime().date(), QLocale::ShortFormat);
    const QString by = selfSigned ? Text::tr("self-signed") : Text::tr("issued by %1").arg(issuer);
    if (state(now) == State::Expired)
        return Text::tr("%1, expired on %2").arg(by, date);
    return Text::tr("%1, valid until %2 (%3 left)").arg(by, date, days(daysLeft(now)));
}

QString EdgeCertificate::details() const
{
    if (isNull())
        return error;
    return Text::tr("Certificate for %1, issued by %2, valid until %3")
        .arg(subject, issuer, QLocale().toString(notAfter.toLocalTime(), QLocale::LongFormat));
}

QString EdgeCertificate::warning(const QDateTime &now) const
{
    const QString date = QLocale().toString(notAfter.toLocalTime().date(), QLocale::ShortFormat);
    switch (state(now)) {
    case State::Expired:
        return Text::tr("The prod certificate (%1) expired on %2: browsers refuse the site. Renew it, then press Up.")
            .arg(issuer, date);
    case State::ExpiresSoon:
        return Text::tr("The prod certificate (%1) expires on %2, in %3: renew it before then, then press Up.")
            .arg(issuer, date, days(daysLeft(now)));
    default: return {};
    }
}

CertificateProbe::CertificateProbe(QObject *parent) : QObject(parent)
{
    m_timeout = new QTimer(this);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        EdgeCertificate e;
        e.error = Text::tr("no TLS answer from %1 within the time limit").arg(m_where);
        finish(e);
    });
}

CertificateProbe::~CertificateProbe()
{
    cancel();
}

bool CertificateProbe::running() const
{
    return !m_socket.isNull();
}

void CertificateProbe::cancel()
{
    m_timeout->stop();
    if (QSslSocket *s = m_socket.data()) {
        m_socket = nullptr;
        s->disconnect(this);
        s->abort();
        s->deleteLater();
    }
}

void CertificateProbe::probe(const QString &host, quint16 port, const QString &serverName, int timeoutMs)
{
    cancel();
    m_where = QStringLiteral("%1:%2").arg(host).arg(port);
    if (!QSslSocket::supportsSsl()) {
        EdgeCertificate e;
        e.error = Text::tr("this Qt has no TLS backend");
        Q_EMIT finished(e);
        return;
    }
    auto *socket = new QSslSocket(this);
    m_socket = socket;
    // Ask for the certificate, do not judge it: trust is the browser's business.
    socket->setPeerVerifyMode(QSslSocket::QueryPeer);
    connect(socket, &QSslSocket::encrypted, this, [this, socket] {
        const QSslCertificate c = socket->peerCertificate();
        EdgeCertificate e = fromQt(c);
        if (c.isNull())
            e.error = Text::tr("%1 sent no certificate").arg(m_where);
        finish(e);
    });
    connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError) {
        EdgeCertificate e;
        e.error = Text::tr("%1: %2").arg(m_where, socket->errorString());
        finish(e);
    });
    m_timeout->start(timeoutMs);
    qCDebug(lcStack) << "reading the certificate of" << m_where << serverName;
    socket->connectToHostEncrypted(host, port, serverName.isEmpty() ? host : serverName);
}

void CertificateProbe::finish(const EdgeCertificate &certificate)
{
    cancel();
    Q_EMIT finished(certificate);
}
