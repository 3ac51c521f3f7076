#pragma once

#include <QString>

// An image reference as Docker reads it (distribution/reference): an optional
// registry host[:port], a lowercase repository path, a tag. Parsed once,
// checked with the same grammar the daemon applies, so a bad WEB_TAG or
// REGISTRY in .env is said before anything is built or sent.
struct ImageReference
{
    QString registry;   // "localhost:5000"; empty for Docker Hub
    QString repository; // "postdodjango-web", "library/python"
    QString tag = QStringLiteral("latest");
    QString error; // why the text is no reference; empty when valid

    bool isValid() const { return error.isEmpty() && !repository.isEmpty(); }
    static ImageReference parse(const QString &text);
    // "localhost:5000/postdodjango-web:latest"
    QString toString() const;
    // Without the tag, as /images/{name}/push wants it.
    QString name() const;
    // The host the credentials are stored under: "localhost:5000", or
    // Docker Hub's "https://index.docker.io/v1/" as the docker CLI writes it.
    QString credentialKey() const;
    // The registry as shown to people: "localhost:5000", "Docker Hub".
    QString registryDisplayName() const;
    // localhost, 127.0.0.0/8 or [::1], with or without a port: the registries
    // Docker talks to over plain HTTP without being told.
    bool isLoopbackRegistry() const;
};
