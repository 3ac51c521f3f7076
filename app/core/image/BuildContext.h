#pragma once

#include "image/DockerIgnore.h"

#include <QString>
#include <QStringList>

#include <functional>

// A docker build context as the docker CLI sends it: the context folder walked
// in lexical order, .dockerignore applied (DockerIgnore), the Dockerfile and
// .dockerignore always included, symlinks kept as links, owner root:root,
// written as a tar by libarchive (pax, like Go's archive/tar) to a file the
// request then streams, so memory does not grow with the context.
class BuildContext
{
public:
    struct Result
    {
        bool ok = false;
        bool cancelled = false;
        QString error;    // one sentence
        qint64 bytes = 0; // of the tar written
        int entries = 0;
        QStringList paths; // every entry, context-relative ("dir/" for folders), in tar order
    };
    // contextDir: the folder; dockerfile: relative to it ("Dockerfile").
    // cancel is polled between files. progress(bytesSoFar) after each file.
    static Result write(const QString &contextDir, const QString &dockerfile, const QString &tarPath,
                        const std::function<bool()> &cancel = {}, const std::function<void(qint64)> &progress = {});

    // What write() would leave out, for the same folder (its .dockerignore).
    static DockerIgnore ignoreFor(const QString &contextDir, const QString &dockerfile);
};
