#include "DockerCredentials.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DockerCredentials)
};
constexpr int kHelperTimeoutMs = 30000; // a helper may wait for a keyring to unlock
} // namespace

QByteArray RegistryCredential::registryAuthHeader() const
{
    QJsonObject o;
    if (!isEmpty()) {
        if (identityToken) {
            o.insert(QStringLiteral("identitytoken"), secret);
        } else {
            o.insert(QStringLiteral("username"), username);
            o.insert(QStringLiteral("password"), secret);
        }
        o.insert(QStringLiteral("serveraddress"), serverAddress);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64(QByteArray::Base64UrlEncoding);
}

QString DockerConfig::directory(const QProcessEnvironment &env)
{
    const QString dir = env.value(QStringLiteral("DOCKER_CONFIG"));
    if (!dir.isEmpty())
        return dir;
    const QString home = env.value(QStringLiteral("HOME"), QDir::homePath());
    return QDir(home).filePath(QStringLiteral(".docker"));
}

DockerConfig DockerConfig::fromJson(const QByteArray &json)
{
    DockerConfig c;
    if (json.trimmed().isEmpty())
        return c;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        c.m_error = Text::tr("Docker's config.json is not valid JSON (%1 at byte %2).")
                        .arg(err.error != QJsonParseError::NoError ? err.errorString() : Text::tr("not an object"))
                        .arg(err.offset);
        return c;
    }
    c.m_json = doc.object();
    return c;
}

DockerConfig DockerConfig::load(const QString &directory)
{
    const QString path = QDir(directory).filePath(QStringLiteral("config.json"));
    QFile f(path);
    if (!f.exists()) {
        DockerConfig c;
        c.m_path = path;
        return c;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        DockerConfig c;
        c.m_path = path;
        c.m_error = Text::tr("%1 cannot be read: %2.").arg(path, f.errorString());
        return c;
    }
    DockerConfig c = fromJson(f.readAll());
    c.m_path = path;
    if (!c.m_error.isEmpty())
        c.m_error = Text::tr("%1: %2").arg(path, c.m_error);
    return c;
}

QString DockerConfig::hostnameOf(const QString &keyOrUrl)
{
    QString s = keyOrUrl;
    if (s.startsWith(QLatin1String("http://")))
        s = s.mid(7);
    else if (s.startsWith(QLatin1String("https://")))
        s = s.mid(8);
    return s.section(QLatin1Char('/'), 0, 0);
}

QString DockerConfig::findAuthKey(const QString &registryKey) const
{
    const QJsonObject auths = m_json.value(QLatin1String("auths")).toObject();
    if (auths.contains(registryKey))
        return registryKey;
    const QString host = hostnameOf(registryKey);
    for (auto it = auths.begin(); it != auths.end(); ++it) {
        if (hostnameOf(it.key()) == host)
            return it.key();
    }
    return {};
}

DockerConfig::Lookup DockerConfig::lookup(const QString &registryKey) const
{
    Lookup l;
    l.key = registryKey;
    const QJsonObject helpers = m_json.value(QLatin1String("credHelpers")).toObject();
    const QString host = hostnameOf(registryKey);
    for (const QString &k : {registryKey, host}) {
        const QString helper = helpers.value(k).toString();
        if (!helper.isEmpty()) {
            l.source = Source::Helper;
            l.helper = helper;
            return l;
        }
    }
    const QString store = m_json.value(QLatin1String("credsStore")).toString();
    if (!store.isEmpty()) {
        l.source = Source::Store;
        l.helper = store;
        return l;
    }
    const QString key = findAuthKey(registryKey);
    if (!key.isEmpty() && !inlineCredential(registryKey).isEmpty()) {
        l.source = Source::Inline;
        l.key = key;
    }
    return l;
}

RegistryCredential DockerConfig::inlineCredential(const QString &registryKey) const
{
    RegistryCredential c;
    const QString key = findAuthKey(registryKey);
    if (key.isEmpty())
        return c;
    const QJsonObject entry = m_json.value(QLatin1String("auths")).toObject().value(key).toObject();
    c.serverAddress = key;
    const QString token = entry.value(QLatin1String("identitytoken")).toString();
    const QByteArray auth = QByteArray::fromBase64(entry.value(QLatin1String("auth")).toString().toLatin1());
    const int colon = int(auth.indexOf(':'));
    if (colon > 0) {
        c.username = QString::fromUtf8(auth.left(colon));
        c.secret = QString::fromUtf8(auth.mid(colon + 1));
    }
    if (!token.isEmpty()) {
        c.secret = token;
        c.identityToken = true;
    }
    return c;
}

