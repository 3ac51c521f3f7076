#pragma once

#include "compose/ComposeProject.h"
#include "compose/EnvFile.h"
#include "image/ImageWork.h"
#include "stack/StackMode.h"
#include "stack/TlsMode.h"

#include <QMap>
#include <QUrl>

// One stack folder as the app sees it: its .env, its compose files and the
// names and addresses derived from them (Compose project per mode, the web
// page to open, the dev database to browse). A mode runs docker-compose.yml
// with docker-compose.<mode>.yml on top when that overlay exists, exactly what
// compose/run passes with -f, so each mode has its own merged ComposeProject.
// Reloaded whenever the user asks or the files change; a broken file leaves
// that mode's compose(mode).isValid() false and is listed in composeProblems().
class StackProject
{
public:
    StackProject() = default;
    explicit StackProject(QString dir, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

    void reload();

    QString dir() const { return m_dir; }
    // The base file every mode reads.
    QString composeFile() const;
    // The mode's overlay path, whether or not it exists.
    QString overlayFile(StackMode mode) const;
    // What a mode reads, in order: the base, then its overlay if present, and
    // for prod with TLS on the TLS overlay compose/run adds (docker-compose.tls.yml
    // or docker-compose.letsencrypt.yml).
    QStringList composeFiles(StackMode mode) const;
    // TLS_MODE; nullopt when .env names none of the modes (a compose problem).
    std::optional<TlsMode> tlsMode() const;
    // The certificate and key NGINX gets with TLS_MODE=self-signed or files, as
    // compose/run passes them (PDD_TLS_CERT, PDD_TLS_KEY); empty otherwise.
    QString tlsCertificateFile() const;
    QString tlsKeyFile() const;
    QString envFilePath() const;
    const EnvFile &env() const { return m_env; }
    // The merged project of a mode; empty for a mode the stack does not have.
    ComposeProject compose(StackMode mode) const { return m_compose.value(mode); }
    // Each broken file once ("file:line:col: message"), base first; a STACK_NAME
    // Compose would not take as it is comes before them.
    QStringList composeProblems() const;
    // Empty, or why STACK_NAME is no Compose project name (v1 would lowercase it
    // and v2 refuse it; compose/run refuses it in the same words).
    QString stackNameProblem() const;

    static QList<StackMode> modes() { return StackModes::all(); }
    QString stackName() const;
    QString projectName(StackMode mode) const { return ComposeProject::projectName(m_env, StackModes::key(mode)); }
    QVector<ComposeService> services(StackMode mode) const
    {
        return compose(mode).servicesForMode(StackModes::key(mode));
    }
    // The top-level volumes the mode's services mount (unprefixed).
    QStringList volumes(StackMode mode) const { return compose(mode).volumesForMode(StackModes::key(mode)); }

    // dev: http://127.0.0.1:DEV_WEB_PORT/ (runserver in Docker);
    // prod: https://127.0.0.1:PROD_HTTPS_PORT/ with TLS on, else
    // http://127.0.0.1:PROD_HTTP_PORT/ (nginx).
    QUrl webUrl(StackMode mode) const;

    // The dev database as published on loopback (prod's is never published).
    struct DbDefaults
    {
        QString host, user, database, password;
        int port = 5432;
    };
    DbDefaults devDatabase() const;

    // The web service's image and build section as Compose resolves them for
    // the mode (REGISTRY/WEB_IMAGE:WEB_TAG, context ./web, PYTHON_IMAGE).
    // problem is set when there is nothing to build (broken file, no web
    // service, no build section, an image name Docker refuses).
    struct WebImage
    {
        BuildSpec spec;
        QString problem;
    };
    WebImage webImage(StackMode mode) const;

private:
    QString m_dir;
    QProcessEnvironment m_processEnv;
    EnvFile m_env;
    QMap<StackMode, ComposeProject> m_compose;
};
