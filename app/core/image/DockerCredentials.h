#pragma once

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>

// The user's registry credentials, found exactly where and in the order the
// docker CLI finds them (cli/config): the folder is $DOCKER_CONFIG or
// ~/.docker; in its config.json, credHelpers[host] names a helper for that
// registry, else credsStore one for all, else auths[host].auth holds
// base64("user:password") (or identitytoken). Keys are compared as the CLI
// does: exactly, then with the scheme and path stripped ("https://host/v1/").
// Helpers are spoken to with the credential-helper protocol
// (docker-credential-NAME get|store|erase, JSON on stdin/stdout).
struct RegistryCredential
{
    QString serverAddress;
    QString username;
    QString secret; // password, or the identity token when identityToken
    bool identityToken = false;
    bool isEmpty() const { return username.isEmpty() && secret.isEmpty(); }
    // X-Registry-Auth: base64url of {"username","password","serveraddress"}
    // (or {"identitytoken",...}); "{}" when empty. Never logged.
    QByteArray registryAuthHeader() const;
};

class DockerConfig
{
public:
    enum class Source { None, Helper, Store, Inline };
    struct Lookup
    {
        Source source = Source::None;
        QString helper; // "secretservice" for docker-credential-secretservice
        QString key;    // the config key or server URL asked for
    };

    static QString directory(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    // Reads DIR/config.json; a missing file is an empty config, an unreadable
    // or broken one sets error().
    static DockerConfig load(const QString &directory);
    static DockerConfig fromJson(const QByteArray &json);

    QString error() const { return m_error; }
    QString path() const { return m_path; }
    QJsonObject json() const { return m_json; }

    // Where the credentials for this registry key (ImageReference::credentialKey) live.
    Lookup lookup(const QString &registryKey) const;
    // auths[key] decoded (auth or identitytoken); empty when there is none.
    RegistryCredential inlineCredential(const QString &registryKey) const;

    // The docker CLI's ConvertToHostname.
    static QString hostnameOf(const QString &keyOrUrl);

private:
    QString findAuthKey(const QString &registryKey) const;
    QString m_path;
    QString m_error;
    QJsonObject m_json;
};

// One docker-credential-NAME program. Blocking: call it on a worker thread.
class CredentialHelper
{
public:
    struct Result
    {
        bool ok = false;
        bool notFound = false; // the helper has nothing for this server
        RegistryCredential credential;
        QString error; // one sentence
    };
    explicit CredentialHelper(QString name, QProcessEnvironment env = QProcessEnvironment::systemEnvironment());
    QString program() const;
    Result get(const QString &serverUrl) const;
    Result store(const RegistryCredential &credential) const;
    Result erase(const QString &serverUrl) const;

private:
    Result run(const QString &verb, const QByteArray &input) const;
    QString m_name;
    QProcessEnvironment m_env;
};

// The whole lookup: config, then helper or inline auth. Blocking (helpers).
struct CredentialResolution
{
    RegistryCredential credential; // empty when none was found
    DockerConfig::Lookup lookup;
    QString error; // a broken config or a failing helper, one sentence
};
CredentialResolution resolveCredential(const QString &registryKey,
                                       const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