CredentialHelper::CredentialHelper(QString name, QProcessEnvironment env)
    : m_name(std::move(name)), m_env(std::move(env))
{
}

QString CredentialHelper::program() const
{
    return QStringLiteral("docker-credential-") + m_name;
}

CredentialHelper::Result CredentialHelper::run(const QString &verb, const QByteArray &input) const
{
    Result r;
    const QString exe =
        QStandardPaths::findExecutable(program(), m_env.value(QStringLiteral("PATH")).split(QLatin1Char(':')));
    if (exe.isEmpty()) {
        r.error = Text::tr("Docker's config names the credential helper \"%1\", but %2 is not installed (not on PATH).")
                      .arg(m_name, program());
        return r;
    }
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.start(exe, {verb});
    if (!p.waitForStarted(kHelperTimeoutMs)) {
        r.error = Text::tr("%1 could not be started: %2.").arg(program(), p.errorString());
        return r;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(kHelperTimeoutMs)) {
        p.kill();
        p.waitForFinished(1000);
        r.error = Text::tr("%1 %2 did not answer within %3 s (is the keyring locked?).")
                      .arg(program(), verb)
                      .arg(kHelperTimeoutMs / 1000);
        return r;
    }
    const QByteArray out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        const QString message = QString::fromUtf8(out + p.readAllStandardError()).trimmed();
        // The protocol's own words for "nothing stored" (credentials.errCredentialsNotFound).
        if (message.contains(QLatin1String("credentials not found"), Qt::CaseInsensitive)) {
            r.notFound = true;
            r.ok = verb == QLatin1String("erase");
            return r;
        }
        r.error = Text::tr("%1 %2 failed: %3")
                      .arg(program(), verb, message.isEmpty() ? Text::tr("no message") : message.left(300));
        return r;
    }
    r.ok = true;
    if (verb == QLatin1String("get")) {
        const QJsonObject o = QJsonDocument::fromJson(out).object();
        if (o.isEmpty()) {
            r.ok = false;
            r.error = Text::tr("%1 get answered something that is not the credential-helper JSON.").arg(program());
            return r;
        }
        r.credential.serverAddress = o.value(QLatin1String("ServerURL")).toString();
        r.credential.username = o.value(QLatin1String("Username")).toString();
        r.credential.secret = o.value(QLatin1String("Secret")).toString();
        // The CLI's convention for identity tokens kept in a helper.
        if (r.credential.username == QLatin1String("<token>")) {
            r.credential.identityToken = true;
            r.credential.username.clear();
        }
    }
    return r;
}

CredentialHelper::Result CredentialHelper::get(const QString &serverUrl) const
{
    return run(QStringLiteral("get"), serverUrl.toUtf8());
}

CredentialHelper::Result CredentialHelper::store(const RegistryCredential &credential) const
{
    QJsonObject o;
    o.insert(QStringLiteral("ServerURL"), credential.serverAddress);
    o.insert(QStringLiteral("Username"), credential.identityToken ? QStringLiteral("<token>") : credential.username);
    o.insert(QStringLiteral("Secret"), credential.secret);
    return run(QStringLiteral("store"), QJsonDocument(o).toJson(QJsonDocument::Compact));
}

CredentialHelper::Result CredentialHelper::erase(const QString &serverUrl) const
{
    return run(QStringLiteral("erase"), serverUrl.toUtf8());
}

CredentialResolution resolveCredential(const QString &registryKey, const QProcessEnvironment &env)
{
    CredentialResolution res;
    const DockerConfig config = DockerConfig::load(DockerConfig::directory(env));
    if (!config.error().isEmpty()) {
        res.error = config.error();
        return res;
    }
    res.lookup = config.lookup(registryKey);
    switch (res.lookup.source) {
    case DockerConfig::Source::None: break;
    case DockerConfig::Source::Inline: res.credential = config.inlineCredential(registryKey); break;
    case DockerConfig::Source::Helper:
    case DockerConfig::Source::Store: {
        const CredentialHelper::Result r = CredentialHelper(res.lookup.helper, env).get(registryKey);
        if (r.ok) {
            res.credential = r.credential;
            if (res.credential.serverAddress.isEmpty())
                res.credential.serverAddress = registryKey;
        } else if (!r.notFound) {
            res.error = r.error;
        }
        // Not found in the helper: none, even if auths has an old entry
        // (nativeStore.Get overwrites the file's user and password with the helper's).
        break;
    }
    }
    return res;
}
