#include "StackProject.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

StackProject::StackProject(QString dir, const QProcessEnvironment &env) : m_dir(std::move(dir)), m_processEnv(env)
{
    reload();
}

QString StackProject::composeFile() const
{
    return QDir(m_dir).filePath(QStringLiteral("docker-compose.yml"));
}

QString StackProject::overlayFile(StackMode mode) const
{
    return QDir(m_dir).filePath(QStringLiteral("docker-compose.%1.yml").arg(StackModes::key(mode)));
}

QStringList StackProject::composeFiles(StackMode mode) const
{
    QStringList files{composeFile()};
    // A stack without overlays (an older copy, or a user's own) is still a stack.
    if (QFileInfo::exists(overlayFile(mode)))
        files << overlayFile(mode);
    if (mode == StackMode::Prod) {
        const QString tls = TlsModes::overlay(tlsMode().value_or(TlsMode::Off));
        const QString file = QDir(m_dir).filePath(QStringLiteral("docker-compose.%1.yml").arg(tls));
        if (!tls.isEmpty() && QFileInfo::exists(file))
            files << file;
    }
    return files;
}

std::optional<TlsMode> StackProject::tlsMode() const
{
    return TlsModes::parse(m_env.value(QStringLiteral("TLS_MODE")));
}

namespace {
// What compose/run mounts into NGINX (PDD_TLS_CERT / PDD_TLS_KEY): the file it
// makes in tls/self-signed/, or the user's own named in .env, relative to the folder.
QString tlsFile(const QString &dir, std::optional<TlsMode> mode, const QString &selfSignedName, const QString &own)
{
    switch (mode.value_or(TlsMode::Off)) {
    case TlsMode::SelfSigned: return QDir(dir).filePath(QStringLiteral("tls/self-signed/") + selfSignedName);
    case TlsMode::Files: return own.isEmpty() ? QString() : QDir::cleanPath(QDir(dir).absoluteFilePath(own));
    default: return {};
    }
}
} // namespace

QString StackProject::tlsCertificateFile() const
{
    return tlsFile(m_dir, tlsMode(), QStringLiteral("fullchain.pem"), m_env.value(QStringLiteral("TLS_CERT_FILE")));
}

QString StackProject::tlsKeyFile() const
{
    return tlsFile(m_dir, tlsMode(), QStringLiteral("privkey.pem"), m_env.value(QStringLiteral("TLS_KEY_FILE")));
}

QString StackProject::stackNameProblem() const
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9_-]*$"));
    const QString name = stackName();
    if (valid.match(name).hasMatch())
        return {};
    return QStringLiteral("STACK_NAME=%1 is not a valid Compose project name: use lowercase letters, digits, "
                          "'-' and '_', starting with a letter or a digit (set it in %2).")
        .arg(name, QDir::toNativeSeparators(envFilePath()));
}

QStringList StackProject::composeProblems() const
{
    QStringList out;
    if (const QString name = stackNameProblem(); !name.isEmpty())
        out << name;
    if (!tlsMode())
        out << QCoreApplication::translate("StackProject",
                                           "TLS_MODE=%1 in %2 is none of self-signed, files, letsencrypt, off.")
                   .arg(m_env.value(QStringLiteral("TLS_MODE")), QDir::toNativeSeparators(envFilePath()));
    for (StackMode mode : modes()) {
        const ComposeProject p = m_compose.value(mode);
        if (!p.isValid() && !out.contains(p.error().toString()))
            out << p.error().toString();
    }
    return out;
}

QString StackProject::envFilePath() const
{
    return QDir(m_dir).filePath(QStringLiteral(".env"));
}

void StackProject::reload()
{
    m_env = EnvFile::load(envFilePath());
    m_env.setEnvironment(m_processEnv);
    // What compose/run passes the TLS overlay, so it reads here as there.
    QProcessEnvironment withTls = m_processEnv;
    if (const QString cert = tlsCertificateFile(); !cert.isEmpty()) {
        withTls.insert(QStringLiteral("PDD_TLS_CERT"), cert);
        withTls.insert(QStringLiteral("PDD_TLS_KEY"), tlsKeyFile());
        m_env.setEnvironment(withTls);
    }
    m_compose.clear();
    for (StackMode mode : modes())
        m_compose.insert(mode, ComposeProject::load(composeFiles(mode), m_env));
}

QString StackProject::stackName() const
{
    return m_env.value(QStringLiteral("STACK_NAME"), QStringLiteral("postdodjango"));
}

QUrl StackProject::webUrl(StackMode mode) const
{
    const bool prod = mode == StackMode::Prod;
    const bool tls = prod && tlsMode().value_or(TlsMode::Off) != TlsMode::Off;
    const int port = tls ? m_env.intValue(QStringLiteral("PROD_HTTPS_PORT"), 443)
        : prod           ? m_env.intValue(QStringLiteral("PROD_HTTP_PORT"), 80)
                         : m_env.intValue(QStringLiteral("DEV_WEB_PORT"), 8000);
    QUrl url;
    url.setScheme(tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    if (port != (tls ? 443 : 80))
        url.setPort(port);
    url.setPath(QStringLiteral("/"));
    return url;
}

StackProject::DbDefaults StackProject::devDatabase() const
{
    DbDefaults d;
    d.host = QStringLiteral("127.0.0.1");
    d.port = m_env.intValue(QStringLiteral("DEV_DB_PORT"), 5432);
    d.user = m_env.value(QStringLiteral("POSTGRES_USER"), QStringLiteral("postgres"));
    // The same fallback as docker-compose.yml's ${POSTGRES_DB:-app}.
    d.database = m_env.value(QStringLiteral("POSTGRES_DB"), QStringLiteral("app"));
    d.password = m_env.value(QStringLiteral("POSTGRES_PASSWORD"));
    return d;
}

StackProject::WebImage StackProject::webImage(StackMode mode) const
{
    WebImage w;
    const ComposeProject project = compose(mode);
    if (!project.isValid()) {
        w.problem = QCoreApplication::translate("StackProject", "The compose files have a problem (see the banner).");
        return w;
    }
    const QVector<ComposeService> all = services(mode);
    const auto web =
        std::find_if(all.cbegin(), all.cend(), [](const ComposeService &s) { return s.name == QLatin1String("web"); });
    if (web == all.cend()) {
        w.problem = QCoreApplication::translate("StackProject", "docker-compose.yml has no web service.");
        return w;
    }
    w.spec.reference = ImageReference::parse(web->image);
    if (!web->hasBuild) {
        w.problem = QCoreApplication::translate("StackProject", "The web service has no build section.");
        return w;
    }
    w.spec.contextDir =
        QDir::cleanPath(QDir(m_dir).filePath(web->buildContext.isEmpty() ? QStringLiteral(".") : web->buildContext));
    if (!web->buildDockerfile.isEmpty())
        w.spec.dockerfile = web->buildDockerfile;
    w.spec.buildArgs = web->buildArgs;
    if (!w.spec.reference.isValid())
        w.problem = QCoreApplication::translate("StackProject", "The web image name from .env is not valid: %1")
                        .arg(w.spec.reference.error);
    return w;
}
