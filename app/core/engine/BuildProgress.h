#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// Follows the JSON-lines answer of POST /build (classic builder): `stream`
// carries the output text, "Step N/M :" lines give real progress (Podman's
// Buildah: "[S/T] STEP N/M:", per stage), `aux.ID`
// names the built image and `error`/`errorDetail` end it. Feed it the objects
// a JsonMessageStream produces; a build Job reads fraction() and status().
class BuildProgress
{
public:
    // Returns the complete output lines this message finished (for the Job log).
    QStringList apply(const QJsonObject &message);

    int step() const { return m_step; }
    int totalSteps() const { return m_total; }
    double fraction() const; // -1 until the first "Step N/M"
    QString status() const { return m_status; }
    QString imageId() const { return m_imageId; }
    QString error() const { return m_error; }
    // Steps the builder took from its cache (" ---> Using cache"; Podman: "--> Using cache <id>").
    int cachedSteps() const { return m_cached; }
    // "Step 5/9 : RUN false" when the build failed during a step; empty otherwise.
    QString failedStep() const { return failed() ? m_status : QString(); }
    bool failed() const { return !m_error.isEmpty(); }

private:
    QString m_pending; // output after the last newline
    int m_step = 0;
    int m_total = 0;
    QString m_status;
    QString m_imageId;
    QString m_error;
    int m_cached = 0;
};
