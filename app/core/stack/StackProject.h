#pragma once

#include "compose/ComposeProject.h"
#include "compose/EnvFile.h"

#include <QUrl>

// One stack folder as the app sees it: its .env, its compose file and the
// names and addresses derived from them (Compose project per mode, the web
// page to open, the dev database to browse). Reloaded whenever the user asks
// or the files change; a broken compose file leaves compose().isValid() false.
class StackProject
{
public:
    StackProject() = default;
    explicit StackProject(QString dir, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

    void reload();

    QString dir() const { return m_dir; }
    QString composeFile() const;
    QString envFilePath() const;
    const EnvFile &env() const { return m_env; }
    const ComposeProject &compose() const { return m_compose; }

    static QStringList modes() { return {QStringLiteral("dev"), QStringLiteral("prod")}; }
    QString stackName() const;
    QString projectName(const QString &mode) const { return ComposeProject::projectName(m_env, mode); }
    QVector<ComposeService> services(const QString &mode) const { return m_compose.servicesForMode(mode); }

    // dev: http://127.0.0.1:DEV_WEB_PORT/ (runserver in Docker);
    // prod: http://127.0.0.1:PROD_HTTP_PORT/ (nginx).
    QUrl webUrl(const QString &mode) const;

    // The dev database as published on loopback (prod's is never published).
    struct DbDefaults
    {
        QString host, user, database, password;
        int port = 5432;
    };
    DbDefaults devDatabase() const;

private:
    QString m_dir;
    QProcessEnvironment m_processEnv;
    EnvFile m_env;
    ComposeProject m_compose;
};
